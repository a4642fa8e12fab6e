"""A history that degrades by row, not by file (issue 13, faults 6 and 7)."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hiptimer.core.history import schema as history_schema
from hiptimer.core.history.status import HistoryState
from hiptimer.core.history.store import HistoryStore, open_history
from tests.core.history.test_store import T0, a_session, a_set, read


@pytest.fixture(autouse=True)
def fresh_backup_memory() -> Iterator[None]:
    history_schema._backed_up.clear()  # each test is a new run of the app
    yield
    history_schema._backed_up.clear()


def sound_history(db: Path, sessions: int = 3) -> list[int]:
    ids = []
    with open_history(db) as store:
        for n in range(sessions):
            sid = a_session(store, T0 + timedelta(days=n))
            store.rate_set(store.add_set(sid, a_set("bridge", 1, T0 + timedelta(days=n))), 2)
            store.finish_session(sid, "completed", T0 + timedelta(days=n, minutes=5))
            ids.append(sid)
    return ids


def damage(db: Path, sql: str, params: tuple[Any, ...] = ()) -> None:
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def everything_reads(store: HistoryStore) -> list[int]:
    """The window's and the CLI's reads; returns the session ids listed."""
    listed = [s.id for s in store.list_sessions()]
    out = io.StringIO(newline="")
    store.export_csv(out)
    store.sessions_needing_morning_checkin(date(2025, 3, 10))
    for sid in listed:
        store.session_sets(sid)
    return listed


@pytest.mark.parametrize(
    ("sql", "why"),
    [
        (
            "UPDATE sessions SET started_at = 'yesterday-ish' WHERE id = 2",
            "started_at is not a time",
        ),
        ("UPDATE sessions SET doses_json = '{bad' WHERE id = 2", "doses_json is not a JSON object"),
        ("UPDATE sessions SET ended_at = 'soon' WHERE id = 2", "ended_at is not a time"),
        ("UPDATE sessions SET routine_revision = 'two' WHERE id = 2", "a number column holds text"),
    ],
)
def test_one_bad_session_row_is_set_aside_and_the_rest_reads(
    tmp_path: Path, sql: str, why: str
) -> None:
    db = tmp_path / "history.sqlite3"
    sound_history(db)
    damage(db, sql)
    with open_history(db) as store:
        assert store.status.state is HistoryState.OK
        notice = store.status.notice or ""
        assert "sessions row 2: " + why in notice and "sets row 2: its session 2" in notice
        assert everything_reads(store) == [3, 1]
    aside = read(db, "SELECT source, source_id, reason, row_json FROM set_aside ORDER BY id")
    assert [(s, i) for s, i, _, _ in aside] == [("sets", 2), ("sessions", 2)]
    assert json.loads(aside[1][3])["id"] == 2  # the whole row is kept
    with open_history(db) as again:  # set aside once: the next start is quiet
        assert again.status.notice is None


def test_a_set_whose_session_is_gone_or_whose_time_is_junk_is_set_aside(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    sound_history(db)
    damage(db, "UPDATE sets SET session_id = 99 WHERE id = 1")
    damage(db, "UPDATE sets SET ended_at = X'00FF' WHERE id = 3")
    with open_history(db) as store:
        notice = store.status.notice or ""
        assert "2 damaged rows" in notice
        assert "its session is not in the history" in notice and "ended_at is not a time" in notice
        assert everything_reads(store) == [3, 2, 1]
        sid = a_session(store)  # and the history is writable as ever
        store.add_set(sid, a_set())


def test_a_copy_without_its_version_is_adopted_with_one_backup(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    sound_history(db)
    damage(db, "PRAGMA user_version = 0")  # what a sqlite3 .dump copy gives
    with open_history(db) as store:
        assert store.status.state is HistoryState.OK
        assert everything_reads(store) == [3, 2, 1]
        a_session(store)
    assert read(db, "PRAGMA user_version") == [(history_schema.SCHEMA_VERSION,)]
    assert len(list(tmp_path.glob("history.sqlite3.bak-v0-*"))) == 1


def test_a_failing_migration_is_backed_up_once_not_on_every_retry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "history.sqlite3"
    conn = history_schema.connect(db)
    history_schema.configure(conn)
    history_schema.migrate(conn, history_schema.MIGRATIONS[:1])  # an old, version 1 file
    conn.close()

    real_migrate = history_schema.migrate

    def disk_error(conn: sqlite3.Connection, migrations: Any = history_schema.MIGRATIONS) -> int:
        if not conn.execute("PRAGMA database_list").fetchone()[2]:  # the in-memory stand-in
            return real_migrate(conn, migrations)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(history_schema, "migrate", disk_error)
    store = open_history(db)
    assert store.status.state is HistoryState.NOT_SAVING
    for _ in range(5):
        assert not store.retry()
    store.close()
    assert len(list(tmp_path.glob("history.sqlite3.bak-v1-*"))) == 1


def test_no_backup_is_made_where_the_disk_lacks_room_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "history.sqlite3"
    conn = history_schema.connect(db)
    history_schema.migrate(conn, history_schema.MIGRATIONS[:1])
    conn.close()
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(history_schema.shutil, "disk_usage", lambda p: usage._replace(free=1024))
    store = open_history(db)
    assert store.status.state is HistoryState.NOT_SAVING
    assert "not enough free space to back up" in store.status.reason
    store.close()
    assert not list(tmp_path.glob("history.sqlite3.bak-*"))


def test_a_history_missing_a_column_is_moved_aside_and_a_new_one_saves(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    sound_history(db)
    damage(db, "ALTER TABLE sessions DROP COLUMN note")
    with open_history(db) as store:
        assert store.status.state is HistoryState.OK
        assert "missing sessions.note" in (store.status.notice or "")
        sid = a_session(store)
        store.add_set(sid, a_set())
    assert len(list(tmp_path.glob("history.sqlite3.corrupt-*[0-9]"))) == 1  # and its -wal, -shm


COLUMNS = {
    "sessions": ["routine_id", "routine_title", "routine_revision", "doses_json", "sets_planned",
                 "started_at", "ended_at", "note", "morning_pain", "morning_at"],
    "sets": ["session_id", "exercise_id", "exercise_name", "set_number", "planned_hold_s",
             "actual_hold_s", "planned_reps", "actual_reps", "started_at", "ended_at", "seq"],
    "dose_changes": ["decided_at", "old_value", "new_value", "exercise_id"],
}  # fmt: skip
VALUES = (
    st.none() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=True) | st.text(max_size=30)
    | st.binary(max_size=8) | st.sampled_from(["2025-03-03T08:00:00+00:00", "{}", "[]", "now", "1e999"])
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(sorted(COLUMNS)), st.data()), min_size=1, max_size=4))
def test_any_value_in_any_column_never_stops_the_history(changes: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "history.sqlite3"
        sound_history(db)
        with open_history(db) as store:
            store.record_dose_change("hips", "bridge", "reps", 10, 12, accepted=True, decided_at=T0)
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA ignore_check_constraints = ON")
        for table, data in changes:
            column = data.draw(st.sampled_from(COLUMNS[table]))
            value = data.draw(VALUES)
            row = data.draw(st.integers(1, 3))
            # NOT NULL and the like: SQLite itself refuses that damage.
            with contextlib.suppress(sqlite3.Error, OverflowError):
                conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (value, row))
        conn.commit()
        conn.close()
        with open_history(db) as store:
            everything_reads(store)
