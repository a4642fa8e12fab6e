"""Reading the history: sessions with their sets' outcomes, sets, doses, corrections, CSV."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from hiptimer.core.history import session_totals
from hiptimer.core.history.checkin_day import day_span
from hiptimer.core.history.csv_export import write_csv
from hiptimer.core.history.outcome import EXERCISED_SQL
from hiptimer.core.history.records import (
    Correction,
    DoseChange,
    DosePoint,
    MorningPoint,
    PainPoint,
    RetestResult,
    SessionSummary,
    StoredSet,
    WeekCount,
    from_db_time,
    opt_time,
    to_db_time,
)
from hiptimer.core.history.repair import emptied_values
from hiptimer.core.history.series import HistorySeries, session_filter
from hiptimer.core.history.shown import shown_name
from hiptimer.core.safe_write import replacing_text
from hiptimer.core.session.set_outcome import count_sets, counts_of

__all__ = [  # the row types live in records; many callers import them from here
    "Correction",
    "DoseChange",
    "DosePoint",
    "HistoryQueries",
    "MorningPoint",
    "PainPoint",
    "RetestResult",
    "SessionSummary",
    "StoredSet",
    "WeekCount",
    "from_db_time",
    "to_db_time",
]

LARGEST_INTEGER = 2**63 - 1  # SQLite's, for a LIMIT

# A set is one exercise, side and set number; Back can record it more than once. A row of a
# set tried before is marked when written (tried_before): a session with one is counted in
# Python (hiptimer.core.session.set_outcome), any other by the sums, which then count each set
# once. The sums are kept per session by the database (session_totals), so a listing reads
# no set: summing ten years of sets took 130-170 ms at each listing.
_SUMMARY_COLUMNS = f"""
s.id, s.routine_id, s.routine_title, s.routine_revision, s.started_at, s.ended_at,
s.end_reason, s.note, s.sets_planned, {session_totals.COLUMNS},
s.morning_pain, s.morning_stiffness, s.morning_at, s.not_representative,
(SELECT count(*) FROM corrections AS c WHERE c.session_id = s.id), s.stopped_s, s.resumed_at
"""


def _summary_sql(where: str, limited: bool) -> str:
    """Sessions with their set aggregates, newest first; `limited` adds a LIMIT parameter."""
    return (
        f"SELECT {_SUMMARY_COLUMNS} FROM sessions AS s {session_totals.JOIN}"
        f" WHERE {where} ORDER BY s.started_at DESC, s.id DESC{' LIMIT ?' if limited else ''}"
    )


SET_COLUMNS = (
    "exercise_id, exercise_name, set_number, started_at, ended_at, side, planned_hold_s,"
    " actual_hold_s, planned_reps, actual_reps, completed, skipped, pain, pain_choice,"
    " adjustment"
)
RESULT_COLUMNS = "result, result_unit"
_CORRECTION_COLUMNS = (
    "id, session_id, set_id, field, old_value, new_value, reason, source, corrected_at"
)


class HistoryQueries(HistorySeries):
    """The read side of HistoryStore: everything here only reads `_conn`."""

    def _db_id(self, row_id: int) -> int:
        """The id in the database of a row id a write returned (the store maps handles)."""
        return row_id

    def changes(self) -> tuple[object, int, int]:
        """Equal between two calls only when nothing was written to the history in between,
        by this store or another program; a few microseconds, for a result kept until then.

        The connection (a store opens its file anew), the rows it has changed (sqlite3's
        total_changes, in the in-memory stand-in too) and PRAGMA data_version, which moves
        with commits made by other connections (https://www.sqlite.org/pragma.html#pragma_data_version).
        """
        conn = self._conn
        (version,) = conn.execute("PRAGMA data_version").fetchone()
        return conn, conn.total_changes, version

    def _summaries(
        self, where: list[str], params: list[Any], limit: int | None
    ) -> list[SessionSummary]:
        if limit is not None and limit > LARGEST_INTEGER:
            limit = None  # more sessions than any history holds: all (SQLite raised OverflowError)
        sql = _summary_sql(" AND ".join(where) or "1", limited=limit is not None)
        rows = self._conn.execute(sql, params if limit is None else [*params, limit])
        return [self._summary(row) for row in rows]

    def _summary(self, row: Any) -> SessionSummary:
        (sid, routine_id, title, revision, started, ended, reason, note, planned, attempts,
         repeats, done, partly, skipped, top, mean, last, m_pain, m_stiff, m_at, aside,
         corrected, stopped, resumed) = row  # fmt: skip
        if not repeats:  # each set tried once: the sums are the outcomes
            counts = counts_of(done, partly, skipped, planned)
        else:
            counts = count_sets(self.session_sets(sid), planned)
        # The title with what it leaves open closed, as the loader now reads it: one recorded
        # before turned the heading's "· 29 s · 1 of 100 sets done" around (user20); and a
        # control character the loader now refuses (a bell drew a box) as its code.
        title = shown_name(title) if isinstance(title, str) else title
        return SessionSummary(
            sid, routine_id, title, revision, from_db_time(started), opt_time(ended), reason,
            note, planned, attempts, counts, top, mean, opt_time(last), m_pain, m_stiff,
            opt_time(m_at), bool(aside), corrected, stopped, opt_time(resumed),
        )  # fmt: skip

    def list_sessions(
        self,
        routine_id: str | None = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
        limit: int | None = None,
    ) -> list[SessionSummary]:
        """Sessions newest first; a date `until` includes that whole (local) day."""
        where, params = session_filter(routine_id, since, until)
        return self._summaries(where, params, limit)

    def get_session(self, session_id: int) -> SessionSummary | None:
        found = self._summaries(["s.id = ?"], [self._db_id(session_id)], 1)
        return found[0] if found else None

    def last_session_for(self, routine_id: str) -> SessionSummary | None:
        found = self.list_sessions(routine_id, limit=1)
        return found[0] if found else None

    def unfinished_sessions(self) -> list[SessionSummary]:
        """Sessions that never got an end (the app stopped mid-session), newest first."""
        return self._summaries(["s.end_reason IS NULL"], [], None)

    def sessions_needing_morning_checkin(self, today: date) -> SessionSummary | None:
        """The last session of the check-in day before `today` (sessions_of_checkin_day), if
        it has no morning check-in yet."""
        found = self.sessions_of_checkin_day(today - timedelta(days=1))
        return found[0] if found and found[0].morning_at is None else None

    def sessions_of_checkin_day(self, day: date) -> list[SessionSummary]:
        """The sessions with a set done whose last set ended on check-in `day` (checkin_day:
        from 04:00 to 04:00), newest first. One begun before 04:00 and ended after it is the
        later day's: asked about at its start's day, the check-in came minutes after its end."""
        since, until = day_span(day)
        where, params = session_filter(None, since - timedelta(days=1), until)
        found = self._summaries([*where, EXERCISED_SQL], params, None)
        return [s for s in found if since <= (s.last_set_ended_at or s.started_at) < until]

    def rating_awaited(self, session_id: int) -> int | None:
        """The id of the session's last set if its pain question was on screen when the app
        stopped: not rated, not skipped (S), not left unrated on purpose (K)."""
        row = self._conn.execute(
            "SELECT id, pain IS NULL AND skipped = 0 AND pain_skipped = 0 FROM sets"
            " WHERE session_id = ? ORDER BY seq DESC LIMIT 1",
            (self._db_id(session_id),),
        ).fetchone()
        return int(row[0]) if row and row[1] else None

    def session_sets(self, session_id: int) -> list[StoredSet]:
        """The sets recorded in a session, in the order they were done."""
        rows = self._conn.execute(
            f"SELECT {SET_COLUMNS}, id, seq, {RESULT_COLUMNS}, pain_skipped IS 1 FROM sets"
            " WHERE session_id = ? ORDER BY seq",
            (self._db_id(session_id),),
        )
        records = [_set_record(row[:-1], skipped_rating=row[-1] == 1) for row in rows]
        emptied = emptied_values(self._conn, [r.id for r in records if r.id])
        return [replace(r, unreadable=emptied[r.id][1]) if r.id in emptied else r for r in records]

    def session_doses(self, session_id: int) -> dict[str, Any]:
        """The doses recorded when the session began (to resume with the same doses)."""
        row = self._conn.execute(
            "SELECT doses_json FROM sessions WHERE id = ?", (self._db_id(session_id),)
        ).fetchone()
        if row is None:
            raise KeyError(session_id)
        doses: dict[str, Any] = json.loads(row[0])
        return doses

    def session_doses_now(self, session_id: int) -> Any:
        """The doses the session had reached at its last change (record_doses_now), as JSON
        data; None when no change was made (or the session is older than the column)."""
        row = self._conn.execute(
            "SELECT doses_now_json FROM sessions WHERE id = ?", (self._db_id(session_id),)
        ).fetchone()
        if row is None or row[0] is None:
            return None
        if not isinstance(row[0], str):
            raise ValueError("doses_now_json is not text")
        return json.loads(row[0])

    def dose_changes(
        self, routine_id: str | None = None, exercise_id: str | None = None
    ) -> list[DoseChange]:
        """Recorded dose changes, oldest first."""
        where: list[str] = []
        params: list[Any] = []
        for column, value in (("routine_id", routine_id), ("exercise_id", exercise_id)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        rows = self._conn.execute(
            "SELECT id, session_id, routine_id, exercise_id, side, field, old_value, new_value,"
            f" reason, accepted, decided_at, decided_by FROM dose_changes"
            f" WHERE {' AND '.join(where) or '1'}"
            " ORDER BY decided_at, id",
            params,
        )
        return [DoseChange(*_convert(r, times=(10,), flags=(9,))) for r in rows]

    def corrections(self, session_id: int | None = None) -> list[Correction]:
        """Values changed after they were recorded (of one session, or all), oldest first."""
        where, params = ("session_id = ?", [self._db_id(session_id)]) if session_id else ("1", [])
        rows = self._conn.execute(
            f"SELECT {_CORRECTION_COLUMNS} FROM corrections WHERE {where}"
            " ORDER BY corrected_at, id",
            params,
        )
        return [Correction(*_convert(r, times=(8,))) for r in rows]

    # -- export ------------------------------------------------------------------------

    def export_csv(
        self,
        target: str | os.PathLike[str] | TextIO,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
        routine_id: str | None = None,
    ) -> int:
        """Write one row per set (columns: csv_columns.CSV_COLUMNS); returns the number of sets written.

        Sessions are filtered as in list_sessions (a date `until` includes that whole local
        day) and come oldest first. A path is written as UTF-8 with a byte-order mark, so
        that spreadsheet programs read accented names correctly; a file object must be
        opened with newline="".
        """
        if isinstance(target, (str, os.PathLike)):
            return self._export_csv_file(Path(target), since, until, routine_id)
        where, params = session_filter(routine_id, since, until)
        return write_csv(self._conn, target, " AND ".join(where) or "1", params)

    def _export_csv_file(
        self,
        path: Path,
        since: date | datetime | None,
        until: date | datetime | None,
        routine_id: str | None,
    ) -> int:
        """Write to a file beside `path`, then put it in place: a failed export (a full disk,
        a database error) leaves no half file, and an older export there stays as it was.
        A link is written through and a pipe (`/dev/stdout`) in place (see safe_write)."""
        with replacing_text(path, encoding="utf-8-sig", newline="") as f:
            count = self.export_csv(f, since, until, routine_id)
        return count


def _convert(row: Any, times: tuple[int, ...], flags: tuple[int, ...] = ()) -> list[Any]:
    """A row as a list, with these columns parsed as datetimes and those as booleans."""
    values = list(row)
    for i in times:
        values[i] = opt_time(values[i])
    for i in flags:
        values[i] = bool(values[i])
    return values


def _set_record(row: Any, *, skipped_rating: bool = False) -> StoredSet:
    values = _convert(row, times=(3, 4), flags=(10, 11))
    if isinstance(values[1], str):  # the exercise's name, as the routine loader would take it
        values[1] = shown_name(values[1])
    record = StoredSet(*values)
    return replace(record, pain_skipped=True) if skipped_rating else record
