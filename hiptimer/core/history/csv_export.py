"""The CSV export of the history: one line per set (its columns: csv_columns.py), times in
local ISO 8601 with the offset."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from typing import Any, TextIO

from hiptimer.core.history.csv_columns import CSV_HEADER
from hiptimer.core.history.csv_fields import csv_field
from hiptimer.core.history.csv_lines import SETS_COLUMNS, SessionFields, line_maker
from hiptimer.core.history.local_times import LocalTimes
from hiptimer.core.history.repair import emptied_values
from hiptimer.core.write_abandon import stop_if_abandoned

# The sets of the sessions in range, in CSV order (columns: csv_lines.SETS_COLUMNS).
_SETS_SQL = (
    f"SELECT {SETS_COLUMNS} FROM sessions AS s JOIN sets AS t ON t.session_id = s.id"
    " WHERE {where} ORDER BY s.started_at, s.id, t.seq"
)
# The sessions in the same order, each with how many rows it has there (they are split by
# count: a session id on every row cost as much again as its use), whether a set was tried
# again, and whether it has a re-test result (the partial index sets_with_result answers).
# The session's time as SessionSummary.duration_s has it (History, the list), to the second.
# An unfinished one ends where it last ran: its last set's end, or its resumption if later.
_LAST_SET = "(SELECT max(julianday(ended_at)) FROM sets WHERE session_id = s.id)"
TIME_S_SQL = (
    "CAST(max(0, round(86400 * (coalesce(julianday(s.ended_at), max("
    f"{_LAST_SET}, coalesce(julianday(s.resumed_at), {_LAST_SET}))) - julianday(s.started_at))"
    " - s.stopped_s)) AS INTEGER)"
)
_SESSIONS_SQL = (
    "SELECT s.id, s.started_at, s.routine_id, s.routine_title, s.note, s.end_reason,"
    " s.sets_planned, s.morning_pain, s.morning_stiffness, s.morning_at, s.not_representative,"
    " EXISTS (SELECT 1 FROM sets WHERE session_id = s.id AND tried_before = 1),"
    " (SELECT count(*) FROM sets WHERE session_id = s.id),"
    " EXISTS (SELECT 1 FROM sets WHERE session_id = s.id AND result IS NOT NULL),"
    f" s.ended_at, {TIME_S_SQL}"
    " FROM sessions AS s WHERE {where} ORDER BY s.started_at, s.id"
)
# Only for a session with a result or a changed rating: its sets' ids, results and units (a
# unit only beside a result: a re-test ended early has neither, as docs/history.md says).
_EXTRAS_SQL = (
    "SELECT id, result, iif(result IS NULL, NULL, result_unit) FROM sets"
    " WHERE session_id = ? ORDER BY seq"
)
# Corrections are few (a handful a month): read once, looked up by set and by session.
_CORRECTIONS_SQL = (
    "SELECT session_id, set_id, field, old_value, new_value, reason, corrected_at"
    " FROM corrections ORDER BY corrected_at, id"
)
_CHUNK = 2000  # lines joined into one write
_FIRST = "\0not changed"  # no correction of this check-in score yet (a score is digits)


class _Corrections:
    """The audit trail as the CSV shows it: per set, the rating first given and when it was
    last changed; per session, the note's, the reason of the mark, and the check-in's."""

    def __init__(self, conn: sqlite3.Connection, times: LocalTimes) -> None:
        self.pain: dict[int, tuple[str | None, str]] = {}
        self.pain_sessions: set[int] = set()
        self.note: dict[int, tuple[str | None, str]] = {}
        self.reason: dict[int, str] = {}
        # Per session: the morning pain and stiffness first given, and when last changed.
        self.morning: dict[int, tuple[str | None, str | None, str]] = {}
        for sid, set_id, field, old, new, reason, at in conn.execute(_CORRECTIONS_SQL):
            when = times.local(at)
            if field == "pain":
                self.pain[set_id] = (self.pain.get(set_id, (old, ""))[0], when)
                self.pain_sessions.add(sid)
            elif field == "note":
                self.note[sid] = (self.note.get(sid, (old, ""))[0], when)
            elif field == "not_representative":
                self.reason[sid] = reason if new == "1" else ""
            elif field in ("morning_pain", "morning_stiffness"):
                pain, stiffness, _when = self.morning.get(sid, (_FIRST, _FIRST, ""))
                if field == "morning_pain" and pain is _FIRST:
                    pain = old
                elif field == "morning_stiffness" and stiffness is _FIRST:
                    stiffness = old
                self.morning[sid] = (pain, stiffness, when)

    def morning_fields(self, sid: int) -> str:
        """',6,4,2025-03-05T10:00:00+01:00' for a changed check-in, else ',,,'."""
        pain, stiffness, when = self.morning.get(sid, (None, None, ""))
        given = [None if v is _FIRST else v for v in (pain, stiffness)]
        return "".join("," + csv_field(v) for v in (*given, when))


def _sessions(
    conn: sqlite3.Connection, times: LocalTimes, corrections: _Corrections, where: str,
    params: list[Any], kept_in: set[int],
) -> Iterator[SessionFields]:  # fmt: skip
    """The sessions in range in the order of _SETS_SQL, with their CSV fields around the set
    columns."""
    local = times.local
    for row in conn.execute(_SESSIONS_SQL.format(where=where), params):
        stop_if_abandoned()  # 0.1-0.5 us a session: under 2 ms of ten years (3,650 sessions)
        (sid, started, routine_id, title, note, end, planned, m_pain, m_stiff, m_at, aside,
         tried, rows, results, ended, time_s) = row  # fmt: skip
        as_written, changed = corrections.note.get(sid, (None, None))
        yield SessionFields(
            sid,
            "".join(csv_field(value) + "," for value in (sid, local(started), routine_id, title)),
            csv_field(note),
            planned,
            [end, m_pain, m_stiff, m_at and local(m_at), aside,
             corrections.reason.get(sid) if aside else None, as_written, changed],
            tried,
            rows,
            bool(results) or sid in corrections.pain_sessions or sid in kept_in,
            corrections.morning_fields(sid),
            f",{csv_field(ended and local(ended))},{csv_field(time_s)}",
        )  # fmt: skip


def write_csv(conn: sqlite3.Connection, target: TextIO, where: str, params: list[Any]) -> int:
    """Write the header and a line per set of the sessions matching `where`; returns the sets.

    Each line is what csv.writer would write for the row (minimal quoting, CRLF), but put
    together from pieces: csv.writer.writerows on the rows of ten years (200,000 sets)
    took 0.55 s of the 1 s an export may take (bench/history_scale.py, 2 cores), before a
    single time was converted, as it works character by character. Where the ten-year
    export's CPU time goes (248,200 sets, 1.0-1.1 s in all on a busy host, docs/performance.md
    "Session 16"): fetching the rows 0.47-0.49 s (11 values a row; a covering index saved
    only 2-6 %), putting the lines together 0.33-0.35 s (csv_lines; a set's times put in
    inline while they stay in one hour), the sessions' own fields and local hours 0.13-0.15 s
    (their query 0.05-0.07 s), writing 0.07-0.1 s. Every query reads one snapshot
    (one read transaction): a session recorded meanwhile by another HipTimer cannot make
    the sessions and their sets disagree.
    """
    csv.writer(target).writerow(CSV_HEADER)
    began = not conn.in_transaction
    if began:
        conn.execute("BEGIN")
    try:
        return _write_lines(conn, target, where, params)
    finally:
        if began and conn.in_transaction:
            conn.execute("COMMIT")


def _write_lines(conn: sqlite3.Connection, target: TextIO, where: str, params: list[Any]) -> int:
    times = LocalTimes()
    # The set-up (~0.15 s of ten years) stops too once the window has closed, between steps.
    corrections = _Corrections(conn, times)
    stop_if_abandoned()
    # Sets kept with an unreadable value emptied (hiptimer.core.history.repair): a handful.
    emptied = emptied_values(conn)
    stop_if_abandoned()
    unreadable = {set_id: ";".join(gone) for set_id, (_sid, gone) in emptied.items()}
    kept_in = {sid for sid, _gone in emptied.values()}
    sessions = list(_sessions(conn, times, corrections, where, params, kept_in))
    lines = line_maker(times, corrections.pain, unreadable)
    cursor = conn.execute(_SETS_SQL.format(where=where), params)
    count = 0
    chunk: list[str] = []
    for session in sessions:
        if not session.rows:
            continue
        # The window's export stops once the window has closed: asked between sessions, not
        # per row (a fraction of a millisecond of the ten-year export; docs/performance.md).
        stop_if_abandoned()
        rows = cursor.fetchmany(session.rows)
        extras = conn.execute(_EXTRAS_SQL, (session.id,)).fetchall() if session.extras else None
        count += len(rows)
        chunk += lines(session, rows, extras)
        if len(chunk) >= _CHUNK:
            target.write("".join(chunk))
            chunk = []
    target.write("".join(chunk))
    return count
