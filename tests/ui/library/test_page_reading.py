"""The library read by a screen reader: the list's rows in words, the details line by line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.model import Routine
from hiptimer.ui.key_filter import WindowKeys
from hiptimer.ui.keys import Action, Mode
from hiptimer.ui.library.items import LibraryItem
from hiptimer.ui.library.page import LibraryPage
from tests.harness import hold, quick_routine


def routines() -> list[LibraryItem]:
    r = quick_routine(hold("hug", 30, name="Knee hug"), hold("plain", 20, name="Plain stretch"))
    long = Routine("long", "Hip mobility and strength for the first weeks back", r.exercises,
                   description="One.\nTwo.\nThree.\nFour.", rests=r.rests)  # fmt: skip
    return [LibraryItem(x.id, x.title, x) for x in (r, long)]


def row_names(page: LibraryPage) -> list[str]:
    iface = QAccessible.queryAccessibleInterface(page.list)
    assert iface is not None
    names = []
    for i in range(iface.childCount()):
        child = iface.child(i)
        if child is not None and child.role() == QAccessible.Role.ListItem:
            names.append(child.text(QAccessible.Text.Name))
    return names


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_reader_hears_each_routine_and_its_length_in_words(qtbot: QtBot) -> None:
    """On screen the length stands apart ("   · 15 min", or on a line of its own in a
    narrow list, the title cut short); a reader says "title, 15 min", the title whole."""
    page = LibraryPage(routines(), estimate=lambda _r: 15 * 60)
    qtbot.addWidget(page)
    page.resize(700, 600)
    page.show()
    qtbot.waitUntil(lambda: "\n" in page.list.item(1).text())
    assert row_names(page) == [
        "Quick test routine, 15 min",
        "Hip mobility and strength for the first weeks back, 15 min",
    ]


class LibraryWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.page = LibraryPage(routines())
        QVBoxLayout(self).addWidget(self.page)
        self.done: list[Action] = []
        self.keys = WindowKeys(self, lambda: Mode.LIBRARY, lambda a, _n: self.done.append(a))


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_arrows_read_the_details_line_by_line_and_choose_routines_in_the_list(
    qtbot: QtBot,
) -> None:
    window = LibraryWindow()
    qtbot.addWidget(window)
    window.show()
    page = window.page
    page.list.setCurrentRow(1)
    page.details.setFocus()
    qtbot.waitUntil(page.details.hasFocus)
    before = page.details.textCursor().blockNumber()
    for _ in range(3):
        QTest.keyClick(page.details, Qt.Key.Key_Down)
    assert page.details.textCursor().blockNumber() > before  # the caret went down the text
    assert window.done == [] and page.list.currentRow() == 1  # the routine stayed
    QTest.keyClick(page.details, Qt.Key.Key_Return)
    assert window.done == [Action.START]  # Enter still starts it
    page.list.setFocus()
    qtbot.waitUntil(page.list.hasFocus)
    QTest.keyClick(page.list, Qt.Key.Key_Up)
    assert len(window.done) == 2  # the list's arrows go to the window's keys, as before
    # Orca 43 says a label's name, never its description: "About the chosen routine label."
    # and the arrows went unsaid.
    name = page.details.accessibleName()
    assert name == "About the chosen routine. The arrow keys read it line by line"
