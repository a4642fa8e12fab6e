"""The weekly plan over a large library (2,000 routines): the planned routines listed, another
added from a list, rather than a row of boxes for every routine."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from hiptimer.core.plan.model import PlanItem, WeeklyPlan, default_item
from hiptimer.core.routines.model import Routine
from hiptimer.ui.reminders.plan_dialog import ROWS_FOR_ALL_UP_TO, PlanDialog
from tests.harness import hold, quick_routine

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def routines(count: int) -> list[Routine]:
    base = quick_routine(hold())
    return [replace(base, id=f"r{n}", title=f"Routine {n}") for n in range(count)]


PLANNED = WeeklyPlan(True, (PlanItem("r5", (0, 2), "07:30"),))


def test_a_large_librarys_plan_lists_the_planned_and_adds_another(qtbot: QtBot) -> None:
    library = routines(ROWS_FOR_ALL_UP_TO + 1)
    dialog = PlanDialog(PLANNED, library, keep_in_tray=False, start_at_login=False)
    qtbot.addWidget(dialog)
    assert list(dialog.rows) == ["r5"] and dialog.to_add is not None
    names = [dialog.to_add.itemText(i) for i in range(dialog.to_add.count())]
    assert names == [r.title for r in library if r.id != "r5"]  # the library's order
    dialog.to_add.setCurrentIndex(dialog.to_add.findData("r50"))
    [add] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Add to the plan"]
    add.click()
    assert list(dialog.rows) == ["r5", "r50"] and dialog.to_add.findData("r50") == -1
    items = dialog.chosen().plan.items
    assert items == (PlanItem("r5", (0, 2), "07:30"), default_item(library[50]))


def test_a_small_librarys_plan_lists_every_routine(qtbot: QtBot) -> None:
    library = routines(ROWS_FOR_ALL_UP_TO)
    dialog = PlanDialog(PLANNED, library, keep_in_tray=False, start_at_login=False)
    qtbot.addWidget(dialog)
    assert list(dialog.rows) == [r.id for r in library] and dialog.to_add is None
