"""Tests for the sessions list on a remote window or netbook in large print: the duration goes
under the date, the routine keeps its room, and a screen reader still hears the duration."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.ui.history.sessions_model import DATE, DURATION
from hiptimer.ui.widgets.wrapped_cells import reads_whole
from tests.history_data import Weeks
from tests.ui.fit_checks import cut_cell_misfits
from tests.ui.history.long_sessions import window_sized
from tests.ui.history.looks import app_look
from tests.ui.history.week_of_sessions import a_week

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROUTINE, NOTE = 1, 6


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


@pytest.mark.parametrize("language", ["es", "en"])
def test_at_800_x_600_in_large_print_the_duration_goes_under_the_date(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks, language: str
) -> None:
    # Under Xvfb at 800 x 600 in Spanish at 150 % the list read "Ru…" over "Dai…" and "Hip…"
    # (and "N…" for the note) while "Duración" took 150 px over "24 min": a person picks a
    # session by its routine. The duration now goes under the date and time, its column gone.
    i18n.use(language)
    a_week(store, weeks)
    with app_look(150):
        window = window_sized(qtbot, store, (800, 600))
        view, model = window.sessions_pane.list_view, window.sessions_pane.sessions
        assert view.isColumnHidden(DURATION)
        assert cut_cell_misfits(window) == []  # "Rutina" and every routine read whole
        for row in range(model.rowCount()):
            assert reads_whole(view, model.index(row, ROUTINE)), row
            date = model.index(row, DATE)
            assert reads_whole(view, date), date.data()
            assert "24\u00a0min" in date.data()  # the number and its unit on one line
            # A screen reader hears the duration with its column's name, the tooltip says it.
            said = date.data(Qt.ItemDataRole.AccessibleTextRole)
            duration = model.headerData(DURATION, Qt.Orientation.Horizontal)
            assert said.endswith(f"{duration}: 24 min"), said
            assert date.data(Qt.ItemDataRole.ToolTipRole).endswith("24 min")
        header = view.horizontalHeader()
        assert header.sectionSize(NOTE) >= header.sectionSizeHint(NOTE)  # "Nota" whole
        assert view.horizontalScrollBar().maximum() == 0


@pytest.mark.parametrize(("size", "text_size"), [((1280, 800), 100), ((1024, 600), 100)])
def test_where_there_is_room_the_duration_keeps_its_column(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks, size: tuple[int, int], text_size: int
) -> None:
    i18n.use("es")
    a_week(store, weeks)
    with app_look(text_size):
        window = window_sized(qtbot, store, size)
        view, model = window.sessions_pane.list_view, window.sessions_pane.sessions
        assert not view.isColumnHidden(DURATION)
        assert model.index(0, DURATION).data() == "24 min"
        assert "min" not in model.index(0, DATE).data()
        assert cut_cell_misfits(window) == []


def test_the_fit_check_sees_a_cut_routine(qtbot: QtBot, store: HistoryStore, weeks: Weeks) -> None:
    # The screen-fit tours passed the list that read "Ru…" over "Dai…": nothing scrolled,
    # nothing was off the screen. Their check now looks at the routine's title and cells.
    a_week(store, weeks)
    with app_look(100):
        window = window_sized(qtbot, store, (1280, 800))
        view = window.sessions_pane.list_view
        view.horizontalHeader().resizeSection(ROUTINE, 40)
        assert cut_cell_misfits(window) == [
            "RowsTable 'Sessions': 4 cells cut under 'Routine', 'Hip strengthening'"
        ]
