"""Tests of the functional re-tests: run by the same engine, their results recorded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.routines.model import Measure, Retest, SideMode
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.recorder import SessionRecorder
from hiptimer.core.session.steps import StepKind
from tests.harness import advance, advance_until, hold, routine

CHAIR = hold("chair-stand", 30, test=Retest(Measure.COUNT, "stands"))
STANCE = hold("stance", 45, sides=SideMode.EACH, test=Retest(Measure.TIME))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def run(store: HistoryStore) -> tuple[SessionEngine, FakeClock]:
    clock = FakeClock()
    engine = SessionEngine(routine(CHAIR, STANCE), clock=clock, wall=FakeWall(clock))
    engine.subscribe(SessionRecorder(store, engine).handle)
    engine.start()
    return engine, clock


def until_work(engine: SessionEngine, clock: FakeClock) -> None:
    advance_until(clock, lambda: engine.step.kind is StepKind.WORK, engine.update)


def test_a_chair_stand_counts_each_stand_until_its_time_is_up(store: HistoryStore) -> None:
    engine, clock = run(store)
    until_work(engine, clock)
    for _ in range(13):
        advance(clock, 2, engine.update)
        assert engine.count_rep()
    assert engine.view().counted == 13 and engine.uncount_rep()  # one too many
    assert engine.view().counted == 12
    advance_until(clock, lambda: engine.step.kind is StepKind.PAIN, engine.update)
    (record,) = engine.records
    assert (record.result, record.result_unit, record.completed) == (12.0, "stands", True)
    engine.rate_pain(2)
    (result,) = store.test_results()
    assert (result.exercise_id, result.result, result.unit) == ("chair-stand", 12.0, "stands")


def test_a_stance_is_the_time_held_until_the_user_ends_it(store: HistoryStore) -> None:
    engine, clock = run(store)
    engine.skip_exercise()  # straight to the stance
    until_work(engine, clock)
    advance(clock, 17.3, engine.update)
    assert not engine.count_rep()  # nothing to count: the time is the result
    engine.next()  # the foot touched down
    record = engine.records[-1]
    assert (record.result, record.result_unit, record.completed) == (17.3, "s", True)
    engine.rate_pain(1)
    until_work(engine, clock)  # the left side runs its full 45 s
    advance_until(clock, lambda: engine.step.kind is StepKind.PAIN, engine.update)
    assert engine.records[-1].result == 45.0
    results = store.test_results()
    assert [(r.side, r.result) for r in results] == [("right", 17.3), ("left", 45.0)]
    (session,) = store.list_sessions()
    assert session.counts.text() == "2 of 3 sets done, 1 skipped"


def test_a_count_ended_early_is_no_result(store: HistoryStore) -> None:
    engine, clock = run(store)
    until_work(engine, clock)
    engine.count_rep()
    advance(clock, 10, engine.update)
    engine.next()  # ended after 10 of 30 seconds: not a 30-second chair stand
    record = engine.records[-1]
    assert (record.result, record.completed) == (None, False)
    assert store.test_results() == []


def test_the_monthly_check_ships_with_both_tests() -> None:
    check = load_catalog().find("monthly-check")
    assert [(ex.id, ex.test and ex.test.measure) for ex in check.exercises] == [
        ("chair-stand-30s", Measure.COUNT),
        ("single-leg-stance", Measure.TIME),
    ]


def test_a_measured_value_is_typed_in_after_the_set(store: HistoryStore) -> None:
    reach = hold("knee-to-wall", 20, test=Retest(Measure.VALUE, "cm", "lower"))
    clock = FakeClock()
    engine = SessionEngine(routine(reach), clock=clock, wall=FakeWall(clock))
    engine.subscribe(SessionRecorder(store, engine).handle)
    engine.start()
    advance_until(clock, lambda: engine.step.kind is StepKind.MEASURE, engine.update)
    assert engine.view().awaiting_result and not engine.view().awaiting_pain
    assert not engine.rate_pain(3)  # the result first
    assert not engine.enter_result(-1) and engine.step.kind is StepKind.MEASURE
    assert engine.enter_result(8.5)
    assert engine.step.kind is StepKind.PAIN
    engine.rate_pain(1)
    (result,) = store.test_results()
    assert (result.exercise_id, result.result, result.unit) == ("knee-to-wall", 8.5, "cm")


def test_a_re_tests_time_cannot_be_changed_with_plus_or_minus(store: HistoryStore) -> None:
    engine, clock = run(store)
    until_work(engine, clock)
    assert not engine.adjust(+1) and not engine.adjust(-1)
    assert engine.view().duration_s == 30
    assert not engine.view().can_more and not engine.view().can_less  # their buttons are greyed


def test_a_measured_value_ended_once_measured_is_done_not_partly_done(store: HistoryStore) -> None:
    # The doc's knee-to-wall check gives 60 s to measure; measuring in 10 and pressing Right
    # arrow recorded the set as partly done beside its result.
    reach = hold("knee-to-wall", 60, test=Retest(Measure.VALUE, "cm", "lower"))
    clock = FakeClock()
    engine = SessionEngine(routine(reach), clock=clock, wall=FakeWall(clock))
    engine.subscribe(SessionRecorder(store, engine).handle)
    engine.start()
    until_work(engine, clock)
    advance(clock, 10, engine.update)
    engine.next()
    assert engine.enter_result(12.7)
    engine.rate_pain(0)
    record = engine.records[-1]
    assert (record.result, record.completed) == (12.7, True)
    (session,) = store.list_sessions()
    assert session.counts.text() == "1 of 1 set done"
