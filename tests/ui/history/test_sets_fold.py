"""Tests for the chosen session's sets on a remote window or netbook in large print: the set
and its plan go into the name's cell, so the exercise reads whole, and a screen reader still
hears them."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history.store import HistoryStore
from hiptimer.ui.widgets.wrapped_cells import reads_whole
from tests.ui.fit_checks import cut_cell_misfits
from tests.ui.history.long_sessions import LONG_NAME, session_of_long_sets, window_sized
from tests.ui.history.looks import app_look

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NAME, SET, PLANNED = 0, 2, 3


@pytest.mark.parametrize("language", ["es", "en"])
def test_at_800_x_600_in_large_print_the_set_and_plan_go_in_the_name(
    qtbot: QtBot, store: HistoryStore, language: str
) -> None:
    # Under Xvfb at 800 x 600 in Spanish at 150 % the sets read "Si…" under "E…", "D…" and
    # "A…", while Serie, Previsto, Hecho and Dolor took 472 of 734 px.
    i18n.use(language)
    session_of_long_sets(store, datetime.now().astimezone() - timedelta(hours=2))
    with app_look(150):
        window = window_sized(qtbot, store, (800, 600))
        view, model = window.sessions_pane.sets_view, window.sessions_pane.sets
        assert view.isColumnHidden(SET) and view.isColumnHidden(PLANNED)
        assert model.cut_titles == {}  # every title whole
        assert cut_cell_misfits(window) == []  # the tours' check sees the names too
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                if not view.isColumnHidden(column):
                    assert reads_whole(view, model.index(row, column)), (row, column)
            name = model.index(row, NAME)
            assert LONG_NAME in name.data()
            # A screen reader hears the set and its plan, each with its column's name.
            said = name.data(Qt.ItemDataRole.AccessibleTextRole)
            for column in (SET, PLANNED):
                title = model.headerData(column, Qt.Orientation.Horizontal)
                assert f"{title}: {model.index(row, column).data()}" in said, said
        assert view.horizontalScrollBar().maximum() == 0


@pytest.mark.parametrize(("size", "text_size"), [((1280, 800), 100), ((1024, 600), 100)])
def test_where_there_is_room_the_set_and_plan_keep_their_columns(
    qtbot: QtBot, store: HistoryStore, size: tuple[int, int], text_size: int
) -> None:
    i18n.use("es")
    session_of_long_sets(store, datetime.now().astimezone() - timedelta(hours=2))
    with app_look(text_size):
        window = window_sized(qtbot, store, size)
        view, model = window.sessions_pane.sets_view, window.sessions_pane.sets
        assert not view.isColumnHidden(SET) and not view.isColumnHidden(PLANNED)
        assert model.index(0, NAME).data() == LONG_NAME
        assert cut_cell_misfits(window) == []
