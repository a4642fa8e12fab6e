"""Tests for the history window's tables: what a screen reader says of each cell."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from hiptimer.core.history.wording import completion_text
from hiptimer.ui.history.sessions_model import SETS
from tests.history_data import Weeks
from tests.ui.history.sessions_table import sessions_model

Role = Qt.ItemDataRole


def test_a_cell_is_read_with_its_column_s_heading_and_an_empty_one_not_at_all(
    tmp_path: Path, weeks: Weeks
) -> None:
    model = sessions_model(tmp_path, weeks)
    empty = 0
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            cell = model.index(row, col)
            shown = cell.data(Role.DisplayRole)
            heading = model.headerData(col, Qt.Orientation.Horizontal)
            said = cell.data(Role.AccessibleTextRole)
            if col == SETS:  # "24/25" on screen, its words said
                shown = completion_text(model.rows()[row])
            assert said == (f"{heading}: {shown}" if shown else None)
            empty += not shown
    assert model.index(0, 4).data(Role.AccessibleTextRole).startswith("Max pain: ")
    assert empty  # a session without a note
