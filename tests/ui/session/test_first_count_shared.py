"""The first get-ready's row is shared again once its countdown shows its digits: shared
while it was still empty, the count was measured for no width at all."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.session.steps_room import PAUSE_COUNT_PX
from tests.ui.looks import apply_look
from tests.ui.main_app import make_app
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)
from tests.ui.tour import tour_routine

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

ROOM = (628, 436)  # a 640 x 480 screen less the window's frame (screen_fit.FRAME_ALLOWANCE)


@pytest.mark.parametrize("text_size", [100, 150])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_first_get_ready_s_countdown_keeps_its_floor_at_640_x_480(
    qtbot: QtBot, qapp: QApplication, language: str, text_size: int, in_language: None
) -> None:
    """In large print the row was shared as the page first showed, the count still empty: it
    measured 148 px even in a 54 px column, so the steps took the widest share, and "43" then
    showed at 37 px (68 px in a 99 px column, shared again for its digits)."""
    i18n.use(language)
    apply_look(qapp, "dark", text_size)
    a = make_app(qtbot, tour_routine())
    try:
        a.window.resize(*ROOM)
        QApplication.processEvents()
        a.window.start_session(tour_routine())
        QApplication.processEvents()
        session = a.window.session
        assert session is not None and a.engine.step.kind is StepKind.GET_READY
        page = session.page
        assert page.coaching.isVisible() and page.big.text().isdigit()
        assert page.big.pixel_size() >= PAUSE_COUNT_PX, (page.big.pixel_size(), page.timer.width())
    finally:
        a.window.close()
        a.history.close()
