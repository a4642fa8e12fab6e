"""Exports of the history (no Qt): the filtered CSV and what goes into the clinician's report."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from hiptimer.core.history.adherence import (
    Adherence,
    adherence,
    period_start,
    schedule_for,
    schedules_text,
)
from hiptimer.core.history.queries import (
    DoseChange,
    HistoryQueries,
    MorningPoint,
    SessionSummary,
)
from hiptimer.core.history.review import (
    ExerciseTrend,
    correction_text,
    day_text,
    exercise_trend,
    exercises_for,
    local_day,
    set_label,
)
from hiptimer.core.routines.model import Routine, Schedule


@dataclass(frozen=True)
class ReportData:
    """Everything the clinician's report shows, for one routine (or all) and period."""

    since: date  # the period in local days: from the first session, or later if asked
    until: date
    routines: str  # the routine titles, for the header
    schedule: Schedule | None  # of the one routine in question, to compare adherence with
    schedules: str  # each routine's schedule, in words
    sessions: list[SessionSummary]  # newest first
    adherence: Adherence
    trends: list[ExerciseTrend]  # exercises with a rating or a dose in the period
    changes: list[tuple[DoseChange, str]]  # (change, exercise name), oldest first
    generated: datetime
    corrections: list[str] = field(default_factory=list)  # the trail in words, oldest first
    mornings: list[MorningPoint] = field(default_factory=list)  # check-ins after the sessions

    @property
    def notes(self) -> list[SessionSummary]:
        """Sessions with a note, newest first."""
        return [s for s in self.sessions if s.note.strip()]


def gather_report(
    store: HistoryQueries,
    routines: Mapping[str, Routine],
    since: date | None = None,
    until: date | None = None,
    routine_id: str | None = None,
    now: datetime | None = None,
) -> ReportData:
    """Read what the report needs: one session query, then one pain and dose query each."""
    now = now or datetime.now().astimezone()
    sessions = store.list_sessions(routine_id, since, until)
    first = period_start(store, routine_id, since) or now.date()
    last = until or now.date()
    ids = [routine_id] if routine_id else [s.routine_id for s in sessions]
    schedule = schedule_for(routines, ids)
    titles: dict[str, str] = {}
    for s in sessions:
        titles.setdefault(s.routine_id, s.routine_title)
    if routine_id and routine_id not in titles:
        titles[routine_id] = routines[routine_id].title if routine_id in routines else routine_id
    session_ids = {s.id for s in sessions}
    trends = [
        exercise_trend(store, ex, routine_id, first, until, session_ids)
        for ex in exercises_for(store, sessions, routines, routine_id)
    ]
    names = {t.exercise.id: t.exercise.name for t in trends}
    changes = [
        (c, names.get(c.exercise_id, c.exercise_id))
        for c in store.dose_changes(routine_id)
        if first <= local_day(c.decided_at) <= last
    ]
    return ReportData(
        since=first,
        until=last,
        routines=", ".join(sorted(titles.values())) or "no sessions",
        schedule=schedule,
        schedules=schedules_text(routines, titles),
        sessions=sessions,
        adherence=adherence(store, sessions, schedule, routine_id, since, until, today=last),
        trends=[t for t in trends if t.pain or t.doses],
        changes=changes,
        generated=now,
        corrections=corrections_in(store, sessions),
        mornings=store.morning_series(routine_id, first, until),
    )


def corrections_in(store: HistoryQueries, sessions: list[SessionSummary]) -> list[str]:
    """'3 Mar 2025 session: Bridge, set 2: pain 7 -> 1, changed in History on ...' for each
    correction of these sessions, oldest first."""
    by_id = {s.id: s for s in sessions if s.corrections}
    found = [c for c in store.corrections() if c.session_id in by_id]
    labels: dict[int | None, str] = {}
    for sid in {c.session_id for c in found if c.field == "pain"}:
        for r in store.session_sets(sid):
            labels[r.id] = set_label(r.exercise_name, r.set_number, r.side)
    return [
        f"{day_text(by_id[c.session_id].started_at)} session: "
        f"{correction_text(c, labels.get(c.set_id, ''))}"
        for c in found
    ]


# ---------------------------------------------------------------- CSV


def export_csv(
    store: HistoryQueries,
    path: str | os.PathLike[str],
    since: date | None = None,
    until: date | None = None,
    routine_id: str | None = None,
) -> int:
    """Write the sets of the sessions in range as CSV (see CSV_COLUMNS); returns the row count."""
    return store.export_csv(path, since, until, routine_id)
