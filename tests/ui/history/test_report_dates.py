"""The report charts' dates: the period's ends, and each month's name where it fits between."""

from __future__ import annotations

import itertools
from datetime import date, datetime

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication

from hiptimer import i18n
from hiptimer.core.history.queries import PainPoint
from hiptimer.ui.history.report_charts import draw_pain_chart, font
from hiptimer.ui.history.report_dates import date_labels, month_starts

MM = 10.0  # pixels per millimetre of the image drawn on


class Words(QPainter):
    """A painter that keeps each word it draws in a box, with the box."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.words: list[tuple[str, QRectF]] = []

    def drawText(self, *args: object) -> None:  # type: ignore[override]
        if len(args) == 3 and isinstance(args[0], QRectF) and isinstance(args[2], str):
            width = self.fontMetrics().horizontalAdvance(args[2])
            box, flags = args[0], int(args[1])  # type: ignore[call-overload]
            if flags & 0x2:  # AlignRight: the word ends at the box's right
                box = QRectF(box.right() - width, box.top(), width, box.height())
            elif flags & 0x4:  # AlignHCenter
                box = QRectF(box.center().x() - width / 2, box.top(), width, box.height())
            else:
                box = QRectF(box.left(), box.top(), width, box.height())
            self.words.append((args[2], box))
        super().drawText(*args)  # type: ignore[call-overload]


def labels(since: date, until: date, width_mm: float) -> list[tuple[str, QRectF]]:
    image = QImage(int(width_mm * MM) + 20, 200, QImage.Format.Format_RGB32)
    painter = Words(image)
    try:
        painter.setFont(font(6))
        area = QRectF(0, 0, width_mm * MM, 150)
        below = QRectF(0, 152, width_mm * MM, 30)
        date_labels(painter, below, since, until, area, QPen())
    finally:
        painter.end()
    return painter.words


@pytest.mark.parametrize(("language", "months"), [("en", ["Oct", "Nov"]), ("es", ["oct", "nov"])])
def test_a_three_month_chart_names_the_months_between_its_ends(
    qapp: QApplication, language: str, months: list[str]
) -> None:
    """A 3-month report's charts read '7 Sep' and '7 Dec 26' alone: a pain in the middle
    could not be dated. 1 Dec, close to '7 Dec 26', is left out rather than written over it."""
    i18n.use(language)  # English again after the test (tests/conftest.py)
    words = labels(date(2026, 9, 7), date(2026, 12, 7), 60)
    shown = [w for w, _ in words]
    assert shown[2:] == months, shown
    boxes = sorted((box for _, box in words), key=QRectF.left)
    for left, right in itertools.pairwise(boxes):
        assert left.right() < right.left(), shown  # apart, none over another


def test_a_short_period_keeps_its_two_ends_only(qapp: QApplication) -> None:
    assert [w for w, _ in labels(date(2026, 12, 6), date(2026, 12, 7), 60)] == ["6 Dec", "7 Dec 26"]
    assert [w for w, _ in labels(date(2026, 12, 7), date(2026, 12, 7), 60)] == ["7 Dec 26"]


def test_the_months_between_two_days() -> None:
    assert month_starts(date(2026, 11, 7), date(2027, 2, 1)) == [
        date(2026, 12, 1),
        date(2027, 1, 1),
    ]
    assert month_starts(date(2026, 12, 1), date(2026, 12, 31)) == []


def test_a_pain_chart_of_three_months_dates_its_middle(qapp: QApplication) -> None:
    image = QImage(700, 400, QImage.Format.Format_RGB32)
    painter = Words(image)
    points = [PainPoint(datetime(2026, 10, day, 9, 0).astimezone(), 3.0, 4, day, 4)
              for day in (5, 15, 25)]  # fmt: skip
    try:
        draw_pain_chart(painter, QRectF(0, 0, 600, 300), points, date(2026, 9, 7),
                        date(2026, 12, 7), MM)  # fmt: skip
    finally:
        painter.end()
    assert [w for w, _ in painter.words if w in ("Oct", "Nov")] == ["Oct", "Nov"]
