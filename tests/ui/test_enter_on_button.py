"""Enter presses the button the keyboard focus is on, as Space does, in the history window and
the routine editor too (README: "Space or Enter presses the one it is on"): there a button
reached by Tab ignored Enter, as a QPushButton outside a dialog does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.ui.editor.window import EditorWindow
from hiptimer.ui.history.window import HistoryWindow
from tests.history_data import HIPS, STRETCH
from tests.ui.editor.editing import BUILTIN_ID


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def presses(qtbot: QtBot, window: QWidget, button: QAbstractButton, key: Qt.Key) -> int:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    button.setFocus(Qt.FocusReason.TabFocusReason)
    assert button.hasFocus()
    clicks: list[int] = []
    button.clicked.connect(lambda: clicks.append(1))
    qtbot.keyClick(button, key)
    return len(clicks)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_presses_a_button_of_the_history_window(
    qtbot: QtBot, store: HistoryStore, key: Qt.Key
) -> None:
    window = HistoryWindow(store, [HIPS, STRETCH])
    qtbot.addWidget(window)
    everything = window.presets.buttons()[-1]  # All
    assert presses(qtbot, window, everything, key) == 1


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Space])
def test_enter_presses_a_button_of_the_routine_editor(qtbot: QtBot, key: Qt.Key) -> None:
    catalog = load_catalog()
    window = EditorWindow(catalog.find(BUILTIN_ID), catalog)
    qtbot.addWidget(window)
    before = window.exercises.list.count()
    assert presses(qtbot, window, window.exercises.duplicate, key) == 1
    assert window.exercises.list.count() == before + 1
    window.undo_stack.setClean()  # closed without asking whether to save the copy
