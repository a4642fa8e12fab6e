"""Reviewing the history (no Qt): filters, exercise lists, pain trends, adherence and exports."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Union

from hiptimer.core.history.outcome import reps_text, seconds_text
from hiptimer.core.history.queries import (
    Correction,
    DosePoint,
    HistoryQueries,
    PainPoint,
    SessionSummary,
)
from hiptimer.core.routines.model import Routine, format_duration
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
    """'16 of 18 sets done, 2 skipped; ended early': each set once, by its outcome
    (hiptimer.core.history.outcome), and how the session ended."""
    return f"{session.counts.text()}; {END_WORDS.get(session.end_reason, '?')}"


SOURCE_WORDS = {"session": "on the pain screen, right after", "history": "in History"}


def correction_text(c: Correction, what: str = "") -> str:
    """'Bridge, set 1 (right): pain 7 -> 1, changed in History on 5 Mar 2025 10:02
    ("typo")'; `what` names the set of a changed rating."""
    when = f"{SOURCE_WORDS.get(c.source, c.source)} on {when_text(c.corrected_at)}"
    why = f' ("{c.reason}")' if c.reason.strip() else ""
    if c.field == "pain":
        old = "none" if c.old_value is None else c.old_value
        new = "none" if c.new_value is None else c.new_value
        return f"{what + ': ' if what else ''}pain {old} \u2192 {new}, changed {when}{why}"
    if c.field == "note":
        was = " ".join((c.old_value or "").split())
        return f'note changed {when}; it was "{was}"{why}'
    if c.new_value == "1":
        return f"marked not representative {when}{why}"
    return f"mark 'not representative' taken back {when}{why}"


def set_label(exercise_name: str, set_number: int, side: str | None) -> str:
    """'Bridge, set 2 (right)'."""
    return f"{exercise_name}, set {set_number}{f' ({side})' if side else ''}"


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
        return seconds_text(point.planned_hold_s)
    if point.planned_reps is not None:
        return reps_text(point.planned_reps)
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
    side: str | None = None  # one side of the exercise; None: both (or it has none)

    @property
    def label(self) -> str:
        """'Clamshell (right)', or the name alone."""
        return f"{self.exercise.name} ({self.side})" if self.side else self.exercise.name

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
    side: str | None = None,
) -> ExerciseTrend:
    """Pain in the first and last two weeks of the period, and the first and last dose, of
    one exercise (one side of it, or both sides for `side` None).

    `sessions` (ids) limits the dose series, which the store does not filter by routine.
    """
    pain = points_in(store.pain_series(exercise.id, side, routine_id, since), since, until)
    doses = points_in(store.exercise_dose_series(exercise.id, side), since, until)
    if sessions is not None:
        doses = [d for d in doses if d.session_id in sessions]
    return trend_of(exercise, pain, doses, side)


def trend_of(
    exercise: ExerciseInfo, pain: list[PainPoint], doses: list[DosePoint], side: str | None = None
) -> ExerciseTrend:
    """The first and last two weeks of these points (oldest first)."""
    first: list[PainPoint] = []
    last: list[PainPoint] = []
    if pain:  # the two windows never share a session: a short period has no "last" window
        start = pain[0].started_at + timedelta(days=TREND_WINDOW_DAYS)
        end = pain[-1].started_at - timedelta(days=TREND_WINDOW_DAYS)
        first = [p for p in pain if p.started_at < start]
        last = [p for p in pain[len(first) :] if p.started_at > end]
    first_avg, first_max = _window_stats(first)
    last_avg, last_max = _window_stats(last)
    return ExerciseTrend(exercise, pain, doses, first_avg, first_max, last_avg, last_max, side)


def score_trend(name: str, scores: list[tuple[datetime, int, int]]) -> ExerciseTrend:
    """The same windows for one score a check-in gives: (when, score, session id) each."""
    points = [PainPoint(at, float(score), score, sid, 1) for at, score, sid in scores]
    return trend_of(ExerciseInfo(name, name, False), points, [])
