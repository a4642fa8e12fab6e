"""$HIPTIMER_KEY_TRACE: each key press as it enters a window, with where Qt has the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui import key_trace
from hiptimer.ui.key_filter import WindowKeys
from hiptimer.ui.keys import Mode


def _window(qtbot: QtBot) -> tuple[QWidget, WindowKeys]:
    window = QWidget()
    window.setWindowTitle("Main")
    qtbot.addWidget(window)
    keys = WindowKeys(window, lambda: Mode.LIBRARY, lambda action, value: None)
    window.show()
    return window, keys


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_a_key_on_a_dialog_is_traced_with_the_window_qt_holds_active(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(key_trace.ENV, "1")
    window, _keys = _window(qtbot)
    box = QMessageBox(QMessageBox.Icon.Question, "Unsaved changes", "Save?", parent=window)
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    box.open()
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    handle = box.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, Qt.Key.Key_Escape)  # as a key enters the app: at the box's QWindow
    assert not box.isVisible()  # the trace takes nothing: Escape still closes the box
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "key Esc to window 'Unsaved changes'; active QMessageBox in 'Unsaved changes',"
        " focus QPushButton in 'Unsaved changes', modal QMessageBox in 'Unsaved changes'"
    ]


def test_without_the_variable_nothing_is_written(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(key_trace.ENV, raising=False)
    window, _keys = _window(qtbot)
    handle = window.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, Qt.Key.Key_Escape)
    assert capsys.readouterr().err == ""


def test_a_key_a_shortcut_takes_is_traced_as_that_shortcut(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(key_trace.ENV, "1")
    window, _keys = _window(qtbot)
    close = QAction("Close", window)
    close.setShortcut(QKeySequence("Ctrl+W"))
    window.addAction(close)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(close.triggered):
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert capsys.readouterr().err.splitlines() == [
        "key Ctrl+Control to window 'Main'; active QWidget in 'Main', focus none, modal none",
        "shortcut Ctrl+W to QAction 'Close'; active QWidget in 'Main'",  # no key press of W
    ]
