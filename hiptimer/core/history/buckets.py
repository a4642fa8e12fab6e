"""Chart buckets (no Qt): pain, the morning after, sessions a week; axes on whole numbers."""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from datetime import date, datetime, timedelta
from typing import NamedTuple

from hiptimer.core.history.queries import MorningPoint, PainPoint, WeekCount
from hiptimer.core.history.review import local_day
from hiptimer.core.history.wording import month_abbreviation
from hiptimer.i18n import short_date


def bucket_pain(points: list[PainPoint], max_points: int = 120) -> tuple[str, list[PainPoint]]:
    """Per session while there are few; else per week, or per month: ('session', points).

    A bucket's point has the rating-weighted average, the highest rating and the start of
    its first session, so a chart of ten years stays readable and quick to draw.
    """
    if len(points) <= max_points:
        return "session", points
    days = [local_day(p.started_at) for p in points]
    for unit in ("week", "month"):
        buckets: dict[date, list[PainPoint]] = {}
        for day, p in zip(days, points, strict=True):
            buckets.setdefault(_bucket_start(day, unit), []).append(p)
        if len(buckets) <= max_points or unit == "month":
            return unit, [_merged(group) for group in buckets.values()]
    raise AssertionError("unreachable")


def _merged(group: list[PainPoint]) -> PainPoint:
    """One point for a bucket: weighted average, highest rating, first session's start."""
    ratings = sum(p.ratings for p in group)
    avg = sum(p.avg_pain * p.ratings for p in group) / ratings
    worst = max(p.max_pain for p in group)
    return PainPoint(group[0].started_at, avg, worst, group[0].session_id, ratings)


def _bucket_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def week_buckets(
    weeks: list[WeekCount], max_bars: int = 30
) -> tuple[str, list[tuple[date, float]]]:
    """Sessions per week: weekly while at most `max_bars`, else averaged per month or year.

    Returns the unit ('week', 'month' or 'year') and (first day, sessions per week) pairs.
    """
    if len(weeks) <= max_bars:
        return "week", [(w.week_start, float(w.sessions)) for w in weeks]
    for unit in ("month", "year"):
        buckets: dict[date, list[int]] = {}
        for w in weeks:
            buckets.setdefault(_bucket_start(w.week_start, unit), []).append(w.sessions)
        if len(buckets) <= max_bars or unit == "year":
            return unit, [(start, sum(n) / len(n)) for start, n in buckets.items()]
    raise AssertionError("unreachable")


class WeekBars(NamedTuple):
    """What a sessions-per-week chart draws: the unit of its bars ('week', 'month', 'year'),
    each bar's first day and value, and, per bar, whether every week in it is one the period
    cuts short (shaded: a low or empty bar there is no week missed)."""

    unit: str
    bars: list[tuple[date, float]]
    cut: list[bool]


def week_bars(weeks: list[WeekCount], cut: Collection[date] = (), max_bars: int = 30) -> WeekBars:
    """week_buckets, with the weeks the period cuts short (their Mondays in `cut`: its first,
    this week so far) left out of a month's or a year's average wherever it has a full week,
    as the summary's average leaves them out; a bar with no full week averages its cut weeks
    and is flagged. On a Monday, a year's chart ended with an empty bar for the month begun
    that week: it read as a month with none done."""
    unit, buckets = week_buckets(weeks, max_bars)
    if unit == "week":
        return WeekBars(unit, buckets, [start in cut for start, _ in buckets])
    groups: dict[date, list[WeekCount]] = {}
    for w in weeks:
        groups.setdefault(_bucket_start(w.week_start, unit), []).append(w)
    bars: list[tuple[date, float]] = []
    flags: list[bool] = []
    for start, group in groups.items():
        full = [w.sessions for w in group if w.week_start not in cut]
        counted = full or [w.sessions for w in group]
        bars.append((start, sum(counted) / len(counted)))
        flags.append(not full)
    return WeekBars(unit, bars, flags)


def bucket_label(start: date, unit: str) -> str:
    if unit == "week":
        return short_date(start, year=False)
    if unit == "month":
        return f"{month_abbreviation(start.month)} {start:%y}"
    return f"{start:%Y}"


def brief_week_labels(starts: Sequence[date]) -> list[str]:
    """Weeks' labels for an axis too narrow for each one's month: the day alone where the
    month is the label before's ('7 Sep', '14', '21', '5 Oct'), as a calendar's strip reads."""
    labels, month = [], None
    for start in starts:
        labels.append(str(start.day) if start.month == month else bucket_label(start, "week"))
        month = start.month
    return labels


def whole_ticks(top: float, most: int = 8) -> tuple[int, int]:
    """An axis from 0 with ticks on whole numbers: (the axis' end, the step between ticks).

    The step is 1, 2 or 5 times a power of ten, the smallest that needs at most `most`
    steps; the end is the first tick at or above `top` (at least one step).
    """
    step = 1
    while True:
        for factor in (1, 2, 5):
            if math.ceil(max(top, 1e-9) / (step * factor)) <= most:
                size = step * factor
                return max(size, size * math.ceil(top / size)), size
        step *= 10


def shared_ticks(top: float, other: int, most: int = 8) -> tuple[int, int]:
    """Ticks for an axis from 0 to `top` or above that fall at the same heights as those of a
    second axis from 0 to `other` (the pain's 0-10 beside a re-test's results): one set of
    grid lines serves both. Both step in whole numbers, so the count of steps divides
    `other`. Returns (the end, the step) as whole_ticks does: of the counts at most `most`,
    the most steps whose end is within a quarter of the lowest end any count reaches.
    """
    ends = {n: n * _round_step(top / n) for n in range(1, max(1, most) + 1) if other % n == 0}
    lowest = min(ends.values())
    steps = max(n for n, end in ends.items() if end <= lowest * 1.25)
    return ends[steps], ends[steps] // steps


def _round_step(least: float) -> int:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten at or above `least` (2.5 from 25 on,
    to stay whole): 25 lets a count of steps that divides 10 end nearer the results."""
    power = 1
    while True:
        for step in (power, 2 * power, 5 * power // 2, 5 * power):
            if step >= least:
                return step
        power *= 10


class MorningMean(NamedTuple):
    """Next-morning scores of one check-in, or the mean of a week's or month's."""

    at: datetime
    pain: float | None
    stiffness: float | None


def bucket_mornings(
    points: list[MorningPoint], max_points: int = 120
) -> tuple[str, list[MorningMean]]:
    """Per check-in while there are few; else the mean per week, or per month."""
    if len(points) <= max_points:
        return "session", [MorningMean(p.at, p.pain, p.stiffness) for p in points]
    for unit in ("week", "month"):
        buckets: dict[date, list[MorningPoint]] = {}
        for p in points:
            buckets.setdefault(_bucket_start(local_day(p.at), unit), []).append(p)
        if len(buckets) <= max_points or unit == "month":
            return unit, [_mean_morning(group) for group in buckets.values()]
    raise AssertionError("unreachable")


def _mean_morning(group: list[MorningPoint]) -> MorningMean:
    def mean(values: list[int | None]) -> float | None:
        known = [v for v in values if v is not None]
        return sum(known) / len(known) if known else None

    return MorningMean(
        group[0].at, mean([p.pain for p in group]), mean([p.stiffness for p in group])
    )
