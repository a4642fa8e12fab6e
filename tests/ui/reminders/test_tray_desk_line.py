"""The tray menu with desk breaks on: what it says under Today, and its desk-break line
following a session's start and end at once (on the fake local clock)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hiptimer.core.plan.model import DeskBreaks, WeeklyPlan
from hiptimer.ui.reminders.tray import ReminderTray
from tests.ui.reminders.reminding import PLAN, ROUTINE, Setup, make
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    # offscreen: no stacking, and no tray window for QSystemTrayIcon to follow
    pytest.mark.qt_log_ignore("This plugin does not support raise", "systemTrayWindowChanged"),
]

DESK_ONLY = WeeklyPlan(False, (), DeskBreaks(True, 45, "22:00", "06:00", "quick-test"))


def menu_lines(setup: Setup) -> list[str]:
    """The tray menu's items as it opens now (separators left out)."""
    tray = setup.window.reminders.tray
    assert isinstance(tray, ReminderTray)
    tray.refresh()
    return [a.text() for a in tray.menu.actions() if not a.isSeparator()]


def test_with_only_desk_breaks_on_today_says_when_the_next_one_is_due(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Under Today it read "No weekly plan yet" above the desk break's line: as if nothing
    were on, though desk breaks were."""
    for setup in make(qtbot, tmp_path, DESK_ONLY, tray=True):
        setup.at(17, 1)
        lines = menu_lines(setup)
        assert lines[:2] == ["Today", "Next desk break: about 17:45"]
        assert "No weekly plan yet" not in lines


def test_with_neither_a_plan_nor_desk_breaks_the_tray_says_there_is_no_plan(
    qtbot: QtBot, tmp_path: Path
) -> None:
    for setup in make(qtbot, tmp_path, WeeklyPlan(), tray=True):
        assert menu_lines(setup)[:3] == ["Today", "No weekly plan yet", "Reminders are off"]


def test_a_plan_with_desk_breaks_keeps_todays_routines_first(qtbot: QtBot, tmp_path: Path) -> None:
    both = replace(PLAN, desk=DESK_ONLY.desk)
    for setup in make(qtbot, tmp_path, both, tray=True):
        lines = menu_lines(setup)
        assert lines[1] == "Quick test routine at 18:00 \u2014 later today"
        assert "Next reminder: today 18:00" in lines
        assert "No weekly plan yet" not in lines


def test_the_desk_break_line_follows_a_session_start_and_end_at_once(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """For up to 20 s after a session began (until the next look), the tray still said the
    desk break was due at the time counted before it; a session is a break."""
    for setup in make(qtbot, tmp_path, DESK_ONLY, tray=True):
        for minute in range(1, 11):  # a look a minute: a longer gap would count as sleep
            setup.at(17, minute)
        assert "Next desk break: about 17:45" in menu_lines(setup)
        setup.local.clock.advance(5)  # 17:10:05, between two looks
        setup.window.start_session(ROUTINE)
        rest = "Next desk break: after 45 min of computer use"
        assert rest in menu_lines(setup)
        tray = setup.window.reminders.tray
        assert tray is not None and rest in tray.icon.toolTip()
        setup.local.clock.advance(120)  # 17:12:05: two minutes of exercise, no look between
        session = setup.window.session
        assert session is not None
        session.controller.close()  # ended: the count of use starts again from here
        again = "Next desk break: about 17:57"
        assert again in menu_lines(setup)
        assert again in tray.icon.toolTip()
