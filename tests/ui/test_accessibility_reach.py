"""The dialogs and pages the tours do not stop at (tests/ui/tour.py), read as a screen reader
would and walked by the keyboard alone: named and described, Tab in reading order, never held
in one place, and Esc closing a dialog."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.plan.model import WeeklyPlan
from hiptimer.ui.a11y import install_reader_filter
from hiptimer.ui.history.corrections import MorningDialog, PainDialog
from hiptimer.ui.reminders.plan_dialog import ROWS_FOR_ALL_UP_TO, PlanDialog
from tests.harness import hold, quick_routine
from tests.ui.a11y_checks import accessibility_problems, focus_order_problems, unnamed_stops
from tests.ui.keyboard_checks import esc_leaves_open, tab_traps

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def button_names(qapp: QApplication) -> Iterator[None]:
    """Buttons described as the app describes them (hiptimer.ui.app installs this filter)."""
    names = install_reader_filter(qapp)
    yield
    qapp.removeEventFilter(names)


def problems(qtbot: QtBot, window: QWidget) -> list[str]:
    """What a reader or a keyboard would miss in `window`, shown; a dialog is left closed."""
    QApplication.processEvents()
    found = accessibility_problems(window) + focus_order_problems(window)
    found += unnamed_stops(window) + tab_traps(qtbot, window)
    if isinstance(window, QDialog):
        found += esc_leaves_open(qtbot, window)
    return found


def shown(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_corrections_from_history_say_what_each_box_takes_and_what_was_given(
    qtbot: QtBot,
) -> None:
    # Their score boxes had no description: Tab to one said "New rating, spin button, 3 / 10",
    # and what the set was rated, and that below 0 means "no rating", went unsaid.
    pain = PainDialog("Bridge, set 1", 3)
    morning = MorningDialog("Monday 5 January, 08:00", 2, None)
    for dialog in (pain, morning):
        assert problems(qtbot, shown(qtbot, dialog)) == [], dialog.windowTitle()
    assert pain.pain.accessibleDescription() == "0 to 10, or no rating below 0. Rated: 3/10"
    assert morning.stiffness.accessibleDescription() == "0 to 10, or no score below 0. Given: none"


def test_the_weekly_plan_of_a_large_library_says_what_its_adder_does(qtbot: QtBot) -> None:
    # Past 100 routines one is added from a list: the list and "Add to the plan" had no
    # description, so a reader said the button's words alone.
    base = quick_routine(hold("hug", 3))
    routines = [
        replace(base, id=f"r{i}", title=f"Routine {i}") for i in range(ROWS_FOR_ALL_UP_TO + 1)
    ]
    plan = shown(qtbot, PlanDialog(WeeklyPlan(), routines, keep_in_tray=False,
                                   start_at_login=False))  # fmt: skip
    assert isinstance(plan, PlanDialog) and plan.to_add is not None
    assert problems(qtbot, plan) == []
