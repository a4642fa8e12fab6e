"""The history window as a screen reader user meets it: Tab from field to field, every
control named, and each chart named after what it shows and described in words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.ui.history.window import HistoryWindow
from tests.history_data import HIPS, STRETCH, Weeks, fill

Text = QAccessible.Text


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


@pytest.fixture
def window(qtbot: QtBot, store: HistoryStore, weeks: Weeks) -> HistoryWindow:
    fill(store, weeks)
    w = HistoryWindow(store, [HIPS, STRETCH])
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def spoken(widget: QWidget, text: QAccessible.Text) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.text(text)


def tab_from(qtbot: QtBot, widget: QWidget) -> QWidget | None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def test_tab_leaves_a_date_field_in_one_press(qtbot: QtBot, window: HistoryWindow) -> None:
    # Orca read "5 unselected Dec selected" at each Tab: Tab went day, month, year.
    assert tab_from(qtbot, window.since_edit) is window.until_edit


def test_tab_reaches_every_preset(qtbot: QtBot, window: HistoryWindow) -> None:
    first, second, third = window.presets.buttons()
    assert tab_from(qtbot, first) is second
    assert tab_from(qtbot, second) is third
