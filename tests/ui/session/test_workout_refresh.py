"""The workout screen redraws ten times a second: a refresh that changes nothing on screen
must not make Qt do anything (each widget call sends events through the app's filters)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.model import Tempo
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.session.workout_page import WorkoutPage
from tests.harness import hold, reps, routine
from tests.ui.sessions import DriverOnFakeClock, no_timer_left  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("no_timer_left")


class EventLog(QObject):
    """Every event sent to a widget of `page`, by the widget's class and the event's type."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.page = page
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QWidget) and (
            watched is self.page or self.page.isAncestorOf(watched)
        ):
            self.seen.append(f"{type(watched).__name__}: {event.type().name}")
        return False


@pytest.fixture
def on_clock(qtbot: QtBot) -> Iterator[tuple[DriverOnFakeClock, WorkoutPage]]:
    session = DriverOnFakeClock(routine(hold("Bridge", hold_s=30, sets=2)))
    page = WorkoutPage(session.driver, muted=False)
    qtbot.addWidget(page)
    page.setMinimumSize(640, 480)
    page.resize(1280, 760)
    page.show()
    yield session, page
    session.driver.stop()


@pytest.mark.parametrize("kind", [StepKind.GET_READY, StepKind.WORK])
def test_a_refresh_that_changes_nothing_on_screen_sends_no_event(
    on_clock: tuple[DriverOnFakeClock, WorkoutPage], kind: StepKind
) -> None:
    session, page = on_clock
    session.driver.start()
    session.until(kind)
    session.advance(0.2)  # a moment into the second shown
    QApplication.processEvents()
    log = EventLog(page)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(log)
    try:
        session.clock.advance(0.01)  # the same second: nothing on screen changes
        session.driver.poll()
    finally:
        app.removeEventFilter(log)
    assert page.text is not None and page.text.big  # a countdown is on screen
    assert log.seen == []


def test_a_paced_sets_seconds_do_not_place_the_figure_again(qtbot: QtBot) -> None:
    """Each second of a paced set changes only the rep line's number ("24 s left"): with the
    steps on screen, the figure's two placements were measured again at every one."""
    slow = reps("sit-to-stand", 10, tempo=Tempo(2, 1, 2), setup=("Sit tall.",))
    session = DriverOnFakeClock(routine(slow))
    page = WorkoutPage(session.driver, muted=False)
    qtbot.addWidget(page)
    page.setMinimumSize(640, 480)
    page.resize(1280, 760)
    page.show()
    session.driver.start()
    session.until(StepKind.WORK)
    page.toggle_steps()  # I: the steps beside the count in the set too
    session.advance(1.0)
    placed: list[None] = []
    place = page.timer._place_beside_steps
    page.timer._place_beside_steps = lambda: placed.append(place())  # type: ignore[method-assign,func-returns-value]
    lines = set()
    for _ in range(8):
        session.advance(1.0)
        lines.add(page.rep_line.text())
    session.driver.stop()
    assert page.coaching.isVisible()  # the steps beside the count
    assert len(lines) == 8  # eight different seconds shown ...
    assert placed == []  # ... and the figure's place not measured again for any
