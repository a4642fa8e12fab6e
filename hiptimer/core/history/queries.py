"""Reading the history: row types, review queries and the CSV export (no writes here)."""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from hiptimer.core.history.csv_export import write_csv
from hiptimer.core.safe_write import replacing_text


def to_db_time(when: datetime) -> str:
    """ISO 8601 in UTC with offset, e.g. '2025-03-01T07:30:00+00:00'; naive means local time."""
    return when.astimezone(timezone.utc).isoformat(timespec="seconds")


def from_db_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _opt_time(text: str | None) -> datetime | None:
    return None if text is None else from_db_time(text)


def _bound(value: date | datetime, *, end: bool = False) -> str:
    """A datetime as is; a date as local midnight (the next one when it ends a range)."""
    if isinstance(value, datetime):
        return to_db_time(value)
    day = value + timedelta(days=1) if end else value
    return to_db_time(datetime.combine(day, time()).astimezone())


@dataclass(frozen=True)
class StoredSet:
    """One set as it was done; `id` and `seq` are filled in when read back from the store."""

    exercise_id: str
    exercise_name: str
    set_number: int
    started_at: datetime
    ended_at: datetime
    side: str | None = None
    planned_hold_s: float | None = None
    actual_hold_s: float | None = None
    planned_reps: int | None = None
    actual_reps: int | None = None
    completed: bool = True
    skipped: bool = False
    pain: int | None = None
    pain_choice: str | None = None
    adjustment: str | None = None
    id: int | None = None
    seq: int | None = None


@dataclass(frozen=True)
class SessionSummary:
    """A session with the aggregates of its sets (times are aware datetimes in UTC)."""

    id: int
    routine_id: str
    routine_title: str
    routine_revision: int
    started_at: datetime
    ended_at: datetime | None
    end_reason: str | None  # None: never finished (the app stopped mid-session)
    note: str
    sets_planned: int | None
    sets_recorded: int
    sets_done: int  # completed and not skipped
    sets_skipped: int
    max_pain: int | None
    avg_pain: float | None
    last_set_ended_at: datetime | None
    morning_pain: int | None
    morning_stiffness: int | None
    morning_at: datetime | None

    @property
    def duration_s(self) -> float | None:
        """From start to end, or to the end of the last set for an unfinished session."""
        end = self.ended_at or self.last_set_ended_at
        # Never negative, whatever the file says (a wall clock set back, an edited row).
        return None if end is None else max(0.0, (end - self.started_at).total_seconds())


@dataclass(frozen=True)
class DoseChange:
    """An accepted or declined recommendation, or a kept quick adjustment."""

    id: int
    session_id: int | None
    routine_id: str
    exercise_id: str
    side: str | None
    field: str
    old_value: float | None
    new_value: float | None
    reason: str
    accepted: bool
    decided_at: datetime


class PainPoint(NamedTuple):
    started_at: datetime
    avg_pain: float
    max_pain: int
    session_id: int
    ratings: int


class DosePoint(NamedTuple):
    started_at: datetime
    planned_hold_s: float | None
    planned_reps: int | None
    session_id: int


class WeekCount(NamedTuple):
    week_start: date  # a Monday, local time
    sessions: int


_SUMMARY_COLUMNS = """
s.id, s.routine_id, s.routine_title, s.routine_revision, s.started_at, s.ended_at,
s.end_reason, s.note, s.sets_planned, count(t.id),
coalesce(sum(t.completed = 1 AND t.skipped = 0), 0), coalesce(sum(t.skipped), 0),
max(t.pain), avg(t.pain), max(t.ended_at), s.morning_pain, s.morning_stiffness, s.morning_at
"""


def _summary_sql(where: str, limited: bool) -> str:
    """Sessions with their set aggregates, newest first; `limited` adds a LIMIT parameter.

    With a limit, the newest sessions are picked first (sessions_by_started) and only
    their sets are read; without one, sessions are grouped in id order so that SQLite
    needs no temporary b-tree for the 200,000 set rows of ten years.
    """
    source = "sessions AS s"
    if limited:
        source = (
            f"(SELECT * FROM sessions AS s WHERE {where}"
            " ORDER BY s.started_at DESC, s.id DESC LIMIT ?) AS s"
        )
        where = "1"
    return (
        f"SELECT {_SUMMARY_COLUMNS} FROM {source} LEFT JOIN sets AS t ON t.session_id = s.id"
        f" WHERE {where} GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC"
    )


_DONE_SET = (
    "EXISTS (SELECT 1 FROM sets AS d WHERE d.session_id = s.id AND d.completed = 1"
    " AND d.skipped = 0)"
)

SET_COLUMNS = (
    "exercise_id, exercise_name, set_number, started_at, ended_at, side, planned_hold_s,"
    " actual_hold_s, planned_reps, actual_reps, completed, skipped, pain, pain_choice,"
    " adjustment"
)


def _session_filter(
    routine_id: str | None, since: date | datetime | None, until: date | datetime | None
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if routine_id is not None:
        where.append("s.routine_id = ?")
        params.append(routine_id)
    if since is not None:
        where.append("s.started_at >= ?")
        params.append(_bound(since))
    if until is not None:
        where.append("s.started_at < ?")
        params.append(_bound(until, end=True))
    return where, params


class HistoryQueries:
    """The read side of HistoryStore: everything here only reads `_conn`."""

    _conn: sqlite3.Connection

    def _db_id(self, row_id: int) -> int:
        """The id in the database of a row id a write returned (the store maps handles)."""
        return row_id

    def _summaries(
        self, where: list[str], params: list[Any], limit: int | None
    ) -> list[SessionSummary]:
        sql = _summary_sql(" AND ".join(where) or "1", limited=limit is not None)
        rows = self._conn.execute(sql, params if limit is None else [*params, limit])
        return [_summary(row) for row in rows]

    def list_sessions(
        self,
        routine_id: str | None = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
        limit: int | None = None,
    ) -> list[SessionSummary]:
        """Sessions newest first; a date `until` includes that whole (local) day."""
        where, params = _session_filter(routine_id, since, until)
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
        """Yesterday's last session with a set done, if it has no morning check-in yet."""
        where, params = _session_filter(None, today - timedelta(days=1), today - timedelta(days=1))
        found = self._summaries([*where, _DONE_SET], params, 1)
        return found[0] if found and found[0].morning_at is None else None

    def session_sets(self, session_id: int) -> list[StoredSet]:
        """The sets recorded in a session, in the order they were done."""
        rows = self._conn.execute(
            f"SELECT {SET_COLUMNS}, id, seq FROM sets WHERE session_id = ? ORDER BY seq",
            (self._db_id(session_id),),
        )
        return [_set_record(row) for row in rows]

    def session_doses(self, session_id: int) -> dict[str, Any]:
        """The doses recorded when the session began (to resume with the same doses)."""
        row = self._conn.execute(
            "SELECT doses_json FROM sessions WHERE id = ?", (self._db_id(session_id),)
        ).fetchone()
        if row is None:
            raise KeyError(session_id)
        doses: dict[str, Any] = json.loads(row[0])
        return doses

    def pain_series(
        self,
        exercise_id: str,
        side: str | None = None,
        routine_id: str | None = None,
        since: date | datetime | None = None,
    ) -> list[PainPoint]:
        """Average and worst pain rating per session for one exercise, oldest first.

        `side=None` combines both sides; sessions without a rating are left out.
        """
        where, params = _session_filter(routine_id, since, None)
        where[:0] = ["t.exercise_id = ?", "t.pain IS NOT NULL"]
        params[:0] = [exercise_id]
        if side is not None:
            where.insert(1, "t.side = ?")
            params.insert(1, side)
        rows = self._conn.execute(
            "SELECT s.started_at, avg(t.pain), max(t.pain), s.id, count(t.pain)"
            " FROM sets AS t JOIN sessions AS s ON s.id = t.session_id"
            f" WHERE {' AND '.join(where)} GROUP BY t.session_id ORDER BY s.started_at, s.id",
            params,
        )
        return [PainPoint(from_db_time(r[0]), r[1], r[2], r[3], r[4]) for r in rows]

    def exercise_dose_series(self, exercise_id: str, side: str | None = None) -> list[DosePoint]:
        """The planned hold or reps of the first such set of each session, oldest first."""
        where, params = ["t.exercise_id = ?"], [exercise_id]
        if side is not None:
            where.append("t.side = ?")
            params.append(side)
        # SQLite returns the bare columns from the row that gave min(t.seq).
        rows = self._conn.execute(
            "SELECT s.started_at, t.planned_hold_s, t.planned_reps, s.id, min(t.seq)"
            " FROM sets AS t JOIN sessions AS s ON s.id = t.session_id"
            f" WHERE {' AND '.join(where)} GROUP BY s.id ORDER BY s.started_at, s.id",
            params,
        )
        return [DosePoint(from_db_time(r[0]), r[1], r[2], r[3]) for r in rows]

    def weekly_adherence(
        self,
        routine_id: str | None = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
    ) -> list[WeekCount]:
        """Sessions with at least one set done, per local week (from Monday), oldest first.

        Weeks without a session are included as 0 between the first and the last week
        (or the weeks of `since` and `until` when given).
        """
        where, params = _session_filter(routine_id, since, until)
        rows = self._conn.execute(
            "SELECT date(s.started_at, 'localtime', 'weekday 0', '-6 days') AS week, count(*)"
            f" FROM sessions AS s WHERE {' AND '.join([*where, _DONE_SET])}"
            " GROUP BY week ORDER BY week",
            params,
        )
        counts = {date.fromisoformat(week): n for week, n in rows}
        edges = list(counts)
        edges += [_monday(v) for v in (since, until) if v is not None]
        if not edges:
            return []
        week, last = min(edges), max(edges)
        result = []
        while week <= last:
            result.append(WeekCount(week, counts.get(week, 0)))
            week += timedelta(days=7)
        return result

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
            f" reason, accepted, decided_at FROM dose_changes WHERE {' AND '.join(where) or '1'}"
            " ORDER BY decided_at, id",
            params,
        )
        return [DoseChange(*_convert(r, times=(10,), flags=(9,))) for r in rows]

    # -- export ------------------------------------------------------------------------

    def export_csv(
        self,
        target: str | os.PathLike[str] | TextIO,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
        routine_id: str | None = None,
    ) -> int:
        """Write one row per set (columns: CSV_COLUMNS); returns the number of sets written.

        Sessions are filtered as in list_sessions (a date `until` includes that whole local
        day) and come oldest first. A path is written as UTF-8 with a byte-order mark, so
        that spreadsheet programs read accented names correctly; a file object must be
        opened with newline="".
        """
        if isinstance(target, (str, os.PathLike)):
            return self._export_csv_file(Path(target), since, until, routine_id)
        where, params = _session_filter(routine_id, since, until)
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


def _monday(value: date | datetime) -> date:
    day = value.astimezone().date() if isinstance(value, datetime) else value
    return day - timedelta(days=day.weekday())


def _convert(row: Any, times: tuple[int, ...], flags: tuple[int, ...] = ()) -> list[Any]:
    """A row as a list, with these columns parsed as datetimes and those as booleans."""
    values = list(row)
    for i in times:
        values[i] = _opt_time(values[i])
    for i in flags:
        values[i] = bool(values[i])
    return values


def _summary(row: Any) -> SessionSummary:
    return SessionSummary(*_convert(row, times=(4, 5, 14, 17)))


def _set_record(row: Any) -> StoredSet:
    return StoredSet(*_convert(row, times=(3, 4), flags=(10, 11)))
