"""History left open past midnight moves its "today" to the new day, as a calendar app does."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history.store import open_history
from hiptimer.ui.history.window import TAB_ADHERENCE, HistoryWindow
from tests.history_data import HIPS, record

SUNDAY = date(2026, 12, 6)
MONDAY = SUNDAY + timedelta(days=1)


def open_at_bedtime(qtbot: QtBot, tmp_path: Path) -> tuple[HistoryWindow, FakeClock]:
    """History shown at 23:50 on a Sunday, a session done that day."""
    store = open_history(tmp_path / "history.sqlite3")
    record(store, HIPS, SUNDAY, {("bridge", None): [2]})
    clock = FakeClock()
    wall = FakeWall(clock, datetime.combine(SUNDAY, time(23, 50)).astimezone())
    window = HistoryWindow(store, [HIPS], wall=wall)
    qtbot.addWidget(window)
    window.destroyed.connect(store.close)
    window.show()
    return window, clock


def test_left_open_past_midnight_the_last_4_weeks_end_on_the_new_day(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # The audit: History open at 23:50 kept "Last 4 weeks" ending on Sunday, so Monday's
    # session (recorded, the window reloaded) was not listed; Adherence's week stayed Sunday's.
    window, clock = open_at_bedtime(qtbot, tmp_path)
    window.apply_preset(28)
    window.tabs.setCurrentIndex(TAB_ADHERENCE)
    assert window.filters.until == SUNDAY
    turn = window.day_turn.timer
    assert turn.isActive() and turn.isSingleShot()
    assert turn.interval() == (10 * 60 + 1) * 1000  # midnight, and a second to be past it
    clock.advance(25 * 60)  # 00:15 on Monday
    turn.timeout.emit()  # as the timer fires
    assert window.filters.until == MONDAY and window.filters.since == MONDAY - timedelta(27)
    assert window.until_edit.date() == QDate(2026, 12, 7)
    assert window.presets.button(0).isChecked()  # still "Last 4 weeks"
    pane = window.adherence_pane
    assert pane is not None and "7 Dec" in pane.chart.note.text()  # this week so far: Monday
    record(window.store, HIPS, MONDAY, {("bridge", None): [1]})
    window.reload()  # as after a session
    assert [s.started_at.astimezone().date() for s in window.shown] == [MONDAY, SUNDAY]
    assert turn.isActive() and turn.interval() == 3600 * 1000  # at most an hour apart


def test_dates_chosen_by_hand_stay_and_a_hidden_window_keeps_no_timer(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, clock = open_at_bedtime(qtbot, tmp_path)
    window.set_filters(None, SUNDAY - timedelta(days=3), SUNDAY)
    clock.advance(25 * 60)
    window.day_turn.timer.timeout.emit()
    assert (window.filters.since, window.filters.until) == (SUNDAY - timedelta(3), SUNDAY)
    assert window.day_turn.day == MONDAY
    window.hide()
    assert not window.day_turn.timer.isActive()  # shown again, it looks at once
    clock.advance(24 * 3600)
    window.show()
    assert window.day_turn.day == MONDAY + timedelta(days=1)
