"""The library's titles in the narrowest main window (640 px): words whole, in en and es."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.ui.library.items import load_library
from hiptimer.ui.library.page import LibraryPage
from tests.ui.looks import apply_look

NARROWEST = (640, 440)  # the main window's least size (ui/main_window.py)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize("text_size", [100, 150])
@pytest.mark.parametrize("language", ["en", "es"])
def test_no_word_of_a_built_in_title_is_broken_inside_at_640_px(
    qtbot: QtBot, qapp: QApplication, language: str, text_size: int, in_language: None
) -> None:
    """At 640 px "Hip strengthening · 44 min" read "strengthenin / g": a title's word is
    broken only when it alone is wider than the list; here the list gives the words room."""
    i18n.use(language)
    apply_look(qapp, "dark", text_size)
    items = [i for i in load_library() if i.builtin]
    page = LibraryPage(items)
    qtbot.addWidget(page)
    page.setMinimumSize(1, 1)  # the offscreen screen of the tests is smaller
    page.resize(*NARROWEST)
    page.show()
    QApplication.processEvents()
    assert page.list.count() == len(items)
    for row, item in enumerate(items):
        shown = page.list.item(row).text().split("\n")
        words = {w.strip("\u2068\u2069\u200e\u200f") for line in shown for w in line.split()}
        for word in item.title.split():
            assert word in words, (word, shown)
