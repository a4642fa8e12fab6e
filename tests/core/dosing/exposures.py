"""Sessions of an exercise as the dosing rules read them (a good one, any other), and the
bridge's ladder."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from hiptimer.core.dosing.dose_steps import Dose, ExerciseHistory, Exposure
from hiptimer.core.routines.ladder import at_rung, with_ladder
from hiptimer.core.routines.model import Exercise, Kind, Rung, SideMode

LAST_DAY = date(2026, 3, 20)
BRIDGE = Exercise("bridge", "Bridge", Kind.REPS, sets=3, reps=10, reps_range=(10, 15))
STRETCH = Exercise(
    "flexor", "Hip flexor stretch", Kind.HOLD, sets=3, hold_s=30, sides=SideMode.EACH
)


def s(
    pain: int | None = 1,
    morning: int | None = 1,
    before: int | None = 1,
    *,
    age: int = 0,
    done: bool = True,
    unrated: int = 0,
    dose: Dose | None = None,
) -> Exposure:
    """A session `age` days before LAST_DAY; the dose defaults to the exercise's (filled in)."""
    day = LAST_DAY - timedelta(days=age)
    return Exposure(
        session_id=1000 - age,
        date=day,
        dose=dose or Dose(0),  # placeholder, replaced by `history`
        all_sets_done=done,
        max_pain=pain,
        morning_pain=morning,
        prev_morning_pain=before,
        unrated_sets=unrated,
    )


def history(ex: Exercise, *exposures: Exposure, doses: tuple[Dose, ...] = ()) -> ExerciseHistory:
    """Exposures in order, two days apart unless given an age; a placeholder dose is ex's."""
    n = len(exposures)
    fixed = []
    for i, e in enumerate(exposures):
        if e.dose == Dose(0):
            e = dataclasses.replace(e, dose=Dose.of(ex))
        if e.date == LAST_DAY and i < n - 1:
            age = 2 * (n - 1 - i)
            e = dataclasses.replace(e, date=LAST_DAY - timedelta(days=age), session_id=1000 - age)
        fixed.append(e)
    return ExerciseHistory(ex.id, None, tuple(fixed), doses)


GOOD = s()
# A bridge at its ceiling (3 x 15) with the single-leg bridge above it; the leg raise with an
# ankle weight above it.
LADDER = with_ladder(
    BRIDGE.with_dose(reps=15),
    Rung("single-leg-bridge", "Single-leg bridge", sets=2, reps=8, reps_range=(8, 12),
         sides=SideMode.EACH),
)  # fmt: skip
SINGLE = at_rung(LADDER, 1)
SINGLE_START = Dose(2, reps=8, rung=1)


def on0(n: int) -> Dose:
    """A dose of the bridge on the first rung of LADDER."""
    return Dose(3, reps=n, rung=0)
