"""The library's small words (today's plan, the key hint, the details) on a small screen at 100 %."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QTextBrowser
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.ui.library.items import LibraryItem
from hiptimer.ui.library.page import LibraryPage
from tests.harness import hold, quick_routine
from tests.ui.looks import apply_look

LEGIBLE_PX = 14  # the least size of any words read from the mat
NETBOOK = (1012, 500)  # the page on a 1024 x 600 screen: less the frame and the menu bar
TODAY = ["Daily hip stretches at 18:00 \u2014 due", "This week: 2 of 5 sessions done"]


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize("language", ["en", "es"])
def test_today_s_plan_the_key_hint_and_the_details_are_legible_at_100_percent_on_1024_x_600(
    qtbot: QtBot, qapp: QApplication, language: str, in_language: None
) -> None:
    """They followed the page's height down to 12 px (13 the details); now never under 14 px,
    every line whole, and the list keeps most of the page's height."""
    i18n.use(language)
    apply_look(qapp, "dark", 100)
    r = quick_routine(hold("hug", 30, name="Knee hug"), hold("plain", 20, name="Plain stretch"))
    page = LibraryPage([LibraryItem(r.id, r.title, r)])
    qtbot.addWidget(page)
    page.setMinimumSize(1, 1)  # the offscreen screen of the tests is smaller
    page.show_today(TODAY)
    page.resize(*NETBOOK)
    page.show()
    QApplication.processEvents()
    words: list[QLabel | QTextBrowser] = [page.today, page.hint, page.details]
    for widget in words:
        assert widget.isVisible()
        assert widget.font().pixelSize() >= LEGIBLE_PX, widget
    for label in (page.today, page.hint):
        assert label.height() >= label.heightForWidth(label.width()), label.text()  # whole
    assert page.list.height() >= 0.7 * page.height()
