"""The tray's Today menu and the library's today line with a day whose only slot was planned
after its time: the same sign and words in both, and the week's marks said in words."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hiptimer.core.plan.model import EVERY_DAY, PlanItem, WeeklyPlan
from hiptimer.ui.reminders.tray import ReminderTray
from tests.ui.reminders.reminding import make
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    # offscreen: no stacking, and no tray window for QSystemTrayIcon to follow
    pytest.mark.qt_log_ignore("This plugin does not support raise", "systemTrayWindowChanged"),
]

# Put in the plan on Monday 5 January 2026 at 17:00 (the harness's clock) for 07:30 daily.
LATE = WeeklyPlan(
    True,
    (PlanItem("quick-test", EVERY_DAY, "07:30", "2026-01-05", "2026-01-05T17:00+01:00"),),
)
SLOT = "Quick test routine at 07:30 \u2014 planned after its time"
WEEK = (
    "This week: nothing to count so far (Mon + Tue \u00b7 Wed \u00b7 Thu \u00b7 Fri \u00b7"
    " Sat \u00b7 Sun \u00b7)"
)
MONDAY = "Monday: planned after its time, not counted"


def test_the_tray_says_the_day_as_the_library_does(qtbot: QtBot, tmp_path: Path) -> None:
    """The tray's Today read the slot "planned after its time" above "This week: nothing
    planned so far (Mon – ...)", as the library did: a plan said to be empty under it."""
    for setup in make(qtbot, tmp_path, LATE, tray=True):
        setup.at(17, 1)
        tray = setup.window.reminders.tray
        assert isinstance(tray, ReminderTray)
        tray.refresh()
        items = [a for a in tray.menu.actions() if not a.isSeparator()]
        assert [a.text() for a in items[:4]] == ["Today", SLOT, WEEK, "Next reminder: Tue 07:30"]
        assert not any(a.isEnabled() for a in items[:4])
        assert items[2].toolTip().splitlines()[:2] == [MONDAY, "Tuesday: to come"]
        assert tray.menu.toolTipsVisible()
        assert setup.today() == f"Today: {SLOT}\n{WEEK}"


def test_the_library_line_says_the_week_in_words(qtbot: QtBot, tmp_path: Path) -> None:
    """Its tooltip, and a screen reader's description: "+" and "✓" are read as signs."""
    for setup in make(qtbot, tmp_path, LATE):
        setup.at(17, 1)
        label = setup.window.library.today
        assert label.toolTip().splitlines()[0] == MONDAY
        assert label.accessibleDescription() == label.toolTip()
        assert len(label.toolTip().splitlines()) == 7
