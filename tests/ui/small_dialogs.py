"""The dialogs the small-screen tests open, built with long names and shown as the app shows
them: the weekly plan of the built-in routines, and the offer to keep a session's doses."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hiptimer.core.plan.model import DeskBreaks, PlanItem, WeeklyPlan
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.routines.user_routines import DoseChange
from hiptimer.ui.editor.keep_doses import KeepDosesDialog
from hiptimer.ui.reminders.plan_dialog import PlanDialog
from tests.harness import hold, quick_routine

LONG_NAME = "Side-lying hip abduction with a resistance band just above both knees"


def shown_plan(qtbot: QtBot) -> PlanDialog:
    """The weekly plan of every built-in routine, one planned, desk breaks on, shown."""
    plan = WeeklyPlan(True, (PlanItem("daily-hip-stretches"),), DeskBreaks(True, 45))
    routines = [e.routine for e in load_catalog().entries() if e.routine is not None]
    dialog = PlanDialog(plan, routines, keep_in_tray=True, start_at_login=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def shown_keep_doses(qtbot: QtBot) -> KeepDosesDialog:
    """The offer to keep one changed hold of an exercise with a long name, shown."""
    change = DoseChange("abduction", LONG_NAME, "hold_s", 6, 11)
    dialog = KeepDosesDialog(quick_routine(hold("abduction", 6, name=LONG_NAME)), [change])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog
