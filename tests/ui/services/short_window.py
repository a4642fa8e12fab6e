"""The app at 640 x 480 in large print with a notice above its pages, for the strip's tests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.services.notice_bar import NoticeBar
from tests.ui.looks import apply_look
from tests.ui.main_app import App, make_app
from tests.ui.tour import tour_routine
from tests.ui.tour_steps import go_on

ROOM = (628, 436)  # a 640 x 480 screen less the window's frame (screen_fit.FRAME_ALLOWANCE)


def at_640(qtbot: QtBot, qapp: QApplication, language: str, notice: Callable[[App], None]) -> App:
    """The tour's routine in the library at 640 x 480, 150 %, `notice` shown (close it)."""
    i18n.use(language)
    apply_look(qapp, "dark", 150)
    a = make_app(qtbot, tour_routine())
    a.window.resize(*ROOM)
    notice(a)
    for _ in range(2):  # the strip's new height, then the page's fonts for theirs
        QApplication.processEvents()
    return a


def one_line(bar: NoticeBar) -> bool:
    return bar.height() <= bar.text.fontMetrics().lineSpacing() + 12  # margins, borders


def count_at(qtbot: QtBot, a: App, kind: StepKind) -> int:
    """The countdown's size once the session has run on to a step of `kind`, the notice
    still on screen above it."""
    go_on(qtbot, a.window, a.clock, lambda: a.engine.step.kind is kind)
    QApplication.processEvents()
    session = a.window.session
    assert session is not None and a.window.notice.isVisible()
    return session.page.big.pixel_size()
