"""Tests for History's first screen kept as what it shows changes while the window is open: the
history read again, another session chosen, the text size changed in Settings."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history.store import HistoryStore
from tests.history_data import Weeks
from tests.ui.fit_checks import first_screen_misfits
from tests.ui.history.long_sessions import stretches_today, window_sized
from tests.ui.history.looks import app_look

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def settle() -> None:
    for _ in range(4):  # the window's layout, the tables' fit, then the split placed again
        QApplication.processEvents()


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_first_session_recorded_while_history_is_open_shows_on_the_first_screen(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks, language: str
) -> None:
    # History opened on an empty history, a session recorded, the window read again (as the
    # main window does after a session): the split stayed where the empty list had put it,
    # the filters open, and the new session's heading showed 93 px of 128, its sets none
    # (800 x 600, Spanish, 150 %).
    i18n.use(language)
    with app_look(150):
        window = window_sized(qtbot, store, (788, 556))
        stretches_today(store, weeks)
        window.reload()
        settle()
        assert window.sessions_pane.current() is not None
        assert first_screen_misfits(window) == []
