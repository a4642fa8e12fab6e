"""Tests for the sessions tab's splitter kept in the settings: dragged, it is where it was put
at the next start; a damaged value in the file is ignored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.history.store import HistoryStore
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.history.split_kept import ShareKept
from hiptimer.ui.history.window import HistoryWindow
from tests.history_data import HIPS, STRETCH, Weeks, fill

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def history_window(qtbot: QtBot, store: HistoryStore, settings: SettingsStore) -> HistoryWindow:
    """The history window at 1024 x 700, its splitter kept in `settings` as the app keeps it."""
    kept = ShareKept(
        lambda: settings.settings.history_split,
        lambda share: settings.update(history_split=share),
    )
    window = HistoryWindow(store, [HIPS, STRETCH], split_kept=kept)
    qtbot.addWidget(window)
    window.setMinimumSize(1, 1)
    window.resize(1024, 700)
    window.show()
    for _ in range(3):  # the window's layout, then the tables' own
        QApplication.processEvents()
    return window


def chosen_share(window: HistoryWindow) -> float:
    sizes = window.sessions_pane.split.sizes()
    return sizes[1] / sum(sizes)


def test_a_dragged_split_is_where_it_was_put_at_the_next_start(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks, tmp_path: Path
) -> None:
    # It was kept only while the app ran: each start placed it anew.
    fill(store, weeks)
    path = tmp_path / "settings.json"
    first = history_window(qtbot, store, SettingsStore(path))
    placed = chosen_share(first)
    split = first.sessions_pane.split
    split.moveSplitter(split.sizes()[0] + 150, 1)  # the user drags it down: a longer list
    dragged = chosen_share(first)
    assert dragged < placed - 0.1
    first.close()  # (saved as the window closes, if the handle had not rested yet)
    assert SettingsStore(path).settings.history_split == pytest.approx(dragged, abs=0.002)
    second = history_window(qtbot, store, SettingsStore(path))  # the next start
    assert chosen_share(second) == pytest.approx(dragged, abs=0.01)
    second.resize(900, 600)  # and kept as that share at another size
    QApplication.processEvents()
    assert chosen_share(second) == pytest.approx(dragged, abs=0.01)


@pytest.mark.parametrize("damaged", ["wide", 1.5, 0.01, -0.3, True, None, [0.5]])
def test_a_damaged_split_in_the_settings_is_ignored(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks, tmp_path: Path, damaged: object
) -> None:
    fill(store, weeks)
    placed = chosen_share(history_window(qtbot, store, SettingsStore(tmp_path / "none.json")))
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"first_run_done": True, "history_split": damaged}))
    settings = SettingsStore(path)
    assert settings.settings.history_split == 0.0
    assert "history_split" in (settings.notice or "")
    assert chosen_share(history_window(qtbot, store, settings)) == pytest.approx(placed, abs=0.01)
