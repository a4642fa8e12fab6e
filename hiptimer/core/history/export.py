"""Exports of the history (no Qt): the filtered CSV and what goes into the clinician's report."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType

from hiptimer.core.history.adherence import (
    Adherence,
    adherence,
    check_routines,
    period_start,
    schedule_for,
    schedules_text,
)
from hiptimer.core.history.advice import Advice
from hiptimer.core.history.correction_counts import CorrectionCounts, count_corrections
from hiptimer.core.history.dose_log import DoseEvent, dose_events
from hiptimer.core.history.names import doses_of, exercise_name, routine_name
from hiptimer.core.history.queries import (
    HistoryQueries,
    MorningPoint,
    SessionSummary,
)
from hiptimer.core.history.records import Correction, RetestResult
from hiptimer.core.history.retests import RetestSeries, retest_series
from hiptimer.core.history.review import (
    ExerciseInfo,
    ExerciseTrend,
    exercise_trend,
    exercises_for,
    score_trend,
)
from hiptimer.core.history.wording import correction_text, day_text, set_label
from hiptimer.core.routines.direction_marks import isolated
from hiptimer.core.routines.model import Routine, Schedule
from hiptimer.core.write_abandon import stop_if_abandoned
from hiptimer.i18n import _


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
    changes: list[DoseEvent]  # every dose change and who decided it, oldest first
    generated: datetime
    corrections: list[str] = field(default_factory=list)  # the trail in words, oldest first
    mornings: list[MorningPoint] = field(default_factory=list)  # check-ins after the sessions
    side_trends: list[ExerciseTrend] = field(default_factory=list)  # a row per exercise side
    morning_trends: list[ExerciseTrend] = field(default_factory=list)  # pain, stiffness
    corrected: CorrectionCounts = field(default_factory=CorrectionCounts)
    retests: list[RetestSeries] = field(default_factory=list)  # of any routine in the period
    # The user's pain limit (Settings) when the report is made: the history does not keep
    # the limit of each session. None: not known (the report then says nothing of it).
    pain_limit: int | None = None
    # Each routine's name in the report, by id: as the library names it now, in the language in
    # use (the first page's and the sessions table's alike), else as its newest session did.
    titles: dict[str, str] = field(default_factory=dict)
    # HipTimer's advice that changed no dose, and the answer (hiptimer.core.dosing.advice_log
    # adds it: the dosing layer reads the history, not the other way round). Oldest first.
    advice: list[Advice] = field(default_factory=list)

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
    pain_limit: int | None = None,
) -> ReportData:
    """Read what the report needs: one session query, then one pain and dose query each."""
    now = now or datetime.now().astimezone()
    sessions = store.list_sessions(routine_id, since, until)
    stop_if_abandoned()  # the window's export stops between reads once the window has closed
    first = period_start(store, routine_id, since) or now.date()
    last = until or now.date()
    ids = [routine_id] if routine_id else [s.routine_id for s in sessions]
    schedule = schedule_for(routines, ids)
    titles = _titles(sessions, routines, routine_id)
    session_ids = {s.id for s in sessions}
    # The re-tests are about the person, not one routine: the period's, whichever routine.
    results = store.test_results(None, first, until)
    exercises = _pain_exercises(
        exercises_for(store, sessions, routines, routine_id), routines, results
    )
    trends = []
    for ex in exercises:
        stop_if_abandoned()
        trends.append(exercise_trend(store, ex, routine_id, first, until, session_ids))
    stop_if_abandoned()
    mornings = store.morning_series(routine_id, first, until)
    changes = dose_events(
        store, [(ex.id, ex.name) for ex in exercises], routine_id, first, last,
        {s.id: s.routine_id for s in sessions},
    )  # fmt: skip
    stop_if_abandoned()
    trail = store.corrections()  # the whole trail, read once for the list and the counts
    return ReportData(
        since=first,
        until=last,
        routines=title_list(sorted(titles.values())) or _("no sessions"),
        schedule=schedule,
        schedules=schedules_text(routines, titles),
        sessions=sessions,
        adherence=adherence(
            store,
            sessions,
            schedule,
            routine_id,
            since,
            until,
            today=last,
            checks=check_routines(routines),
        ),
        trends=[t for t in trends if t.pain or t.doses],
        changes=[e for e in changes if e.applied],  # a declined one: HipTimer's advice
        generated=now,
        corrections=corrections_in(store, sessions, trail, routines),
        mornings=mornings,
        side_trends=side_trends(store, exercises, trends, routine_id, first, until, session_ids),
        morning_trends=_morning_trends(mornings),
        corrected=count_corrections(trail, sessions),
        retests=retest_series(results, routines),
        pain_limit=pain_limit,
        titles=titles,
    )


def title_list(titles: Sequence[str]) -> str:
    """Titles joined with ", ", each isolated where there are two or more (Unicode's FSI and
    PDI): between two Hebrew titles the ", " read reversed on the report's first page."""
    return ", ".join(map(isolated, titles)) if len(titles) > 1 else "".join(titles)


def _titles(
    sessions: Sequence[SessionSummary], routines: Mapping[str, Routine], routine_id: str | None
) -> dict[str, str]:
    """Each routine as the library names it now (in the language in use, as the pain table
    names the exercises), else as its newest session recorded it."""
    titles: dict[str, str] = {}
    for s in sessions:
        titles.setdefault(s.routine_id, routine_name(routines, s.routine_id, s.routine_title))
    if routine_id and routine_id not in titles:
        titles[routine_id] = routines[routine_id].title if routine_id in routines else routine_id
    return titles


def _pain_exercises(
    exercises: list[ExerciseInfo], routines: Mapping[str, Routine], results: Sequence[RetestResult]
) -> list[ExerciseInfo]:
    """The exercises of the pain table: the re-tests have their own table and charts. An
    exercise with a result is a test even when its routine is gone from the library."""
    tests = {ex.id for r in routines.values() for ex in r.exercises if ex.test is not None}
    tests |= {r.exercise_id for r in results}
    return [e for e in exercises if e.id not in tests]


def _morning_trends(mornings: Sequence[MorningPoint]) -> list[ExerciseTrend]:
    """The check-ins after the sessions as two rows of the pain table: pain, stiffness."""
    return [
        score_trend(name, [(m.at, score, m.session_id) for m, score in pairs if score is not None])
        for name, pairs in (
            ("Next morning: pain", [(m, m.pain) for m in mornings]),
            ("Next morning: stiffness", [(m, m.stiffness) for m in mornings]),
        )
    ]


def side_trends(
    store: HistoryQueries,
    exercises: list[ExerciseInfo],
    both: list[ExerciseTrend],
    routine_id: str | None,
    first: date,
    until: date | None,
    sessions: set[int],
) -> list[ExerciseTrend]:
    """A row per exercise, and per side of an exercise done on each side, with data."""
    rows: list[ExerciseTrend] = []
    for ex, combined in zip(exercises, both, strict=True):
        if not ex.has_sides:
            rows.append(combined)
            continue
        for side in ("right", "left"):
            rows.append(exercise_trend(store, ex, routine_id, first, until, sessions, side))
    return [t for t in rows if t.pain or t.doses]


def corrections_in(
    store: HistoryQueries,
    sessions: list[SessionSummary],
    trail: Sequence[Correction] | None = None,
    routines: Mapping[str, Routine] = MappingProxyType({}),
) -> list[str]:
    """'3 Mar 2025 session: Bridge, set 2: pain 7 -> 1, changed in History on ...' for each
    correction of these sessions, oldest first (from `trail`, the store's whole corrections
    table, when the caller has read it already); each set named as the sessions' tables name
    it (names.exercise_name, by the library `routines`)."""
    by_id = {s.id: s for s in sessions if s.corrections}
    found = [c for c in (store.corrections() if trail is None else trail) if c.session_id in by_id]
    labels: dict[int | None, str] = {}
    for sid in {c.session_id for c in found if c.field == "pain"}:
        rid, doses = by_id[sid].routine_id, doses_of(store, sid)
        for r in store.session_sets(sid):
            name = exercise_name(routines, rid, r.exercise_id, r.exercise_name, doses)
            labels[r.id] = set_label(name, r.set_number, r.side)
    return [
        # Translators: {day} is a session's date ("3 Mar 2025"), {correction} what was changed.
        _("{day} session: {correction}").format(
            day=day_text(by_id[c.session_id].started_at),
            correction=correction_text(c, labels.get(c.set_id, "")),
        )
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
    """Write the sets of the sessions in range as CSV (columns: csv_columns.CSV_COLUMNS); returns the row count."""
    return store.export_csv(path, since, until, routine_id)
