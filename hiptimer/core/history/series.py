"""Series the charts and reports read: pain, dose, the morning after, sessions a week."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from datetime import date, datetime, time, timedelta
from typing import Any

from hiptimer.core.history.outcome import EXERCISED_SQL
from hiptimer.core.history.records import (
    DosePoint,
    MorningPoint,
    PainPoint,
    RetestResult,
    WeekCount,
    from_db_time,
    to_db_time,
)
from hiptimer.core.history.shown import shown_name

# Pain figures leave out the sessions the user marked as not representative.
REPRESENTATIVE_SQL = "s.not_representative = 0"

# Which way a re-test is better, as its session recorded the test in doses_json (the
# routine's exercise as exercise_to_data writes it, "better" left out when "higher"), so
# the wording stays right once the routine file is gone. NULL: the session did not record
# the test (or wrote a direction HipTimer does not know); the caller falls back.
_BETTER_SQL = """(SELECT CASE
    WHEN ifnull(json_type(d.value, '$.test'), '') != 'object' THEN NULL
    WHEN json_type(d.value, '$.test.better') IS NULL THEN 'higher'
    WHEN json_extract(d.value, '$.test.better') IN ('higher', 'lower')
        THEN json_extract(d.value, '$.test.better')
    END
    FROM json_each(CASE WHEN json_valid(s.doses_json) THEN s.doses_json ELSE '{}' END) AS d
    WHERE d.key = t.exercise_id)"""


def started_with(doses_json: str, exercise_id: str) -> tuple[float | None, int | None] | None:
    """The hold and reps a session's doses_json started an exercise with, as
    exercise_to_data wrote it (a harder rung's dose in ladder[rung - 1]); None if it has
    none that reads."""
    try:
        dose = json.loads(doses_json)[exercise_id]
        rung = dose.get("rung", 0)
        if not isinstance(rung, int) or rung < 0:
            return None
        if rung:
            dose = dose["ladder"][rung - 1]
        hold, reps = dose.get("hold_s"), dose.get("reps")
    except (ValueError, LookupError, TypeError, AttributeError):
        return None
    if not isinstance(hold, int | float | None) or not isinstance(reps, int | None):
        return None
    if hold is None and reps is None:
        return None
    return (None if hold is None else float(hold)), reps


def bound(value: date | datetime, *, end: bool = False) -> str:
    """A datetime as is; a date as local midnight (the next one when it ends a range)."""
    if isinstance(value, datetime):
        return to_db_time(value)
    day = value + timedelta(days=1) if end else value
    return to_db_time(datetime.combine(day, time()).astimezone())


def session_filter(
    routine_id: str | None, since: date | datetime | None, until: date | datetime | None
) -> tuple[list[str], list[Any]]:
    """WHERE terms (on sessions AS s) for a routine and a range of start times."""
    where: list[str] = []
    params: list[Any] = []
    if routine_id is not None:
        where.append("s.routine_id = ?")
        params.append(routine_id)
    if since is not None:
        where.append("s.started_at >= ?")
        params.append(bound(since))
    if until is not None:
        where.append("s.started_at < ?")
        params.append(bound(until, end=True))
    return where, params


def monday(value: date | datetime) -> date:
    day = value.astimezone().date() if isinstance(value, datetime) else value
    return day - timedelta(days=day.weekday())


class HistorySeries:
    """Time series over the history, oldest first; everything here only reads `_conn`."""

    _conn: sqlite3.Connection

    def pain_series(
        self,
        exercise_id: str,
        side: str | None = None,
        routine_id: str | None = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
    ) -> list[PainPoint]:
        """Average and worst pain rating per session for one exercise, oldest first.

        `side=None` combines both sides; sessions without a rating, and sessions marked
        not representative, are left out.
        """
        where, params = session_filter(routine_id, since, until)
        where[:0] = ["t.exercise_id = ?", "t.pain IS NOT NULL", REPRESENTATIVE_SQL]
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

    def exercise_dose_series(
        self,
        exercise_id: str,
        side: str | None = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
    ) -> list[DosePoint]:
        """The planned hold or reps each session started with, oldest first; of the sessions
        started in [since, until] where given (a chart of 3 months read all ten years).

        That is the first such set with no quick adjustment in force: + or - during a set, or
        a lower dose after a high rating, changes that session only, not the plan. Else the
        report would take a change made and not kept in one session for two edits of the
        routine. Where every such set was adjusted (Lower after the right side's first set
        lowers all of the left side's), it is the dose the session's doses_json started the
        exercise with; a session that did not record it there has no point.
        """
        where, params = session_filter(None, since, until)
        where.append("t.exercise_id = ?")
        params.append(exercise_id)
        if side is not None:
            where.append("t.side = ?")
            params.append(side)
        # SQLite returns the bare columns from the row that gave the min(): the first set
        # with no adjustment, else the first set (and then the session's doses).
        rows = self._conn.execute(
            "SELECT s.started_at, t.planned_hold_s, t.planned_reps, s.id,"
            " min((t.adjustment IS NOT NULL) << 40 | t.seq),"
            " CASE WHEN t.adjustment IS NOT NULL THEN s.doses_json END"
            " FROM sets AS t JOIN sessions AS s ON s.id = t.session_id"
            f" WHERE {' AND '.join(where)} GROUP BY s.id ORDER BY s.started_at, s.id",
            params,
        )
        points = []
        for started, hold, reps, sid, _key, doses in rows:
            dose = (hold, reps) if doses is None else started_with(doses, exercise_id)
            if dose is not None:
                points.append(DosePoint(from_db_time(started), dose[0], dose[1], sid))
        return points

    def morning_series(
        self,
        routine_id: str | None = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
    ) -> list[MorningPoint]:
        """The next-morning check-ins of the sessions in range, oldest first, each once.

        One check-in is written to every session of the day before (its `morning_at` the
        same): it counts once, as the last of them (SQLite takes a bare column from the row
        of max(): https://www.sqlite.org/lang_select.html#bareagg). Sessions marked not representative are left out, as from every pain figure.
        """
        where, params = session_filter(routine_id, since, until)
        where += ["s.morning_at IS NOT NULL", REPRESENTATIVE_SQL]
        rows = self._conn.execute(
            "SELECT s.started_at, s.morning_at, s.morning_pain, s.morning_stiffness, max(s.id)"
            f" FROM sessions AS s WHERE {' AND '.join(where)} GROUP BY s.morning_at"
            " ORDER BY 1, 5",
            params,
        )
        return [MorningPoint(from_db_time(r[0]), from_db_time(r[1]), *r[2:]) for r in rows]

    def test_results(
        self,
        routine_id: str | None = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
        *,
        representative_only: bool = True,
    ) -> list[RetestResult]:
        """Every re-test result in range, oldest first; sessions marked not representative
        are left out, as from the pain figures, unless `representative_only` is False (a
        list of sessions shows each as it was recorded)."""
        where, params = session_filter(routine_id, since, until)
        where += ["t.result IS NOT NULL"]
        if representative_only:
            where.append(REPRESENTATIVE_SQL)
        rows = self._conn.execute(
            "SELECT s.started_at, s.id, t.exercise_id, t.exercise_name, t.side, t.result,"
            f" ifnull(t.result_unit, ''), {_BETTER_SQL} FROM sets AS t"
            " JOIN sessions AS s ON s.id = t.session_id"
            f" WHERE {' AND '.join(where)} ORDER BY s.started_at, s.id, t.seq",
            params,
        )
        # The name and unit as the sessions' sets read back (a bell recorded before files were
        # checked for one, or by another tool, drew a box in the re-tests tab).
        return [
            RetestResult(
                from_db_time(r[0]), r[1], r[2], shown_name(r[3]), r[4], r[5], shown_name(r[6]), r[7]
            )
            for r in rows
        ]

    def first_session_day(self, routine_id: str | None = None) -> date | None:
        """The local day of the first session with a set begun (of a routine, or any)."""
        where, params = session_filter(routine_id, None, None)
        row = self._conn.execute(
            f"SELECT min(s.started_at) FROM sessions AS s WHERE {' AND '.join([*where, EXERCISED_SQL])}",
            params,
        ).fetchone()
        return None if row[0] is None else from_db_time(row[0]).astimezone().date()

    def weekly_adherence(
        self,
        routine_id: str | None = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
        *,
        leave_out: Collection[str] = (),
    ) -> list[WeekCount]:
        """Sessions with a set done or partly done, per local week (from Monday), oldest first.

        Weeks without a session are included as 0 between the first and the last week
        (or the weeks of `since` and `until` when given). `leave_out`: routines whose
        sessions are not exercise sessions (the re-tests).
        """
        where, params = session_filter(routine_id, since, until)
        if leave_out:
            where.append(f"s.routine_id NOT IN ({', '.join('?' * len(leave_out))})")
            params += list(leave_out)
        rows = self._conn.execute(
            "SELECT date(s.started_at, 'localtime', 'weekday 0', '-6 days') AS week, count(*)"
            f" FROM sessions AS s WHERE {' AND '.join([*where, EXERCISED_SQL])}"
            " GROUP BY week ORDER BY week",
            params,
        )
        counts = {date.fromisoformat(week): n for week, n in rows}
        edges = list(counts)
        edges += [monday(v) for v in (since, until) if v is not None]
        if not edges:
            return []
        week, last = min(edges), max(edges)
        result = []
        while week <= last:
            result.append(WeekCount(week, counts.get(week, 0)))
            week += timedelta(days=7)
        return result
