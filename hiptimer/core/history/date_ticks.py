"""Where a chart's date axis starts and ends, and how many ticks it has, so that no two
ticks name the same day.

A date axis (QtCharts' QDateTimeAxis) spreads its ticks evenly from its start to its end,
both ends included. Padded by half a day each side, two sessions a day apart had ticks every
12 h, and so two labels for each day. Here every tick is a local noon, a whole number of days
apart: each names its own day, and stands under the middle of it, where that day's sessions
are. A change of summer time moves a tick an hour from noon at most, never into another day.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta, tzinfo
from typing import NamedTuple

STEPS_DAYS = (1, 2, 3, 7, 14, 28, 56, 91, 182, 364)  # then whole multiples of 364
MARGIN = timedelta(hours=2)  # no point on the axis' edge


class DateAxis(NamedTuple):
    """An axis from `start` to `end` (local noons) with `ticks` ticks, `step_days` apart."""

    start: datetime
    end: datetime
    ticks: int
    step_days: int


def date_axis(
    first: datetime,
    last: datetime,
    most: int = 5,
    tz: tzinfo | None = None,
    margin: timedelta = MARGIN,
) -> DateAxis:
    """An axis that shows every time from `first` to `last` (aware), `margin` inside its
    ends, with at most `most` ticks (at least 2), each on its own day. `tz`: whose noons
    (None: this computer's)."""
    most = max(2, most)
    low = (min(first, last) - margin).astimezone(tz)
    high = (max(first, last) + margin).astimezone(tz)
    start_day = low.date() if low.time() >= time(12) else low.date() - timedelta(days=1)
    end_day = high.date() if high.time() <= time(12) else high.date() + timedelta(days=1)
    span = (end_day - start_day).days
    step = next((s for s in STEPS_DAYS if math.ceil(span / s) <= most - 1), 0)
    if not step:
        step = 364 * math.ceil(span / (364 * (most - 1)))
    if math.ceil(span / step) * step - span > max(1, span // 8):
        # A round step that leaves the axis far past the data (a narrow chart's 2-3 ticks:
        # 60 days drawn over 112, the last date in the middle; three months ran three weeks
        # into the future): the fewest whole days instead.
        step = math.ceil(span / (most - 1))
    gaps = max(1, math.ceil(span / step))
    end_day = start_day + timedelta(days=gaps * step)
    return DateAxis(_noon(start_day, tz), _noon(end_day, tz), gaps + 1, step)


def _noon(day: date, tz: tzinfo | None) -> datetime:
    noon = datetime.combine(day, time(12))
    # This computer's zone: astimezone() reads a naive time as local, summer time included.
    return noon.astimezone() if tz is None else noon.replace(tzinfo=tz)


def fewer_ticks(axis: DateAxis, most: int) -> DateAxis:
    """The same range as `axis` with at most `most` ticks (at least 2, at most its own), still
    a whole number of days apart: a narrower chart beside a wider one shows the same days, fewer named."""
    days = (axis.ticks - 1) * axis.step_days
    gaps = max(g for g in range(1, min(max(2, most), axis.ticks)) if days % g == 0)
    return DateAxis(axis.start, axis.end, gaps + 1, days // gaps)
