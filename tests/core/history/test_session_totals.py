"""Tests of the per-session totals the triggers keep: always the sums of the sets, whoever
changes them, from a migrated old file and after a database tool dropped a part."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from hiptimer.core.history import schema as history_schema
from hiptimer.core.history.outcome import DONE_SQL, PARTLY_DONE_SQL, SKIPPED_SQL
from hiptimer.core.history.queries import _summary_sql, to_db_time
from hiptimer.core.history.store import HistoryStore, open_history
from tests.core.history.old_files import as_version_6
from tests.core.history.stored import T0, a_session, a_set, read
from tests.history_generated import generate

# The sessions list as it was summed straight off the sets before version 7: the figures
# the table must give, value for value and type for type.
SUMMED = f"""
SELECT s.id, s.routine_id, s.routine_title, s.routine_revision, s.started_at, s.ended_at,
s.end_reason, s.note, s.sets_planned, count(t.id), coalesce(sum(t.tried_before), 0),
coalesce(sum({DONE_SQL}), 0), coalesce(sum({PARTLY_DONE_SQL}), 0),
coalesce(sum({SKIPPED_SQL}), 0), max(t.pain), avg(t.pain), max(t.ended_at),
s.morning_pain, s.morning_stiffness, s.morning_at, s.not_representative,
(SELECT count(*) FROM corrections AS c WHERE c.session_id = s.id), s.stopped_s, s.resumed_at
FROM sessions AS s LEFT JOIN sets AS t ON t.session_id = s.id
GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC
"""


def exactly(rows: list[tuple[object, ...]]) -> list[tuple[str, ...]]:
    """Rows as reprs: 3 and 3.0 compare equal, but would not show the same."""
    return [tuple(map(repr, row)) for row in rows]


def listed(db: Path) -> list[tuple[str, ...]]:
    return exactly(read(db, _summary_sql("1", limited=False)))


def summed(db: Path) -> list[tuple[str, ...]]:
    return exactly(read(db, SUMMED))


@pytest.fixture
def generated(tmp_path: Path) -> Iterator[tuple[HistoryStore, Path]]:
    """A varied history: sets tried twice, skipped, unrated, corrected, re-tests."""
    db = tmp_path / "history.sqlite3"
    with generate(db, sessions=40) as store:
        yield store, db


def test_the_totals_are_the_sums_of_the_sets_after_each_kind_of_change(
    generated: tuple[HistoryStore, Path],
) -> None:
    store, db = generated
    assert listed(db) == summed(db)
    sid = a_session(store, T0 + timedelta(days=400))
    assert listed(db)[0] == summed(db)[0]  # a session without a set yet
    day = T0 + timedelta(days=400)
    set_ids = [store.add_set(sid, a_set("bridge", n, day, pain=n + 4)) for n in (1, 2, 1)]
    store.rate_set(set_ids[0], 3)  # set 1 was done again after Back: set_ids[2]
    store.correct_pain(set_ids[1], None, at=day + timedelta(days=1))
    assert listed(db) == summed(db)
    tool = sqlite3.connect(db)  # what a database tool may do; the triggers are in the file
    tool.execute("PRAGMA foreign_keys = ON")
    with tool:
        tool.execute("UPDATE sets SET completed = 0, skipped = 1 WHERE id % 7 = 0")
        tool.execute("UPDATE sets SET ended_at = '2030-01-01T00:00:00+00:00' WHERE id = 5")
        tool.execute(
            "UPDATE sets SET session_id = 2, seq = seq + 1000 WHERE session_id = 3 AND seq > 4"
        )
        tool.execute("UPDATE sets SET adjustment = 'x', result = 1.5 WHERE id % 3 = 0")
        tool.execute("DELETE FROM sets WHERE session_id = 4")  # every set of a session
        tool.execute("DELETE FROM sets WHERE id % 11 = 0")
        tool.execute("DELETE FROM sessions WHERE id = 6")  # its sets go with it
    tool.close()
    assert listed(db) == summed(db)
    assert read(db, "SELECT count(*) FROM session_totals WHERE session_id IN (4, 6)") == [(0,)]


def test_an_old_file_gets_its_totals_when_it_is_migrated(tmp_path: Path) -> None:
    """A version 6 file (before the totals) shows the same sessions list, figure for
    figure, once this HipTimer has migrated it."""
    db = tmp_path / "history.sqlite3"
    generate(db, sessions=30).close()
    before = summed(db)  # its resumed_at (a later version) is empty: dropped below
    as_version_6(db)
    assert read(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") == [(0,)]
    with open_history(db) as store:
        assert store.status.notice is None  # a migration, not a mending
        assert len(store.list_sessions()) == 30
    assert read(db, "PRAGMA user_version") == [(history_schema.SCHEMA_VERSION,)]
    assert listed(db) == before
    assert len(list(tmp_path.glob("history.sqlite3.bak-v6-*"))) == 1


ALL_PARTS = [f"TRIGGER session_totals_{t}" for t in ("insert", "delete", "update")]


@pytest.mark.parametrize(
    "dropped", [["TRIGGER session_totals_insert"], [*ALL_PARTS, "TABLE session_totals"]]
)
def test_a_dropped_part_is_made_again_and_every_session_counted_again(
    tmp_path: Path, dropped: list[str]
) -> None:
    db = tmp_path / "history.sqlite3"
    generate(db, sessions=20).close()
    tool = sqlite3.connect(db, isolation_level=None)
    for part in dropped:
        tool.execute(f"DROP {part}")
    # Sets written while the totals were not kept.
    tool.execute(
        "INSERT INTO sets (session_id, seq, exercise_id, exercise_name, set_number, completed,"
        " pain, started_at, ended_at) VALUES (1, 99, 'new', 'New', 1, 1, 9, ?, ?)",
        (to_db_time(T0), to_db_time(T0 + timedelta(days=900))),
    )
    tool.close()
    with open_history(db):
        pass
    assert listed(db) == summed(db)
    made = read(db, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    assert made == [
        ("session_totals_delete",),
        ("session_totals_insert",),
        ("session_totals_update",),
    ]


def test_a_set_and_its_rating_are_saved_when_a_tool_drops_the_table_but_not_its_triggers(
    tmp_path: Path,
) -> None:
    # DROP TABLE leaves the triggers on `sets`, which then fail every set write with
    # "no such table" until HipTimer opened the file again: the ratings waited in memory.
    db = tmp_path / "history.sqlite3"
    with open_history(db) as store:
        sid = a_session(store)
        store.add_set(sid, a_set("bridge", 1))
        tool = sqlite3.connect(db, isolation_level=None)
        tool.execute("DROP TABLE session_totals")
        tool.close()
        set_id = store.add_set(sid, a_set("bridge", 2, T0 + timedelta(minutes=1)))
        store.rate_set(set_id, 7)
        assert store.status.state.value == "ok"
        assert store.status.pending == 0
        assert read(db, "SELECT pain FROM sets WHERE id = ?", (set_id,)) == [(7,)]
        assert listed(db) == summed(db)
