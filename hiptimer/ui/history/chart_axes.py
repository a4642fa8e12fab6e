"""The history charts' axes: their look, and a date axis that names each day once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen

from hiptimer.core.history.buckets import brief_week_labels, bucket_label
from hiptimer.core.history.date_ticks import date_axis, fewer_ticks
from hiptimer.ui.theme import current

if TYPE_CHECKING:
    from PySide6.QtCharts import QAbstractAxis, QBarCategoryAxis, QDateTimeAxis

WEEK = timedelta(days=6)  # an empty chart shows the seven days up to today
# Every date axis spans what it would with this many dates, however many fit its width: two
# charts of one period side by side, one narrower, then end on the same day (fewer_ticks).
RANGE_DATES = 5
LABEL_GAP = 16  # px between two dates under a chart, or QtCharts cuts them ("15 No...")


def msecs(when: datetime | date) -> float:
    """Milliseconds since the epoch, the x value of a QDateTimeAxis."""
    if not isinstance(when, datetime):
        when = datetime.combine(when, time()).astimezone()
    return when.timestamp() * 1000


def chart_font(px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font


def style_axis(axis: QAbstractAxis) -> None:
    axis.setLabelsBrush(QBrush(QColor(current().chart_text)))
    axis.setLabelsFont(chart_font(14))
    axis.setTitleBrush(QBrush(QColor(current().chart_text)))
    axis.setTitleFont(chart_font(14))
    axis.setGridLinePen(QPen(QColor(current().chart_grid), 1))
    axis.setLinePen(QPen(QColor(current().chart_grid), 1))


def new_date_axis() -> QDateTimeAxis:
    from PySide6.QtCharts import QDateTimeAxis

    axis = QDateTimeAxis()
    axis.setFormat("d MMM yy")
    axis.setTickCount(5)
    style_axis(axis)
    return axis


def fit_dates(
    axis: QDateTimeAxis, times: Sequence[float], wall: Callable[[], datetime], most: int = 5
) -> tuple[float, float]:
    """Range `axis` over these times (ms, sorted) with at most `most` ticks, each on a day of
    its own (see date_ticks.py); returns the range's ends in ms. The range is the one of
    RANGE_DATES dates, whatever `most`. With no times at all: the week up to today (by `wall`,
    the window's clock)."""
    if times:
        first, last = (datetime.fromtimestamp(t / 1000).astimezone() for t in (times[0], times[-1]))
        dates = date_axis(first, last, RANGE_DATES)
    else:
        today = wall().astimezone().date()
        first, last = (datetime.combine(d, time(12)).astimezone() for d in (today - WEEK, today))
        dates = date_axis(first, last, RANGE_DATES, margin=timedelta(0))
    dates = fewer_ticks(dates, most)
    axis.setTickCount(dates.ticks)
    low, high = msecs(dates.start), msecs(dates.end)
    axis.setRange(QDateTime.fromMSecsSinceEpoch(int(low)), QDateTime.fromMSecsSinceEpoch(int(high)))
    return low, high


def dates_that_fit(axis: QDateTimeAxis, width: float) -> int:
    """How many dates fit side by side under a plot `width` px wide (2 at least): QtCharts cuts
    each date short ("15 No...") where its neighbours leave it too little room."""
    metrics = QFontMetricsF(axis.labelsFont())
    widest = max(
        metrics.horizontalAdvance(QDate(2026, month, 28).toString(axis.format()))
        for month in range(1, 13)
    )
    return max(2, int(width // (widest + LABEL_GAP)) + 1)


def numbers_that_fit(axis: QAbstractAxis, height: float) -> int:
    """How many numbers fit one above another beside a plot `height` px high (2 at least):
    QtCharts cuts a number to "..." where its neighbours leave it too little room."""
    return max(2, int(height // (QFontMetricsF(axis.labelsFont()).height() + LABEL_GAP / 4)))


def fit_week_labels(axis: QBarCategoryAxis, starts: list[date], width: float) -> None:
    """Each week's day and month under its bar where they fit a plot `width` px wide, else
    the month only where it changes (buckets.brief_week_labels): in Spanish at 974 px three
    of 14 weeks read '14 s...'. A category axis takes each label once: a day met again
    carries zero-width spaces."""
    whole = [bucket_label(start, "week") for start in starts]
    metrics = QFontMetricsF(axis.labelsFont())
    room = width / max(1, len(starts)) - LABEL_GAP
    labels = whole
    # No weeks (an empty history): max() of nothing raised, and the Adherence tab lost its words.
    if max((metrics.horizontalAdvance(label) for label in whole), default=0) > room:
        brief = brief_week_labels(starts)
        labels = [f"{b}{chr(0x200B) * brief[:i].count(b)}" for i, b in enumerate(brief)]
    if axis.categories() != labels:
        axis.setCategories(labels)
