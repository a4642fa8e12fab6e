"""Tests for History's tables after the text size changes while the window is open: the
columns are measured again in the new type, not kept at the old one's widths."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history.store import HistoryStore
from hiptimer.ui.widgets.wrapped_cells import reads_whole
from tests.history_data import Weeks
from tests.ui.fit_checks import cut_cell_misfits
from tests.ui.history.long_sessions import window_sized
from tests.ui.history.looks import app_look
from tests.ui.history.week_of_sessions import a_week

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROUTINE = 1


@pytest.mark.parametrize(("before", "after"), [(100, 150), (150, 100)])
def test_the_sessions_list_is_measured_again_when_the_text_size_changes(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks, before: int, after: int
) -> None:
    # Text size changed in Settings while History was open: the list kept the widths it had
    # measured in the old type, the routine 64 px wide, "R…" over "Hips…".
    i18n.use("en")
    a_week(store, weeks)
    with app_look(before):
        window = window_sized(qtbot, store, (1280, 800))
    with app_look(after):
        for _ in range(3):  # the font's change, then the header's (it comes after)
            QApplication.processEvents()
        view, model = window.sessions_pane.list_view, window.sessions_pane.sessions
        header = view.horizontalHeader()
        assert header.sectionSize(ROUTINE) >= header.sectionSizeHint(ROUTINE)
        for row in range(model.rowCount()):
            assert reads_whole(view, model.index(row, ROUTINE)), row
        assert cut_cell_misfits(window) == []
