"""Vector charts for the PDF report, drawn with QPainter: pain over time and sessions per week."""

from __future__ import annotations

import math
from collections.abc import Collection
from datetime import date, datetime
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from hiptimer.core.history.buckets import (
    WeekBars,
    bucket_label,
    bucket_mornings,
    bucket_pain,
    week_bars,
    whole_ticks,
)
from hiptimer.core.history.queries import MorningPoint, PainPoint, WeekCount
from hiptimer.core.routines.model import Schedule
from hiptimer.i18n import _
from hiptimer.ui.history.mark_size import mark_mm
from hiptimer.ui.history.report_dates import date_labels, day_xs
from hiptimer.ui.history.report_text import draw_title, fit_title
from hiptimer.ui.pain_colours import BANDS as PAIN_BANDS
from hiptimer.ui.pain_colours import paper

FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Helvetica", "Arial"]
INK = QColor("#1A1A1A")
MUTED = QColor("#5F6B73")
GRID = QColor("#B8C0C6")
AVERAGE = QColor("#1F4E9A")
HIGHEST = QColor("#9A1F1F")
BAR = QColor("#6F8FBF")
CUT = QColor("#E6EAED")  # behind a week the period cuts short
TARGET = QColor("#B36B00")
MORNING = QColor("#117A65")
STIFFNESS = QColor("#7D3C98")
RETEST = QColor("#2E5E4E")
# The one pain colour scale, as light tints that still read apart on a grey-scale printout.
BANDS = tuple((b.low, b.high, QColor(paper(b))) for b in PAIN_BANDS)


def per_unit(unit: str) -> str:
    """'per week' or 'per month' under a chart whose points are grouped."""
    return _("per week") if unit == "week" else _("per month")


def font(points: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(FONT_FAMILIES)
    f.setPointSizeF(points)
    f.setBold(bold)
    return f


class _Plot(NamedTuple):
    area: QRectF
    below: QRectF  # the line under it, for the dates


def _frame(p: QPainter, rect: QRectF, since: date, until: date, mm: float) -> _Plot:
    """A chart's pain bands 0-10 and the period's first and last day (its title is above
    `rect`: draw_titles)."""
    small = font(6)
    p.setFont(small)
    label_h = QFontMetricsF(small, p.device()).height()
    plot = QRectF(
        rect.left() + 5 * mm,
        rect.top() + 1 * mm,
        rect.width() - 6 * mm,
        rect.height() - label_h - 2 * mm,
    )
    for low, high, colour in BANDS:
        p.fillRect(
            QRectF(plot.left(), _y(plot, high), plot.width(), _y(plot, low) - _y(plot, high)),
            colour,
        )
    p.setPen(QPen(GRID, 0.15 * mm))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(plot)
    p.setPen(MUTED)
    for value in (0, 5, 10):
        box = QRectF(rect.left(), _y(plot, value) - label_h / 2, 4 * mm, label_h)
        p.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))
    below = QRectF(plot.left(), plot.bottom() + 0.5 * mm, plot.width(), label_h)
    date_labels(p, below, since, until, plot, QPen(GRID, 0.1 * mm))
    return _Plot(plot, below)


def _dated_frame(
    p: QPainter,
    rect: QRectF,
    since: date,
    until: date,
    mm: float,
    unit: str,
    times: list[datetime],
    empty: str,
) -> tuple[_Plot, list[float]]:
    """A pain chart's frame (_frame) and where each of its points falls; under it, what a
    point stands for where it is not a session (a week, a month), and in it `empty` where
    there is no point."""
    plot = _frame(p, rect, since, until, mm)
    p.setPen(MUTED)
    if unit != "session":
        p.drawText(plot.below, Qt.AlignmentFlag.AlignHCenter, per_unit(unit))
    if not times:
        p.drawText(plot.area, Qt.AlignmentFlag.AlignCenter, empty)
    return plot, day_xs(times, since, until, plot.area)


def _y(plot: QRectF, value: float) -> float:
    return plot.bottom() - plot.height() * value / 10


def _line_through(p: QPainter, points: list[QPointF], colour: QColor, mm: float) -> None:
    path = QPainterPath()
    for i, point in enumerate(points):
        (path.lineTo if i else path.moveTo)(point)
    p.setPen(QPen(colour, 0.35 * mm, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)


def draw_titles(p: QPainter, rects: list[QRectF], titles: list[str]) -> float:
    """A row of charts' titles, each whole over its chart (fit_title); returns the height of
    the tallest, under which the row's plots start alike."""
    p.save()
    p.setFont(font(7.5, bold=True))
    p.setPen(INK)
    room = max(fit_title(p, t, r.width())[2] for r, t in zip(rects, titles, strict=True))
    for rect, title in zip(rects, titles, strict=True):
        draw_title(p, rect, title)
    p.restore()
    return room


def draw_pain_chart(
    p: QPainter,
    rect: QRectF,
    points: list[PainPoint],
    since: date,
    until: date,
    mm: float,
) -> None:
    """Average (line) and highest (dots) pain over the bands, on a shared date axis."""
    p.save()
    unit, shown = bucket_pain(points, max_points=60)
    times = [pt.started_at for pt in shown]
    plot, xs = _dated_frame(p, rect, since, until, mm, unit, times, _("no ratings"))
    line = [QPointF(x, _y(plot.area, pt.avg_pain)) for x, pt in zip(xs, shown, strict=True)]
    _line_through(p, line, AVERAGE, mm)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(HIGHEST))
    radius = mark_mm(len(shown)) / 2 * mm
    for x, pt in zip(xs, shown, strict=True):
        p.drawEllipse(QPointF(x, _y(plot.area, pt.max_pain)), radius, radius)
    if len(shown) <= 40:  # as the window: a line of one session's point drew nothing
        p.setBrush(QBrush(AVERAGE))  # over the highest, smaller: an equal one shows in it
        for point in line:
            p.drawEllipse(point, radius * 0.6, radius * 0.6)
    p.restore()


def draw_morning_chart(
    p: QPainter,
    rect: QRectF,
    mornings: list[MorningPoint],
    since: date,
    until: date,
    mm: float,
) -> None:
    """Pain (line) and stiffness (squares) at the next-morning check-ins, over the bands."""
    p.save()
    unit, shown = bucket_mornings(mornings, max_points=60)
    times = [m.at for m in shown]
    plot, xs = _dated_frame(p, rect, since, until, mm, unit, times, _("no check-ins"))
    pains = [
        QPointF(x, _y(plot.area, m.pain))
        for x, m in zip(xs, shown, strict=True)
        if m.pain is not None
    ]
    _line_through(p, pains, MORNING, mm)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(MORNING))
    side = mark_mm(len(shown)) * mm  # a dot's width, a square's side
    for point in pains:  # a dot each, so that a single check-in shows too
        p.drawEllipse(point, side / 2, side / 2)
    p.setBrush(QBrush(STIFFNESS))
    for x, m in zip(xs, shown, strict=True):
        if m.stiffness is not None:
            y = _y(plot.area, m.stiffness)
            p.drawRect(QRectF(x - side / 2, y - side / 2, side, side))
    p.restore()


def draw_retest_chart(
    p: QPainter,
    rect: QRectF,
    points: list[tuple[datetime, float]],
    unit: str,
    since: date,
    until: date,
    mm: float,
) -> None:
    """One re-test's results over time: a line through them on an axis from 0."""
    p.save()
    small = font(6)
    p.setFont(small)
    label_h = QFontMetricsF(small, p.device()).height()
    axis = label_h + 6 * mm  # the unit, turned along the axis, then the numbers
    plot = QRectF(
        rect.left() + axis,
        rect.top() + 1 * mm,
        rect.width() - axis - 1 * mm,
        rect.height() - label_h - 2 * mm,
    )
    p.setPen(MUTED)
    _axis_title(p, unit, rect.left(), plot)
    top, step = whole_ticks(max([v for _, v in points] + [1]) * 1.15, most=4)

    def y_of(value: float) -> float:
        return plot.bottom() - plot.height() * value / top

    p.setPen(QPen(GRID, 0.15 * mm))
    p.drawRect(plot)
    for tick in range(0, top + 1, step):
        p.setPen(QPen(GRID, 0.1 * mm))
        p.drawLine(QPointF(plot.left(), y_of(tick)), QPointF(plot.right(), y_of(tick)))
        p.setPen(MUTED)
        box = QRectF(plot.left() - 6 * mm, y_of(tick) - label_h / 2, 5 * mm, label_h)
        p.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(tick))
    below = QRectF(plot.left(), plot.bottom() + 0.5 * mm, plot.width(), label_h)
    date_labels(p, below, since, until, plot, QPen(GRID, 0.1 * mm))
    xs = day_xs([when for when, _ in points], since, until, plot)
    line = [QPointF(x, y_of(v)) for x, (_, v) in zip(xs, points, strict=True)]
    _line_through(p, line, RETEST, mm)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(RETEST))
    for point in line:
        p.drawEllipse(point, 0.5 * mm, 0.5 * mm)
    p.restore()


def _axis_title(p: QPainter, unit: str, left: float, plot: QRectF) -> None:
    """The unit of the values ('stands', 'cm') along the left of the plot, read bottom to top as
    a y-axis title is: under the dates it read as one more date (a unit of the user's own
    routine may be long, so it is cut to the plot's height)."""
    fm = QFontMetricsF(p.font(), p.device())
    shown = fm.elidedText(unit, Qt.TextElideMode.ElideRight, plot.height())
    p.save()
    p.translate(left, plot.center().y())
    p.rotate(-90)
    box = QRectF(-plot.height() / 2, 0, plot.height(), fm.height())
    p.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, shown)
    p.restore()


def draw_legend(p: QPainter, left: float, top: float, mm: float, mornings: bool = False) -> float:
    """A one-line key to the pain charts (with the morning chart's, when it is there);
    returns its height."""
    p.save()
    p.setFont(font(7))
    fm = QFontMetricsF(p.font(), p.device())
    h = fm.height()
    x = left
    p.setPen(QPen(AVERAGE, 0.35 * mm))
    p.drawLine(QPointF(x, top + h / 2), QPointF(x + 5 * mm, top + h / 2))
    x += 6 * mm
    x = _legend_text(p, x, top, h, _("average pain per session"), fm) + 3 * mm
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(HIGHEST))
    p.drawEllipse(QPointF(x + 1 * mm, top + h / 2), 0.6 * mm, 0.6 * mm)
    x = _legend_text(p, x + 3 * mm, top, h, _("highest"), fm) + 3 * mm
    if mornings:
        p.setPen(QPen(MORNING, 0.35 * mm))
        p.drawLine(QPointF(x, top + h / 2), QPointF(x + 5 * mm, top + h / 2))
        x = _legend_text(p, x + 6 * mm, top, h, _("morning pain"), fm) + 3 * mm
        p.fillRect(QRectF(x, top + h / 2 - 0.4 * mm, 0.8 * mm, 0.8 * mm), STIFFNESS)
        x = _legend_text(p, x + 2 * mm, top, h, _("stiffness"), fm) + 3 * mm
    for (_low, _high, colour), words in zip(
        BANDS, (_("0-2 safe"), _("3-5 acceptable"), _("over 5 too much")), strict=True
    ):
        p.fillRect(QRectF(x, top + h * 0.15, 4 * mm, h * 0.7), colour)
        x = _legend_text(p, x + 5 * mm, top, h, words, fm) + 3 * mm
    p.restore()
    return h


def _legend_text(
    p: QPainter, x: float, top: float, h: float, text: str, fm: QFontMetricsF
) -> float:
    p.setPen(INK)
    width = fm.horizontalAdvance(text)
    p.drawText(QRectF(x, top, width + 1, h), Qt.AlignmentFlag.AlignVCenter, text)
    return x + width


def draw_week_bars(
    p: QPainter,
    rect: QRectF,
    weeks: list[WeekCount],
    schedule: Schedule | None,
    mm: float,
    cut: Collection[date] = (),
) -> WeekBars:
    """Sessions per week as bars, the schedule's minimum dashed; returns what it drew. The
    weeks starting on a day in `cut` (cut short by the period), and a month or year of them
    only, are shaded behind their bar.

    Long periods are averaged per month or year ('month', 'year') to keep bars readable,
    over full weeks where there are (buckets.week_bars).
    """
    p.save()
    small = font(6.5)
    p.setFont(small)
    fm = QFontMetricsF(small, p.device())
    shown = week_bars(weeks, cut, max_bars=60)
    unit, buckets = shown.unit, shown.bars
    values = [v for _, v in buckets]
    top, step = whole_ticks(max([*values, schedule.max_per_week if schedule else 0, 3]), most=5)
    key = _("schedule: at least {n}").format(n=schedule.min_per_week) if schedule else ""
    key_w = fm.horizontalAdvance(key) + 2 * mm if key else 0
    plot = QRectF(
        rect.left() + 5 * mm,
        rect.top(),
        rect.width() - 5 * mm - key_w,
        rect.height() - fm.height() - 1 * mm,
    )

    def y_of(value: float) -> float:
        return plot.bottom() - plot.height() * value / (top + 0.5)

    slot = plot.width() / max(len(buckets), 1)
    for i, shaded in enumerate(shown.cut):  # under the grid: even an empty week reads
        if shaded:  # as unfinished, not as none done
            p.fillRect(QRectF(plot.left() + slot * i, plot.top(), slot, plot.height()), CUT)
    p.setPen(QPen(GRID, 0.15 * mm))
    for tick in range(0, top + 1, step):
        p.drawLine(QPointF(plot.left(), y_of(tick)), QPointF(plot.right(), y_of(tick)))
        p.setPen(MUTED)
        box = QRectF(rect.left(), y_of(tick) - fm.height() / 2, 4 * mm, fm.height())
        p.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(tick))
        p.setPen(QPen(GRID, 0.15 * mm))
    every = max(1, math.ceil(fm.horizontalAdvance("30 Mar ") / slot))
    for i, (start, value) in enumerate(buckets):
        bar = QRectF(
            plot.left() + slot * (i + 0.15), y_of(value), slot * 0.7, y_of(0) - y_of(value)
        )
        p.fillRect(bar, BAR)
        if i % every == 0:
            p.setPen(MUTED)
            label = QRectF(
                plot.left() + slot * i, plot.bottom() + 0.5 * mm, slot * every, fm.height()
            )
            p.drawText(label, Qt.AlignmentFlag.AlignLeft, bucket_label(start, unit))
    if schedule is not None:
        y = y_of(schedule.min_per_week)
        p.setPen(QPen(TARGET, 0.4 * mm, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(TARGET)
        box = QRectF(plot.right() + 1.5 * mm, y - fm.height() / 2, key_w, fm.height())
        p.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, key)
    p.restore()
    return shown
