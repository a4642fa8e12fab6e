"""Tests of hiptimer.core.dosing.inputs: exposures and past doses read from a real store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.dosing.dose_steps import Dose, step_back_dose
from hiptimer.core.dosing.inputs import (
    RECENT_SESSIONS,
    dose_history,
    exercise_histories,
    routine_recommendations,
)
from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.ladder import at_rung, with_ladder
from hiptimer.core.routines.model import Ceiling, Exercise, Kind, Routine, Rung, SideMode
from hiptimer.core.routines.writer import exercise_to_data
from hiptimer.core.session.steps import Side

BRIDGE = Exercise("bridge", "Bridge", Kind.REPS, sets=2, reps=10, reps_range=(8, 14))
CLAM = Exercise(
    "clam",
    "Clamshell",
    Kind.HOLD,
    sets=1,
    hold_s=20,
    sides=SideMode.EACH,
    ceiling=Ceiling(hold_s=30),
)
HIPS = Routine("hips", "Hips", (BRIDGE, CLAM))
OTHER = Routine("other", "Other", (Exercise("walk", "Walk", Kind.HOLD, hold_s=300),))
DAY1 = date(2026, 3, 2)

Pains = dict[tuple[str, str | None], list[int | None]]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def session(
    store: HistoryStore,
    day: date,
    pains: Pains,
    *,
    routine: Routine = HIPS,
    doses: bool = True,
    skipped: tuple[tuple[str, str | None, int], ...] = (),
    morning: int | None = None,
) -> int:
    """One session: a set per pain given; (exercise, side, set number) in `skipped` skipped."""
    start = at(day)
    planned = {ex.id: exercise_to_data(ex) for ex in routine.exercises} if doses else {}
    sid = store.begin_session(routine.id, routine.title, routine.revision, planned, start)
    when = start
    for (ex_id, side), ratings in pains.items():
        ex = routine.exercise(ex_id)
        for number, pain in enumerate(ratings, start=1):
            skip = (ex_id, side, number) in skipped
            store.add_set(
                sid,
                StoredSet(
                    ex_id, ex.name, number, when, when + timedelta(seconds=30), side=side,
                    planned_hold_s=ex.hold_s, planned_reps=ex.reps, completed=not skip,
                    skipped=skip, pain=None if skip else pain,
                ),
            )  # fmt: skip
            when += timedelta(seconds=40)
    store.finish_session(sid, "completed", when)
    if morning is not None:
        store.record_morning(sid, morning, 1, at(day + timedelta(days=1), 7))
    return sid


def good(day: date, morning: int | None = 0) -> tuple[date, Pains, int | None]:
    return day, {("bridge", None): [1, 2], ("clam", "right"): [0], ("clam", "left"): [1]}, morning


def test_exposures_per_exercise_and_side(store: HistoryStore) -> None:
    other = session(store, DAY1 - timedelta(days=3), {("walk", None): [0]}, routine=OTHER)
    store.record_morning(other, 3, 2, at(DAY1 - timedelta(days=2), 7))
    first = session(store, DAY1, {("bridge", None): [2, None], ("clam", "right"): [4]}, morning=1)
    second = session(
        store,
        DAY1 + timedelta(days=2),
        {("bridge", None): [1, 0], ("clam", "right"): [0], ("clam", "left"): [6]},
        skipped=(("bridge", None, 2),),
    )
    found = exercise_histories(store, HIPS)
    assert set(found) == {("bridge", None), ("clam", Side.RIGHT), ("clam", Side.LEFT)}
    bridge = found[("bridge", None)]
    assert [e.session_id for e in bridge.exposures] == [first, second]
    one, two = bridge.exposures
    assert (one.date, one.dose, one.all_sets_done, one.max_pain, one.unrated_sets) == (
        DAY1,
        Dose(2, reps=10),
        True,
        2,
        1,
    )
    # The morning after, and the last check-in before (from another routine).
    assert (one.morning_pain, one.prev_morning_pain) == (1, 3)
    assert (two.all_sets_done, two.max_pain, two.unrated_sets) == (False, 1, 0)
    assert (two.morning_pain, two.prev_morning_pain) == (None, 1)
    left = found[("clam", Side.LEFT)].exposures
    assert [(e.session_id, e.max_pain, e.dose) for e in left] == [(second, 6, Dose(1, hold_s=20))]


def test_a_checkin_in_the_same_second_as_the_next_start_comes_before_it(
    store: HistoryStore,
) -> None:
    """The check-in is asked before the library, so a session can start the same second."""
    first = session(store, DAY1, {("bridge", None): [1]})
    store.record_morning(first, 2, 1, at(DAY1 + timedelta(days=1)))  # 09:00, like the start
    session(store, DAY1 + timedelta(days=1), {("bridge", None): [1]})
    _, second = exercise_histories(store, HIPS)[("bridge", None)].exposures
    assert second.prev_morning_pain == 2


def test_the_dose_of_a_session_without_recorded_doses_comes_from_its_sets(
    store: HistoryStore,
) -> None:
    session(store, DAY1, {("bridge", None): [1, 1, 1]}, doses=False)
    [e] = exercise_histories(store, HIPS)[("bridge", None)].exposures
    assert e.dose == Dose(3, reps=10) and e.all_sets_done


def test_exercises_no_longer_in_the_routine_and_empty_histories(store: HistoryStore) -> None:
    assert exercise_histories(store, HIPS) == {}
    session(store, DAY1, {("bridge", None): [1]})
    only_clam = Routine("hips", "Hips", (CLAM,))
    assert exercise_histories(store, only_clam) == {}


def test_a_bounded_number_of_queries_however_long_the_history(store: HistoryStore) -> None:
    for n in range(40):
        session(store, DAY1 + timedelta(days=n), good(DAY1)[1], morning=n % 3)
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    try:
        found = exercise_histories(store, HIPS)
    finally:
        store._conn.set_trace_callback(None)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 4
    # Two weeks of daily sessions (the weekly trend needs them), more than RECENT_SESSIONS.
    exposures = found[("bridge", None)].exposures
    assert len(exposures) == 15 > RECENT_SESSIONS
    assert exposures[-1].date - exposures[0].date == timedelta(days=14)


def test_sparse_sessions_still_give_the_last_few(store: HistoryStore) -> None:
    for n in range(20):
        session(store, DAY1 + timedelta(days=10 * n), good(DAY1)[1])
    exposures = exercise_histories(store, HIPS)[("bridge", None)].exposures
    assert len(exposures) == RECENT_SESSIONS


def test_dose_history_from_accepted_changes_and_sessions(store: HistoryStore) -> None:
    old = BRIDGE.with_dose(reps=10)
    session(store, DAY1, good(DAY1)[1], routine=Routine("hips", "Hips", (old, CLAM)))
    decide = at(DAY1 + timedelta(days=1), 8)
    store.record_dose_change("hips", "bridge", "reps", 10, 12, accepted=True, decided_at=decide)
    store.record_dose_change(
        "hips", "bridge", "reps", 12, 14, accepted=False, decided_at=decide + timedelta(days=1)
    )
    later = decide + timedelta(days=2)
    store.record_dose_change("hips", "bridge", "reps", 12, 14, accepted=True, decided_at=later)
    store.record_dose_change("hips", "bridge", "sets", 2, 3, accepted=True, decided_at=later)
    now = BRIDGE.with_dose(reps=14, sets=3)
    routine = Routine("hips", "Hips", (now, CLAM))
    history = exercise_histories(store, routine)[("bridge", None)]
    assert history.dose_history == (Dose(2, reps=10), Dose(2, reps=12), Dose(3, reps=14))
    # Stepping back goes to the dose before the last accepted change.
    assert step_back_dose(history, now) == Dose(2, reps=12)


def test_dose_history_works_back_from_the_present_dose() -> None:
    """A change records only its own fields; the others come from the dose after it."""
    from hiptimer.core.history.queries import DoseChange

    def change(n: int, field: str, old: float, new: float) -> DoseChange:
        when = at(DAY1 + timedelta(days=n))
        return DoseChange(n, None, "hips", "bridge", None, field, old, new, "", True, when)

    changes = [change(1, "reps", 8, 10), change(2, "sets", 2, 3), change(3, "reps", 10, 12)]
    ex = BRIDGE.with_dose(sets=3, reps=12)
    assert dose_history(ex, changes, []) == (
        Dose(2, reps=8),
        Dose(2, reps=10),
        Dose(3, reps=10),
        Dose(3, reps=12),
    )


def test_three_good_sessions_with_mornings_recommend_more(store: HistoryStore) -> None:
    for n in range(3):
        day, pains, morning = good(DAY1 + timedelta(days=n))
        session(store, day, pains, morning=morning)
    recs = routine_recommendations(store, HIPS)
    assert [(r.exercise_id, r.action, r.rule) for r in recs] == [
        ("bridge", DoseAction.PROGRESS, "progress.reps"),
        ("clam", DoseAction.PROGRESS, "progress.hold"),
    ]
    assert recs[0].proposed == Dose(2, reps=12)


def test_the_latest_session_waits_for_its_morning(store: HistoryStore) -> None:
    for n in range(3):
        day, pains, _ = good(DAY1 + timedelta(days=n))
        session(store, day, pains, morning=0 if n < 2 else None)
    recs = routine_recommendations(store, HIPS)
    assert {r.rule for r in recs} == {"missing.morning"}


# -- across the rungs of a ladder ------------------------------------------------------

LADDER = with_ladder(
    BRIDGE.with_dose(reps=14),
    Rung("single-leg-bridge", "Single-leg bridge", sets=2, reps=8, sides=SideMode.EACH),
)
SINGLE = at_rung(LADDER, 1)


def test_a_sessions_dose_is_read_on_its_rung(store: HistoryStore) -> None:
    session(store, DAY1, {("bridge", "right"): [1, 1]}, routine=Routine("hips", "Hips", (SINGLE,)))
    [e] = exercise_histories(store, Routine("hips", "Hips", (SINGLE,)))[
        ("bridge", Side.RIGHT)
    ].exposures
    assert e.dose == Dose(2, reps=8, rung=1)


def test_the_history_goes_on_across_rungs_done_with_and_without_sides(store: HistoryStore) -> None:
    """A two-legged bridge counts on each side of the single-leg bridge, and back."""
    both = Routine("hips", "Hips", (LADDER,))
    one = Routine("hips", "Hips", (SINGLE,))
    first = session(store, DAY1, {("bridge", None): [1, 1]}, routine=both)
    second = session(
        store, DAY1 + timedelta(days=2), {("bridge", "right"): [1, 1], ("bridge", "left"): [6, 2]},
        routine=one,
    )  # fmt: skip
    sides = exercise_histories(store, one)
    assert set(sides) == {("bridge", Side.RIGHT), ("bridge", Side.LEFT)}
    left = sides[("bridge", Side.LEFT)].exposures
    assert [(e.session_id, e.dose.rung, e.max_pain) for e in left] == [
        (first, 0, 1),
        (second, 1, 6),
    ]
    together = exercise_histories(store, both)
    assert set(together) == {("bridge", None)}
    merged = together[("bridge", None)].exposures
    assert [(e.session_id, e.dose.rung, e.max_pain) for e in merged] == [
        (first, 0, 1),
        (second, 1, 6),
    ]
