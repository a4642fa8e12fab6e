"""Tests for History's tabs on a 640 x 480 window in large print: the charts' and re-tests'
tabs never scroll sideways, and the export buttons' words are whole."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history.store import HistoryStore
from hiptimer.ui.history.window import TAB_ADHERENCE, TAB_PAIN, TAB_RETESTS
from tests.history_data import Weeks, fill
from tests.ui.history.long_sessions import window_sized
from tests.ui.history.looks import app_look

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.parametrize("language", ["en", "es"])
def test_at_640_x_480_in_large_print_no_tab_scrolls_sideways(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks, language: str
) -> None:
    # The Pain and dose tab's "Ejercicio" and its box of 24 characters needed 631 px of 612,
    # the Re-tests tab 625; "Exportar CSV…" needed 206 px and had 200.
    i18n.use(language)
    fill(store, weeks)
    with app_look(150):
        window = window_sized(qtbot, store, (640, 480))
        for tab in (TAB_PAIN, TAB_ADHERENCE, TAB_RETESTS):
            window.tabs.setCurrentIndex(tab)
            for _ in range(3):
                QApplication.processEvents()
            page = window.tabs.currentWidget()
            assert isinstance(page, QScrollArea)
            bar = page.horizontalScrollBar()
            assert bar.maximum() == 0 or not bar.isVisible(), (tab, bar.maximum())
            for button in (window.csv_button, window.pdf_button):
                assert button.width() >= button.sizeHint().width(), button.text()
