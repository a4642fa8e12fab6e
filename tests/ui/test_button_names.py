"""Buttons get their spoken name and key description whether they were on screen before the
application's filter was installed (the window's first paint comes first) or shown after; a
text field's caret is placed before the focus comes, so no caret move comes before it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.a11y import install_reader_filter

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_buttons_shown_before_and_after_the_filter_are_both_described(
    qtbot: QtBot, qapp: QApplication
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
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
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    early, late = QLineEdit("60", window), QLineEdit(window)
    layout.addWidget(early)
    names = install_reader_filter(qapp)  # after the first paint, as the app does
    try:
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        layout.addWidget(late)  # shown after the filter came
        late.show()
        early.setFocus(Qt.FocusReason.TabFocusReason)
        moved: list[tuple[int, int]] = []
        late.cursorPositionChanged.connect(lambda old, new: moved.append((old, new)))
        qtbot.keyClick(early, Qt.Key.Key_Tab)
        assert late.hasFocus() and moved == []
    finally:
        qapp.removeEventFilter(names)
