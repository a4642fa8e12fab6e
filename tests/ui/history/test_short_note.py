"""Tests for a short note in History's sessions list in large print: whole on its one line
where a shorter date leaves it the room."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history.store import HistoryStore
from hiptimer.ui.widgets.wrapped_cells import reads_whole
from tests.history_data import Weeks, fill
from tests.ui.history.long_sessions import window_sized
from tests.ui.history.looks import app_look

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NOTE = 6
SHORT = "Much better"  # a note of the shared history (tests/history_data.py)


@pytest.mark.parametrize(
    ("language", "size"),
    [("en", (1024, 600)), ("es", (1024, 600)), ("en", (960, 540)), ("en", (1280, 800))],
)
def test_a_short_note_reads_whole_where_a_shorter_date_leaves_it_room(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks, language: str, size: tuple[int, int]
) -> None:
    # At 1024 x 600 in large print in English "Much better" read "Muc…" beside the date in
    # full, "Sat 5 Dec 2026 08:00" (334 px); with "5 Dec 08:00" (189 px) it has its 243 px.
    i18n.use(language)
    fill(store, weeks)
    with app_look(150):
        view = window_sized(qtbot, store, size).sessions_pane.list_view
        model = view.model()
        noted = [r for r in range(model.rowCount()) if model.index(r, NOTE).data() == SHORT]
        assert noted
        for row in noted:
            assert reads_whole(view, model.index(row, NOTE)), model.index(row, NOTE).data()
            assert view.rowHeight(row) < 2 * view.fontMetrics().lineSpacing()  # one line
