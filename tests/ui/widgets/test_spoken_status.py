"""The status bar whose messages a screen reader says: each message a notification, shown anew."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from hiptimer.ui.widgets.spoken_status import SpokenStatusBar, spoken_status_bar
from tests.ui.reader_events import Shows

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def window_with_bar(qtbot: QtBot, **kwargs: bool) -> tuple[QMainWindow, SpokenStatusBar]:
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = spoken_status_bar(window, **kwargs)
    window.show()
    return window, bar


def test_a_message_is_a_notification_a_reader_is_told_of_as_it_shows(qtbot: QtBot) -> None:
    # QStatusBar painted its message: no accessible object had it, and Orca 43 said nothing.
    window, bar = window_with_bar(qtbot)
    assert window.statusBar() is bar and spoken_status_bar(window) is bar
    shows = Shows()
    bar.message.installEventFilter(shows)
    bar.showMessage("Saved revision 2 to /tmp/knees.json", 8000)
    iface = QAccessible.queryAccessibleInterface(bar.message)
    assert iface is not None
    assert iface.role() is QAccessible.Role.Notification
    assert iface.text(QAccessible.Text.Name) == "Saved revision 2 to /tmp/knees.json"
    assert not iface.state().invisible
    assert bar.currentMessage() == "Saved revision 2 to /tmp/knees.json"
    bar.showMessage("Saved revision 2 to /tmp/knees.json", 8000)  # the same again: said again
    assert shows.count == 2
    bar.clearMessage()
    assert bar.message.isHidden() and bar.currentMessage() == ""


def test_a_message_goes_when_its_time_is_up(qtbot: QtBot) -> None:
    _window, bar = window_with_bar(qtbot, hides_when_empty=True)
    assert bar.isHidden()  # no message: no bar
    said: list[str] = []
    bar.messageChanged.connect(said.append)
    bar.showMessage("Sound off", 10)
    assert not bar.isHidden() and not bar.message.isHidden()
    qtbot.waitUntil(lambda: said == ["Sound off", ""])  # the bar's own 10 ms timer
    assert bar.isHidden() and bar.currentMessage() == ""
