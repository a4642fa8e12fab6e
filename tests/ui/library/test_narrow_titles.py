"""The library in the narrowest main window (640 px): titles' words whole, and the details'
room, in en and es, at 100 % and in large print."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.ui.library.items import LibraryItem, load_library
from hiptimer.ui.library.page import LibraryPage
from hiptimer.ui.widgets.beside_or_under import widest_word
from tests.ui.looks import apply_look

NARROWEST = (640, 440)  # the main window's least size (ui/main_window.py)
UNDER_ITS_MENUS = (640, 406)  # its page: less the menu bar in large print


LOOKS = [("en", 100), ("en", 150), ("es", 100), ("es", 150)]  # language, text size (%)


@pytest.fixture(params=LOOKS, ids=[f"{lang}-{size}" for lang, size in LOOKS])
def built_ins(
    qapp: QApplication, request: pytest.FixtureRequest, in_language: None
) -> list[LibraryItem]:
    """The built-in routines in this language, at this text size."""
    language, text_size = request.param
    i18n.use(language)
    apply_look(qapp, "dark", text_size)
    return [i for i in load_library() if i.builtin]


def shown(qtbot: QtBot, items: list[LibraryItem], size: tuple[int, int]) -> LibraryPage:
    page = LibraryPage(items)
    qtbot.addWidget(page)
    page.setMinimumSize(1, 1)  # the offscreen screen of the tests is smaller
    page.resize(*size)
    page.show()
    QApplication.processEvents()
    return page


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_no_word_of_a_built_in_title_is_broken_inside_at_640_px(
    qtbot: QtBot, built_ins: list[LibraryItem]
) -> None:
    """At 640 px "Hip strengthening · 44 min" read "strengthenin / g": a title's word is
    broken only when it alone is wider than the list; here the list gives the words room."""
    page = shown(qtbot, built_ins, NARROWEST)
    assert page.list.count() == len(built_ins)
    for row, item in enumerate(built_ins):
        lines = page.list.item(row).text().split("\n")
        words = {w.strip("\u2068\u2069\u200e\u200f") for line in lines for w in line.split()}
        for word in item.title.split():
            assert word in words, (word, lines)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_key_hint_and_start_leave_the_details_their_room_at_640_px(
    qtbot: QtBot, built_ins: list[LibraryItem]
) -> None:
    """With the key hint above Start in the details' column, the details had 213 of the
    page's 406 px in large print (the title in three lines, then four lines of text): the
    hint goes beside Start, a row no taller than Start, and the details keep ten lines."""
    page = shown(qtbot, built_ins, UNDER_ITS_MENUS)
    hint, start = page.hint.geometry(), page.start_button.geometry()
    assert start.top() == hint.top() and hint.bottom() <= start.bottom(), (hint, start)
    air = page.hint.fontMetrics().height() // 2
    assert hint.right() + air < start.left(), (hint, start)
    assert page.hint.height() >= page.hint.heightForWidth(page.hint.width())  # every line
    assert widest_word(page.hint) <= page.hint.width()  # "F11 pantalla com" at 100 %
    details = page.details
    assert details.viewport().height() >= 10 * details.fontMetrics().lineSpacing()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_details_heading_takes_two_lines_at_most_at_640_px(
    qtbot: QtBot, built_ins: list[LibraryItem]
) -> None:
    """In large print at 640 px "Básicos para la estenosis de canal" and "Movilidad y
    control para el FAI" took three lines of the details' 271 px: the title is smaller where
    that keeps it to two, never smaller than the details' words."""
    page = shown(qtbot, built_ins, UNDER_ITS_MENUS)
    words = page.details.font().pixelSize()
    for row in [*range(1, len(built_ins)), 0]:  # the first again: shown before its scroll bar
        page.list.setCurrentRow(row)
        QApplication.processEvents()
        title = page.details.document().firstBlock()
        assert title.text() == built_ins[row].title
        page.details.document().size()  # laid out now
        assert title.layout().lineCount() <= 2, title.text()
        assert title.begin().fragment().charFormat().font().pixelSize() >= words, title.text()
