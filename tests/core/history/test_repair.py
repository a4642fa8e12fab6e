"""A history that degrades by row, not by file (issue 13, faults 6 and 7)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
import sqlite3
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hiptimer.core.dosing.inputs import routine_recommendations
from hiptimer.core.history import repair
from hiptimer.core.history import schema as history_schema
from hiptimer.core.history.export import gather_report
from hiptimer.core.history.queries import from_db_time, to_db_time
from hiptimer.core.history.resume import plan_resume
from hiptimer.core.history.status import HistoryState
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.history.wording import completion_text, duration_text, pain_number, when_text
from hiptimer.core.write_abandon import Abandon, Abandoned
from tests.core.history.damaged_files import damage, sound_history
from tests.core.history.stored import T0, a_session, a_set, read
from tests.harness import hold, reps, routine

pytestmark = pytest.mark.usefixtures("fresh_backup_memory")


def everything_reads(store: HistoryStore) -> list[int]:
    """The window's and the CLI's reads; returns the session ids listed."""
    listed = [s.id for s in store.list_sessions()]
    out = io.StringIO(newline="")
    store.export_csv(out)
    store.sessions_needing_morning_checkin(date(2025, 3, 10))
    for sid in listed:
        store.session_sets(sid)
    store.corrections()
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
        (
            "UPDATE sessions SET routine_revision = 'two' WHERE id = 2",
            "a number column holds something else",
        ),
        # SQLite reads 30 February as 2 March; Python refuses it.
        (
            "UPDATE sessions SET started_at = '2025-02-30T08:00:00+00:00' WHERE id = 2",
            "started_at is not a time",
        ),
        # No offset: it cannot be compared with the times that have one.
        (
            "UPDATE sessions SET started_at = '2025-03-04T08:00:00' WHERE id = 2",
            "started_at is not a time",
        ),
        (
            "UPDATE sessions SET doses_json = X'7B7D' WHERE id = 2",
            "doses_json is not a JSON object",
        ),
        (
            """UPDATE sessions SET doses_json = '{"bridge": {"sets": 2, "hold_s": "x"}}'"""
            " WHERE id = 2",
            "doses_json holds a dose that is not one",
        ),
        (
            "UPDATE sessions SET end_reason = 'bored' WHERE id = 2",
            "end_reason is not one HipTimer writes",
        ),
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
        assert f"sessions row 2 ({why}) with its 1 set" in notice
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


@pytest.mark.parametrize(
    ("sql", "why"),
    [
        ("UPDATE sets SET completed = 2 WHERE id = 2", "side, completed, skipped or tried_"),
        ("UPDATE sets SET side = 'up' WHERE id = 2", "side, completed, skipped or tried_"),
        (
            "UPDATE sets SET exercise_name = X'00' WHERE id = 2",
            "a text column holds something else",
        ),
        ("UPDATE sets SET set_number = 1.5 WHERE id = 2", "a number column holds something"),
    ],
)
def test_a_value_the_schema_forbids_sets_aside_its_row_not_the_file(
    tmp_path: Path, sql: str, why: str
) -> None:
    # SQLite's quick_check reports a broken CHECK or NOT NULL; that used to move the whole
    # file aside. It is one row's problem. (A bad rating or dose keeps the set: below.)
    db = tmp_path / "history.sqlite3"
    sound_history(db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(sql)
    conn.commit()
    conn.close()
    with open_history(db) as store:
        assert f"sets row 2 ({why}" in (store.status.notice or "")
        assert everything_reads(store) == [3, 2, 1]
        assert store.session_sets(2) == []
        store.rate_set(1, 9, "stop")  # the others still take ratings
    assert not list(tmp_path.glob("history.sqlite3.corrupt-*"))
    assert read(db, "SELECT pain FROM sets ORDER BY id") == [(9,), (2,)]


@pytest.mark.parametrize(
    ("sql", "emptied", "why"),
    [
        ("UPDATE sets SET pain = 'x' WHERE id = 2", "pain", "pain is not a whole number"),
        ("UPDATE sets SET pain = 11 WHERE id = 2", "pain", "pain is not a whole number"),
        ("UPDATE sets SET actual_hold_s = 1e999 WHERE id = 2", "actual_hold_s", "actual_hold_s is"),
        ("UPDATE sets SET pain_choice = 'maybe' WHERE id = 2", "pain_choice", "pain_choice is"),
    ],
)
def test_a_set_with_an_unreadable_value_still_counts_as_done(
    tmp_path: Path, sql: str, emptied: str, why: str
) -> None:
    # A corrupt rating made the set "not reached" in the CSV, the PDF and History, though
    # the set was done: the whole row was set aside. Only the value is; the set stays.
    db = tmp_path / "history.sqlite3"
    sound_history(db)
    damage(db, "UPDATE sessions SET sets_planned = 1")
    damage(db, sql)
    with open_history(db) as store:
        notice = store.status.notice or ""
        assert f"sets row 2 ({why}" in notice and "kept as a set" in notice
        assert "left out" not in notice
        [summary] = [s for s in store.list_sessions() if s.id == 2]
        assert summary.counts.text() == "1 of 1 set done"  # was "0 of 1 set done, 1 not reached"
        [kept] = store.session_sets(2)
        assert getattr(kept, emptied) is None and kept.unreadable == (emptied,)
        out = io.StringIO(newline="")
        store.export_csv(out)
        rows = [r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["session_id"] == "2"]
        assert [(r["sets_done"], r["sets_not_reached"], r["unreadable"]) for r in rows] == [
            ("1", "0", emptied)
        ]
        data = gather_report(store, {}, date(2025, 3, 1), date(2025, 3, 10))
        [reported] = [s for s in data.sessions if s.id == 2]
        assert reported.counts == summary.counts
        store.rate_set(2, 3)  # the set takes a rating again
        assert store.session_sets(2)[0].pain == 3
    aside = read(db, "SELECT source, source_id, row_json FROM set_aside")
    assert [(s, i) for s, i, _ in aside] == [("sets", 2)]  # the row as it was is kept
    with open_history(db) as again:  # mended once: the next start is quiet
        assert again.status.notice is None


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


def test_a_copy_without_its_version_and_with_parts_of_a_later_one_is_completed(
    tmp_path: Path,
) -> None:
    # Its tables look like version 1 plus the dose_changes table of version 2: migrating
    # from 1 would make dose_changes again and fail on every retry.
    db = tmp_path / "history.sqlite3"
    sound_history(db)
    for column in ("morning_pain", "morning_stiffness", "morning_at"):
        damage(db, f"ALTER TABLE sessions DROP COLUMN {column}")
    damage(db, "PRAGMA user_version = 0")
    with open_history(db) as store:
        assert store.status.state is HistoryState.OK
        assert "sessions.morning_pain, sessions.morning_stiffness" in (store.status.notice or "")
        assert everything_reads(store) == [3, 2, 1]
        store.record_morning(1, 2, 3, T0)
    assert read(db, "SELECT morning_pain FROM sessions WHERE id = 1") == [(2,)]
    assert read(db, "PRAGMA user_version") == [(history_schema.SCHEMA_VERSION,)]
    assert len(list(tmp_path.glob("history.sqlite3.bak-*"))) == 1


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


@pytest.mark.parametrize(
    ("damage_sql", "lacked"),
    [
        (["ALTER TABLE sessions DROP COLUMN note"], "sessions.note"),
        (
            [
                "DROP INDEX sets_by_exercise",
                "DROP INDEX sets_by_session_set",
                "ALTER TABLE sets DROP COLUMN side",
            ],
            "sets.side",
        ),
        (["DROP TABLE dose_changes"], "dose_changes"),
        (["DROP TABLE sets"], "sets"),
    ],
)
def test_a_missing_table_or_column_is_added_and_the_history_saves(
    tmp_path: Path, damage_sql: list[str], lacked: str
) -> None:
    # Issue 13, fault 6: a history lacking a table or column crashed the command line and
    # the window could never save. What can be added empty is added, after one backup.
    db = tmp_path / "history.sqlite3"
    sound_history(db)
    for sql in damage_sql:
        damage(db, sql)
    with open_history(db) as store:
        assert store.status.state is HistoryState.OK
        assert store.status.notice == f"The history {db} lacked {lacked}; HipTimer added it."
        listed = everything_reads(store)
        assert listed == [3, 2, 1]
        sid = a_session(store)
        store.rate_set(store.add_set(sid, a_set(side="left")), 4, None)
        store.record_dose_change("hips", "bridge", "reps", 10, 12, accepted=True, decided_at=T0)
        store.set_note(sid, "fine")
    assert read(db, "SELECT pain FROM sets WHERE session_id = 4") == [(4,)]
    assert len(list(tmp_path.glob(f"history.sqlite3.bak-v{history_schema.SCHEMA_VERSION}-*"))) == 1
    assert not list(tmp_path.glob("history.sqlite3.corrupt-*"))
    with open_history(db) as again:  # mended once: the next start is quiet
        assert again.status.notice is None


def test_a_missing_index_is_made_again_quietly(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    sound_history(db)
    damage(db, "DROP INDEX sessions_by_started")
    with open_history(db) as store:
        assert store.status.notice is None
    assert read(db, "SELECT count(*) FROM sqlite_master WHERE name = 'sessions_by_started'") == [
        (1,)
    ]
    assert not list(tmp_path.glob("history.sqlite3.bak-*"))


def test_a_backup_that_fails_half_way_leaves_no_half_copy(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    sound_history(db)

    class DiskFills:
        def backup(self, dest: sqlite3.Connection) -> None:
            dest.execute("CREATE TABLE half (x)")  # some pages got written
            raise sqlite3.OperationalError("database or disk is full")

    with pytest.raises(sqlite3.OperationalError):
        history_schema.backup(DiskFills(), db, 1)  # type: ignore[arg-type]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.sqlite3"]
    source = sqlite3.connect(db)
    try:  # not counted as made: the next attempt copies
        assert history_schema.backup(source, db, 1) is not None
        assert history_schema.backup(source, db, 1) is None
    finally:
        source.close()


def test_a_backup_abandoned_as_the_app_quits_leaves_no_copy_and_migrates_nothing(
    tmp_path: Path,
) -> None:
    # The window's opening is abandoned when the app quits before it has opened: the copy
    # half made was left under its .bak name (its thread dies with the app), and an opening
    # that went on would have migrated with no backup left.
    db = tmp_path / "history.sqlite3"
    sound_history(db)
    abandon = Abandon()

    class QuitMidCopy:
        def backup(self, dest: sqlite3.Connection) -> None:
            dest.execute("CREATE TABLE half (x)")  # some pages got written
            abandon.abandon()

    with abandon.watching(), pytest.raises(Abandoned):
        history_schema.backup(QuitMidCopy(), db, 1)  # type: ignore[arg-type]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.sqlite3"]


def test_a_history_missing_a_column_every_row_needs_is_moved_aside(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    sound_history(db)
    damage(db, "DROP INDEX sessions_by_routine")
    damage(db, "ALTER TABLE sessions DROP COLUMN routine_id")
    with open_history(db) as store:
        assert store.status.state is HistoryState.OK
        assert "missing sessions.routine_id" in (store.status.notice or "")
        sid = a_session(store)  # a new, empty history that saves
        store.add_set(sid, a_set())
        assert [s.id for s in store.list_sessions()] == [sid]
    assert len(list(tmp_path.glob("history.sqlite3.corrupt-*[0-9]"))) == 1  # and its -wal, -shm


COLUMNS = {
    "sessions": ["routine_id", "routine_title", "routine_revision", "doses_json", "sets_planned",
                 "started_at", "ended_at", "end_reason", "note", "morning_pain",
                 "morning_stiffness", "morning_at", "not_representative", "stopped_s", "doses_now_json",
                 "resumed_at"],
    "sets": ["session_id", "seq", "exercise_id", "exercise_name", "side", "set_number",
             "planned_hold_s", "actual_hold_s", "planned_reps", "actual_reps", "completed",
             "skipped", "pain", "pain_choice", "adjustment", "started_at", "ended_at", "result",
             "result_unit"],
    "dose_changes": ["session_id", "routine_id", "exercise_id", "side", "field", "old_value",
                     "new_value", "reason", "accepted", "decided_at"],
    "corrections": ["session_id", "set_id", "field", "old_value", "new_value", "reason",
                    "source", "corrected_at"],
}  # fmt: skip
VALUES = (
    st.none() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=True) | st.text(max_size=30)
    | st.binary(max_size=8) | st.integers(-2, 12)
    | st.sampled_from([
        "2025-03-03T08:00:00+00:00", "2025-02-30T08:00:00+00:00", "2025-03-03T08:00:00",
        "2025-03-03T08:00:00Z", "0001-01-01T00:00:00+23:59", "9999-12-31T23:59:59-23:59",
        "2025-03-01T07:00:00+00:00", "{}", "[]", '{"bridge": 5}', "now", "1e999", "right",
        "left", "stop", "completed", "partial", "<b>x</b>", "=1+1", "hips", "bridge",
        '{"bridge": {"sets": 2, "kind": "hold", "hold_s": "x"}}', '{"bridge": {"sets": true}}',
        '{"bridge": {"sets": 1, "kind": "reps", "reps": -3}}', '{"bridge": []}',
        '{"bridge": {"hold_s": 1e999, "changes": []}}', '{"clam": {"reps": 3, "changes": 1}}',
    ])
)  # fmt: skip


HIPS = routine(hold("bridge", 30, sets=2), reps("clam"), id="hips", title="Hips")


def all_rows(db: Path) -> dict[str, set[int]]:
    return {t: {r[0] for r in read(db, f"SELECT id FROM {t}")} for t in COLUMNS}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(sorted(COLUMNS)), st.data()), min_size=1, max_size=4))
def test_any_value_in_any_column_never_stops_the_history(changes: list[Any]) -> None:
    """Bad rows are set aside and reported, good rows read as before, nothing is lost, and
    the history still saves."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "history.sqlite3"
        sound_history(db, corrected=True)
        with open_history(db) as store:
            store.record_dose_change("hips", "bridge", "reps", 10, 12, accepted=True, decided_at=T0)
        before = all_rows(db)
        touched: dict[str, set[int]] = {t: set() for t in COLUMNS}
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA ignore_check_constraints = ON")
        for table, data in changes:
            column = data.draw(st.sampled_from(COLUMNS[table]))
            value = data.draw(VALUES)
            row = data.draw(st.integers(1, 3))
            # NOT NULL, a duplicate (session, seq): SQLite itself refuses that damage.
            with contextlib.suppress(sqlite3.Error, OverflowError):
                conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (value, row))
                touched[table].add(row)
        conn.commit()
        conn.close()
        with open_history(db) as store:
            listed = everything_reads(store)
            for s in store.list_sessions():  # what the window and `history list` show
                (when_text(s.started_at), duration_text(s), completion_text(s))
                (pain_number(s.max_pain, 0), pain_number(s.avg_pain))
                assert s.duration_s is None or s.duration_s >= 0
            gather_report(store, {"hips": HIPS})
            plan_resume(store, lambda routine_id: None)
            plan_resume(store, {"hips": HIPS}.get)
            routine_recommendations(store, HIPS)  # what follows a session
            aside = store.set_aside_rows()
            reported = {(a.table, a.row_id) for a in aside}
            assert len(reported) == len(aside)
            # Only damaged rows, and the sets of a damaged session, are set aside.
            for table, row_id in reported:
                followed = table in ("sets", "corrections") and touched["sessions"]
                set_gone = table == "corrections" and touched["sets"]
                assert row_id in touched[table] or followed or set_gone
            kept = all_rows(db)
            for table in COLUMNS:  # nothing is lost
                assert kept[table] | {i for t, i in reported if t == table} == before[table]
            assert set(listed) == kept["sessions"]
            for row_id in before["sessions"] - touched["sessions"]:
                assert row_id in listed
            # And the history saves, into an old session and a new one.
            if listed:
                store.rate_set(store.add_set(listed[0], a_set("clam")), 1, None)
            store.add_set(a_session(store), a_set())
            assert store.status.saving and store.status.pending == 0


def test_a_dose_change_of_a_field_hiptimer_never_changes_is_set_aside(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    sound_history(db)
    with open_history(db) as store:
        store.record_dose_change("hips", "bridge", "reps", 10, 12, accepted=True, decided_at=T0)
        with pytest.raises(ValueError, match="field must be one of rung, sets, reps, hold_s"):
            store.record_dose_change("hips", "bridge", "speed", 1, 2, accepted=True, decided_at=T0)
    damage(db, "UPDATE dose_changes SET field = 'speed'")
    with open_history(db) as store:
        assert "dose_changes row 1 (side, field or accepted" in (store.status.notice or "")
        assert store.dose_changes() == []
        routine_recommendations(store, HIPS)


def test_a_move_on_the_progression_ladder_is_a_dose_change_kept_on_reopening(
    tmp_path: Path,
) -> None:
    db = tmp_path / "history.sqlite3"
    sound_history(db)
    with open_history(db) as store:
        store.record_dose_change("hips", "bridge", "rung", 0, 1, accepted=True, decided_at=T0)
    with open_history(db) as store:
        assert store.status.notice is None or "dose_changes" not in store.status.notice
        assert [(c.field, c.new_value) for c in store.dose_changes()] == [("rung", 1)]


def time_rule_accepts(value: object) -> bool:
    conn = sqlite3.connect(":memory:")
    try:
        sql = f"SELECT coalesce({repair._time('?1')}, 0)"
        return bool(conn.execute(sql, (value,)).fetchone()[0])
    finally:
        conn.close()


TIME_PARTS = st.tuples(
    st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32), st.integers(0, 25),
    st.integers(0, 61), st.integers(0, 61),
    st.sampled_from(["+00:00", "Z", "", "-23:59", "+24:00", "+05:30", ".5+00:00", "+5:00", " "]),
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(TIME_PARTS | st.text(max_size=30) | st.binary(max_size=30))
def test_every_time_the_rule_lets_through_python_reads_as_a_moment(value: Any) -> None:
    if isinstance(value, tuple):
        y, mo, d, h, mi, s, end = value
        value = f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}{end}"
    if time_rule_accepts(value):
        moment = from_db_time(value)
        assert moment.utcoffset() is not None
        moment.astimezone()  # the local day of it, as the review and the export need


# The rule keeps years 1000-9998 (repair._CANONICAL and _ANY_OFFSET), so that any offset's
# local time stays in Python's range; a clock in the year 9999 is not one HipTimer runs by.
@given(
    st.datetimes(
        min_value=datetime(1970, 1, 2), max_value=datetime(9998, 12, 30), timezones=st.timezones()
    )
)
def test_every_time_hiptimer_writes_passes_the_rule(moment: datetime) -> None:
    assert time_rule_accepts(to_db_time(moment))
