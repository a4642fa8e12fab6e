"""Tests of the history store: durability, migrations, recovery and the review queries."""

from __future__ import annotations

import csv
import functools
import io
import logging
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from hiptimer import paths
from hiptimer.core.history import schema as history_schema
from hiptimer.core.history import writes
from hiptimer.core.history.checkin_day import checkin_day
from hiptimer.core.history.csv_columns import CSV_COLUMNS
from hiptimer.core.history.queries import StoredSet, _summary_sql, to_db_time
from hiptimer.core.history.schema import MIGRATIONS, SCHEMA_VERSION, HistoryError, migrate
from hiptimer.core.history.status import HistoryState, HistoryStatus
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.session.events import PainChoice, SetRecord
from hiptimer.core.session.steps import Side
from tests.core.history.flaky_disk import FlakyConnection
from tests.core.history.stored import T0, a_session, a_set, read
from tests.read_only import fake_read_only


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[HistoryStore]:
    with open_history(db_path) as opened:
        yield opened


# -- writing and reading back -----------------------------------------------------------


def test_session_round_trip(db_path: Path) -> None:
    records = [
        a_set("bridge", 1, T0, side="right", pain=2),
        a_set("bridge", 1, T0 + timedelta(minutes=1), side="left", completed=False),
        a_set(
            "clam",
            1,
            T0 + timedelta(minutes=2),
            planned_hold_s=None,
            actual_hold_s=None,
            planned_reps=12,
            actual_reps=10,
            adjustment="reps -2",
        ),
        a_set("clam", 2, T0 + timedelta(minutes=3), skipped=True, completed=False),
    ]
    with open_history(db_path) as store:
        sid = store.begin_session("hips", "Hips", 2, {"bridge": {"hold_s": 30}}, T0, sets_planned=6)
        ids = [store.add_set(sid, r) for r in records]
        store.rate_set(ids[1], 7, "lower")
        store.finish_session(sid, "ended_early", T0 + timedelta(minutes=5), note="sore")
    with open_history(db_path) as store:
        got = store.session_sets(sid)
        summary = store.get_session(sid)
        doses = store.session_doses(sid)
    assert [(r.id, r.seq) for r in got] == [(i, n) for n, i in enumerate(ids, 1)]
    expected = [records[0], a_set_with(records[1], pain=7, pain_choice="lower"), *records[2:]]
    assert [strip_ids(r) for r in got] == expected
    assert doses == {"bridge": {"hold_s": 30}}
    assert summary is not None
    assert (summary.routine_id, summary.routine_title, summary.routine_revision) == (
        "hips",
        "Hips",
        2,
    )
    assert summary.end_reason == "ended_early" and summary.note == "sore"
    assert (summary.sets_recorded, summary.sets_done, summary.sets_skipped) == (4, 2, 1)
    assert summary.sets_planned == 6
    assert (summary.max_pain, summary.avg_pain) == (7, 4.5)
    assert summary.started_at == T0 and summary.duration_s == 300


@pytest.mark.parametrize(
    ("title", "name", "shown_title", "shown_name"),
    [
        ("\u202eEvil", "\u202eBridge", "\u202eEvil\u202c", "\u202eBridge\u202c"),
        (
            "Ti\x1btle\x07",
            "Bell\x07name\nline2\x85",
            "Ti\\x1btle\\x07",
            "Bell\\x07name\nline2\\x85",
        ),
    ],
)
def test_a_title_or_name_recorded_as_a_routine_may_no_longer_say_it_reads_back_as_it_would(
    store: HistoryStore, title: str, name: str, shown_title: str, shown_name: str
) -> None:
    """user20: a session recorded under a title with a right-to-left override (U+202E) and
    nothing to end it turned the History window's heading around after it ("· s 92 · 1 of
    100 sets done" read "89 ,enod yltrap 1 ,enod stes 001 fo 1 · s 92"). The title and an
    exercise's name read back as the routine loader reads them now, closed (U+202C). A bell or
    an ESC, which a routine file may hold no more (a history recorded before, or edited by
    another tool), drew a box: it reads back as its code, a line break as it is. The CSV
    keeps what was recorded. user22: so does a re-test's name and unit in the re-tests tab
    (the test's series read them raw: its chart title and picker drew the box)."""
    sid = store.begin_session("evil", title, 1, {}, T0)
    store.add_set(sid, a_set(exercise_name=name, result=5.0, result_unit=name))
    summary = store.get_session(sid)
    assert summary is not None and summary.routine_title == shown_title
    assert [r.exercise_name for r in store.session_sets(sid)] == [shown_name]
    assert [(r.exercise_name, r.unit) for r in store.test_results()] == [(shown_name, shown_name)]
    out = io.StringIO(newline="")
    store.export_csv(out)
    assert f"{title}," in out.getvalue() and name in out.getvalue()


def a_set_with(record: StoredSet, **changes: Any) -> StoredSet:
    return StoredSet(**{**record.__dict__, **changes})


def strip_ids(record: StoredSet) -> StoredSet:
    return a_set_with(record, id=None, seq=None)


def test_the_engines_set_record_is_accepted_as_is(store: HistoryStore) -> None:
    sid = a_session(store)
    done = SetRecord(
        index=0,
        exercise_id="clam",
        exercise_name="Clamshell",
        side=Side.LEFT,
        set_number=1,
        planned_hold_s=None,
        actual_hold_s=None,
        planned_reps=12,
        actual_reps=12,
        completed=True,
        skipped=False,
        started_at=T0,
        ended_at=T0 + timedelta(seconds=40),
        pain=6,
        pain_choice=PainChoice.LOWER,
    )
    store.add_set(sid, done)
    (got,) = store.session_sets(sid)
    assert (got.side, got.pain, got.pain_choice, got.adjustment) == ("left", 6, "lower", None)
    assert got.planned_reps == 12 and got.ended_at == T0 + timedelta(seconds=40)


def test_every_write_is_committed_at_once(store: HistoryStore, db_path: Path) -> None:
    sid = a_session(store)
    assert read(db_path, "SELECT routine_id FROM sessions WHERE id = ?", (sid,)) == [("hips",)]
    set_id = store.add_set(sid, a_set())
    assert read(db_path, "SELECT exercise_id FROM sets WHERE id = ?", (set_id,)) == [("bridge",)]
    store.rate_set(set_id, 3, None)
    assert read(db_path, "SELECT pain FROM sets WHERE id = ?", (set_id,)) == [(3,)]
    store.set_note(sid, "felt fine")
    store.finish_session(sid, "completed", T0 + timedelta(minutes=20))
    assert read(db_path, "SELECT end_reason, note FROM sessions") == [("completed", "felt fine")]
    store.record_morning(sid, 1, 2, T0 + timedelta(days=1))
    assert read(db_path, "SELECT morning_pain, morning_stiffness FROM sessions") == [(1, 2)]
    store.record_dose_change("hips", "bridge", "hold_s", 30, 35, accepted=True, decided_at=T0)
    assert read(db_path, "SELECT field, old_value, new_value FROM dose_changes") == [
        ("hold_s", 30.0, 35.0)
    ]
    assert store.status == HistoryStatus(HistoryState.OK, store.path)


def test_app_data_folder_and_pragmas() -> None:
    with open_history(paths.history_db_path()) as store:
        a_session(store)
    assert paths.history_db_path().is_file()
    assert read(paths.history_db_path(), "PRAGMA journal_mode") == [("wal",)]
    assert read(paths.history_db_path(), "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_times_are_stored_in_utc_with_offset(store: HistoryStore, db_path: Path) -> None:
    local = datetime(2025, 6, 1, 9, 30)  # naive: local time
    sid = store.begin_session("hips", "Hips", 1, {}, local)
    (stored,) = read(db_path, "SELECT started_at FROM sessions")[0]
    assert stored.endswith("+00:00")
    assert datetime.fromisoformat(stored) == local.astimezone()
    summary = store.get_session(sid)
    assert summary is not None and summary.started_at == local.astimezone()
    other = datetime(2025, 6, 1, 9, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert to_db_time(other) == "2025-06-01T14:30:00+00:00"


def test_bad_values_are_refused_before_anything_is_queued(store: HistoryStore) -> None:
    sid = a_session(store)
    with pytest.raises(ValueError, match="pain"):
        store.add_set(sid, a_set(pain=11))
    with pytest.raises(ValueError, match="side"):
        store.add_set(sid, a_set(side="middle"))
    with pytest.raises(ValueError, match="choice"):
        store.rate_set(1, 5, "maybe")
    with pytest.raises(ValueError, match="end_reason"):
        store.finish_session(sid, "bored", T0)
    with pytest.raises(sqlite3.IntegrityError):  # foreign keys are on
        store.add_set(sid + 100, a_set())
    assert store.status.pending == 0 and store.status.saving
    assert store.session_sets(sid) == []


def test_no_duration_is_stored_or_shown_negative(store: HistoryStore, db_path: Path) -> None:
    # Issue 13, minor: a wall clock set back mid-session gave negative durations.
    sid = a_session(store)
    back = T0 - timedelta(minutes=30)
    store.add_set(sid, a_set(ended_at=back, actual_hold_s=-2.5, completed=False))
    store.finish_session(sid, "ended_early", back)
    assert read(db_path, "SELECT started_at, ended_at, actual_hold_s FROM sets") == [
        (to_db_time(T0), to_db_time(T0), 0.0)
    ]
    summary = store.get_session(sid)
    assert summary is not None and summary.ended_at == T0 and summary.duration_s == 0
    # A row edited by hand (or written by an older HipTimer) is shown and exported as 0 too.
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE sessions SET ended_at = ?", (to_db_time(back),))
    conn.execute("UPDATE sets SET actual_hold_s = -4, planned_hold_s = -1")
    conn.commit()
    conn.close()
    summary = store.get_session(sid)
    assert summary is not None and summary.duration_s == 0
    out = io.StringIO(newline="")
    store.export_csv(out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["planned_hold_s"], row["actual_hold_s"]) == ("0", "0")


# -- migrations ------------------------------------------------------------------------


def test_migrates_an_older_database_after_backing_it_up(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    conn = history_schema.connect(db_path)
    migrate(conn, MIGRATIONS[:1])
    conn.execute(
        "INSERT INTO sessions (id, routine_id, routine_title, routine_revision, started_at)"
        " VALUES (1, 'hips', 'Hips', 1, ?)",
        (to_db_time(T0),),
    )
    conn.close()
    assert read(db_path, "PRAGMA user_version") == [(1,)]

    with open_history(db_path) as store:
        assert [s.id for s in store.list_sessions()] == [1]
        store.record_morning(1, 2, 3, T0 + timedelta(days=1))  # a version 2 column
        store.record_dose_change("hips", "bridge", "reps", 10, 12, accepted=False, decided_at=T0)
        assert len(store.dose_changes("hips")) == 1
    assert read(db_path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    (backup,) = db_path.parent.glob("history.sqlite3.bak-*")
    assert re.fullmatch(r"history\.sqlite3\.bak-v1-\d{8}-\d{6}", backup.name)
    assert read(backup, "PRAGMA user_version") == [(1,)]
    assert read(backup, "SELECT routine_id FROM sessions") == [("hips",)]


def test_a_new_database_needs_no_backup(db_path: Path) -> None:
    with open_history(db_path):
        pass
    assert sorted(p.name for p in db_path.parent.iterdir() if "bak" in p.name) == []


def test_migrations_run_in_order_in_one_transaction(tmp_path: Path) -> None:
    seen: list[int] = []

    def step(n: int, conn: sqlite3.Connection) -> None:
        seen.append(history_schema.user_version(conn))
        conn.execute(f"CREATE TABLE t{n} (x)")

    def broken(conn: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("migration failed")

    conn = history_schema.connect(tmp_path / "m.sqlite3")
    steps = [functools.partial(step, n) for n in range(3)]
    assert migrate(conn, steps[:1]) == 1
    assert migrate(conn, steps) == 3
    assert seen == [0, 1, 2]
    with pytest.raises(sqlite3.OperationalError, match="migration failed"):
        migrate(conn, [*steps, functools.partial(step, 3), broken])
    assert history_schema.user_version(conn) == 3  # nothing of the failed run was kept
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 't3'").fetchone() == (0,)
    conn.close()


def test_a_new_file_gets_the_schema_the_migrations_make_one_by_one(db_path: Path) -> None:
    """A new history is made whole in one step (faster): the same tables, columns, checks
    and indexes, and the same version, as a file taken through every migration."""

    def schema_of(conn: sqlite3.Connection) -> tuple[int, set[tuple[str, str, str, str]]]:
        rows = conn.execute(
            "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master"
            " WHERE tbl_name != 'set_aside'"  # made at each opening (repair), not a migration
        )
        return history_schema.user_version(conn), set(rows)

    stepwise = sqlite3.connect(":memory:", isolation_level=None)
    migrate(stepwise, MIGRATIONS, stepwise=True)
    expected = schema_of(stepwise)
    assert expected[0] == SCHEMA_VERSION and len(expected[1]) > 10
    with open_history(db_path):
        pass
    made = sqlite3.connect(db_path)
    assert schema_of(made) == expected
    for table in ("sessions", "sets", "dose_changes", "corrections"):
        info = f"PRAGMA table_xinfo({table})"
        assert made.execute(info).fetchall() == stepwise.execute(info).fetchall()
    made.close()
    assert not list(db_path.parent.glob("*.bak-*"))  # nothing to back up in a new file


def test_a_newer_database_is_refused_and_left_alone(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(HistoryError, match="newer HipTimer") as caught:
        open_history(db_path)
    assert str(db_path) in str(caught.value)
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["history.sqlite3"]


# -- damaged files ---------------------------------------------------------------------


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(3 * 4096))
    Path(f"{path}-wal").write_bytes(os.urandom(1000))


def _truncated(path: Path) -> None:
    _filled(path)
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size // 2)


def _garbage_page(path: Path) -> None:
    _filled(path)
    with path.open("r+b") as f:
        f.seek(4096)  # page 2: a b-tree page of the schema
        f.write(b"\xa5" * 4096)


def _filled(path: Path) -> None:
    with open_history(path) as store:
        for day in range(20):
            sid = a_session(store, T0 + timedelta(days=day))
            for n in range(10):
                store.add_set(sid, a_set("bridge", n, T0 + timedelta(days=day, minutes=n)))
    assert not Path(f"{path}-wal").exists()  # checkpointed on close


@pytest.mark.parametrize("damage", [_random_bytes, _truncated, _garbage_page])
def test_a_damaged_database_is_moved_aside_and_replaced(db_path: Path, damage: Any) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    damage(db_path)
    damaged = db_path.read_bytes()
    with open_history(db_path) as store:
        notice = store.status.notice
        assert notice is not None and store.status.saving
        (moved,) = db_path.parent.glob("history.sqlite3.corrupt-*[0-9]")
        assert re.fullmatch(r"history\.sqlite3\.corrupt-\d{8}-\d{6}", moved.name)
        assert str(moved) in notice and "damaged" in notice
        assert moved.read_bytes() == damaged  # moved, never deleted or changed
        assert store.list_sessions() == []
        sid = a_session(store)
        store.add_set(sid, a_set())
    if damage is _random_bytes:
        assert Path(f"{moved}-wal").is_file()
    assert read(db_path, "SELECT count(*) FROM sets") == [(1,)]


@pytest.mark.parametrize("user_version", [0, 5, 99])
def test_another_programs_database_is_moved_aside_not_adopted(
    db_path: Path, user_version: int
) -> None:
    # A browser's SQLite file under the history's name was given HipTimer's tables without a
    # word (user_version 0), or kept the history off for good, retried every 30 s ('no such
    # table: sessions'), or called a newer HipTimer's (99). contract16's finding.
    db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.commit()
    conn.close()
    theirs = db_path.read_bytes()
    with open_history(db_path) as store:
        assert store.status.saving
        notice = store.status.notice
        (moved,) = db_path.parent.glob("history.sqlite3.corrupt-*[0-9]")
        assert notice is not None and str(moved) in notice
        # Its own sentence, not "was damaged (it is another program's database …)": look16.
        assert f"{db_path} is not a HipTimer history: it is another program's database" in notice
        assert "(tables moz_places)" in notice and "damaged" not in notice
        assert moved.read_bytes() == theirs  # moved whole, no table of ours added
        store.add_set(a_session(store), a_set())
    assert list(db_path.parent.glob("history.sqlite3.bak-*")) == []
    assert read(db_path, "SELECT count(*) FROM sets") == [(1,)]


def test_a_history_lacking_every_table_but_one_of_ours_is_still_ours(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE notes_of_mine (x)")
    conn.execute("CREATE TABLE set_aside (source, source_id, reason, row_json, set_aside_at)")
    conn.commit()
    conn.close()
    with open_history(db_path) as store:
        assert list(db_path.parent.glob("history.sqlite3.corrupt-*")) == []
        store.add_set(a_session(store), a_set())


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda p: p.mkdir(), "a folder is in its place"),
        (lambda p: os.mkfifo(p), "a pipe or a device is in its place"),
        (lambda p: p.symlink_to(p.name), "a link that loops is in its place"),  # contract16
    ],
    ids=["folder", "fifo", "loop"],
)
def test_a_folder_or_a_pipe_in_the_files_place_is_moved_aside(
    db_path: Path, make: Callable[[Path], None], why: str
) -> None:
    # SQLite said only "unable to open database file" or "disk I/O error", and the history
    # stayed off for good, retried every 30 s; the command line said the file did not exist.
    db_path.parent.mkdir(parents=True, exist_ok=True)
    make(db_path)
    with open_history(db_path) as store:
        assert store.status.saving
        notice = store.status.notice
        (moved,) = db_path.parent.glob("history.sqlite3.corrupt-*")
        assert notice is not None and why in notice and str(moved) in notice
        store.add_set(a_session(store), a_set())
    # The folder, the pipe or the link itself, moved, never opened (the link now names the
    # new history, as it named itself)
    assert moved.is_symlink() or not moved.is_file()
    assert read(db_path, "SELECT count(*) FROM sets") == [(1,)]


@pytest.mark.parametrize("extra", ["-wal", "-shm", "-journal"])
def test_a_folder_where_a_sidecar_goes_is_moved_aside_and_the_history_kept(
    db_path: Path, extra: str
) -> None:
    # The history could not be opened at all ('unable to open database file', 'attempt to
    # write a readonly database', 'disk I/O error'): off for good, retried every 30 s.
    with open_history(db_path) as store:
        store.add_set(a_session(store), a_set())
    sidecar = Path(f"{db_path}{extra}")
    sidecar.mkdir()
    with open_history(db_path) as store:
        assert store.status.saving
        (moved,) = db_path.parent.glob(f"history.sqlite3{extra}.corrupt-*")
        assert moved.is_dir() and not sidecar.is_dir()
        notice = store.status.notice
        assert notice is not None and f"{sidecar} could not be used" in notice
        assert str(moved) in notice and "damaged" not in notice  # the history itself is fine
        assert len(store.list_sessions()) == 1
    assert [p.name for p in db_path.parent.glob("history.sqlite3.corrupt-*")] == []


# -- disks that refuse writes ----------------------------------------------------------


def test_a_k_on_the_pain_question_waits_as_a_set_marked_no_rating(
    db_path: Path, flaky: list[FlakyConnection]
) -> None:
    # It was one of the quit question's "other changes" (as a session's end is), though
    # losing it makes the set read as never asked, and a resumed session ask again.
    with open_history(db_path) as store:
        sid = a_session(store)
        saved = store.add_set(sid, a_set("bridge", 1))
        (conn,) = flaky
        conn.broken = True
        store.skip_rating(saved)
        store.finish_session(sid, "completed", a_set("bridge", 1).ended_at)
        status = store.status
        assert status.pending == 2
        assert (status.pending_sets, status.pending_ratings) == (0, 0)
        assert status.pending_no_ratings == 1
        conn.broken = False


def test_a_rating_replaced_by_k_while_both_wait_counts_its_set_once(
    db_path: Path, flaky: list[FlakyConnection]
) -> None:
    """A rating typed, then replaced by K, while the disk refused: the quit question said
    "1 pain rating and 1 set marked "no rating"", one set counted twice."""
    with open_history(db_path) as store:
        sid = a_session(store)
        first = store.add_set(sid, a_set("bridge", 1))
        (conn,) = flaky
        conn.broken = True
        second = store.add_set(sid, a_set("bridge", 2))  # waits too: its answers by handle
        for saved in (first, second):
            store.rate_set(saved, 4)
            store.skip_rating(saved)
        store.rate_set(second, 2)  # and the second rated again after its K
        status = store.status
        assert status.pending == 6
        assert (status.pending_sets, status.pending_ratings) == (1, 1)
        assert status.pending_no_ratings == 1
        assert status.pending_answers_replaced == 3
        conn.broken = False


def test_failed_writes_wait_in_memory_and_are_saved_in_order(
    db_path: Path, flaky: list[FlakyConnection]
) -> None:
    statuses: list[HistoryStatus] = []
    with open_history(db_path) as store:
        store.on_status = statuses.append
        sid = a_session(store)
        (conn,) = flaky
        conn.broken = True
        first = store.add_set(sid, a_set("bridge", 1))
        store.rate_set(first, 4, None)
        second = store.add_set(sid, a_set("bridge", 2))
        status = store.status
        assert status.state is HistoryState.NOT_SAVING and not status.saving
        assert status.reason == "disk I/O error" and status.path == db_path
        assert status.pending == 3
        assert (status.pending_sets, status.pending_ratings) == (2, 1)  # what a person counts
        assert status.message is not None
        assert status.message.startswith("Saving history failed: disk I/O error;")
        assert "kept in memory and saving will be retried" in status.message
        assert read(db_path, "SELECT count(*) FROM sets") == [(0,)]

        store.finish_session(sid, "completed", a_set("bridge", 2).ended_at)
        assert not store.retry()  # still broken: nothing lost, nothing saved
        assert store.status.pending == 4 and store.status.pending_sets == 2
        conn.broken = False
        assert store.retry()
        assert store.status == HistoryStatus(HistoryState.OK, db_path)
        assert [s.state for s in statuses] == [HistoryState.NOT_SAVING, HistoryState.OK]
        assert statuses[0].reason == "disk I/O error" and statuses[0].pending >= 1
        assert first < 0 and second < 0  # handles: SQLite numbers the rows as it saves them
        rows = read(db_path, "SELECT id, seq, set_number, pain FROM sets ORDER BY seq")
        assert rows == [(1, 1, 1, 4), (2, 2, 2, None)]
        assert [store.saved_id(first), store.saved_id(second)] == [1, 2]
        assert [s.pain for s in store.session_sets(sid)] == [4, None]
        store.rate_set(first, 5, None)  # a handle stays valid once its row is saved
        assert read(db_path, "SELECT pain FROM sets WHERE id = 1") == [(5,)]

        conn.broken = True
        store.finish_session(sid, "completed", T0 + timedelta(minutes=10))
        conn.broken = False
        store.set_note(sid, "ok")  # the next write saves the queue first
        assert read(db_path, "SELECT end_reason, note FROM sessions") == [("completed", "ok")]
        assert store.status.saving


def test_a_waiting_write_the_file_refuses_is_dropped_and_the_rest_saved(
    db_path: Path, flaky: list[FlakyConnection]
) -> None:
    store = open_history(db_path)
    sid = a_session(store)
    (conn,) = flaky
    conn.broken = True
    store.add_set(sid + 100, a_set("ghost"))  # no such session: foreign keys refuse it later
    rated = store.add_set(sid, a_set("bridge"))
    store.rate_set(rated, 3, None)
    conn.broken = False
    store.close()  # saves what can be saved, past the refused write
    assert read(db_path, "SELECT exercise_id, pain FROM sets") == [("bridge", 3)]


def test_a_full_disk_keeps_sets_pending(db_path: Path, flaky: list[FlakyConnection]) -> None:
    with open_history(db_path) as store:
        sid = a_session(store)
        (conn,) = flaky
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk is full"
        for n in range(1, 41):
            store.add_set(sid, a_set("bridge", n, exercise_name="x" * 500))
        assert store.status.reason == "database or disk is full"
        assert 0 < store.status.pending < 40
        assert Path(f"{db_path}-wal").stat().st_size == 0  # its space given back (fault 10)
        conn.execute("PRAGMA max_page_count = 1000000")
        assert store.retry()
        assert [s.set_number for s in store.session_sets(sid)] == list(range(1, 41))


def test_a_full_disk_gets_the_wal_files_space_back(
    db_path: Path, flaky: list[FlakyConnection]
) -> None:
    # Issue 13, fault 10: after a full disk the -wal file kept its size (and refilled the
    # disk once space was freed). A failed write now checkpoints it back to nothing.
    with open_history(db_path) as store:
        sid = a_session(store)
        for n in range(1, 200):
            store.add_set(sid, a_set("bridge", n, exercise_name="x" * 2000))
        wal = Path(f"{db_path}-wal")
        assert wal.stat().st_size > 100_000
        (conn,) = flaky
        conn.broken = True
        store.add_set(sid, a_set("bridge", 200))
        assert store.status.pending == 1
        assert wal.stat().st_size == 0
        limit = conn.execute("PRAGMA journal_size_limit").fetchone()[0]
        assert limit == history_schema.WAL_LIMIT_BYTES
        conn.broken = False
        assert store.retry()
    assert read(db_path, "SELECT count(*) FROM sets") == [(200,)]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores chmod")
def test_read_only_folder_does_not_lose_the_session(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        store = open_history(folder / "history.sqlite3")
        assert store.status.state is HistoryState.NOT_SAVING and store.status.reason
        sid = a_session(store)
        store.add_set(sid, a_set())
    finally:
        folder.chmod(0o700)
    assert store.retry()
    store.close()
    assert read(folder / "history.sqlite3", "SELECT count(*) FROM sets") == [(1,)]


def test_a_read_only_mount_whose_history_opens_says_so_before_the_first_set(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the -wal and -shm a copy left, a read-only mount's history opens and reads, and the
    strip waited for the first set to fail, mid-session; once the mount was writable again,
    the sets waiting were never saved (contract16's findings)."""
    with open_history(db_path) as store:
        store.add_set(a_session(store), a_set())
    fake_read_only(monkeypatch, db_path.parent)

    def read_only(path: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)

    monkeypatch.setattr(history_schema, "connect", read_only)
    with open_history(db_path) as store:
        assert store.status.state is HistoryState.NOT_SAVING and store.status.folder_read_only
        assert store.status.reason == "attempt to write a readonly database"
        assert len(store.list_sessions()) == 1  # shown all the same
        assert not store.retry()  # nothing waits, and the folder still refuses
        assert store.status.state is HistoryState.NOT_SAVING
        sid = a_session(store)  # waits in memory
        monkeypatch.undo()  # the mount is writable again
        # SQLite keeps a connection it opened read-only so: retrying it failed for good,
        # though the strip said 'make the folder writable ... saving is retried'.
        assert store.retry() and store.status.saving
        store.add_set(sid, a_set())
    assert read(db_path, "SELECT count(*) FROM sessions") == [(2,)]
    assert read(db_path, "SELECT count(*) FROM sets") == [(2,)]


@pytest.mark.parametrize("read_only", [True, False], ids=["read-only folder", "full disk"])
def test_a_refused_write_in_a_read_only_folder_is_left_to_the_window_s_strip(
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    read_only: bool,
) -> None:
    """A read-only mount whose history still opens (its -shm was there) printed 'Saving
    history failed: attempt to write a readonly database' on the terminal at every set,
    beside the strip that says so; docs/history.md keeps those lines to hiptimer.log."""
    with open_history(db_path) as store:
        if read_only:
            fake_read_only(monkeypatch, db_path.parent)

        def refused(*args: Any) -> Any:
            raise sqlite3.OperationalError(
                "attempt to write a readonly database" if read_only else "database or disk is full"
            )

        monkeypatch.setattr(writes, "run", refused)
        with caplog.at_level(logging.WARNING, logger="hiptimer.core.history.store"):
            a_session(store)
        monkeypatch.undo()
        (record,) = [r for r in caplog.records if "Saving history failed" in r.getMessage()]
        assert getattr(record, "said_in_the_window", False) is read_only


def test_an_unusable_folder_falls_back_to_memory_then_catches_up(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    db_path = blocker / "history.sqlite3"
    with open_history(db_path) as store:
        assert store.status.state is HistoryState.NOT_SAVING
        assert store.status.reason.startswith(f"cannot open {db_path}: ")
        sid = a_session(store)
        set_id = store.add_set(sid, a_set())
        store.rate_set(set_id, 2, None)
        assert [s.pain for s in store.session_sets(sid)] == [2]  # readable meanwhile
        assert store.status.pending == 3

        blocker.unlink()
        assert store.retry()
        assert store.status.saving and store.status.pending == 0
        store.add_set(sid, a_set("bridge", 2))
        assert [s.set_number for s in store.session_sets(sid)] == [1, 2]
    assert read(db_path, "SELECT pain FROM sets ORDER BY seq") == [(2,), (None,)]


def test_sessions_made_while_an_existing_history_was_unwritable_are_saved_without_clashes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 13, fault 8: a read-only folder with a history in it. The stand-in numbered its
    # sessions itself, and once writable every save failed ("already holds sessions with
    # the same numbers"): 5 of 5 ratings lost. Now SQLite numbers a row as it writes it, so
    # even sessions another copy saved meanwhile cannot clash. Root ignores chmod, so
    # opening for writing is refused the way a read-only folder refuses it.
    db = tmp_path / "history.sqlite3"
    with open_history(db) as store:
        for day in range(3):
            a_session(store, T0 - timedelta(days=3 - day))
    real_open = history_schema.open_database

    def read_only(path: Path) -> object:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(history_schema, "open_database", read_only)
    store = open_history(db)
    assert store.status.state is HistoryState.NOT_SAVING
    sid = a_session(store)
    for n in range(1, 6):
        store.rate_set(store.add_set(sid, a_set("bridge", n, T0 + timedelta(minutes=n))), n, None)
    assert [s.pain for s in store.session_sets(sid)] == [1, 2, 3, 4, 5]  # the stand-in's
    monkeypatch.setattr(history_schema, "open_database", real_open)
    with open_history(db) as other:  # another copy, on a writable disk, gets there first
        other.add_set(a_session(other, T0 + timedelta(hours=1)), a_set("clam"))
    assert store.retry()
    assert store.saved_id(sid) == 5 and store.get_session(sid) is not None
    store.rate_set(store.session_sets(sid)[0].id or 0, 0, None)  # the real ids, from now on
    store.close()
    assert read(db, "SELECT id FROM sessions ORDER BY id") == [(1,), (2,), (3,), (4,), (5,)]
    pains = read(db, "SELECT pain FROM sets WHERE session_id = 5 ORDER BY seq")
    assert pains == [(0,), (2,), (3,), (4,), (5,)]
    assert read(db, "SELECT exercise_id FROM sets WHERE session_id = 4") == [("clam",)]


class RacingConnection(sqlite3.Connection):
    """Runs `cut_in` (once) just as this connection begins its next write: another copy of
    HipTimer writing at the same instant."""

    cut_in: Callable[[], object] | None = None

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
        if sql == "BEGIN IMMEDIATE" and self.cut_in is not None:
            cut_in, self.cut_in = self.cut_in, None
            cut_in()
        return super().execute(sql, *args)


def test_two_copies_starting_a_session_at_the_same_instant_get_different_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 13, fault 9: each copy chose max(id) + 1 before writing, so two starting at once
    # both took id 1 and the second write failed (IntegrityError). SQLite now picks the id
    # inside the writing transaction.
    db = tmp_path / "history.sqlite3"
    connect = functools.partial(history_schema.connect, factory=RacingConnection)
    monkeypatch.setattr(history_schema, "connect", connect)
    with open_history(db) as first, open_history(db) as second:
        other: list[int] = []
        first._conn.cut_in = lambda: other.append(a_session(second))  # type: ignore[attr-defined]
        mine = a_session(first)
        assert sorted([mine, *other]) == [1, 2]
        sets = [first.add_set(mine, a_set("bridge")), second.add_set(other[0], a_set("clam"))]
        first.rate_set(sets[0], 3, None)
        second.rate_set(sets[1], 6, None)
        first._conn.cut_in = lambda: second.record_dose_change(  # type: ignore[attr-defined]
            "hips", "clam", "reps", 10, 12, accepted=True, decided_at=T0, session_id=other[0]
        )
        first.record_dose_change("hips", "bridge", "reps", 8, 9, accepted=False, decided_at=T0)
        assert first.status.saving and second.status.saving
    rows = read(db, "SELECT session_id, exercise_id, pain FROM sets ORDER BY id")
    assert sorted(rows) == sorted([(mine, "bridge", 3), (other[0], "clam", 6)])
    assert read(db, "SELECT exercise_id FROM dose_changes ORDER BY id") == [("clam",), ("bridge",)]


def test_an_id_the_store_never_gave_is_refused(store: HistoryStore) -> None:
    with pytest.raises(ValueError, match="-7 is not a row of this history"):
        store.add_set(-7, a_set())
    assert store.status.pending == 0


# -- interrupted sessions --------------------------------------------------------------


def test_a_session_that_never_finished_can_be_found_and_closed(db_path: Path) -> None:
    with open_history(db_path) as store:
        done = a_session(store, T0 - timedelta(days=1))
        store.finish_session(done, "completed", T0 - timedelta(days=1) + timedelta(minutes=9))
        sid = a_session(store)
        for n in (1, 2):
            store.add_set(sid, a_set("bridge", n, T0 + timedelta(minutes=n)))
    # The process died here.
    with open_history(db_path) as store:
        (unfinished,) = store.unfinished_sessions()
        assert unfinished.id == sid and unfinished.end_reason is None
        assert unfinished.sets_done == 2 and unfinished.duration_s == 150
        assert [(s.exercise_id, s.set_number) for s in store.session_sets(sid)] == [
            ("bridge", 1),
            ("bridge", 2),
        ]
        store.mark_partial(sid)
        assert store.unfinished_sessions() == []
        summary = store.get_session(sid)
        assert summary is not None and summary.end_reason == "partial"
        assert summary.ended_at == T0 + timedelta(minutes=2, seconds=30)


DOSES_NOW = {"bridge": {"hold_s": 35.0, "changes": ["hold 30 -> 35 s"]}}


@pytest.mark.parametrize("end", ["completed", "ended_early", "interrupted", "partial"])
def test_a_session_that_ends_keeps_its_doses_now_only_as_the_offer_to_keep_them(
    tmp_path: Path, end: str
) -> None:
    """sessions.doses_now_json resumes an unfinished session; once it ends, the doses reached
    wait as the offer to keep them ({"to keep": ...}) until answered: a HipTimer killed on
    the summary lost the offer. A discarded (partial) session offers nothing. The exports
    never read it: a session with a dose change exports as one without."""
    exports = []
    for doses_now in (DOSES_NOW, None):
        with open_history(tmp_path / f"{doses_now is None}.sqlite3") as store:
            sid = a_session(store)
            store.add_set(sid, a_set(adjustment="hold 30 -> 35 s"))
            if doses_now is not None:
                store.record_doses_now(sid, doses_now)
                assert store.session_doses_now(sid) == doses_now  # resumable until it ends
            if end == "partial":
                store.mark_partial(sid)
            else:
                store.finish_session(sid, end, T0 + timedelta(minutes=5))
                store.finish_session(sid, end, T0 + timedelta(minutes=6))  # wrapped once
            offered = None if doses_now is None or end == "partial" else {"to keep": doses_now}
            assert store.session_doses_now(sid) == offered
            out = io.StringIO(newline="")
            store.export_csv(out)
            exports.append(out.getvalue())
            store.answer_doses_offer(sid)
            assert store.session_doses_now(sid) is None
    assert exports[0] == exports[1]


def test_answering_the_offer_leaves_a_running_session_s_doses_now(tmp_path: Path) -> None:
    with open_history(tmp_path / "h.sqlite3") as store:
        sid = a_session(store)
        store.record_doses_now(sid, DOSES_NOW)
        store.answer_doses_offer(sid)  # only an ended session's: this one is resumed at them
        assert store.session_doses_now(sid) == DOSES_NOW


# -- review queries --------------------------------------------------------------------


def _two_weeks(store: HistoryStore) -> list[int]:
    """Sessions on Mon 3, Wed 5 (other routine), Fri 7 (nothing done) and Tue 11 March."""
    plan = [(0, "hips", [1, 3]), (2, "knees", [5]), (4, "hips", None), (8, "hips", [2, 6, 4])]
    ids = []
    for day, routine, pains in plan:
        start = T0 + timedelta(days=day)
        sid = a_session(store, start, routine)
        for n, pain in enumerate(pains or [], 1):
            store.add_set(sid, a_set("bridge", n, start + timedelta(minutes=n), pain=pain))
        if pains is None:
            store.add_set(sid, a_set("bridge", 1, start, skipped=True, completed=False))
        store.finish_session(sid, "completed", start + timedelta(minutes=10))
        ids.append(sid)
    return ids


def test_list_sessions_aggregates_per_session(store: HistoryStore) -> None:
    ids = _two_weeks(store)
    listed = store.list_sessions()
    assert [s.id for s in listed] == ids[::-1]  # newest first
    last = listed[0]
    assert (last.sets_done, last.max_pain, last.avg_pain, last.duration_s) == (3, 6, 4.0, 600)
    skipped = listed[1]
    assert (skipped.sets_done, skipped.sets_skipped, skipped.max_pain) == (0, 1, None)
    assert [s.id for s in store.list_sessions("hips", limit=2)] == [ids[3], ids[2]]
    in_range = store.list_sessions(since=date(2025, 3, 5), until=date(2025, 3, 7))
    assert [s.id for s in in_range] == [ids[2], ids[1]]
    assert [s.id for s in store.list_sessions(since=T0 + timedelta(days=8))] == [ids[3]]
    last_hips = store.last_session_for("hips")
    assert last_hips is not None and last_hips.id == ids[3]
    assert store.last_session_for("nothing") is None


def test_session_list_reads_no_set_and_sorts_nothing(store: HistoryStore, db_path: Path) -> None:
    """A listing reads one row of session_totals a session, found by its key, in the order
    of the sessions' start index: summing ten years of sets at each listing took 130-170 ms
    (docs/performance.md, session 15)."""
    for limited in (False, True):
        params = [10] if limited else []
        plan = read(db_path, "EXPLAIN QUERY PLAN " + _summary_sql("1", limited), tuple(params))
        details = " | ".join(row[3] for row in plan)
        assert "SCAN s USING INDEX sessions_by_started" in details
        assert "SEARCH g USING INTEGER PRIMARY KEY" in details
        assert "sets_by" not in details and " t " not in f"{details} "
        assert "TEMP B-TREE" not in details


def test_pain_series_per_session(store: HistoryStore) -> None:
    ids = _two_weeks(store)
    sid = a_session(store, T0 + timedelta(days=9))
    store.add_set(sid, a_set("bridge", 1, T0 + timedelta(days=9), side="left", pain=8))
    store.add_set(sid, a_set("bridge", 1, T0 + timedelta(days=9), side="right", pain=2))
    series = store.pain_series("bridge")
    assert [(p.session_id, p.avg_pain, p.max_pain) for p in series] == [
        (ids[0], 2.0, 3),
        (ids[1], 5.0, 5),
        (ids[3], 4.0, 6),
        (sid, 5.0, 8),
    ]
    started, avg, worst, *_ = series[0]
    assert (started, avg, worst) == (T0, 2.0, 3)
    assert [p.max_pain for p in store.pain_series("bridge", side="right")] == [2]
    assert [p.session_id for p in store.pain_series("bridge", routine_id="knees")] == [ids[1]]
    assert [p.session_id for p in store.pain_series("bridge", since=date(2025, 3, 10))] == [
        ids[3],
        sid,
    ]
    assert store.pain_series("clam") == []


def test_weekly_adherence_counts_sessions_with_a_set_done(store: HistoryStore) -> None:
    _two_weeks(store)
    # Local noon, so that the week does not depend on the machine's time zone.
    store.begin_session("hips", "Hips", 1, {}, datetime(2025, 3, 26, 12))  # no set: not counted
    sid = store.begin_session("hips", "Hips", 1, {}, datetime(2025, 3, 27, 12))
    store.add_set(sid, a_set(start=datetime(2025, 3, 27, 12)))
    weeks = store.weekly_adherence()
    assert weeks[0] == (date(2025, 3, 3), 2)  # Friday's skipped session does not count
    assert [(w.week_start, w.sessions) for w in weeks[1:]] == [
        (date(2025, 3, 10), 1),
        (date(2025, 3, 17), 0),
        (date(2025, 3, 24), 1),
    ]
    assert store.weekly_adherence("knees") == [(date(2025, 3, 3), 1)]
    assert store.weekly_adherence("knees", until=date(2025, 3, 16)) == [
        (date(2025, 3, 3), 1),
        (date(2025, 3, 10), 0),
    ]
    assert store.weekly_adherence("nothing") == []


def test_the_morning_after_begins_at_4_not_at_midnight(store: HistoryStore) -> None:
    """The audit: a routine done 23:55-23:59, back to the library at 00:00, and HipTimer asked
    "How does your hip feel this morning?" a minute after the last set."""
    late = store.begin_session("hips", "Hips", 1, {}, datetime(2025, 3, 3, 23, 55))
    store.add_set(late, a_set(start=datetime(2025, 3, 3, 23, 58)))
    just_after = checkin_day(datetime(2025, 3, 4, 0, 1).astimezone())
    assert just_after == date(2025, 3, 3)  # still that evening
    assert store.sessions_needing_morning_checkin(just_after) is None
    morning = checkin_day(datetime(2025, 3, 4, 7).astimezone())
    due = store.sessions_needing_morning_checkin(morning)
    assert due is not None and due.id == late
    # A session after midnight belongs to the night before: asked about that morning.
    owl = store.begin_session("hips", "Hips", 1, {}, datetime(2025, 3, 5, 1, 30))
    store.add_set(owl, a_set(start=datetime(2025, 3, 5, 1, 31)))
    assert checkin_day(datetime(2025, 3, 5, 3, 59).astimezone()) == date(2025, 3, 4)
    due = store.sessions_needing_morning_checkin(checkin_day(datetime(2025, 3, 5, 9).astimezone()))
    assert due is not None and due.id == owl


def test_a_session_across_4_belongs_to_the_check_in_day_it_ended_in(store: HistoryStore) -> None:
    """Begun at 03:59:40, its last set ended at 04:00:40: asked about at 04:01 (its start's
    day ended at 04:00), a minute after the set; now the next morning."""
    start = datetime(2025, 3, 4, 3, 59, 40).astimezone()
    sid = store.begin_session("hips", "Hips", 1, {}, start)
    store.add_set(sid, a_set(start=start + timedelta(seconds=30)))  # ends 04:00:40
    minute_after = checkin_day(datetime(2025, 3, 4, 4, 1).astimezone())
    assert store.sessions_needing_morning_checkin(minute_after) is None
    assert store.sessions_of_checkin_day(date(2025, 3, 3)) == []
    due = store.sessions_needing_morning_checkin(checkin_day(datetime(2025, 3, 5, 8).astimezone()))
    assert due is not None and due.id == sid
    assert [s.id for s in store.sessions_of_checkin_day(date(2025, 3, 4))] == [sid]


def test_morning_check_in_asks_about_yesterdays_last_session(store: HistoryStore) -> None:
    day = date(2025, 3, 4)
    assert store.sessions_needing_morning_checkin(day) is None
    early = store.begin_session("hips", "Hips", 1, {}, datetime(2025, 3, 3, 7))
    late = store.begin_session("hips", "Hips", 1, {}, datetime(2025, 3, 3, 19))
    for sid in (early, late):
        store.add_set(sid, a_set(start=datetime(2025, 3, 3, 19)))
    store.begin_session("hips", "Hips", 1, {}, datetime(2025, 3, 4, 7))  # today: not asked
    due = store.sessions_needing_morning_checkin(day)
    assert due is not None and due.id == late
    store.record_morning(late, 3, 4, datetime(2025, 3, 4, 8))
    assert store.sessions_needing_morning_checkin(day) is None
    checked = store.get_session(late)
    assert checked is not None
    assert (checked.morning_pain, checked.morning_stiffness) == (3, 4)
    assert checked.morning_at == datetime(2025, 3, 4, 8).astimezone()


def test_a_resumed_sessions_time_leaves_out_the_stop(store: HistoryStore) -> None:
    sid = a_session(store)
    store.add_set(sid, a_set(start=T0 + timedelta(seconds=5)))  # ends at 35 s
    store.mark_resumed(sid, T0 + timedelta(hours=2))  # the app was killed, restarted later
    store.add_set(sid, a_set("bridge", 2, T0 + timedelta(hours=2, seconds=10)))
    store.finish_session(sid, "completed", T0 + timedelta(hours=2, seconds=45))
    store.mark_resumed(sid, T0 + timedelta(days=1))  # finished: nothing to resume
    (session,) = store.list_sessions()
    assert session.stopped_s == pytest.approx(2 * 3600 - 35)
    assert session.duration_s == pytest.approx(35 + 45)
    # Resumed (by a clock set back) before its last set ended: no stop, and no time lost.
    other = a_session(store, T0 + timedelta(days=2))
    store.add_set(other, a_set(start=T0 + timedelta(days=2)))
    store.mark_resumed(other, T0 + timedelta(days=2, seconds=10))
    again = store.get_session(other)
    assert again is not None and again.stopped_s == 0


def test_dose_series_and_dose_changes(store: HistoryStore) -> None:
    for day, hold in enumerate((30.0, 35.0)):
        sid = a_session(store, T0 + timedelta(days=day))
        store.add_set(sid, a_set(start=T0 + timedelta(days=day), planned_hold_s=hold))
        store.add_set(sid, a_set("bridge", 2, T0 + timedelta(days=day), planned_hold_s=hold + 5))
    series = store.exercise_dose_series("bridge")
    assert [(p.started_at, p.planned_hold_s, p.planned_reps) for p in series] == [
        (T0, 30.0, None),
        (T0 + timedelta(days=1), 35.0, None),
    ]
    store.record_dose_change(
        "hips", "bridge", "hold_s", 30, 35, accepted=True, decided_at=T0, reason="easy", side="left"
    )
    (change,) = store.dose_changes(exercise_id="bridge")
    assert (change.field, change.old_value, change.new_value) == ("hold_s", 30.0, 35.0)
    assert change.accepted is True and change.side == "left" and change.decided_at == T0


def test_the_series_of_a_period_read_only_its_sessions(store: HistoryStore) -> None:
    """A chart of 3 months read every session's dose of ten years and dropped all but 91
    (~30 ms of each exercise chosen; docs/performance.md, session 17): the dose and pain
    series now take the period, which SQLite finds by the sessions' start index."""
    for day, hold in enumerate((30.0, 35.0, 40.0)):
        sid = a_session(store, T0 + timedelta(days=day))
        store.add_set(sid, a_set(start=T0 + timedelta(days=day), planned_hold_s=hold, pain=day))
    day1 = (T0 + timedelta(days=1)).astimezone().date()
    for since, until, holds in ((day1, None, [35, 40]), (None, day1, [30, 35]), (day1, day1, [35])):
        doses = store.exercise_dose_series("bridge", None, since, until)
        assert [p.planned_hold_s for p in doses] == holds
        pain = store.pain_series("bridge", None, None, since, until)
        assert [p.max_pain for p in pain] == [(h - 30) // 5 for h in holds]


# -- CSV export ------------------------------------------------------------------------


def test_csv_export_has_documented_columns_and_iso_times(store: HistoryStore) -> None:
    ids = _two_weeks(store)
    store.set_note(ids[0], 'tight, "left" hip')
    out = io.StringIO(newline="")
    assert store.export_csv(out) == 7
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == [name for name, _ in CSV_COLUMNS]
    first = rows[0]
    assert first["session_id"] == str(ids[0]) and first["routine_id"] == "hips"
    assert first["exercise"] == "Bridge" and first["side"] == "" and first["pain"] == "1"
    assert first["completed"] == "1" and first["skipped"] == "0"
    assert first["session_note"] == 'tight, "left" hip'
    for column in ("session_started", "set_started", "set_ended"):
        parsed = datetime.fromisoformat(first[column])
        assert parsed.utcoffset() is not None
    assert datetime.fromisoformat(first["session_started"]) == T0
    assert datetime.fromisoformat(first["set_started"]) == T0 + timedelta(minutes=1)
    assert [r["session_id"] for r in rows] == [str(i) for i in [ids[0]] * 2 + [ids[1], ids[2]]] + [
        str(ids[3])
    ] * 3


def test_csv_export_to_a_file_since_a_date(store: HistoryStore, tmp_path: Path) -> None:
    ids = _two_weeks(store)
    target = tmp_path / "export.csv"
    assert store.export_csv(target, since=date(2025, 3, 10)) == 3
    assert target.read_bytes().startswith(b"\xef\xbb\xbfsession_id,")  # BOM for spreadsheets
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["session_id"] for r in rows} == {str(ids[3])}


def test_csv_export_until_a_day_and_one_routine(store: HistoryStore) -> None:
    ids = _two_weeks(store)

    def exported(**filters: Any) -> list[str]:
        out = io.StringIO(newline="")
        count = store.export_csv(out, **filters)
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert count == len(rows)
        return [r["session_id"] for r in rows]

    # A date `until` keeps that whole local day, as list_sessions does.
    assert exported(until=date(2025, 3, 5)) == [str(ids[0])] * 2 + [str(ids[1])]
    assert exported(until=date(2025, 3, 2)) == []
    assert exported(routine_id="knees") == [str(ids[1])]
    assert (
        exported(since=date(2025, 3, 4), until=date(2025, 3, 11), routine_id="hips")
        == [str(ids[2])] + [str(ids[3])] * 3
    )
    assert exported(routine_id="nothing") == []
