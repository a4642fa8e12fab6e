"""The report's pain and morning charts: marks sized, on paper, by the History window's rule."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from hiptimer.core.history.queries import MorningPoint, PainPoint
from hiptimer.ui.history.mark_size import mark_mm, mark_px
from hiptimer.ui.history.report_charts import AVERAGE, HIGHEST, draw_morning_chart, draw_pain_chart

MM = 10.0  # pixels per millimetre of the image drawn on
START = date(2026, 3, 2)


class Marks(QPainter):
    """A painter that notes how wide (mm) each dot and small square (a mark) it draws is; the
    average's dots apart, with where they are."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.widths: list[float] = []
        self.averages: list[tuple[QPointF, float]] = []

    def drawEllipse(self, *args: object) -> None:  # type: ignore[override]
        if len(args) == 3 and isinstance(args[0], QPointF):
            width = round(2 * float(args[1]) / MM, 3)  # type: ignore[arg-type]
            if self.brush().color() == AVERAGE:
                self.averages.append((args[0], width))
            else:
                self.widths.append(width)
        super().drawEllipse(*args)  # type: ignore[call-overload]

    def drawRect(self, *args: object) -> None:  # type: ignore[override]
        if len(args) == 1 and isinstance(args[0], QRectF) and args[0].width() < 10 * MM:
            self.widths.append(round(args[0].width() / MM, 3))
        super().drawRect(*args)  # type: ignore[call-overload]


def day(n: int) -> datetime:
    return datetime.combine(START, datetime.min.time()) + timedelta(days=n, hours=9)


def drawn(count: int, chart: str) -> list[float]:
    image = QImage(1800, 600, QImage.Format.Format_RGB32)
    painter = Marks(image)
    rect, until = QRectF(0, 0, 1800, 600), START + timedelta(days=count)
    try:
        if chart == "pain":
            points = [PainPoint(day(n), 2.0, 3, n, 4) for n in range(count)]
            draw_pain_chart(painter, rect, points, START, until, MM)
        else:
            mornings = [MorningPoint(day(n), day(n + 1), 2, 3, n) for n in range(count)]
            draw_morning_chart(painter, rect, mornings, START, until, MM)
    finally:
        painter.end()
    return painter.widths


@pytest.mark.parametrize("chart", ["pain", "morning"])
@pytest.mark.parametrize(("count", "px"), [(1, 16), (2, 16), (10, 16), (11, 11), (40, 11)])
def test_the_reports_marks_follow_the_windows_rule_in_paper_units(
    qapp: QApplication, chart: str, count: int, px: float
) -> None:
    # With one or two sessions the dots were 0.7-0.9 mm across: unreadable on paper.
    assert mark_px(count) == px
    widths = drawn(count, chart)
    assert widths and widths == [pytest.approx(mark_mm(count))] * len(widths)
    if count <= 10:
        assert min(widths) >= 2  # mm, read at arm's length


def test_the_average_of_a_one_session_chart_is_a_dot_apart_from_the_highest(
    qapp: QApplication,
) -> None:
    """Seen in a 1-session report at arm's length: each exercise's chart showed its highest
    rating alone, the average a line of one point (nothing drawn), where the window draws it as
    a dot. Now a dot, drawn over the highest and smaller, so an average equal to it shows too."""
    image = QImage(1800, 600, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = Marks(image)
    rect = QRectF(0, 0, 1800, 600)
    points = [PainPoint(day(0), 5.0, 5, 0, 4), PainPoint(day(1), 3.0, 6, 1, 4)]
    try:
        draw_pain_chart(painter, rect, points[:1], START, START + timedelta(days=1), MM)
    finally:
        painter.end()
    [(at, width)] = painter.averages
    assert 1 <= width < mark_mm(1)  # mm: readable, and the highest's red shows round it
    assert image.pixelColor(at.toPoint()) == AVERAGE  # on top of the highest, at 5 alike
    ring = at + QPointF(0.45 * mark_mm(1) * MM, 0)
    assert image.pixelColor(ring.toPoint()) == HIGHEST


def test_a_chart_of_many_sessions_keeps_its_average_a_plain_line(qapp: QApplication) -> None:
    image = QImage(1800, 600, QImage.Format.Format_RGB32)
    painter = Marks(image)
    points = [PainPoint(day(n), 2.0, 3, n, 4) for n in range(41)]
    try:
        draw_pain_chart(painter, QRectF(0, 0, 1800, 600), points, START, day(41).date(), MM)
    finally:
        painter.end()
    assert painter.averages == []  # as the window: dots up to 40 points, then a line
