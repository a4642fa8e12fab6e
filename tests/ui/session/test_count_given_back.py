"""A pause's countdown keeps its room beside the steps: the share of the row that made the
steps no larger is given back (the tour's get-ready at 1024 x 600 in large print), and the
first get-ready's row is shared again once its count shows its digits (640 x 480)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.audio import tts
from hiptimer.core.routines.model import Routine
from hiptimer.core.session.steps import StepKind
from hiptimer.i18n import translate
from hiptimer.ui.services.notice_watch import NO_VOICE
from hiptimer.ui.session.steps_room import PAUSE_COUNT_PX
from hiptimer.ui.session.workout_page import WorkoutPage
from tests.ui.looks import apply_look
from tests.ui.main_app import App, make_app
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)
from tests.ui.tour import tour_routine

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

# Screens less the window's frame (screen_fit.FRAME_ALLOWANCE)
AT_1024_X_600, AT_640_X_480 = (1012, 556), (628, 436)


def first_get_ready(
    a: App, room: tuple[int, int], *, notice: bool = False, routine: Routine | None = None
) -> WorkoutPage:
    """The tour's session (or `routine`'s) started in a window of `room`, under a notice or
    not: its page in the first get-ready."""
    a.window.resize(*room)
    if notice:
        a.window.notice.show_notice(translate(NO_VOICE), translate(tts.INSTALL_ESPEAK))
    QApplication.processEvents()
    a.window.start_session(routine or tour_routine())
    QApplication.processEvents()
    session = a.window.session
    assert session is not None and a.engine.step.kind is StepKind.GET_READY
    assert session.page.coaching.isVisible()
    return session.page


@pytest.mark.parametrize("notice", [False, True], ids=["no-notice", "notice"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_get_ready_s_countdown_keeps_the_row_the_steps_would_not_grow_with(
    qtbot: QtBot, qapp: QApplication, language: str, notice: bool, in_language: None
) -> None:
    """Four steps and a caution, never as large as the room wants them (18 px): the walk took
    the ladder's top, 100 : 10, and the countdown was at its 60 px floor, where 80 : 10 shows
    the steps at the same 17 px beside a 73 px countdown (50 : 10 under a notice: 16.9 px
    steps, countdown 111 px)."""
    i18n.use(language)
    apply_look(qapp, "dark", 150)
    a = make_app(qtbot, tour_routine())
    try:
        page = first_get_ready(a, AT_1024_X_600, notice=notice)
        assert not page.coaching.paged
        assert int(page.coaching.font_px) >= 16, page.coaching.font_px
        assert page.big.pixel_size() >= PAUSE_COUNT_PX + 10, page.big.pixel_size()
    finally:
        a.window.close()
        a.history.close()


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
        page = first_get_ready(a, AT_640_X_480)
        assert page.big.text().isdigit()
        assert page.big.pixel_size() >= PAUSE_COUNT_PX, (page.big.pixel_size(), page.timer.width())
    finally:
        a.window.close()
        a.history.close()
