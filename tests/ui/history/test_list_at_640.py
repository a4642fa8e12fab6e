"""Tests for History's sessions list on a 640 x 480 window: every title whole, the routine's
name whole, the note's column dropped before a title is cut, then the two pains in one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hiptimer import i18n
from hiptimer.ui.widgets.wrapped_cells import reads_whole
from tests.ui.history.large_print_sessions import built_in_titles
from tests.ui.history.looks import app_look
from tests.ui.history.shared_windows import ShowShared

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")

ROUTINE, HIGHEST, AVERAGE, NOTE = 1, 4, 5, 6


@pytest.mark.parametrize("text_size", [100, 150])
@pytest.mark.parametrize("language", ["en", "es"])
def test_at_640_x_480_the_list_cuts_no_title(
    shared_window: ShowShared, language: str, text_size: int
) -> None:
    # In large print the routine read "Ro…" over "Hip str…" ("R…" over "E…" in Spanish) beside
    # a note of 47 px, "No…": the note's column goes (it shows under the list), and the
    # date, time and duration take a line each.
    i18n.use(language)
    with app_look(text_size):
        opened = shared_window(built_in_titles, (640, 480))
        view = opened.window.sessions_pane.list_view
        model = opened.window.sessions_pane.sessions
        assert view.horizontalScrollBar().maximum() == 0
        assert model.cut_titles == {}
        assert view.isColumnHidden(NOTE) == (text_size == 150)
        # In Spanish "Fortalecimiento" needs 230 px: it had 183 beside the two pains.
        for row in range(model.rowCount()):
            assert reads_whole(view, model.index(row, ROUTINE)), row
            assert reads_whole(view, model.index(row, HIGHEST)), row


def test_where_the_routine_still_would_be_cut_the_pains_share_a_column(
    shared_window: ShowShared,
) -> None:
    # At 640 x 480 in large print in Spanish, without the note, "Fortaleci…" beside "Dolor
    # máx." and "Dolor medio", two titles of about 100 px over one figure each.
    i18n.use("es")
    with app_look(150):
        opened = shared_window(built_in_titles, (640, 480))
        view = opened.window.sessions_pane.list_view
        model = opened.window.sessions_pane.sessions
        assert view.isColumnHidden(AVERAGE) and not view.isColumnHidden(HIGHEST)
        title = model.headerData(HIGHEST, Qt.Orientation.Horizontal)
        assert title == "Dolor\nmáx.\n·\u00a0medio"  # "·" never at a line's end
        said = Qt.ItemDataRole.AccessibleTextRole
        assert model.headerData(HIGHEST, Qt.Orientation.Horizontal, said) == (
            "Dolor máx., Dolor medio"
        )
        first = model.index(0, HIGHEST)
        assert model.data(first) == "2\u00a0·\u00a02,0"
        assert model.data(first, said) == "Dolor máx.: 2, Dolor medio: 2,0"
        assert model.data(first, Qt.ItemDataRole.ToolTipRole) == model.data(first, said)


@pytest.mark.parametrize("language", ["en", "es"])
def test_where_the_routine_reads_whole_the_pains_keep_their_columns(
    shared_window: ShowShared, language: str
) -> None:
    # The join only where room is short: each pain keeps its own colour and title elsewhere.
    i18n.use(language)
    with app_look(150 if language == "en" else 100):
        opened = shared_window(built_in_titles, (640, 480))
        view = opened.window.sessions_pane.list_view
        assert not view.isColumnHidden(AVERAGE)
        assert (
            opened.window.sessions_pane.sessions.data(
                opened.window.sessions_pane.sessions.index(0, HIGHEST)
            )
            == "2"
        )


def test_a_wide_window_keeps_the_note_column(shared_window: ShowShared) -> None:
    with app_look(150):
        opened = shared_window(built_in_titles, (1024, 768))
        assert not opened.window.sessions_pane.list_view.isColumnHidden(NOTE)
