"""The workout page as the app draws it at a large text size, in a small or a wide window."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.model import Routine
from hiptimer.ui.session.workout_page import WorkoutPage
from tests.ui.sessions import (
    DriverOnFakeClock,
    no_timer_left,  # noqa: F401 (a fixture)
)

# The window's room for the page on a 1024 x 768 and a 1280 x 800 screen (menu bar, frame).
SMALL = (1012, 687)
WIDE = (1268, 719)


class Page(DriverOnFakeClock):
    """The workout page at `text_size` per cent, as the app draws it (style sheet and fonts)."""

    def __init__(self, qtbot: QtBot, r: Routine, size: tuple[int, int]) -> None:
        super().__init__(r)
        self.page = WorkoutPage(self.driver, muted=True)
        qtbot.addWidget(self.page)
        self.page.setMinimumSize(1, 1)  # the offscreen screen of the tests is smaller
        self.page.resize(*size)
        self.page.show()

    def settle(self) -> None:
        QApplication.processEvents()  # the layout requests the resizes posted

    def box(self, widget: QWidget) -> QRect:
        return QRect(widget.mapTo(self.page, QPoint(0, 0)), widget.size())

    def buttons(self) -> list[QPushButton]:
        return [b for b in self.page.controls.buttons.values() if b.isVisible()]


Size = tuple[int, int]
