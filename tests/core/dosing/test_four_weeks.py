"""Four weeks of simulated sessions: the rules climb the ladders, and a flare steps back down.

Every session runs on the real engine with a fake clock and is written to a real history
store by the real recorder; each next morning is checked in, and every suggestion offered is
accepted as a user would (saving the user's copy of the routine), so the next session runs
what was saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hiptimer import paths
from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.dosing import decisions
from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.dosing.inputs import routine_recommendations
from hiptimer.core.dosing.rules import Recommendation
from hiptimer.core.dosing.words import is_offer
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.routines.ladder import variant_id
from hiptimer.core.routines.loader import routine_from_data
from hiptimer.core.routines.model import Exercise, Routine
from hiptimer.core.routines.writer import save_routine
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.events import PainChoice
from hiptimer.core.session.recorder import SessionRecorder
from hiptimer.core.session.steps import StepKind

# Monday 2 March 2026, 18:00 local time: sessions in the evening, check-ins next morning.
START = datetime(2026, 3, 2, 18, 0).astimezone()
DAYS = (0, 2, 4, 6)  # Monday, Wednesday, Friday, Sunday: four sessions a week
WEEKS = 4

STRENGTH: dict[str, object] = {
    "format": "hiptimer-routine",
    "version": 2,
    "id": "strength",
    "title": "Strength",
    "schedule": {"min_per_week": 3, "max_per_week": 4},
    "rests": {"get_ready_s": 5, "between_sets_s": 10, "between_sides_s": 3, "after_exercise_s": 10},
    "exercises": [
        {
            "id": "bridge",
            "name": "Bridge",
            "kind": "reps",
            "sets": 3,
            "reps": 10,
            "reps_range": [10, 15],
            "rep_hold_s": 3,
            "ladder": [
                {
                    "id": "single-leg-bridge",
                    "name": "Single-leg bridge",
                    "sides": "each",
                    "sets": 2,
                    "reps": 8,
                    "reps_range": [8, 12],
                }
            ],
        },
        {
            "id": "straight-leg-raise",
            "name": "Straight leg raise",
            "kind": "reps",
            "sets": 2,
            "reps": 15,
            "rep_hold_s": 3,
            "sides": "each",
            "ceiling": {"sets": 3},
            "ladder": [
                {
                    "id": "straight-leg-raise-weighted",
                    "name": "Straight leg raise with an ankle weight",
                    "sets": 2,
                    "reps": 10,
                    "reps_range": [10, 15],
                    "load": {"amount": 1, "unit": "kg"},
                    "ceiling": {"sets": 3},
                }
            ],
        },
    ],
}

Pain = Callable[[Exercise], int]


def low(ex: Exercise) -> int:
    return 1


@dataclass
class Diary:
    """What happened each session: the variant and dose done, and the answers given."""

    done: list[tuple[int, str, str, int, float | None]] = field(default_factory=list)
    answers: list[tuple[int, str, DoseAction, str]] = field(default_factory=list)
    seen: set[DoseAction] = field(default_factory=set)  # every suggestion shown

    def variants(self, exercise_id: str) -> list[str]:
        return [v for _, ex_id, v, _, _ in self.done if ex_id == exercise_id]

    def moves(self, exercise_id: str) -> list[tuple[int, DoseAction, str]]:
        return [(n, a, rule) for n, ex_id, a, rule in self.answers if ex_id == exercise_id]


class FourWeeks:
    """The user: does each session, checks in next morning, accepts every suggestion."""

    def __init__(self, store: HistoryStore, routine_id: str) -> None:
        self.store = store
        self.routine_id = routine_id
        self.clock = FakeClock()
        self.wall = FakeWall(self.clock, START)
        self.diary = Diary()
        self.number = 0

    def routine(self) -> Routine:
        entry = load_catalog().get(self.routine_id)
        assert entry is not None and entry.routine is not None, entry
        return entry.routine

    def wait_until(self, when: datetime) -> None:
        self.clock.advance((when - self.wall()).total_seconds())

    def session(self, pain: Pain = low, morning: int = 1) -> int:
        """One whole session as it would run in the app; returns the history's id for it."""
        self.number += 1
        routine = self.routine()
        engine = SessionEngine(routine, clock=self.clock, wall=self.wall)
        recorder = SessionRecorder(self.store, engine)
        engine.subscribe(recorder.handle)
        engine.start()
        while engine.ended is None:
            view = engine.view()
            if view.awaiting_choice:
                engine.choose(PainChoice.STOP)  # a flare: stop the exercise for today
            elif view.awaiting_pain:
                assert view.exercise is not None
                engine.rate_pain(pain(view.exercise))
            elif view.step.kind is StepKind.WORK and view.duration_s is None:
                engine.count_rep()
            else:
                self.clock.advance(max(0.05, view.remaining_s or 0.05))
                engine.update()
        for ex in routine.active_exercises:
            dose = ex.hold_s if ex.reps is None else ex.reps
            self.diary.done.append((self.number, ex.id, variant_id(ex), ex.sets, dose))
        sid = recorder.session_id
        assert sid is not None
        self.answer(self.after_session())  # the summary shows a step back at once
        self.wait_until(self.wall().replace(hour=7, minute=0) + timedelta(days=1))
        self.store.record_morning(sid, morning, 1, self.wall())
        self.answer(self.after_session())  # the morning check-in brings the rest
        return sid

    def after_session(self) -> list[Recommendation]:
        return routine_recommendations(self.store, self.routine())

    def answer(self, recs: list[Recommendation]) -> None:
        for rec in recs:
            self.diary.seen.add(rec.action)
            if is_offer(rec) and rec.action in (DoseAction.PROGRESS, DoseAction.STEP_BACK):
                decisions.accept(self.store, self.routine(), rec, self.wall())
                self.diary.answers.append((self.number, rec.exercise_id, rec.action, rec.rule))

    def weeks(self, count: int, pain: Callable[[int], Pain] = lambda n: low) -> None:
        """Sessions on DAYS of `count` weeks, from the week after the last session."""
        first = START + timedelta(weeks=self.number // len(DAYS))
        for week in range(count):
            for day in DAYS:
                self.wait_until(first + timedelta(weeks=week, days=day))
                self.session(pain(self.number + 1))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


@pytest.fixture(params=["strength", "hip-strengthening"])
def user(request: pytest.FixtureRequest, store: HistoryStore) -> FourWeeks:
    """The user of this file's routine, or of the built-in one its ladders come from."""
    if request.param == "strength":
        routine = routine_from_data(STRENGTH, "strength.json")
        save_routine(routine, paths.user_routines_dir() / "strength.json")
    return FourWeeks(store, request.param)


def flare_on(session: int) -> Callable[[int], Pain]:
    """Pain kept low, except a flare (7/10 in every exercise) in one session."""
    return lambda n: (lambda ex: 7) if n == session else low


def test_four_weeks_of_low_pain_climb_both_ladders(user: FourWeeks) -> None:
    user.weeks(WEEKS)
    bridge, raise_ = user.diary.variants("bridge"), user.diary.variants("straight-leg-raise")
    assert len(bridge) == WEEKS * len(DAYS) == 16
    assert bridge[0] == "bridge" and bridge[-1] == "single-leg-bridge"
    assert raise_[0] == "straight-leg-raise" and raise_[-1] == "straight-leg-raise-weighted"
    # Each climb came after the variant reached its ceiling, two good sessions in a row.
    climbs = {ex: [m for m in user.diary.moves(ex) if m[2] == r] for ex, r in (
        ("bridge", "progress.ladder"), ("straight-leg-raise", "progress.load"))}  # fmt: skip
    assert [n for n, _, _ in climbs["bridge"]] == [bridge.index("single-leg-bridge")]
    assert [n for n, _, _ in climbs["straight-leg-raise"]] == [
        raise_.index("straight-leg-raise-weighted")
    ]
    before = [d for d in user.diary.done if d[1] == "bridge" and d[2] == "bridge"]
    assert before[-1][3:] == (3, 15)  # the bridge's ceiling: 3 x 15
    first_single = next(d for d in user.diary.done if d[2] == "single-leg-bridge")
    assert first_single[3:] == (2, 8)  # the single-leg bridge at its own starting dose
    first_weighted = next(d for d in user.diary.done if d[2] == "straight-leg-raise-weighted")
    assert first_weighted[3:] == (2, 10)
    # Nothing ever went back: pain stayed low.
    assert not [a for a in user.diary.answers if a[2] is DoseAction.STEP_BACK]
    weighted = user.routine().exercise("straight-leg-raise")
    assert weighted.load is not None and weighted.load.text == "1 kg"


def test_a_flare_after_the_climb_steps_back_down_the_ladder(user: FourWeeks) -> None:
    user.weeks(2)  # eight sessions: the bridge is at its ceiling, 3 x 15
    user.weeks(2, pain=flare_on(10))  # the first session after the climb flares up
    done = {(n, ex_id): (variant, sets, dose) for n, ex_id, variant, sets, dose in user.diary.done}
    assert done[(9, "bridge")] == ("bridge", 3, 15)
    assert done[(10, "bridge")] == ("single-leg-bridge", 2, 8)
    back = [(n, r) for n, a, r in user.diary.moves("bridge") if a is DoseAction.STEP_BACK]
    assert back == [(10, "step_back.pain")]
    # Back down the ladder, to the proven bridge at the dose it was left at ...
    assert done[(11, "bridge")] == ("bridge", 3, 15)
    assert done[(12, "bridge")] == ("bridge", 3, 15)
    # ... and up again only after two more good sessions there.
    assert [n for n, _, r in user.diary.moves("bridge") if r == "progress.ladder"] == [9, 12]
    assert done[(13, "bridge")] == ("single-leg-bridge", 2, 8)
    # The leg raise, higher on its own rung by then, stepped back to its last dose on it.
    assert done[(10, "straight-leg-raise")] == ("straight-leg-raise-weighted", 2, 14)
    assert done[(11, "straight-leg-raise")] == ("straight-leg-raise-weighted", 2, 12)
    # One flare is not a reason to see a clinician.
    assert DoseAction.SEE_CLINICIAN not in user.diary.seen


def test_the_decisions_are_in_the_history(user: FourWeeks, store: HistoryStore) -> None:
    user.weeks(3)
    rows = [(c.exercise_id, c.field, c.old_value, c.new_value, c.accepted)
            for c in store.dose_changes(user.routine_id)]  # fmt: skip
    assert ("bridge", "rung", 0, 1, True) in rows
    assert ("straight-leg-raise", "rung", 0, 1, True) in rows
    assert all(accepted for *_, accepted in rows)
