"""Tests for the history window's first screen: the chosen session's heading and its first sets
are on view without scrolling, on the small screens HipTimer's users have, in large print."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hiptimer import i18n
from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import HistoryStore
from tests.history_data import Weeks, at, fill
from tests.ui.fit_checks import first_screen_misfits
from tests.ui.history.looks import app_look
from tests.ui.history.shared_windows import ShowShared

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def stretches_today(store: HistoryStore, weeks: Weeks) -> int:
    """The shared history and, today, a routine of long names done whole, each side, with its
    next morning's check-in: the chosen session's heading takes four lines at 800 x 600 in
    large print, and each set's name three (as the week bench/screenshot_states.py writes)."""
    fill(store, weeks)
    start = at(weeks.today, 7)
    title = "Estiramientos diarios de cadera"
    sid = store.begin_session("daily-hip", title, 1, {}, start, sets_planned=6)
    when = start
    for number in (1, 2, 3):
        for side in ("right", "left"):
            store.add_set(sid, StoredSet(
                "hamstring", "Estiramiento de isquiotibiales", number, when,
                when + timedelta(seconds=60), side=side, planned_hold_s=60, actual_hold_s=60,
                completed=True, pain=2,
            ))  # fmt: skip
            when += timedelta(seconds=80)
    store.finish_session(sid, "completed", when)
    store.record_morning(sid, 2, 3, start + timedelta(days=1))
    return sid


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
