"""Date and time fields are one Tab stop each: Tab does not walk their sections."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.widgets.one_tab_stop import DateField
from hiptimer.ui.widgets.time_field import TimeField


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_tab_and_shift_tab_leave_a_time_or_date_field_at_once(qtbot: QtBot) -> None:
    # The weekly plan's times took two Tabs each (hours, then minutes) and the history's
    # dates three; Orca read the sections ("5 unselected Dec selected") at each.
    window = QWidget()
    before, time, date, after = QLineEdit(), TimeField(), DateField(), QLineEdit()
    layout = QVBoxLayout(window)
    for widget in (before, time, date, after):
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    time.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(time, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is date
    qtbot.keyClick(date, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after
    date.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(date, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is time
