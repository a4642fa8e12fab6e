"""Buttons get their spoken name and key description whether they were on screen before the
application's filter was installed (the window's first paint comes first) or shown after; a
text field's caret is placed before the focus comes, so no caret move comes before it; a
filled field reached by Tab is focused first and its text selected after, and unselected
unheard as Tab goes on; and a table's first item made current after the table is."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hiptimer.ui.a11y import install_reader_filter

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def window_with_layout(qtbot: QtBot) -> tuple[QWidget, QVBoxLayout]:
    window = QWidget()
    qtbot.addWidget(window)
    return window, QVBoxLayout(window)


def show_active(qtbot: QtBot, window: QWidget) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_buttons_shown_before_and_after_the_filter_are_both_described(
    qtbot: QtBot, qapp: QApplication
) -> None:
    window, layout = window_with_layout(qtbot)
    early = QPushButton("Start   [Enter]", window)
    layout.addWidget(early)
    window.show()
    assert early.accessibleDescription() == ""  # nothing described it yet
    names = install_reader_filter(qapp)
    try:
        assert early.accessibleName() == "Start"
        assert early.accessibleDescription() == "Key: Enter"
        late = QPushButton("Skip   [Right]", window)
        layout.addWidget(late)
        late.show()
        assert late.accessibleName() == "Skip"
        assert late.accessibleDescription() == "Key: Right"
    finally:
        qapp.removeEventFilter(names)


def test_tab_into_an_empty_field_moves_no_caret(qtbot: QtBot, qapp: QApplication) -> None:
    # Orca 43 said nothing on Tab into an empty field: its caret was first placed as the
    # focus came, and Qt reported that (with cursorPositionChanged) before the focus.
    window, layout = window_with_layout(qtbot)
    early, late = QLineEdit("60", window), QLineEdit(window)
    layout.addWidget(early)
    names = install_reader_filter(qapp)  # after the first paint, as the app does
    try:
        show_active(qtbot, window)
        layout.addWidget(late)  # shown after the filter came
        late.show()
        early.setFocus(Qt.FocusReason.TabFocusReason)
        moved: list[tuple[int, int]] = []
        late.cursorPositionChanged.connect(lambda old, new: moved.append((old, new)))
        qtbot.keyClick(early, Qt.Key.Key_Tab)
        assert late.hasFocus() and moved == []
    finally:
        qapp.removeEventFilter(names)


@contextmanager
def tabbed_into(
    qtbot: QtBot, qapp: QApplication, start: QWidget, target: QWidget, heard: list[str]
) -> Iterator[None]:
    """Tab from `start` to `target` with the app's filter on; `heard` gets "focus True" as
    the focus is reported (as focusChanged is emitted), among what the test notes there."""
    names = install_reader_filter(qapp)

    def focused(_old: QWidget | None, new: QWidget | None) -> None:
        heard.append(f"focus {new is target}")

    qapp.focusChanged.connect(focused)
    try:
        show_active(qtbot, start.window())
        start.setFocus(Qt.FocusReason.OtherFocusReason)
        heard.clear()
        qtbot.keyClick(start, Qt.Key.Key_Tab)
        QApplication.processEvents()
        yield
    finally:
        qapp.focusChanged.disconnect(focused)
        qapp.removeEventFilter(names)


def two_filled_fields(qtbot: QtBot) -> tuple[QWidget, QLineEdit, QLineEdit]:
    """A window with a name field, then a hold field."""
    window, layout = window_with_layout(qtbot)
    name, hold = QLineEdit("Bridge", window), QLineEdit("60", window)
    layout.addWidget(name)
    layout.addWidget(hold)
    return window, name, hold


def test_tab_into_a_filled_field_tells_the_focus_before_the_selection(
    qtbot: QtBot, qapp: QApplication
) -> None:
    # Orca 43 read "60 selected. Hold text.": QLineEdit selected all in its focus-in handler,
    # and Qt reports the focus to a reader after that handler (as focusChanged is emitted).
    _window, name, hold = two_filled_fields(qtbot)
    heard: list[str] = []
    hold.selectionChanged.connect(lambda: heard.append(f"selected {hold.selectedText()!r}"))
    with tabbed_into(qtbot, qapp, name, hold, heard):
        assert heard == ["focus True", "selected '60'"]
        qtbot.keyClicks(hold, "45")  # typing replaces it, as after any Tab
        assert hold.text() == "45"
        qtbot.keyClick(hold, Qt.Key.Key_Backtab)
        QApplication.processEvents()
        assert name.hasFocus() and name.selectedText() == "Bridge"


def test_tab_on_from_a_filled_field_clears_its_selection_without_a_word(
    qtbot: QtBot, qapp: QApplication
) -> None:
    # Orca 43 said "Text unselected." at each Tab on from a filled field: QLineEdit cleared
    # the selection Tab had made as the focus left, and its accessibility event goes with
    # selectionChanged (QLineEditPrivate::_q_selectionChanged).
    _window, name, hold = two_filled_fields(qtbot)
    heard: list[str] = []
    with tabbed_into(qtbot, qapp, name, hold, heard):
        assert hold.selectedText() == "60"
        hold.selectionChanged.connect(lambda: heard.append("unselected"))
        heard.clear()
        qtbot.keyClick(hold, Qt.Key.Key_Tab)
        QApplication.processEvents()
        assert name.hasFocus() and name.selectedText() == "Bridge"
        assert heard == ["focus False"]  # the focus moved; no selection was said to go
        assert not hold.hasSelectedText()  # nor is one left drawn on screen


def test_tab_into_a_table_tells_the_focus_before_its_first_item(
    qtbot: QtBot, qapp: QApplication
) -> None:
    # Orca 43 said "Sets of the chosen session. table with 25 rows 8 columns." and no set:
    # Qt made the first cell current, and reported its focus, before the table's focus.
    window, layout = window_with_layout(qtbot)
    name = QLineEdit("Bridge", window)
    model = QStandardItemModel(2, 2, window)
    model.setItem(0, 1, QStandardItem("Bridge"))
    table = QTableView(window)
    table.setModel(model)
    table.setColumnHidden(0, True)  # as the sets table's Side, with no each-side exercise
    layout.addWidget(name)
    layout.addWidget(table)
    heard: list[str] = []
    table.selectionModel().currentChanged.connect(
        lambda now, _was: heard.append(f"current {now.row()},{now.column()}")
    )
    with tabbed_into(qtbot, qapp, name, table, heard):
        assert heard == ["focus True", "current 0,1"]
        assert not table.selectionModel().hasSelection()  # current, not chosen
