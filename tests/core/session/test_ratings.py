"""Tests of changing a pain rating right after it is given (Backspace), kept in the history."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.events import Event, PainChoice, RatingChanged
from hiptimer.core.session.recorder import SessionRecorder
from hiptimer.core.session.steps import StepKind
from tests.harness import advance_until, hold, routine


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


class Run:
    """Two 5-second holds of one exercise, recorded into a real history."""

    def __init__(self, store: HistoryStore) -> None:
        self.clock = FakeClock()
        self.engine = SessionEngine(routine(hold("a", 5, sets=2)), clock=self.clock,
                                    wall=FakeWall(self.clock), pain_limit=5)  # fmt: skip
        self.events: list[Event] = []
        self.recorder = SessionRecorder(store, self.engine)
        self.engine.subscribe(self.recorder.handle)
        self.engine.subscribe(self.events.append)
        self.store = store
        self.engine.start()

    def until(self, kind: StepKind) -> None:
        advance_until(self.clock, lambda: self.engine.step.kind is kind, self.engine.update)

    def stored_pain(self) -> list[int | None]:
        sid = self.recorder.session_id
        assert sid is not None
        return [s.pain for s in self.store.session_sets(sid)]

    def trail(self) -> list[tuple[str | None, str | None, str]]:
        return [(c.old_value, c.new_value, c.source) for c in self.store.corrections()]


def test_a_high_rating_is_changed_from_the_choice_it_brings_up(store: HistoryStore) -> None:
    # Issue 15: a 7 typed instead of a 1 could not be taken back, and drove a step back.
    run = Run(store)
    run.until(StepKind.PAIN)
    assert run.engine.rate_pain(7) and run.engine.view().awaiting_choice
    assert run.engine.view().rating_changeable
    assert run.engine.change_rating()
    view = run.engine.view()
    assert view.awaiting_pain and not view.awaiting_choice and view.rerating
    assert run.engine.rate_pain(1)
    assert run.engine.step.kind is StepKind.REST  # 1 is within the limit: on with the session
    assert run.engine.records[0].pain == 1
    assert [e.previous for e in run.events if isinstance(e, RatingChanged)] == [7]
    assert run.stored_pain() == [1]
    assert run.trail() == [("7", "1", "session")]  # the 7 given is kept, with when and where


def test_a_rating_is_changed_in_the_pause_after_it_until_the_next_set(
    store: HistoryStore,
) -> None:
    run = Run(store)
    run.until(StepKind.PAIN)
    run.engine.rate_pain(3)
    assert run.engine.step.kind is StepKind.REST
    view = run.engine.view()
    assert view.rating_changeable and view.last_rating == 3
    run.clock.advance(2)
    run.engine.update()
    assert run.engine.change_rating()
    assert run.engine.step.kind is StepKind.PAIN and run.engine.view().awaiting_pain
    assert not run.engine.change_rating()  # once is enough: the scale is open
    run.engine.skip_pain()  # K: no rating after all
    assert run.engine.step.kind is StepKind.REST and run.engine.records[0].pain is None
    assert run.stored_pain() == [None]
    assert run.trail() == [("3", None, "session")]
    assert not run.engine.view().rating_changeable  # nothing to change now
    run.until(StepKind.WORK)
    assert not run.engine.change_rating()


def test_no_change_once_the_next_set_began_or_the_rating_changed_the_plan(
    store: HistoryStore,
) -> None:
    run = Run(store)
    run.until(StepKind.PAIN)
    run.engine.rate_pain(2)
    run.until(StepKind.WORK)
    assert not run.engine.view().rating_changeable and not run.engine.change_rating()
    run.until(StepKind.PAIN)
    run.engine.rate_pain(8)
    assert not run.engine.choose(PainChoice.LOWER)  # 5 s holds: there is no lower dose
    run.engine.choose(PainChoice.STOP)  # the plan changed: the rating is corrected in History
    assert not run.engine.change_rating()
    assert run.trail() == []


def test_no_change_after_stopping_the_exercise_either() -> None:
    # The README's key table: Backspace in the rest after a rating, "not after S or L".
    clock = FakeClock()
    engine = SessionEngine(routine(hold("a", 5, sets=2), hold("b", 5)), clock=clock,
                           wall=FakeWall(clock), pain_limit=5)  # fmt: skip
    engine.start()
    advance_until(clock, lambda: engine.step.kind is StepKind.PAIN, engine.update)
    engine.rate_pain(8)
    assert engine.view().rating_changeable  # on the choice it still can change
    engine.choose(PainChoice.STOP)
    assert engine.running and engine.step.kind is not StepKind.WORK  # the rest before "b"
    assert not engine.view().rating_changeable and not engine.change_rating()


def test_a_rating_unchanged_writes_no_correction(store: HistoryStore) -> None:
    run = Run(store)
    run.until(StepKind.PAIN)
    run.engine.rate_pain(7)
    run.engine.change_rating()
    run.engine.rate_pain(7)  # the same again: back to the choice, nothing changed
    assert run.engine.view().awaiting_choice
    run.engine.choose(PainChoice.CONTINUE)
    assert run.stored_pain() == [7] and run.trail() == []
    assert run.engine.change_rating()  # after Continue, still changeable in the rest
