"""The report charts' date axis: where a day falls, the period's ends and the months between."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from hiptimer.core.history.wording import month_abbreviation


def day_x(day: date | datetime, start: date, days: float, left: float, width: float) -> float:
    """Where a time (or the middle of a day) falls across `width` from `left`."""
    if isinstance(day, datetime):
        local = day.astimezone()
        offset = (local - datetime.combine(start, time(), local.tzinfo)).total_seconds() / 86400
    else:
        offset = (day - start).days + 0.5
    return left + width * min(max(offset / days, 0.0), 1.0)


def day_xs(times: list[datetime], since: date, until: date, area: QRectF) -> list[float]:
    """Where each of `times` falls across `area`, which spans the period's days."""
    days = max((until - since).days + 1, 1)
    return [day_x(when, since, days, area.left(), area.width()) for when in times]


def month_starts(since: date, until: date) -> list[date]:
    """The first day of each month after `since` and before `until`."""
    starts: list[date] = []
    month = date(since.year + since.month // 12, since.month % 12 + 1, 1)
    while month < until:
        starts.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return starts


def date_labels(
    p: QPainter, below: QRectF, since: date, until: date, area: QRectF, grid: QPen
) -> None:
    """The period's first day at the left, its last at the right, and between them each
    month's name over its first day, with a line up through the plot (`area`), where it
    fits between its neighbours: a 3-month chart read '7 Sep' and '7 Dec 26' alone, and a
    pain in its middle could not be dated. A period of one day has the one label, under
    the middle (it read '4 Mar ... 4 Mar 26', the same day twice)."""
    last = f"{until.day} {month_abbreviation(until.month)} {until:%y}"
    if since >= until:
        p.drawText(below, Qt.AlignmentFlag.AlignHCenter, last)
        return
    first = f"{since.day} {month_abbreviation(since.month)}"
    p.drawText(below, Qt.AlignmentFlag.AlignLeft, first)
    p.drawText(below, Qt.AlignmentFlag.AlignRight, last)
    fm = QFontMetricsF(p.font(), p.device())
    gap = fm.horizontalAdvance("  ")
    free_from = below.left() + fm.horizontalAdvance(first) + gap
    free_to = below.right() - fm.horizontalAdvance(last) - gap
    days = (until - since).days + 1
    text: QColor = p.pen().color()
    for start in month_starts(since, until):
        word = month_abbreviation(start.month)
        x = day_x(start, since, days, below.left(), below.width())
        half = fm.horizontalAdvance(word) / 2
        if x - half < free_from or x + half > free_to:
            continue
        p.setPen(grid)
        p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
        p.setPen(text)
        p.drawText(QRectF(x - half, below.top(), 2 * half, below.height()), 0, word)
        free_from = x + half + gap
