"""Tests of a resumed session's time, stop by stop: killed, resumed, killed again (before a set
or after one), resumed again; every stop is left out once, on every surface that reads it."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history import lost_version
from hiptimer.core.history import schema as history_schema
from hiptimer.core.history.records import SessionSummary
from hiptimer.core.history.resume import plan_resume
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.recorder import SessionRecorder
from hiptimer.core.session.steps import StepKind
from tests.core.history.stored import read
from tests.harness import advance_until, hold, routine

# Three 10 s holds, a 5 s get-ready and 10 s between sets: each a clear stretch of time.
ROUTINE = routine(hold("clam", 10, 3), id="hips")
STOP_1, STOP_2, STOP_3 = 3600.0, 7200.0, 600.0  # the app killed, the computer off


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


class Run:
    """The app on a fake clock: each engine records into the history as the window's does,
    one wall clock for them all (a restart does not set the clock back)."""

    def __init__(self, store: HistoryStore) -> None:
        self.store = store
        self.clock = FakeClock()
        self.wall = FakeWall(self.clock)
        self.engine: SessionEngine | None = None
        self.earlier_s: list[float] = []  # what each resumption read of the part before

    def start(self) -> None:
        self._engine(None)

    def resume(self) -> None:
        plan = plan_resume(self.store, lambda _id: ROUTINE)
        assert plan is not None
        self.earlier_s.append(plan.earlier_s)
        self._engine(plan.session.id, plan.done_sets)

    def _engine(self, session_id: int | None, done: tuple[object, ...] = ()) -> None:
        engine = SessionEngine(
            ROUTINE,
            clock=self.clock,
            wall=self.wall,
            done_sets=done,  # type: ignore[arg-type]
        )
        recorder = SessionRecorder(self.store, engine, session_id=session_id)
        engine.subscribe(recorder.handle)
        engine.start()
        self.engine = engine

    def until(self, kind: StepKind) -> None:
        engine = self.engine
        assert engine is not None
        advance_until(self.clock, lambda: engine.step.kind is kind, engine.update, limit_s=600)

    def one_set(self) -> None:
        """Hold a set to its end, rate it, and go on to the pause after it."""
        self.until(StepKind.PAIN)
        assert self.engine is not None
        self.engine.rate_pain(2)

    def kill(self, stop_s: float, ran_on_s: float = 0.0) -> None:
        """Killed `ran_on_s` seconds on (no set ends meanwhile), off for `stop_s`."""
        self.clock.advance(ran_on_s)
        self.engine = None
        self.clock.advance(stop_s)

    def finish(self) -> None:
        """Every set left, each rated, to the session's end."""
        engine = self.engine
        assert engine is not None
        while engine.running:
            advance_until(
                self.clock, lambda: engine.step.kind in (StepKind.PAIN, StepKind.DONE),
                engine.update, limit_s=600,
            )  # fmt: skip
            if engine.step.kind is StepKind.PAIN:
                engine.rate_pain(2)
            else:
                break

    def now(self) -> datetime:
        return self.wall()

    def one_set_then_killed(self, stop_s: float = STOP_1, ran_on_s: float = 2) -> None:
        self.start()
        self.one_set()
        self.kill(stop_s, ran_on_s)

    def killed_twice_before_a_set(self) -> tuple[datetime, datetime, datetime]:
        """The tester's run up to its second stop: a set, killed in the pause after it;
        resumed, killed again in the get-ready (no set ended since the resumption). Returns
        the start, the set's end and the resumption."""
        self.start()
        began = self.now()
        self.one_set()
        last_set = self.store.session_sets(1)[-1].ended_at
        self.kill(STOP_1, ran_on_s=2)
        self.resume()
        resumed = self.now()
        self.kill(STOP_2, ran_on_s=4)
        return began, last_set, resumed


def about(value: float) -> object:
    """Seconds as SQLite's julian days give them back: a few microseconds off."""
    return pytest.approx(value, abs=0.01)


def whole(moment: datetime) -> datetime:
    return moment.replace(microsecond=0)


def seconds(a: datetime, b: datetime) -> float:
    return (whole(b) - whole(a)).total_seconds()


def the_time(store: HistoryStore) -> tuple[float | None, int]:
    """The session's time as History and the list have it, and the CSV's session_time_s."""
    (session,) = store.list_sessions()
    out = io.StringIO(newline="")
    store.export_csv(out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    return session.duration_s, int(rows[0]["session_time_s"])


def test_killed_again_before_a_set_counts_the_first_stop_once(store: HistoryStore) -> None:
    # The tester's run: resumed again after the second stop, two sets, done. Measured from
    # the last set's end, the second stop held the first one again: 19 s shown for ~31 s
    # of sets.
    run = Run(store)
    began, last_set, resumed = run.killed_twice_before_a_set()
    run.resume()
    again = run.now()
    run.finish()
    (session,) = store.list_sessions()
    assert session.ended_at is not None
    ran = seconds(began, last_set) + seconds(again, session.ended_at)
    assert session.stopped_s == about(seconds(last_set, again))
    assert the_time(store) == (about(ran), round(ran))
    # Each resumption read the part before as it ran, the second the same as the first.
    assert run.earlier_s == [about(seconds(began, last_set))] * 2
    assert whole(resumed) < whole(again)


def test_sets_between_the_resumptions_count_and_each_stop_once(store: HistoryStore) -> None:
    run = Run(store)
    run.start()
    began = run.now()
    run.one_set()
    run.kill(STOP_1, ran_on_s=1)
    run.resume()
    first = run.now()
    run.one_set()
    run.kill(STOP_2, ran_on_s=3)  # in the pause after the second set
    run.resume()
    second = run.now()
    run.finish()
    one, two, three = store.session_sets(1)
    (session,) = store.list_sessions()
    assert session.ended_at is not None
    ran = (
        seconds(began, one.ended_at)
        + seconds(first, two.ended_at)
        + seconds(second, session.ended_at)
    )
    assert three.started_at > second
    assert the_time(store) == (about(ran), round(ran))
    assert run.earlier_s == [
        about(seconds(began, one.ended_at)),
        about(seconds(began, one.ended_at) + seconds(first, two.ended_at)),
    ]


def test_three_resumptions_two_without_a_set_between(store: HistoryStore) -> None:
    run = Run(store)
    run.start()
    began = run.now()
    run.one_set()
    one = store.session_sets(1)[-1].ended_at
    resumptions = []
    for stop in (STOP_1, STOP_2):  # the second is killed in its get-ready
        run.kill(stop, ran_on_s=2)
        run.resume()
        resumptions.append(run.now())
    run.one_set()
    two = store.session_sets(1)[-1].ended_at
    run.kill(STOP_3, ran_on_s=1)
    run.resume()
    last = run.now()
    run.finish()
    (session,) = store.list_sessions()
    assert session.ended_at is not None
    ran = seconds(began, one) + seconds(resumptions[1], two) + seconds(last, session.ended_at)
    assert the_time(store) == (about(ran), round(ran))
    before_two = seconds(began, one)
    assert run.earlier_s == [
        about(before_two),
        about(before_two),
        about(before_two + seconds(resumptions[1], two)),
    ]


def test_a_session_resumed_then_killed_and_discarded_keeps_its_time(store: HistoryStore) -> None:
    # Discard ends it as partial where it last ran: its resumption, not its last set (which
    # left the stop before the resumption out of a time that never included it: 0 s).
    run = Run(store)
    began, last_set, resumed = run.killed_twice_before_a_set()
    plan = plan_resume(store, lambda _id: ROUTINE)
    assert plan is not None and plan.earlier_s == about(seconds(began, last_set))
    store.mark_partial(plan.session.id)
    (session,) = store.list_sessions()
    assert session.ended_at == whole(resumed)
    assert the_time(store) == (
        about(seconds(began, last_set)),
        round(seconds(began, last_set)),
    )


# -- schema version 8: sessions.resumed_at ---------------------------------------------


def _version_7_file(db: Path, *, finished: bool) -> tuple[Run, list[SessionSummary]]:
    """A session killed after a set (then resumed and finished, if `finished`), in a file as
    a HipTimer before version 8 left it (no resumed_at); the sessions as listed before."""
    with open_history(db) as store:
        run = Run(store)
        run.one_set_then_killed()
        if finished:
            run.resume()
            run.finish()
        listed = store.list_sessions()
    old = sqlite3.connect(db, isolation_level=None)
    old.execute("ALTER TABLE sessions DROP COLUMN resumed_at")
    old.execute("ALTER TABLE sets DROP COLUMN pain_skipped")
    old.execute("PRAGMA user_version = 7")
    old.close()
    return run, listed


def test_a_version_7_file_is_migrated_and_its_resumed_session_counted_from_then_on(
    tmp_path: Path,
) -> None:
    db = tmp_path / "history.sqlite3"
    run, _listed = _version_7_file(db, finished=False)
    with open_history(db) as store:
        assert store.status.notice is None  # a migration, not a mending
        run.store = store
        run.resume()  # the first resumption this HipTimer sees: stored from now on
        resumed = run.now()
        run.kill(STOP_2, ran_on_s=4)
        run.resume()
        (session,) = store.unfinished_sessions()
        assert session.resumed_at == whole(run.now())
        last_set = session.last_set_ended_at
        assert last_set is not None and whole(resumed) > last_set
        # Both stops measured by this HipTimer: the first from the set, the second from
        # `resumed`.
        assert session.stopped_s == about(seconds(last_set, run.now()))
    assert read(db, "PRAGMA user_version") == [(history_schema.SCHEMA_VERSION,)]
    assert history_schema.SCHEMA_VERSION >= 8
    assert len(list(tmp_path.glob("history.sqlite3.bak-v7-*"))) == 1


def test_an_old_session_has_no_resumption_time_and_keeps_its_recorded_time(
    tmp_path: Path,
) -> None:
    db = tmp_path / "history.sqlite3"
    _run, (before,) = _version_7_file(db, finished=True)
    with open_history(db) as store:
        (after,) = store.list_sessions()
    assert after.resumed_at is None
    assert after.duration_s == before.duration_s


@pytest.mark.parametrize(
    ("dropped", "inferred"),
    [((), 9), (("sets.pain_skipped",), 8), (("sets.pain_skipped", "sessions.resumed_at"), 7)],
)
def test_a_copy_without_its_version_is_known_as_version_7_8_or_9(
    tmp_path: Path, dropped: tuple[str, ...], inferred: int
) -> None:
    db = tmp_path / "history.sqlite3"
    open_history(db).close()
    conn = sqlite3.connect(db, isolation_level=None)
    for table, column in (name.split(".") for name in dropped):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.execute("PRAGMA user_version = 0")  # what a sqlite3 .dump copy gives
    assert lost_version.inferred_version(conn) == inferred
    conn.close()
    with open_history(db) as store:
        assert store.status.notice is None
    assert read(db, "SELECT count(*) FROM pragma_table_info('sessions') WHERE name = 'resumed_at'")
    assert read(db, "PRAGMA user_version") == [(history_schema.SCHEMA_VERSION,)]


def test_a_missing_resumed_at_is_added_back_and_said(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    open_history(db).close()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("ALTER TABLE sessions DROP COLUMN resumed_at")  # a database tool, version 8
    conn.close()
    with open_history(db) as store:
        assert "sessions.resumed_at" in (store.status.notice or "")
        run = Run(store)
        run.one_set_then_killed()
        run.resume()
        (session,) = store.unfinished_sessions()
        assert session.resumed_at == whole(run.now())


def test_a_resumption_time_that_is_not_a_time_sets_its_session_aside(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    with open_history(db) as store:
        Run(store).start()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("UPDATE sessions SET resumed_at = 'yesterday'")
    conn.close()
    with open_history(db) as store:
        assert "resumed_at is not a time" in (store.status.notice or "")
        assert store.list_sessions() == []
