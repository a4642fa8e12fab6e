"""Dose arithmetic for the pain rules: doses, sessions at a dose, and the steps up and back."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from hiptimer.core.history.outcome import SetCounts
from hiptimer.core.routines.model import Exercise, Kind
from hiptimer.core.session.steps import Side


@dataclass(frozen=True)
class PainRuleSettings:
    """Every threshold of the rules, with its clinical default."""

    safe_pain_max: int = 2  # Silbernagel 2007: 0-2/10 during exercise is safe
    acceptable_pain_max: int = 5  # up to 5/10 acceptable, above is too much
    important_change: int = 2  # Farrar 2001: the smallest change that matters
    sessions_to_progress: int = 2  # good sessions in a row at the same dose
    high_pain_sessions_for_clinician: int = 3  # sessions running above acceptable
    weekly_rise_for_clinician: float = 2.0  # rise of the weekly average pain
    trend_window_days: int = 7  # a "week" for the weekly average
    reps_step: int = 2  # reps added when progressing, up to the top of the range
    reps_step_back: int = 2  # reps taken off when stepping back, down to the range bottom
    hold_step_s: float = 5
    min_hold_s: float = 5
    max_hold_s: float = 60  # longest stretch hold in the seed programs; then add a set
    max_sets: int = 5


DEFAULT_SETTINGS = PainRuleSettings()


@dataclass(frozen=True)
class Dose:
    """The dose fields the rules change: sets, and reps or hold seconds."""

    sets: int
    reps: int | None = None
    hold_s: float | None = None

    @classmethod
    def of(cls, ex: Exercise) -> Dose:
        if ex.kind is Kind.HOLD:
            return cls(ex.sets, hold_s=ex.hold_s)
        return cls(ex.sets, reps=ex.reps)

    @property
    def text(self) -> str:
        """'3 x 12 reps' or '3 x 35 s'."""
        if self.reps is not None:
            return f"{self.sets} x {self.reps} reps"
        return f"{self.sets} x {self.hold_s or 0:g} s"

    def is_lower_than(self, other: Dose) -> bool:
        """Less in at least one field and more in none (doses of the same kind only)."""
        pairs: list[tuple[float, float]] = [(self.sets, other.sets)]
        for mine, theirs in ((self.reps, other.reps), (self.hold_s, other.hold_s)):
            if (mine is None) != (theirs is None):
                return False
            if mine is not None and theirs is not None:
                pairs.append((mine, theirs))
        return all(a <= b for a, b in pairs) and any(a < b for a, b in pairs)


class FieldChange(NamedTuple):
    """One changed dose field, as the history store's dose_changes rows record it."""

    field: str
    old: float | None
    new: float | None


@dataclass(frozen=True)
class Exposure:
    """One session of one exercise on one side, reduced to what the rules look at."""

    session_id: int
    date: dt.date
    dose: Dose  # the planned dose at the start of the session
    all_sets_done: bool
    max_pain: int | None  # highest rating of the rated sets; None when none was rated
    morning_pain: int | None  # the morning after this session
    prev_morning_pain: int | None  # the last morning check-in before this session
    unrated_sets: int = 0  # sets done without a pain rating
    counts: SetCounts | None = None  # this exercise's sets by outcome, when known

    @property
    def morning_rise(self) -> int | None:
        """How much worse the morning after was than the morning before (negative: better)."""
        if self.morning_pain is None or self.prev_morning_pain is None:
            return None
        return self.morning_pain - self.prev_morning_pain


@dataclass(frozen=True)
class ExerciseHistory:
    """The recent sessions of one exercise and side, oldest first.

    `dose_history` lists the doses the exercise has had, oldest first (the current one may
    be included); when empty, the planned doses of the exposures stand in for it.
    """

    exercise_id: str
    side: Side | None
    exposures: tuple[Exposure, ...]
    dose_history: tuple[Dose, ...] = ()


def progressed_dose(ex: Exercise, s: PainRuleSettings = DEFAULT_SETTINGS) -> Dose | None:
    """The next dose up: reps within the range, then hold time, then one more set.

    A hold longer than `max_hold_s` is a timed activity (a warm-up walk, easy cardio), not
    a stretch: it is neither lengthened nor repeated.
    """
    dose = Dose.of(ex)
    if ex.kind is Kind.HOLD and (dose.hold_s or 0) > s.max_hold_s:
        return None
    if ex.kind is Kind.REPS:
        reps = dose.reps or 0
        if ex.reps_range is not None and reps < ex.reps_range[1]:
            return dataclasses.replace(dose, reps=min(reps + s.reps_step, ex.reps_range[1]))
    elif (dose.hold_s or 0) < s.max_hold_s:
        return dataclasses.replace(
            dose, hold_s=min((dose.hold_s or 0) + s.hold_step_s, s.max_hold_s)
        )
    if dose.sets < s.max_sets:
        return dataclasses.replace(dose, sets=dose.sets + 1)
    return None


def reduced_dose(ex: Exercise, s: PainRuleSettings = DEFAULT_SETTINGS) -> Dose | None:
    """A smaller dose: fewer reps (not below the range) or a shorter hold, else one set less."""
    dose = Dose.of(ex)
    if ex.kind is Kind.REPS:
        bottom = ex.reps_range[0] if ex.reps_range is not None else 1
        if (dose.reps or 0) > bottom:
            return dataclasses.replace(dose, reps=max((dose.reps or 0) - s.reps_step_back, bottom))
    elif (dose.hold_s or 0) > s.min_hold_s:
        return dataclasses.replace(
            dose, hold_s=max((dose.hold_s or 0) - s.hold_step_s, s.min_hold_s)
        )
    if dose.sets > 1:
        return dataclasses.replace(dose, sets=dose.sets - 1)
    return None


def step_back_dose(
    history: ExerciseHistory, ex: Exercise, s: PainRuleSettings = DEFAULT_SETTINGS
) -> Dose | None:
    """The last earlier dose lower than the current one, or else a reduced dose.

    An earlier dose outside the exercise's present reps range (edited since) is passed over.
    """
    current, low_high = Dose.of(ex), ex.reps_range
    earlier = history.dose_history or tuple(e.dose for e in history.exposures)
    for dose in reversed(earlier):
        fits = low_high is None or dose.reps is None or low_high[0] <= dose.reps <= low_high[1]
        if fits and dose.is_lower_than(current):
            return dose
    return reduced_dose(ex, s)
