"""Tests for History's sessions list on a 640 x 480 window: every title whole, the routine's
name whole where the room allows, the note's column dropped before a title is cut."""

from __future__ import annotations

import pytest

from hiptimer import i18n
from hiptimer.ui.widgets.wrapped_cells import reads_whole
from tests.ui.history.large_print_sessions import built_in_titles
from tests.ui.history.looks import app_look
from tests.ui.history.shared_windows import ShowShared

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")

ROUTINE, NOTE = 1, 6


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
        if (language, text_size) != ("es", 150):  # "Fortalecimiento" needs 230 px: 183 left
            for row in range(model.rowCount()):
                assert reads_whole(view, model.index(row, ROUTINE)), row


def test_a_wide_window_keeps_the_note_column(shared_window: ShowShared) -> None:
    with app_look(150):
        opened = shared_window(built_in_titles, (1024, 768))
        assert not opened.window.sessions_pane.list_view.isColumnHidden(NOTE)
