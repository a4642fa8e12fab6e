"""Tests for the chosen session's sets on a 640 x 480 window in large print: where the choice
and the dose change would cut the name's title and cells, they follow the set and plan in the
name's cell, their columns gone; a screen reader and the tooltip still say each with its column."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history.store import HistoryStore
from hiptimer.ui.history.window import HistoryWindow
from hiptimer.ui.widgets.wrapped_cells import reads_whole
from tests.ui.fit_checks import cut_cell_misfits
from tests.ui.history.long_sessions import add_holds, window_sized
from tests.ui.history.looks import app_look

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NAME, SIDE, SET, PLANNED, DONE, PAIN, CHOICE, CHANGE = range(8)
# The screen-fit tour's exercise: 70 letters, with its side, set and plan ~110 in its cell.
LONG_NAME = "Side-lying hip abduction with a resistance band just above both knees"


def session_of_choices(store: HistoryStore) -> int:
    """A session of the long name, each side, a choice after pain and quick dose changes."""
    start = datetime.now().astimezone() - timedelta(hours=2)
    sid = store.begin_session("fai", "FAI mobility and control", 1, {}, start, sets_planned=3)
    when = add_holds(store, sid, LONG_NAME, start, [
        ("right", 7, "stop", "hold 30 -> 35 s; hold 35 -> 40 s", False),
        ("left", 5, "continue", "hold 30 -> 35 s", True),
        ("left", 2, None, None, True),
    ])  # fmt: skip
    store.finish_session(sid, "completed", when)
    return sid


def shown(qtbot: QtBot, store: HistoryStore, size: tuple[int, int]) -> HistoryWindow:
    session_of_choices(store)
    return window_sized(qtbot, store, size)


@pytest.mark.parametrize("language", ["es", "en"])
def test_at_640_x_480_in_large_print_the_choice_and_change_go_in_the_name(
    qtbot: QtBot, store: HistoryStore, language: str
) -> None:
    # Under Xvfb at 640 x 480 in Spanish at 150 % the sets read "Side-ly…" under "Eje…",
    # "Decis…" and "10 re…": the choice and change took ~240 px of the 584 the view has.
    i18n.use(language)
    with app_look(150):
        window = shown(qtbot, store, (640, 480))
        view, model = window.sessions_pane.sets_view, window.sessions_pane.sets
        assert view.isColumnHidden(CHOICE) and view.isColumnHidden(CHANGE)
        assert model.cut_titles == {}  # every title whole
        assert cut_cell_misfits(window) == []
        assert view.horizontalScrollBar().maximum() == 0
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                if not view.isColumnHidden(column):
                    assert reads_whole(view, model.index(row, column)), (row, column)
        name = model.index(0, NAME)
        shown_words = name.data()
        assert shown_words.startswith(LONG_NAME)
        # The choice and change with their columns' words, as the CSV and PDF give them.
        choice, change = (
            model.headerData(CHOICE, Qt.Orientation.Horizontal),
            model.headerData(CHANGE, Qt.Orientation.Horizontal),
        )
        stopped = model.texts(CHOICE)[0]
        assert f"{choice}: {stopped}" in shown_words
        assert f"{change}: " in shown_words
        # Each in a screen reader's words too (its column's name, the value whole), and in
        # the tooltip, all of it.
        said = name.data(Qt.ItemDataRole.AccessibleTextRole)
        for column in (SET, PLANNED, CHOICE, CHANGE):
            title = model.headerData(column, Qt.Orientation.Horizontal)
            assert f"{title}: {model.index(0, column).data()}" in said, said
        assert LONG_NAME in said
        tip = name.data(Qt.ItemDataRole.ToolTipRole)
        assert LONG_NAME in tip and stopped in tip
        # A set with neither says nothing of them.
        assert choice not in model.index(2, NAME).data()


@pytest.mark.parametrize(("size", "text_size"), [((800, 600), 150), ((1280, 800), 100)])
@pytest.mark.parametrize("language", ["es", "en"])
def test_where_there_is_room_the_choice_and_change_keep_their_columns(
    qtbot: QtBot, store: HistoryStore, size: tuple[int, int], text_size: int, language: str
) -> None:
    i18n.use(language)
    with app_look(text_size):
        window = shown(qtbot, store, size)
        view, model = window.sessions_pane.sets_view, window.sessions_pane.sets
        assert not view.isColumnHidden(CHOICE) and not view.isColumnHidden(CHANGE)
        choice = model.headerData(CHOICE, Qt.Orientation.Horizontal)
        assert choice not in model.index(0, NAME).data()
        assert cut_cell_misfits(window) == []
