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
from hiptimer.ui.services.notice_watch import NO_VOICE
from tests.ui.looks import apply_look
from tests.ui.main_app import App, make_app

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


def details_opened(qtbot: QtBot, qapp: QApplication, language: str, notice: str) -> App:
    """The app at 150 % on 1024 x 600 with `notice` shown and its Details down (close it)."""
    i18n.use(language)
    apply_look(qapp, "dark", 150)
    a = make_app(qtbot)
    a.window.resize(1024, 600)
    bar = a.window.notice
    heading, words = NOTICES[notice]
    bar.show_notice(translate(heading), translate(words).format(problem=PROBLEM))
    QApplication.processEvents()
    assert bar.compact
    bar.details.click()
    for _ in range(2):  # the strip's new height, then the page's fonts for theirs
        QApplication.processEvents()
    return a


@pytest.mark.parametrize("notice", list(NOTICES))
@pytest.mark.parametrize("language", ["en", "es"])
def test_details_at_150_percent_on_1024_x_600_leave_the_library_legible(
    qtbot: QtBot, qapp: QApplication, language: str, notice: str, in_language: None
) -> None:
    """The library's fonts follow its height: opening Details on the no-voice notice grew the
    strip to 176 px and the library's words went down to 13 px (10 px with a longer reason).
    The notice's words scroll past a share of the window now, every one still there."""
    a = details_opened(qtbot, qapp, language, notice)
    try:
        bar = a.window.notice
        page = a.window.findChild(LibraryPage)
        assert page is not None and page.isVisible()
        shown = [w for w in page.findChildren(QWidget) if isinstance(w, WORDS) and w.isVisible()]
        assert shown
        for widget in shown:
            assert widget.font().pixelSize() >= LEGIBLE_PX, type(widget).__name__
        detail = translate(NOTICES[notice][1]).format(problem=PROBLEM)
        assert detail.split()[-1] in bar.text.text()  # every word, to scroll to
        box = bar.words
        assert box is not None  # the words scroll while Details is down
        cut = box.height() < bar.text.heightForWidth(box.viewport().width())
        assert box.verticalScrollBar().maximum() > 0 if cut else True
    finally:
        a.window.close()
        a.history.close()


@pytest.mark.parametrize("notice", list(NOTICES))
@pytest.mark.parametrize("language", ["en", "es"])
def test_details_that_scroll_show_whole_lines_and_scroll_a_line_at_a_time(
    qtbot: QtBot, qapp: QApplication, language: str, notice: str, in_language: None
) -> None:
    """At 150 % on 1024 x 600 the first start's no-tray notice, opened, showed 3.4 of its
    lines, the last cut through the middle of its letters: the view is whole lines tall now,
    and the wheel and the arrows move it by lines, so no position cuts one."""
    a = details_opened(qtbot, qapp, language, notice)
    try:
        bar = a.window.notice
        box = bar.words
        assert box is not None
        ruler = QLabel()  # a line's height as a label spaces the notice's words
        ruler.setFont(bar.text.font())
        ruler.setTextFormat(bar.text.textFormat())
        ruler.setText("<b>Ag</b> gA<br>Ag")
        two = ruler.heightForWidth(800)
        ruler.setText("<b>Ag</b> gA")
        line = two - ruler.heightForWidth(800)
        view = box.viewport().height()
        bar_ = box.verticalScrollBar()
        if bar_.maximum() == 0:  # the words fit whole (the no-voice notice in English)
            assert view >= bar.text.height()
            return
        assert view >= line and view % line == 0, (view, line)
        assert bar_.singleStep() == line
        assert bar_.maximum() % line == 0, (bar_.maximum(), line)
    finally:
        a.window.close()
        a.history.close()
