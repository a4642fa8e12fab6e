"""Reviewing the history (no Qt): filters, exercise lists, pain trends, adherence and exports."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Union

from hiptimer.core.history.queries import (
    DosePoint,
    HistoryQueries,
    PainPoint,
    SessionSummary,
    WeekCount,
)
from hiptimer.core.routines.model import Routine, Schedule, format_duration
from hiptimer.i18n import N_, translate

if TYPE_CHECKING:
    from hiptimer.core.routines.catalog import Catalog

RoutineSource = Union["Catalog", Mapping[str, Routine], Iterable[Routine], None]

# Pain bands of the pain-monitoring model (docs/pain-rules.md): ratings are whole numbers,
# so the band edges sit half-way between them.
SAFE_MAX = 2
ACCEPTABLE_MAX = 5
# The smallest change of pain that matters to a patient (Farrar et al. 2001).
MEANINGFUL_CHANGE = 2.0
TREND_WINDOW_DAYS = 14
END_WORDS = {
    "completed": "completed",
    "ended_early": "ended early",
    "interrupted": "ended by the system",  # a logout, a shutdown, a termination signal
    "partial": "partial",
    None: "unfinished",
}


def routines_by_id(source: RoutineSource) -> dict[str, Routine]:
    """The usable routines of a Catalog, a {id: Routine} mapping or a list of routines."""
    if source is None:
        return {}
    if isinstance(source, Mapping):
        return dict(source)
    found: dict[str, Routine] = {}
    for item in source:
        routine = item if isinstance(item, Routine) else getattr(item, "routine", None)
        if isinstance(routine, Routine):
            found.setdefault(routine.id, routine)
    return found


def local_day(when: datetime) -> date:
    return when.astimezone().date()


def filter_sessions(
    sessions: Iterable[SessionSummary],
    routine_id: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[SessionSummary]:
    """The sessions of a routine whose local start day lies in [since, until], in order."""
    kept = []
    for s in sessions:
        if routine_id is not None and s.routine_id != routine_id:
            continue
        day = local_day(s.started_at)
        if (since is None or day >= since) and (until is None or day <= until):
            kept.append(s)
    return kept


# ---------------------------------------------------------------- wording


def when_text(when: datetime) -> str:
    """'Mon 3 Mar 2025 09:00' in local time."""
    local = when.astimezone()
    return f"{local:%a} {local.day} {month_abbreviation(local.month)} {local:%Y %H:%M}"


def day_text(day: date | datetime) -> str:
    """'3 Mar 2025' (a datetime in local time)."""
    if isinstance(day, datetime):
        day = local_day(day)
    return f"{day.day} {month_abbreviation(day.month)} {day.year}"


MONTHS = (
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
)  # fmt: skip


def month_abbreviation(month: int) -> str:
    """A month's short name in the language in use (strftime's %b follows the C locale)."""
    return translate(MONTHS[month - 1])


def duration_text(session: SessionSummary) -> str:
    seconds = session.duration_s
    return "" if seconds is None else format_duration(seconds)


def completion_text(session: SessionSummary) -> str:
    """'16/18 sets, ended early': sets done against planned (or recorded) and how it ended."""
    planned = session.sets_planned if session.sets_planned is not None else session.sets_recorded
    return f"{session.sets_done}/{planned} sets, {END_WORDS.get(session.end_reason, '?')}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def pain_number(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "-"
    return f"{value:.{digits}f}" if digits else f"{value:.0f}"


def dose_label(point: DosePoint | None) -> str:
    """'30 s' or '12 reps' for one planned dose; '-' when unknown."""
    if point is None:
        return "-"
    if point.planned_hold_s is not None:
        return f"{point.planned_hold_s:g} s"
    if point.planned_reps is not None:
        return f"{point.planned_reps} reps"
    return "-"


def dose_value(point: DosePoint) -> float | None:
    """The planned hold (s) or reps as one number, for charts."""
    if point.planned_hold_s is not None:
        return float(point.planned_hold_s)
    return None if point.planned_reps is None else float(point.planned_reps)


def dose_unit(points: Iterable[DosePoint]) -> str:
    for p in points:
        if p.planned_hold_s is not None:
            return "s"
        if p.planned_reps is not None:
            return "reps"
    return ""


# ---------------------------------------------------------------- exercises


@dataclass(frozen=True)
class ExerciseInfo:
    """An exercise that appears in the history (or the routine it belongs to)."""

    id: str
    name: str
    has_sides: bool


def exercises_for(
    store: HistoryQueries,
    sessions: Iterable[SessionSummary],
    routines: Mapping[str, Routine],
    routine_id: str | None = None,
    recent: int = 3,
) -> list[ExerciseInfo]:
    """The exercises of the routines in `sessions` (newest first), in routine order.

    Each routine contributes its current exercises and those done in its `recent` newest
    sessions, so exercises since removed from a routine still have their charts.
    """
    newest: dict[str, list[int]] = {}
    for s in sessions:
        if routine_id is None or s.routine_id == routine_id:
            ids = newest.setdefault(s.routine_id, [])
            if len(ids) < recent:
                ids.append(s.id)
    if routine_id is not None and routine_id not in newest and routine_id in routines:
        newest[routine_id] = []
    found: dict[str, ExerciseInfo] = {}
    for rid, session_ids in newest.items():
        routine = routines.get(rid)
        for ex in routine.active_exercises if routine else ():
            found.setdefault(ex.id, ExerciseInfo(ex.id, ex.name, ex.has_sides))
        for sid in session_ids:
            for record in store.session_sets(sid):
                known = found.get(record.exercise_id)
                sided = record.side is not None or (known is not None and known.has_sides)
                name = known.name if known else record.exercise_name
                found[record.exercise_id] = ExerciseInfo(record.exercise_id, name, sided)
    return list(found.values())


# ---------------------------------------------------------------- trends


def points_in(points: Iterable[Any], since: date | None, until: date | None) -> list[Any]:
    """PainPoints or DosePoints whose local day lies in [since, until]."""
    return [
        p
        for p in points
        if (since is None or local_day(p.started_at) >= since)
        and (until is None or local_day(p.started_at) <= until)
    ]


@dataclass(frozen=True)
class ExerciseTrend:
    """Dose and pain of one exercise at the start and at the end of a period."""

    exercise: ExerciseInfo
    pain: list[PainPoint]
    doses: list[DosePoint]
    first_avg: float | None
    first_max: int | None
    last_avg: float | None
    last_max: int | None

    @property
    def first_dose(self) -> str:
        return dose_label(self.doses[0] if self.doses else None)

    @property
    def last_dose(self) -> str:
        return dose_label(self.doses[-1] if self.doses else None)

    @property
    def change(self) -> float | None:
        if self.first_avg is None or self.last_avg is None:
            return None
        return self.last_avg - self.first_avg

    @property
    def trend(self) -> str:
        """'better (-2.5)', 'worse (+2.0)', 'no clear change (+0.5)' or '-' without data."""
        change = self.change
        if change is None:
            return "-"
        word = "no clear change"
        if change <= -MEANINGFUL_CHANGE:
            word = "better"
        elif change >= MEANINGFUL_CHANGE:
            word = "worse"
        return f"{word} ({change:+.1f})"


def _window_stats(points: list[PainPoint]) -> tuple[float | None, int | None]:
    """Rating-weighted average and highest pain of these points."""
    ratings = sum(p.ratings for p in points)
    if not ratings:
        return None, None
    avg = sum(p.avg_pain * p.ratings for p in points) / ratings
    return avg, max(p.max_pain for p in points)


def exercise_trend(
    store: HistoryQueries,
    exercise: ExerciseInfo,
    routine_id: str | None = None,
    since: date | None = None,
    until: date | None = None,
    sessions: set[int] | None = None,
) -> ExerciseTrend:
    """Pain in the first and last two weeks of the period, and the first and last dose.

    `sessions` (ids) limits the dose series, which the store does not filter by routine.
    """
    pain = points_in(store.pain_series(exercise.id, None, routine_id, since), since, until)
    doses = points_in(store.exercise_dose_series(exercise.id), since, until)
    if sessions is not None:
        doses = [d for d in doses if d.session_id in sessions]
    first: list[PainPoint] = []
    last: list[PainPoint] = []
    if pain:  # the two windows never share a session: a short period has no "last" window
        start = pain[0].started_at + timedelta(days=TREND_WINDOW_DAYS)
        end = pain[-1].started_at - timedelta(days=TREND_WINDOW_DAYS)
        first = [p for p in pain if p.started_at < start]
        last = [p for p in pain[len(first) :] if p.started_at > end]
    first_avg, first_max = _window_stats(first)
    last_avg, last_max = _window_stats(last)
    return ExerciseTrend(exercise, pain, doses, first_avg, first_max, last_avg, last_max)


# ---------------------------------------------------------------- adherence


@dataclass(frozen=True)
class Adherence:
    """Sessions per week against the schedule, and how much of each session was done.

    Only full weeks (Monday to Sunday inside the period) count towards the average and
    the schedule: a week the period cuts, such as this one, is not a missed week.
    """

    weeks: list[WeekCount]
    schedule: Schedule | None
    sessions: int
    sets_done: int
    sets_planned: int
    completed: int  # sessions that ended 'completed'
    first_day: date | None = None  # the period
    last_day: date | None = None

    @property
    def full_weeks(self) -> list[WeekCount]:
        first, last = self.first_day or date.min, self.last_day or date.max
        return [w for w in self.weeks if first <= w.week_start <= last - timedelta(days=6)]

    @property
    def per_week(self) -> float:
        """Sessions a week on average over the full weeks (all weeks when none is full)."""
        weeks = self.full_weeks or self.weeks
        return sum(w.sessions for w in weeks) / len(weeks) if weeks else 0.0

    @property
    def weeks_on_schedule(self) -> int | None:
        """Full weeks with at least the schedule's minimum; None without a schedule."""
        if self.schedule is None:
            return None
        return sum(1 for w in self.full_weeks if w.sessions >= self.schedule.min_per_week)

    @property
    def completion_rate(self) -> float | None:
        return self.sets_done / self.sets_planned if self.sets_planned else None

    def summary(self) -> list[str]:
        """'53 sessions in 14 weeks', '3.9 a week on average over 12 full weeks', ..."""
        full = len(self.full_weeks)
        parts = [f"{plural(self.sessions, 'session')} in {plural(len(self.weeks), 'week')}"]
        over = f" over {plural(full, 'full week')}" if full and full != len(self.weeks) else ""
        parts.append(f"{self.per_week:.1f} a week on average{over}")
        if self.schedule is not None and full:
            parts.append(
                f"at least {self.schedule.min_per_week} a week (the schedule:"
                f" {self.schedule.label}) in {self.weeks_on_schedule} of {plural(full, 'full week')}"
            )
        if self.completion_rate is not None:
            parts.append(f"{self.completion_rate:.0%} of planned sets done")
        if self.sessions:
            parts.append(f"{self.completed} of {self.sessions} sessions completed in full")
        return parts


def adherence(
    store: HistoryQueries,
    sessions: list[SessionSummary],
    schedule: Schedule | None,
    routine_id: str | None = None,
    since: date | None = None,
    until: date | None = None,
    *,
    today: date | None = None,
) -> Adherence:
    """Adherence over these (already filtered, newest first) sessions; weeks from the store.

    An open start is the first session's day; an open end is `today` (by default, the
    computer's).
    """
    weeks = store.weekly_adherence(routine_id, since, until)
    planned = sum(
        s.sets_planned if s.sets_planned is not None else s.sets_recorded for s in sessions
    )
    first = since or (local_day(sessions[-1].started_at) if sessions else None)
    return Adherence(
        weeks=weeks,
        schedule=schedule,
        sessions=len(sessions),
        sets_done=sum(s.sets_done for s in sessions),
        sets_planned=planned,
        completed=sum(1 for s in sessions if s.end_reason == "completed"),
        first_day=first,
        last_day=until or today or date.today(),
    )


def schedule_for(routines: Mapping[str, Routine], routine_ids: Iterable[str]) -> Schedule | None:
    """The schedule to compare with: that of the one routine in question, if it has one."""
    ids = set(routine_ids)
    if len(ids) != 1:
        return None
    routine = routines.get(ids.pop())
    return routine.schedule if routine else None
