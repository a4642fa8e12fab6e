"""Tests for the gap between the chosen session's set and its plan: the set number and the
plan's words beside it read as two values, not one ("1 1 min")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history.store import HistoryStore
from hiptimer.ui.history.views import RowsTable
from hiptimer.ui.widgets.wrapped_cells import text_margin
from tests.history_data import Weeks, fill
from tests.ui.history.long_sessions import window_sized
from tests.ui.history.looks import app_look

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SET, PLANNED = 2, 3


def words_span(view: RowsTable, row: int, column: int) -> tuple[float, float]:
    """Where the cell's words start and end across the view, as its alignment puts them
    inside the cell's margins."""
    index = view.model().index(row, column)
    margin, x, width = (
        text_margin(view),
        view.columnViewportPosition(column),
        view.columnWidth(column),
    )
    words = min(QFontMetricsF(view.font()).horizontalAdvance(str(index.data())), width - 2 * margin)
    align = Qt.AlignmentFlag(index.data(Qt.ItemDataRole.TextAlignmentRole) or 0)
    if align & Qt.AlignmentFlag.AlignRight:
        start = x + width - margin - words
    elif align & Qt.AlignmentFlag.AlignHCenter:
        start = x + (width - words) / 2
    else:
        start = x + margin
    return start, start + words


@pytest.mark.parametrize(("size", "text_size"), [((800, 600), 150), ((1280, 800), 100)])
def test_a_set_number_and_its_plan_read_as_two_values(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks, size: tuple[int, int], text_size: int
) -> None:
    # Under Xvfb at 800 x 600 in Spanish large print with a week of history, the set "1",
    # right-aligned, ended 6 px before the plan "1 min" beside it, under a space: "1 1 min".
    i18n.use("es")
    fill(store, weeks)
    with app_look(text_size):
        view = window_sized(qtbot, store, size).sessions_pane.sets_view
        assert not view.isColumnHidden(SET) and not view.isColumnHidden(PLANNED)
        space = QFontMetricsF(view.font()).horizontalAdvance(" ")
        for row in range(view.model().rowCount()):
            gap = words_span(view, row, PLANNED)[0] - words_span(view, row, SET)[1]
            assert gap >= 2 * space, (row, gap, space)
