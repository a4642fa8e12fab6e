"""The workout page as the app draws it at a large text size, in a small or a wide window."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.model import Routine
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.keys import Action
from hiptimer.ui.session.workout_page import WorkoutPage
from tests.harness import hold, quick_routine, reps
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


def second_set_counted(qtbot: QtBot, size: tuple[int, int]) -> Page:
    """The second set of a self-paced bridge (all eleven buttons shown), the pain question
    already asked once (its height is known), on a page of `size` in the look in use; its
    driver is left running (stop it)."""
    steps = ("Lie on your back, knees bent.", "Lift your hips.")
    bridge = reps("bridge", 3, sets=2, name="Bridge with a three-second hold", setup=steps)
    walk = hold("walk", 600, name="Easy walking")  # the set's time left: "10:0x left after"
    p = Page(qtbot, quick_routine(bridge, walk), size)
    p.driver.start()
    p.until(StepKind.WORK)
    for _ in range(3):
        p.page.perform(Action.COUNT_REP, 0)
    p.until(StepKind.PAIN)
    p.settle()
    p.page.perform(Action.RATE, 2)
    p.until(StepKind.WORK)  # the second set
    p.settle()
    assert len(p.buttons()) == 11
    return p


Size = tuple[int, int]
