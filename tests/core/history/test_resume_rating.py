"""Tests of resuming a session killed on a set's pain question: that rating is asked first."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history.resume import ResumePlan, offer_text, plan_resume
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.model import Routine, SideMode
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.events import PainChoice
from hiptimer.core.session.recorder import SessionRecorder
from hiptimer.core.session.steps import Side, StepKind
from tests.harness import advance_until, fake_engine, hold, routine


def clams() -> Routine:
    each = SideMode.EACH
    return routine(hold("clam", 30, 2, name="Clamshell", sides=each), hold("bridge", 10, 1))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def _until(engine: SessionEngine, clock: FakeClock, kind: StepKind) -> None:
    advance_until(clock, lambda: engine.step.kind is kind, engine.update, limit_s=600)


def killed_on_the_question(store: HistoryStore, clock: FakeClock, answer: str = "") -> None:
    """The first set done and recorded; then its pain question is answered with `answer`
    ("" none, "K" no rating, a digit) and the app is killed (the engine dropped, no end)."""
    engine = fake_engine(clams(), clock)
    engine.subscribe(SessionRecorder(store, engine).handle)
    engine.start()
    _until(engine, clock, StepKind.PAIN)
    if answer == "K":
        assert engine.skip_pain()
    elif answer:
        assert engine.rate_pain(int(answer))


def resumed(store: HistoryStore, clock: FakeClock) -> tuple[ResumePlan, SessionEngine]:
    """The newest unfinished session resumed as the window resumes it."""
    plan = plan_resume(store, {"test": clams()}.get)
    assert plan is not None
    asked = plan.rating_asked
    engine = SessionEngine(
        plan.routine, clock=clock, wall=FakeWall(clock), done_sets=plan.done_sets,
        in_force=plan.in_force, to_rate=asked[0] if asked else None,
    )  # fmt: skip
    known = {asked[0].index: asked[1]} if asked else None
    recorder = SessionRecorder(store, engine, session_id=plan.session.id, known_sets=known)
    engine.subscribe(recorder.handle)
    engine.start()
    return plan, engine


def pains(store: HistoryStore) -> list[int | None]:
    [session] = store.list_sessions()
    return [s.pain for s in store.session_sets(session.id)]


def test_a_rating_the_kill_cut_off_is_asked_first_and_written_at_once(
    store: HistoryStore,
) -> None:
    clock = FakeClock()
    killed_on_the_question(store, clock)
    plan, engine = resumed(store, clock)
    assert plan.to_rate is not None and plan.to_rate.key == ("clam", 1, "right")
    view = engine.view()
    assert view.awaiting_pain and view.step.kind is StepKind.PAIN
    assert (view.step.exercise_index, view.step.set_number, view.step.side) == (0, 1, Side.RIGHT)
    assert not engine.can_back()  # nothing before the question to go back to
    assert engine.rate_pain(3)
    assert pains(store) == [3]  # written now: a second kill keeps it
    assert engine.step.kind is StepKind.GET_READY  # then the next set's get-ready
    assert not engine.can_back()
    _until(engine, clock, StepKind.WORK)
    assert (engine.step.set_number, engine.step.side) == (1, Side.LEFT)
    # Killed again: the rating given is not asked for again.
    plan, again = resumed(store, clock)
    assert plan.to_rate is None and again.step.kind is StepKind.GET_READY


def test_the_offer_says_which_rating_it_asks_for_first(store: HistoryStore) -> None:
    killed_on_the_question(store, FakeClock())
    plan = plan_resume(store, {"test": clams()}.get)
    assert plan is not None
    assert offer_text(plan, date.today()).endswith(
        "It stopped before you rated Clamshell, set 1 (right): resuming asks for that rating first."
    )


@pytest.mark.parametrize("answer", ["K", "4"])
def test_a_set_rated_or_left_unrated_with_k_is_not_asked_again(
    store: HistoryStore, answer: str
) -> None:
    clock = FakeClock()
    killed_on_the_question(store, clock, answer)
    plan, engine = resumed(store, clock)
    assert plan.to_rate is None
    assert "rated" not in offer_text(plan, date.today())
    assert engine.step.kind is StepKind.GET_READY
    assert pains(store) == [None if answer == "K" else 4]


def test_k_on_the_asked_question_is_kept_and_not_asked_again(store: HistoryStore) -> None:
    clock = FakeClock()
    killed_on_the_question(store, clock)
    _plan, engine = resumed(store, clock)
    assert engine.skip_pain()
    assert engine.step.kind is StepKind.GET_READY
    plan, again = resumed(store, clock)
    assert plan.to_rate is None and again.step.kind is StepKind.GET_READY


def test_a_rating_removed_in_history_is_kept_as_left_unrated(
    store: HistoryStore, tmp_path: Path
) -> None:
    # A rating taken back in History left the set as one never answered: resuming asked for
    # it again, where K in a session does not.
    clock = FakeClock()
    killed_on_the_question(store, clock, "4")
    [session] = store.list_sessions()
    [first] = store.session_sets(session.id)
    assert first.id is not None
    store.correct_pain(first.id, None, at=datetime(2030, 1, 2, tzinfo=timezone.utc))
    db = sqlite3.connect(tmp_path / "history.sqlite3")
    assert db.execute("SELECT pain, pain_skipped FROM sets").fetchall() == [(None, 1)]
    plan, engine = resumed(store, clock)
    assert plan.to_rate is None and engine.step.kind is StepKind.GET_READY
    store.correct_pain(first.id, 2, at=datetime(2030, 1, 3, tzinfo=timezone.utc))  # given again
    assert db.execute("SELECT pain, pain_skipped FROM sets").fetchall() == [(2, 0)]
    db.close()


def test_a_high_rating_asked_on_resuming_brings_its_choice(store: HistoryStore) -> None:
    clock = FakeClock()
    killed_on_the_question(store, clock)
    _plan, engine = resumed(store, clock)
    assert engine.rate_pain(8)  # above the default limit of 5
    assert engine.view().awaiting_choice
    assert engine.choose(PainChoice.LOWER)
    assert engine.dose("clam").hold_s == 20  # a third off, for the sets to come
    [session] = store.list_sessions()
    [first] = store.session_sets(session.id)
    assert (first.pain, first.pain_choice) == (8, "lower")


def test_a_skipped_last_set_asks_nothing(store: HistoryStore) -> None:
    clock = FakeClock()
    engine = fake_engine(clams(), clock)
    engine.subscribe(SessionRecorder(store, engine).handle)
    engine.start()
    _until(engine, clock, StepKind.WORK)
    assert engine.skip_exercise()
    plan, _resumed = resumed(store, clock)
    assert plan.to_rate is None


def test_a_version_8_file_is_migrated_and_its_unrated_last_set_asked_once(
    tmp_path: Path,
) -> None:
    """Before version 9 a K and a kill on the question left the same row: such a set is
    asked for once (K still answers it), with the file backed up first."""
    db = tmp_path / "history.sqlite3"
    clock = FakeClock()
    with open_history(db) as store:
        killed_on_the_question(store, clock, "K")
    old = sqlite3.connect(db, isolation_level=None)
    old.execute("ALTER TABLE sets DROP COLUMN pain_skipped")
    old.execute("PRAGMA user_version = 8")
    old.close()
    with open_history(db) as store:
        assert store.status.notice is None  # a migration, not a mending
        plan, engine = resumed(store, clock)
        assert plan.to_rate is not None
        assert engine.skip_pain()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone() == (9,)
    assert conn.execute("SELECT pain, pain_skipped FROM sets").fetchall() == [(None, 1)]
    conn.close()
    assert len(list(tmp_path.glob("history.sqlite3.bak-v8-*"))) == 1


def test_a_version_8_file_s_earlier_unrated_set_is_never_asked(tmp_path: Path) -> None:
    """Only the last set of the newest unfinished session is asked about: an unrated set with
    a later one after it (K, then the next set rated, then a kill) needs no mark from the
    update to version 9."""
    db = tmp_path / "history.sqlite3"
    clock = FakeClock()
    with open_history(db) as store:
        engine = fake_engine(clams(), clock)
        engine.subscribe(SessionRecorder(store, engine).handle)
        engine.start()
        _until(engine, clock, StepKind.PAIN)
        assert engine.skip_pain()
        _until(engine, clock, StepKind.PAIN)
        assert engine.rate_pain(2)  # then killed (the engine dropped, no end)
    old = sqlite3.connect(db, isolation_level=None)
    old.execute("ALTER TABLE sets DROP COLUMN pain_skipped")  # a version 8 file: K not kept
    old.execute("PRAGMA user_version = 8")
    old.close()
    with open_history(db) as store:
        assert pains(store) == [None, 2]
        plan, _resumed = resumed(store, clock)
        assert plan.to_rate is None
