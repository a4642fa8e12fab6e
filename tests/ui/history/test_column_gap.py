"""Tests for the gaps between neighbouring columns' words: the set number and the plan's
words beside it read as two values, not one ("1 1 min"), and so do the plan and the set done,
the date and the routine."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QImage
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history.store import HistoryStore
from hiptimer.ui.history.models import RowsModel
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


def ink_span(picture: QImage, view: RowsTable, row: int, column: int) -> tuple[int, int] | None:
    """Where the cell's words are drawn across the view: its first and last pixel columns that
    differ from the cell's ground (its grid lines and focus edge aside); None where blank."""
    top, left = view.rowViewportPosition(row), view.columnViewportPosition(column)
    ground = picture.pixelColor(left + 2, top + 2)

    def ink(x: int, y: int) -> bool:
        here = picture.pixelColor(x, y)
        return (
            abs(here.red() - ground.red())
            + abs(here.green() - ground.green())
            + abs(here.blue() - ground.blue())
            > 90
        )

    inked = [
        x
        for x in range(left + 3, left + view.columnWidth(column) - 3)
        for y in range(top + 3, top + view.rowHeight(row) - 3)
        if ink(x, y)
    ]
    return (min(inked), max(inked)) if inked else None


def ink_gaps(view: RowsTable) -> dict[tuple[str, str], int]:
    """The least gap, over the rows on view, between the words of each two neighbouring
    columns shown, where neither is a pain column (its own colour marks its cell's edges)."""
    model = view.model()
    assert isinstance(model, RowsModel)
    picture = view.viewport().grab().toImage()
    shown = [
        c for c in range(model.columnCount()) if not view.isColumnHidden(c) and view.columnWidth(c)
    ]
    gaps: dict[tuple[str, str], int] = {}
    for a, b in pairwise(shown):
        if a in model.pain_columns or b in model.pain_columns:
            continue
        for row in range(model.rowCount()):
            if view.rowViewportPosition(row) + view.rowHeight(row) > view.viewport().height():
                break
            before, after = ink_span(picture, view, row, a), ink_span(picture, view, row, b)
            if before and after:
                titles = tuple(str(model.headerData(c, Qt.Orientation.Horizontal)) for c in (a, b))
                pair = (titles[0], titles[1])
                gaps[pair] = min(gaps.get(pair, 9999), after[0] - before[1] - 1)
    return gaps


@pytest.mark.parametrize(
    ("size", "text_size", "language"),
    [
        ((800, 600), 150, "es"),
        ((960, 540), 150, "es"),
        ((1024, 600), 100, "es"),
        ((1280, 800), 150, "en"),
    ],
)
def test_neighbouring_columns_read_apart(
    qtbot: QtBot,
    store: HistoryStore,
    weeks: Weeks,
    size: tuple[int, int],
    text_size: int,
    language: str,
) -> None:
    # Under Xvfb at 800 x 600 in Spanish large print, the plan "30 s" ended 7 px before the
    # set done "12 s" and the date 6 px before the routine: "30 s 12 s" read as one from 2 m.
    i18n.use(language)
    fill(store, weeks)
    with app_look(text_size):
        pane = window_sized(qtbot, store, size).sessions_pane
        for view in (pane.list_view, pane.sets_view):
            space = QFontMetricsF(view.font()).horizontalAdvance(" ")
            gaps = ink_gaps(view)
            assert gaps, "no two neighbouring columns of words on view"
            assert all(gap >= 2 * space - 1 for gap in gaps.values()), (gaps, space)
