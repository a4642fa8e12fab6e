"""Tests of corrections: the changed value in its place, the old one kept, in every reader."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.dosing.inputs import routine_recommendations
from hiptimer.core.history import schema as history_schema
from hiptimer.core.history.queries import StoredSet, to_db_time
from hiptimer.core.history.store import HistoryStore, open_history
from tests.core.history.flaky_disk import FlakyConnection
from tests.history_data import HIPS, STRETCH, record

T0 = datetime(2025, 3, 3, 8).astimezone()  # local: the days its lines name are local


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def exported(store: HistoryStore) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    store.export_csv(out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def a_rated_set(store: HistoryStore, pain: int = 7) -> tuple[int, int]:
    sid = store.begin_session("hips", "Hips", 1, {}, T0, sets_planned=1)
    set_id = store.add_set(sid, StoredSet("bridge", "Bridge", 1, T0, T0, planned_reps=10,
                                          actual_reps=10))  # fmt: skip
    store.rate_set(set_id, pain)
    store.finish_session(sid, "completed", T0 + timedelta(minutes=5))
    return sid, set_id


def test_a_changed_rating_takes_its_place_and_the_old_one_is_kept(store: HistoryStore) -> None:
    sid, set_id = a_rated_set(store, 7)
    store.correct_pain(set_id, 1, at=T0 + timedelta(days=1), reason="typo")
    store.correct_pain(set_id, 1, at=T0 + timedelta(days=2))  # the same again: nothing
    (stored,) = store.session_sets(sid)
    assert stored.pain == 1
    (trail,) = store.corrections(sid)
    assert (trail.set_id, trail.field, trail.old_value, trail.new_value) == (
        set_id,
        "pain",
        "7",
        "1",
    )
    assert (trail.reason, trail.source, trail.corrected_at) == (
        "typo",
        "history",
        T0 + timedelta(days=1),
    )
    summary = store.get_session(sid)
    assert summary is not None and (summary.max_pain, summary.corrections) == (1, 1)
    (row,) = exported(store)
    assert (row["pain"], row["pain_as_given"]) == ("1", "7")
    assert row["pain_changed_at"] == (T0 + timedelta(days=1)).astimezone().isoformat()
    store.correct_pain(set_id, None, at=T0 + timedelta(days=3))  # removed after all
    (row,) = exported(store)
    assert (row["pain"], row["pain_as_given"]) == ("", "7")  # the first one given stays


@pytest.mark.usefixtures("flaky")
def test_a_correction_waits_with_the_rating_while_the_disk_refuses(tmp_path: Path) -> None:
    with open_history(tmp_path / "history.sqlite3") as store:
        (conn,) = FlakyConnection.instances
        conn.broken = True
        sid = store.begin_session("hips", "Hips", 1, {}, T0)
        set_id = store.add_set(sid, StoredSet("bridge", "Bridge", 1, T0, T0))
        store.rate_set(set_id, 8)
        store.correct_pain(set_id, 2, at=T0 + timedelta(minutes=1), source="session")
        assert store.status.pending == 4 and set_id < 0  # a handle: not saved yet
        conn.broken = False
        assert store.retry()
        assert [s.pain for s in store.session_sets(sid)] == [2]
        (trail,) = store.corrections(sid)
        assert (trail.set_id, trail.old_value, trail.new_value) == (
            store.saved_id(set_id),
            "8",
            "2",
        )


def test_a_note_changed_keeps_the_one_written_and_a_first_note_is_no_correction(
    store: HistoryStore,
) -> None:
    sid, _ = a_rated_set(store)
    store.set_note(sid, "Felt fine", at=T0 + timedelta(hours=1))
    assert store.corrections(sid) == []
    store.set_note(sid, "Felt fine; right hip sore later", at=T0 + timedelta(hours=9))
    (trail,) = store.corrections(sid)
    assert (trail.field, trail.old_value, trail.new_value) == (
        "note", "Felt fine", "Felt fine; right hip sore later",
    )  # fmt: skip
    (row,) = exported(store)
    assert row["session_note"] == "Felt fine; right hip sore later"
    assert row["note_as_written"] == "Felt fine"


def test_a_correction_changes_the_suggestion_and_shows_in_the_export(
    store: HistoryStore,
) -> None:
    # Issue 15: a 7 typed for a 1 drove a "step back" and went into the clinician's report.
    day = date(2025, 3, 3)
    before = record(store, STRETCH, day - timedelta(days=1), {("hamstring", None): [0]})
    store.record_morning(before, 1, 1, datetime.combine(day, time(7)).astimezone())
    ids = [record(store, HIPS, day + timedelta(days=n), {("bridge", None): [1, 1]}) for n in (0, 2)]
    store.record_morning(
        ids[0], 1, 1, datetime.combine(day + timedelta(days=1), time(7)).astimezone()
    )
    store.record_morning(
        ids[1], 1, 1, datetime.combine(day + timedelta(days=3), time(7)).astimezone()
    )
    slip = store.session_sets(ids[1])[1]
    assert slip.id is not None
    store.rate_set(slip.id, 7)
    (bridge, *_) = routine_recommendations(store, HIPS)
    assert bridge.action is DoseAction.STEP_BACK and "it reached 7" in bridge.reason
    store.correct_pain(
        slip.id, 1, at=datetime.combine(day + timedelta(days=4), time(9)).astimezone()
    )
    (bridge, *_) = routine_recommendations(store, HIPS)
    # Two good sessions now: the bridge is ready for more, and is at its ceiling as written.
    assert bridge.action is DoseAction.STAY and bridge.rule == "stay.top"
    rows = [r for r in exported(store) if r["session_id"] == str(ids[1])]
    assert [(r["pain"], r["pain_as_given"]) for r in rows if r["exercise_id"] == "bridge"] == [
        ("1", ""),
        ("1", "7"),
    ]


def test_a_session_not_representative_is_left_out_of_pain_figures_and_rules(
    store: HistoryStore,
) -> None:
    day = date(2025, 3, 3)
    ids = [record(store, HIPS, day + timedelta(days=n), {("bridge", None): [1, 1]}) for n in (0, 2)]
    bad = record(store, HIPS, day + timedelta(days=4), {("bridge", None): [8, 9]})
    (bridge, *_) = routine_recommendations(store, HIPS)
    assert bridge.action is not DoseAction.PROGRESS
    store.mark_representative(bad, False, at=T0, reason="had the flu")
    assert [p.session_id for p in store.pain_series("bridge")] == ids
    (bridge, *_) = routine_recommendations(store, HIPS)
    assert bridge.session_id == ids[1]  # judged by the last representative session
    listed = store.get_session(bad)
    assert listed is not None and listed.not_representative and listed.exercised
    row = next(r for r in exported(store) if r["session_id"] == str(bad))
    assert (row["not_representative"], row["not_representative_reason"]) == ("1", "had the flu")
    store.mark_representative(bad, True, at=T0 + timedelta(hours=1))
    assert [p.session_id for p in store.pain_series("bridge")] == [*ids, bad]
    assert [(c.old_value, c.new_value) for c in store.corrections(bad)] == [("0", "1"), ("1", "0")]


def test_an_old_history_gains_the_corrections_after_a_backup(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    conn = history_schema.connect(db)
    history_schema.migrate(conn, history_schema.MIGRATIONS[:2])  # a version 2 file
    conn.execute(
        "INSERT INTO sessions (id, routine_id, routine_title, routine_revision, started_at,"
        " sets_planned, morning_pain) VALUES (1, 'hips', 'Hips', 1, ?, 2, 3)",
        (to_db_time(T0),),
    )
    for seq, done in ((1, 1), (2, 0)):
        conn.execute(
            "INSERT INTO sets (session_id, seq, exercise_id, exercise_name, set_number,"
            " completed, pain, started_at, ended_at) VALUES (1, ?, 'bridge', 'Bridge', ?, ?, 7, ?, ?)",
            (seq, seq, done, to_db_time(T0), to_db_time(T0)),
        )
    conn.close()
    with open_history(db) as store:
        (session,) = store.list_sessions()
        assert session.counts.text() == "1 of 2 sets done, 1 partly done"
        assert not session.not_representative and session.morning_pain == 3
        set_id = store.session_sets(1)[0].id
        assert set_id is not None
        store.correct_pain(set_id, 2, at=T0 + timedelta(days=1))
        assert [c.new_value for c in store.corrections(1)] == ["2"]
    (backup,) = tmp_path.glob("history.sqlite3.bak-v2-*")
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone() == (2,)


def a_checked_session(store: HistoryStore, pain: int | None = 6, stiffness: int | None = 4) -> int:
    sid, _set_id = a_rated_set(store, 2)
    store.record_morning(sid, pain, stiffness, T0 + timedelta(hours=20))
    return sid


def test_a_changed_check_in_takes_its_place_and_each_score_changed_is_kept(
    store: HistoryStore,
) -> None:
    sid = a_checked_session(store, 6, 4)
    store.correct_morning(sid, 1, 4, at=T0 + timedelta(days=1), reason="read the scale wrong")
    store.correct_morning(sid, 1, 4, at=T0 + timedelta(days=2))  # the same again: nothing
    store.correct_morning(sid, 1, None, at=T0 + timedelta(days=3))
    session = store.get_session(sid)
    assert session is not None
    assert (session.morning_pain, session.morning_stiffness) == (1, None)
    assert session.morning_at == T0 + timedelta(hours=20)  # when it was given, still
    trail = [(c.field, c.old_value, c.new_value, c.reason) for c in store.corrections(sid)]
    assert trail == [
        ("morning_pain", "6", "1", "read the scale wrong"),
        ("morning_stiffness", "4", None, ""),
    ]
    assert [m.pain for m in store.morning_series(None, None, None)] == [1]  # the charts' too
    (row,) = exported(store)
    assert (row["morning_pain"], row["morning_stiffness"]) == ("1", "")
    assert (row["morning_pain_as_given"], row["morning_stiffness_as_given"]) == ("6", "4")
    assert row["morning_changed_at"].startswith(
        (T0 + timedelta(days=3)).astimezone().date().isoformat()
    )


def test_a_session_without_a_check_in_has_none_to_correct(store: HistoryStore) -> None:
    sid, _set_id = a_rated_set(store, 2)
    store.correct_morning(sid, 3, 3, at=T0 + timedelta(days=1))
    session = store.get_session(sid)
    assert session is not None and session.morning_pain is None
    assert store.corrections(sid) == []
    with pytest.raises(ValueError, match="morning pain"):
        store.correct_morning(sid, 11, 3, at=T0)


def test_a_version_3_history_keeps_its_corrections_and_can_hold_a_check_in_s(
    tmp_path: Path,
) -> None:
    db = tmp_path / "history.sqlite3"
    conn = history_schema.connect(db)
    history_schema.migrate(conn, history_schema.MIGRATIONS[:3])
    conn.execute(
        "INSERT INTO sessions (id, routine_id, routine_title, routine_revision, started_at,"
        " morning_pain, morning_stiffness, morning_at) VALUES (1, 'hips', 'Hips', 1, ?, 5, 5, ?)",
        (to_db_time(T0), to_db_time(T0)),
    )
    conn.execute(
        "INSERT INTO corrections (id, session_id, field, old_value, new_value, corrected_at)"
        " VALUES (7, 1, 'note', 'old', 'new', ?)",
        (to_db_time(T0),),
    )
    conn.close()
    with open_history(db) as store:
        store.correct_morning(1, 2, 5, at=T0 + timedelta(days=1))
        trail = [(c.id, c.field, c.old_value) for c in store.corrections(1)]
        assert trail[0] == (7, "note", "old") and trail[1][1:] == ("morning_pain", "5")
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone() == (history_schema.SCHEMA_VERSION,)
    index = "SELECT name FROM sqlite_master WHERE tbl_name = 'corrections' AND type = 'index'"
    assert conn.execute(index).fetchall() == [("corrections_by_session",)]
    conn.close()


@pytest.mark.usefixtures("spanish")
def test_the_reports_correction_lines_are_all_in_the_language_in_use(store: HistoryStore) -> None:
    """The PDF's list of corrections: each line starts with its session's day, in Spanish too."""
    from hiptimer.core.history.export import corrections_in

    _session, set_id = a_rated_set(store, pain=7)
    store.correct_pain(set_id, 1, at=T0 + timedelta(days=1))
    (line,) = corrections_in(store, store.list_sessions())
    assert line.startswith("Sesión del 3 mar 2025: Bridge, serie 1: dolor 7 → 1"), line
    assert "session" not in line


def test_a_rating_changed_twice_is_two_corrections_of_one_rating_as_each_session_counts(
    store: HistoryStore,
) -> None:
    """7 -> 3 -> none: two rows in the trail, so two corrections (docs/history.md), of one
    rating; the total is what the session's own count says and the list's length."""
    from hiptimer.core.history.correction_counts import count_corrections
    from hiptimer.core.history.export import corrections_in

    _sid, set_id = a_rated_set(store, pain=7)
    store.correct_pain(set_id, 3, at=T0 + timedelta(days=1))
    store.correct_pain(set_id, None, at=T0 + timedelta(days=2))
    sessions = store.list_sessions()
    counts = count_corrections(store.corrections(), sessions)
    assert (counts.ratings.values, counts.ratings.changes) == (1, 2)
    assert counts.total == sum(s.corrections for s in sessions) == 2
    assert counts.total == len(corrections_in(store, sessions))
    assert [(r["pain"], r["pain_as_given"]) for r in exported(store)] == [("", "7")]
