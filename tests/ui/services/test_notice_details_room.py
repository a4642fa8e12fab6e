"""A notice's details, opened on a short window, scroll rather than shrink the page under them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QListWidget,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.audio import tts
from hiptimer.i18n import translate
from hiptimer.ui.library.page import LibraryPage
from hiptimer.ui.reminders.delivery import NO_TRAY_NOR_SERVICE
from hiptimer.ui.services.notice_bar import NO_VOICE
from tests.ui.looks import apply_look
from tests.ui.main_app import make_app

REMINDERS = "Reminders"  # the no-tray notice's heading
LEGIBLE_PX = 14  # the least size of any words read from the mat
WORDS = (QLabel, QAbstractButton, QListWidget, QTextBrowser)


NOTICES = {
    "no-voice": (NO_VOICE, tts.INSTALL_ESPEAK),
    # At the first start on a desktop with neither a tray nor a notification service.
    "no-tray": (REMINDERS, NO_TRAY_NOR_SERVICE),
}
PROBLEM = (  # as the desktop's notification service reports it, word for word
    "The desktop's notifications cannot be shown: org.freedesktop.DBus.Error.ServiceUnknown:"
    " The name org.freedesktop.Notifications was not provided by any .service files."
)


@pytest.mark.parametrize("notice", list(NOTICES))
@pytest.mark.parametrize("language", ["en", "es"])
def test_details_at_150_percent_on_1024_x_600_leave_the_library_legible(
    qtbot: QtBot, qapp: QApplication, language: str, notice: str, in_language: None
) -> None:
    """The library's fonts follow its height: opening Details on the no-voice notice grew the
    strip to 176 px and the library's words went down to 13 px (10 px with a longer reason).
    The notice's words scroll past a share of the window now, every one still there."""
    i18n.use(language)
    apply_look(qapp, "dark", 150)
    a = make_app(qtbot)
    try:
        a.window.resize(1024, 600)
        bar = a.window.notice
        heading, words = NOTICES[notice]
        detail = translate(words).format(problem=PROBLEM)
        bar.show_notice(translate(heading), detail)
        QApplication.processEvents()
        assert bar.compact
        bar.details.click()
        for _ in range(2):  # the strip's new height, then the page's fonts for theirs
            QApplication.processEvents()
        page = a.window.findChild(LibraryPage)
        assert page is not None and page.isVisible()
        shown = [w for w in page.findChildren(QWidget) if isinstance(w, WORDS) and w.isVisible()]
        assert shown
        for widget in shown:
            assert widget.font().pixelSize() >= LEGIBLE_PX, type(widget).__name__
        assert detail.split()[-1] in bar.text.text()  # every word, to scroll to
        box = bar.words
        assert box is not None  # the words scroll while Details is down
        cut = box.height() < bar.text.heightForWidth(box.viewport().width())
        assert box.verticalScrollBar().maximum() > 0 if cut else True
    finally:
        a.window.close()
        a.history.close()
