"""Tests of the History windows shared between tests: kept while unchanged, the guard otherwise."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from hiptimer.ui.history.window import TAB_PAIN, HistoryWindow
from tests.ui.history.looks import app_look
from tests.ui.history.shared_windows import SharedWindows, three_weeks


@pytest.fixture
def shared(qapp: QApplication, tmp_path: Path) -> Iterator[SharedWindows]:
    windows = SharedWindows(tmp_path)
    yield windows
    windows.close()


def test_a_window_left_as_it_was_is_shown_again_to_the_next_test(shared: SharedWindows) -> None:
    with app_look(100):
        first = shared.show(three_weeks, (1280, 800))
        shared.put_back(first)
        again = shared.show(three_weeks, (1024, 768))
        assert again.window is first.window and again.window.size().toTuple() == (1024, 768)
        shared.put_back(again)
    with app_look(150):  # another look: another window, and only one kept
        large = shared.show(three_weeks, (1024, 768))
        assert large.window is not first.window and shared.built == 2
        assert list(shared.windows) == [large.key]
        shared.put_back(large)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize(
    "change",
    [
        lambda w: w.tabs.setCurrentIndex(TAB_PAIN),
        lambda w: w.sessions_pane.list_view.selectRow(3),
        lambda w: w.sessions_pane.list_view.verticalScrollBar().setValue(1),
        lambda w: w.routine.setCurrentIndex(w.routine.findData("stretch")),
        lambda w: w.sessions_pane.note.setPlainText("changed"),
        lambda w: w.setMinimumSize(800, 600),
    ],
    ids=["tab", "selection", "scroll", "filter", "note", "minimum size"],
)
def test_a_test_that_leaves_the_window_changed_fails_and_the_next_gets_a_new_one(
    shared: SharedWindows, change: Callable[[HistoryWindow], object]
) -> None:
    with app_look(100):
        shown = shared.show(three_weeks, (420, 300))  # small: the list scrolls
        change(shown.window)
        with pytest.raises(pytest.fail.Exception, match="left the shared History window changed"):
            shared.put_back(shown)
        assert shared.windows == {}
        assert shared.show(three_weeks, (420, 300)).window is not shown.window
