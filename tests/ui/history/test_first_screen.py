"""Tests for the history window's first screen: the chosen session's heading and its first sets
are on view without scrolling, on the small screens HipTimer's users have, in large print."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history.store import HistoryStore
from hiptimer.core.history.wording import duration_text
from tests.history_data import Weeks
from tests.ui.fit_checks import first_screen_misfits
from tests.ui.history.long_sessions import stretches_today, window_sized
from tests.ui.history.looks import app_look
from tests.ui.history.shared_windows import ShowShared

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


# The window a screen leaves (less a title bar): 800 x 600, 1024 x 600 and 1280 x 800.
@pytest.mark.parametrize("size", [(788, 556), (1012, 556), (1268, 756)])
@pytest.mark.parametrize("text_size", [150, 100])
@pytest.mark.parametrize("language", ["es", "en"])
def test_the_chosen_sessions_heading_and_first_set_show_without_scrolling(
    shared_window: ShowShared, size: tuple[int, int], text_size: int, language: str
) -> None:
    # At 800 x 600 in large print in Spanish the sessions tab scrolled: the filters' three rows,
    # then the list, and the chosen session's heading and sets below the fold (the sets 300 px
    # under the tab's foot), so a user had to scroll to see what they did.
    i18n.use(language)
    with app_look(text_size):
        opened = shared_window(stretches_today, size)
        pane = opened.window.sessions_pane
        chosen = pane.current()
        assert chosen is not None and chosen.id == opened.session
        assert pane.heading.property("first_screen") and pane.sets_view.property("first_screen")
        assert first_screen_misfits(opened.window) == []
        assert pane.sessions.cut_titles == {}  # at 800 x 600 the note's read "N…"


@pytest.mark.parametrize("language", ["es", "en"])
def test_on_a_short_screen_the_filters_fold_behind_a_button_that_names_them(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks, language: str
) -> None:
    # At 800 x 600 in large print the filters' three rows took 160 px of the window's 556.
    i18n.use(language)
    stretches_today(store, weeks)
    with app_look(150):
        window = window_sized(qtbot, store, (788, 556))
        fold, toggle = window.filter_fold, window.filter_fold.toggle
        assert fold.isHidden() and toggle.isVisible() and not toggle.isChecked()
        assert not window.routine.isVisible()  # out of Tab's way while folded
        assert toggle.accessibleName() == ("Filtros" if language == "es" else "Filters")
        routine = window.routine.currentText()
        assert routine in toggle.accessibleDescription() and routine in toggle.toolTip()
        assert window.since_edit.text() in toggle.accessibleDescription()
        toggle.click()
        QApplication.processEvents()
        assert window.routine.isVisible() and window.presets.button(0).isVisible()
        window.presets.button(0).click()  # still filters: four weeks
        assert window.filters.since == weeks.today - timedelta(days=27)
        window.resize(786, 554)  # the user's choice stands while the window is short
        QApplication.processEvents()
        assert window.routine.isVisible()
        toggle.click()
        QApplication.processEvents()
        assert fold.isHidden()
        assert window.presets.button(0).text() in toggle.accessibleDescription() or (
            window.since_edit.text() in toggle.accessibleDescription()
        )


def test_where_the_window_has_the_room_the_filters_stay_open_without_a_button(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks
) -> None:
    stretches_today(store, weeks)
    with app_look(150):
        window = window_sized(qtbot, store, (1268, 756))
        assert window.routine.isVisible() and window.filter_fold.toggle.isHidden()
        chosen = window.sessions_pane.current()
        assert chosen is not None
        # The heading says all it said before: the duration and the pains too.
        assert duration_text(chosen) in window.sessions_pane.heading.text()


def test_the_splitter_stays_where_the_user_puts_it(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks
) -> None:
    # Placed by the window as it opens (the chosen session's heading and first set first),
    # moved by the user: kept through a resize and a reload (History opened again).
    stretches_today(store, weeks)
    with app_look(150):
        window = window_sized(qtbot, store, (1012, 556))
        split = window.sessions_pane.split
        handle = split.sizes()[0] + 60
        split.moveSplitter(handle, 1)  # as a drag does (QSplitterHandle)
        QApplication.processEvents()
        placed = split.sizes()
        assert placed[0] == handle
        window.reload()
        QApplication.processEvents()
        assert split.sizes() == placed
        window.resize(1012, 600)
        QApplication.processEvents()
        assert split.sizes()[0] >= placed[0]  # the list keeps what it was given
