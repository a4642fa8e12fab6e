"""Tests of the history window's sessions list with a routine title of one long word: the word
breaks between its letters instead of widening its column, and the Sets cell reads whole."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.ui.widgets.wrapped_cells import reads_whole
from tests.history_data import Weeks, at, fill
from tests.ui.history.long_sessions import window_sized
from tests.ui.history.looks import app_look

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROUTINE, SETS = 1, 3  # the sessions list's columns of words
ONE_WORD = "Hüftkräftigungsprogramm" * 5 + "Ende!"  # 120 letters, no space


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_a_title_of_one_long_word_breaks_in_the_word_and_the_sets_read_whole(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks, size: tuple[int, int]
) -> None:
    # A 120-letter title of one word widened the Routine column to its length, and the Sets
    # cell beside it read "5 not…".
    assert len(ONE_WORD) == 120
    fill(store, weeks)
    start = at(weeks.today, 7)
    sid = store.begin_session("fai", ONE_WORD, 1, {}, start, sets_planned=6)
    store.add_set(sid, StoredSet("bridge", "Bridge", 1, start, start + timedelta(seconds=30)))
    store.finish_session(sid, "ended_early", start + timedelta(minutes=2))
    with app_look(100):
        pane = window_sized(qtbot, store, size).sessions_pane
        view, model = pane.list_view, pane.sessions
        assert view.horizontalScrollBar().maximum() == 0  # nothing scrolled to
        word = view.fontMetrics().horizontalAdvance(ONE_WORD)
        assert view.columnWidth(ROUTINE) < word * 0.6  # the word's lines, not its width
        for row in range(model.rowCount()):
            for column in (ROUTINE, SETS):
                index = model.index(row, column)
                assert reads_whole(view, index), (row, index.data())
                assert not view.is_cut(index), (row, index.data())
        (row,) = [r for r in range(model.rowCount()) if model.rows()[r].id == sid]
        assert view.rowHeight(row) > view.verticalHeader().defaultSectionSize()  # wrapped
