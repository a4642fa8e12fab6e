"""Tests for the history window's foot: the status line's words whole beside the Filters and
export buttons, or the buttons under it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history.store import HistoryStore
from hiptimer.ui.history.window import HistoryWindow
from tests.history_data import Weeks
from tests.ui.history.long_sessions import stretches_today, window_sized
from tests.ui.history.looks import app_look

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def status_whole(window: HistoryWindow) -> bool:
    status = window.status
    words = status.accessibleName()
    return bool(words) and status.width() >= status.fontMetrics().horizontalAdvance(words)


@pytest.mark.parametrize("language", ["en", "es"])
def test_on_a_narrow_window_the_status_line_reads_whole(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks, language: str
) -> None:
    # At 640 x 480 in large print in English "4 sessions" took two lines of 62 px, "4" over
    # "sess", between the Filters button and Export CSV.
    i18n.use(language)
    stretches_today(store, weeks)
    with app_look(150):
        window = window_sized(qtbot, store, (640, 480))
        assert window.filter_fold.toggle.isVisible()
        assert status_whole(window), window.status.width()
        toggle = window.filter_fold.toggle
        for button in (toggle, window.csv_button, window.pdf_button):
            assert button.width() >= button.sizeHint().width()
            assert button.y() > window.status.y()  # a line of words over a row of buttons
        assert toggle.y() == window.csv_button.y()
        # A longer message (an export's file) wraps beside the button, the buttons under it.
        window.say("Exported /tmp/a-rather-long-folder-name/history.csv")
        QApplication.processEvents()
        assert window.csv_button.y() > window.status.y()


def test_where_there_is_room_the_status_and_buttons_share_a_row(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks
) -> None:
    stretches_today(store, weeks)
    with app_look(100):
        window = window_sized(qtbot, store, (1268, 756))
        assert status_whole(window)
        assert abs(window.csv_button.y() - window.status.y()) < window.csv_button.height()
