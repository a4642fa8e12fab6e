"""Buttons get their spoken name and key description whether they were on screen before the
application's filter was installed (the window's first paint comes first) or shown after."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.a11y import install_button_names

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
    names = install_button_names(qapp)
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
