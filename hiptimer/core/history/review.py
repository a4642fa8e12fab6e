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
)
from hiptimer.core.history.wording import dose_label, pain_change
from hiptimer.core.routines.model import Routine
from hiptimer.i18n import _

if TYPE_CHECKING:
    from hiptimer.core.routines.catalog import Catalog, RoutineEntry

RoutineSource = Union["Catalog", Mapping[str, Routine], Iterable["Routine | RoutineEntry"], None]

# Pain bands of the pain-monitoring model (docs/pain-rules.md): ratings are whole numbers,
# so the band edges sit half-way between them.
SAFE_MAX = 2
ACCEPTABLE_MAX = 5
# The smallest change of pain that matters to a patient (Farrar et al. 2001).
MEANINGFUL_CHANGE = 2.0
TREND_WINDOW_DAYS = 14


def routines_by_id(source: RoutineSource) -> dict[str, Routine]:
    """The usable routines of a Catalog, a {id: Routine} mapping or a list of routines."""
    if source is None:
        return {}
    if isinstance(source, Mapping):
        return dict(source)
    found: dict[str, Routine] = {}
    for item in source:
        routine = item if isinstance(item, Routine) else item.routine  # a catalog's entry
        if routine is not None:
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


def dose_value(point: DosePoint) -> float | None:
    """The planned hold (s) or reps as one number, for charts."""
    if point.planned_hold_s is not None:
        return float(point.planned_hold_s)
    return None if point.planned_reps is None else float(point.planned_reps)


def known_doses(points: Iterable[DosePoint]) -> list[tuple[DosePoint, float]]:
    """The points with a planned dose, each with its dose_value: derived once for the dose
    chart's line and its description."""
    return [(p, v) for p in points if (v := dose_value(p)) is not None]


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
        number = pain_change(change)
        if change <= -MEANINGFUL_CHANGE:
            return _("better ({change})").format(change=number)
        if change >= MEANINGFUL_CHANGE:
            return _("worse ({change})").format(change=number)
        return _("no clear change ({change})").format(change=number)


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
    pain = points_in(store.pain_series(exercise.id, side, routine_id, since, until), since, until)
    doses = points_in(store.exercise_dose_series(exercise.id, side, since, until), since, until)
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
