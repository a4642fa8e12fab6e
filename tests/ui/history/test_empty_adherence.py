"""The Adherence tab of an empty history: its words and its empty chart, without an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history.store import open_history
from hiptimer.ui.history.window import TAB_ADHERENCE, HistoryWindow
from tests.history_data import HIPS


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_adherence_tab_of_an_empty_history_says_so_without_an_error(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    """Seen at 1024 x 600 on a new data folder: the tab showed an empty chart and no words, and
    a ValueError (max() of no weeks' labels) on standard error, raised again at each resize."""
    i18n.use(language)  # English again after the test (tests/conftest.py)
    with open_history(tmp_path / "history.sqlite3") as store:
        window = HistoryWindow(store, [HIPS])
        qtbot.addWidget(window)
        window.resize(1024, 600)
        window.show()
        window.tabs.setCurrentIndex(TAB_ADHERENCE)
        for _ in range(3):
            QApplication.processEvents()
        window.resize(900, 560)  # the labels fitted again to the new width
        QApplication.processEvents()
        words = window.show_adherence().summary.text()
        assert words.endswith("."), words
        window.close()
