"""A notice with an action's button on a 640 x 480 screen in large print: every button whole,
and the library's Start under it too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.ui.library.page import LibraryPage
from tests.ui.looks import apply_look
from tests.ui.main_app import make_app

REMINDERS = "Reminders"
STEPS = "Lie on your side with your knees bent and your feet together, then lift the top knee."


def whole(widget: QWidget, within: QWidget) -> bool:
    """Whether `widget` is as large as its words need and all inside `within`."""
    hint = widget.sizeHint()
    place = QRect(widget.mapTo(within, widget.rect().topLeft()), widget.size())
    fits = widget.width() >= hint.width() and widget.height() >= hint.height()
    return fits and within.rect().contains(place)


@pytest.mark.parametrize("language", ["en", "es"])
def test_at_640_x_480_in_large_print_the_action_and_start_are_whole(
    qtbot: QtBot, qapp: QApplication, language: str, in_language: None
) -> None:
    """Beside the words "Open in the editor" had 130 of its 246 px; under them, the strip's
    second row left the library's Start 22 of its 49 px (its row kept the height it had with
    the page's larger fonts)."""
    i18n.use(language)
    apply_look(qapp, "dark", 150)
    a = make_app(qtbot)
    try:
        a.window.resize(628, 436)  # what a 640 x 480 screen leaves a window
        bar = a.window.notice
        bar.show_notice(REMINDERS, STEPS, (i18n._("Open in the editor"), lambda: None))
        for _ in range(2):  # the strip's new height, then the page's fonts for theirs
            QApplication.processEvents()
        for button in (bar.details, bar.action, bar.dismiss):
            if button.isVisible():
                assert whole(button, bar), button.text()
        assert bar.action.isVisible()
        page = a.window.findChild(LibraryPage)
        assert page is not None and page.isVisible()
        assert whole(page.start_button, page)
    finally:
        a.window.close()
        a.history.close()


def test_on_a_wide_window_the_buttons_stay_beside_the_words(
    qtbot: QtBot, qapp: QApplication
) -> None:
    apply_look(qapp, "dark", 150)
    a = make_app(qtbot)
    try:
        a.window.resize(1280, 800)
        bar = a.window.notice
        bar.show_notice(REMINDERS, "Short.", ("Open in the editor", lambda: None))
        QApplication.processEvents()
        assert bar.action.y() < bar.text.geometry().bottom()  # one row: beside the words
        assert bar.action.x() > bar.text.geometry().right()
    finally:
        a.window.close()
        a.history.close()
