"""Tests for Tab's order round the history window's filters, folded behind *Filters* on a short
window or open above the tabs: it follows what the eye sees."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.history.store import HistoryStore
from hiptimer.ui.history.window import HistoryWindow
from tests.history_data import Weeks
from tests.ui.a11y_checks import tab_chain
from tests.ui.history.long_sessions import stretches_today, window_sized
from tests.ui.history.looks import app_look

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def filters(window: HistoryWindow) -> list[QWidget]:
    return [window.routine, window.since_edit, window.until_edit, *window.presets.buttons()]


def tab(qtbot: QtBot, widget: QWidget, key: Qt.Key = Qt.Key.Key_Tab) -> QWidget | None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(widget, key)
    return QApplication.focusWidget()


def test_tab_after_opening_the_folded_filters_goes_into_them(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks
) -> None:
    # Filters pressed, then Tab: the focus went to Export CSV beside it, and the filters just
    # opened above the tabs were reached only round the whole window, after Export PDF.
    stretches_today(store, weeks)
    with app_look(150):
        window = window_sized(qtbot, store, (788, 556))
        toggle = window.filter_fold.toggle
        assert toggle.isVisible() and not window.routine.isVisible()
        toggle.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(toggle, Qt.Key.Key_Space)  # opened from the keyboard
        QApplication.processEvents()
        assert window.routine.isVisible()
        assert tab(qtbot, toggle) is window.routine
        assert tab(qtbot, window.routine, Qt.Key.Key_Backtab) is toggle
        # Then down the window as it reads: the filters, the tabs, the tab's page, the exports,
        # and round to the button again (before the filters it opens).
        chain = tab_chain(window)
        shown = filters(window)
        assert chain[: len(shown) + 1] == [*shown, window.tabs.tabBar()]
        assert chain[-3:] == [window.csv_button, window.pdf_button, toggle]
        # Folded again: from the button, on into the tabs.
        toggle.click()
        QApplication.processEvents()
        assert tab(qtbot, toggle) is window.tabs.tabBar()


def test_with_the_filters_open_above_the_tabs_tab_begins_with_them(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks
) -> None:
    stretches_today(store, weeks)
    with app_look(100):
        window = window_sized(qtbot, store, (1268, 756))
        assert window.filter_fold.toggle.isHidden()
        chain = tab_chain(window)
        shown = filters(window)
        assert chain[: len(shown) + 1] == [*shown, window.tabs.tabBar()]
        assert chain[-2:] == [window.csv_button, window.pdf_button]
