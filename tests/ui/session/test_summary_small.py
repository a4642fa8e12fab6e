"""The summary's table on a small screen in large print, in Spanish: a long name's room."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.session.events import EndReason, PainChoice, SetRecord
from hiptimer.core.session.steps import Side
from hiptimer.ui.session.summary_page import (
    CHOICE_COLUMN,
    DONE_COLUMN,
    PAIN_COLUMN,
    PLANNED_COLUMN,
    SessionResult,
    SummaryPage,
)
from hiptimer.ui.widgets.wrapped_cells import reads_whole
from tests.harness import short_routine
from tests.ui.session.set_records import record
from tests.ui.sessions import (
    large_print,  # noqa: F401 (a fixture)
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left", "large_print", "spanish"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),  # offscreen
]
LONG_NAME = "Side-lying hip abduction with a resistance band just above both knees"


def tour_sets() -> tuple[SetRecord, ...]:
    """The screen-fit tour's session: a long name held on each side, then bridges counted."""
    reps = {"planned_hold_s": None, "actual_hold_s": None, "side": None,
            "exercise_name": "Bridge with a three-second hold at the top"}  # fmt: skip
    return (
        record(0, side=Side.RIGHT, exercise_name=LONG_NAME, pain=8,
               pain_choice=PainChoice.CONTINUE, planned_hold_s=11, actual_hold_s=11),
        record(1, side=Side.LEFT, exercise_name=LONG_NAME, pain=2, planned_hold_s=11,
               actual_hold_s=11),
        record(2, set_number=2, planned_reps=3, actual_reps=3, **reps),
        record(3, set_number=2, planned_reps=3, actual_reps=0, completed=False, **reps),
    )  # fmt: skip


@pytest.mark.parametrize("size", [(1012, 500), (1268, 720)])
def test_a_long_name_takes_no_more_lines_than_the_room_needs(
    qtbot: QtBot, size: tuple[int, int]
) -> None:
    # At 1024 x 600 in large print (page 1012 x 500) the name of 70 letters had 168 px, seven
    # lines, beside done cells of one as wide: the wrapping columns were cut to one width.
    page = SummaryPage(SessionResult(short_routine(), tour_sets(), EndReason.COMPLETED, 135.0))
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    QApplication.processEvents()
    table = page.table
    line = table.fontMetrics().lineSpacing()
    one = table.verticalHeader().defaultSectionSize()
    assert table.horizontalScrollBar().maximum() == 0
    for row in range(table.rowCount()):
        for col in range(table.columnCount()):
            if not table.isColumnHidden(col):
                assert reads_whole(table, table.model().index(row, col)), (row, col)
    # Five lines (seven before: 192 px of 25-px lines at 1012 x 500, 272 px of 38 at 1268 x
    # 720), the done and choice cells taking more lines so that the name takes fewer.
    assert max(table.rowHeight(row) for row in range(table.rowCount())) < one + 5 * line


@pytest.mark.parametrize("width", [628, 788])
def test_what_was_planned_and_done_joins_the_name_only_where_its_columns_scroll(
    qtbot: QtBot, width: int
) -> None:
    # At 640 x 480 in large print in Spanish the titles alone took 669 px of 564, the table
    # scrolled sideways and Decisión was out of sight; at 800 x 600 the columns stay.
    page = SummaryPage(SessionResult(short_routine(), tour_sets(), EndReason.COMPLETED, 135.0))
    qtbot.addWidget(page)
    page.resize(width, 400)
    page.show()
    qtbot.waitExposed(page)
    QApplication.processEvents()
    table = page.table
    assert table.horizontalScrollBar().maximum() == 0
    narrow = width < 700
    assert table.isColumnHidden(PLANNED_COLUMN) is narrow
    assert table.isColumnHidden(DONE_COLUMN) is narrow
    assert not table.isColumnHidden(PAIN_COLUMN) and not table.isColumnHidden(CHOICE_COLUMN)
    item = table.item(3, 0)
    assert item is not None
    first = item.text()
    assert ("Previsto 3\u00a0repeticiones" in first) is narrow
    assert ("Hecho 0\u00a0repeticiones (hecha en parte)" in first) is narrow
    for row in range(table.rowCount()):
        for col in range(table.columnCount()):
            if not table.isColumnHidden(col):
                assert reads_whole(table, table.model().index(row, col)), (row, col)
