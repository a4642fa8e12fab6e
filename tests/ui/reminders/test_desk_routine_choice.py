"""The weekly plan dialog chooses the routine a desk break opens: any in the library, the
built-in Desk micro-break unless another is picked, kept in the settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot

from hiptimer.core.plan.model import DESK_ROUTINE, DeskBreaks, WeeklyPlan
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.reminders.plan_dialog import PlanDialog
from tests.harness import hold, routine
from tests.ui.a11y_checks import stray_labels
from tests.ui.reminders.reminding import make
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support raise"),  # offscreen: no stacking
]

DESK_ON = WeeklyPlan(False, (), DeskBreaks(True, 45, "22:00", "06:00"))


def test_the_desk_breaks_routine_is_chosen_in_the_plan_and_kept(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """`plan.desk.routine_id` could be changed only by editing settings.json."""
    for setup in make(qtbot, tmp_path, DESK_ON):
        dialog = setup.window.reminders.open_plan()
        box = dialog.desk.routine
        assert (box.currentData(), box.currentText()) == (DESK_ROUTINE, "Desk micro-break")
        names = [box.itemText(n) for n in range(box.count())]
        assert "Quick test routine" in names and "Daily hip stretches" in names  # own, built-in
        assert box.accessibleName() == "Routine for desk breaks"
        [label] = [w for w in dialog.findChildren(QLabel) if w.buddy() is box]
        assert label.text() == "Routine for desk &breaks:"
        box.setFocus(Qt.FocusReason.TabFocusReason)
        for _ in range(box.count()):  # the arrow keys choose, the list closed
            if box.currentData() == "quick-test":
                break
            qtbot.keyClick(box, Qt.Key.Key_Down)
        with qtbot.waitSignal(dialog.finished):
            dialog.done(QDialog.DialogCode.Accepted)
        assert SettingsStore().settings.plan.desk.routine_id == "quick-test"
        for minute in range(1, 46):  # a look a minute: a longer gap would count as sleep
            setup.at(17, minute)
        [note] = setup.notifier.notes
        setup.notifier.answered.emit(note.key, "start")
        assert setup.started == ["quick-test"]
        assert setup.window.reminders.open_plan().desk.routine.currentData() == "quick-test"


def test_alt_b_takes_the_focus_to_the_desk_breaks_routine(qtbot: QtBot) -> None:
    dialog = PlanDialog(DESK_ON, [], keep_in_tray=False, start_at_login=False)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert dialog.desk.routine.hasFocus()


def test_a_desk_routine_no_longer_in_the_library_stays_chosen_and_named_as_gone(
    qtbot: QtBot,
) -> None:
    """OK on the plan must not swap it for another: its desk break says it is gone and
    offers the built-in (docs/reminders.md)."""
    desk = WeeklyPlan(False, (), DeskBreaks(True, 45, routine_id="old-desk"))
    builtin = routine(hold("reach"), id=DESK_ROUTINE, title="Desk micro-break")
    dialog = PlanDialog(desk, [builtin], keep_in_tray=False, start_at_login=False)
    qtbot.addWidget(dialog)
    assert dialog.desk.routine.currentText() == "old-desk (not in the library)"
    assert dialog.chosen().plan.desk == desk.desk


def test_two_routines_of_one_title_are_told_apart_by_their_ids(qtbot: QtBot) -> None:
    builtin = routine(hold("reach"), id=DESK_ROUTINE, title="Desk micro-break")
    copy = routine(hold("reach"), id="my-desk", title="Desk micro-break")
    dialog = PlanDialog(DESK_ON, [builtin, copy], keep_in_tray=False, start_at_login=False)
    qtbot.addWidget(dialog)
    box = dialog.desk.routine
    assert [box.itemText(n) for n in range(box.count())] == [
        "Desk micro-break (desk-micro-break)",
        "Desk micro-break (my-desk)",
    ]


def test_the_desk_breaks_switch_names_no_routine_the_row_below_chooses(qtbot: QtBot) -> None:
    """It read "Remind me to do the desk micro-break after" over a row choosing another."""
    dialog = PlanDialog(DESK_ON, [], keep_in_tray=False, start_at_login=False)
    qtbot.addWidget(dialog)
    assert "micro-break" not in dialog.desk.on.text()
    assert dialog.desk.on.text() == "Remind me to take a &desk break after"


def test_the_words_around_the_desk_fields_label_them_for_a_reader(qtbot: QtBot) -> None:
    """Orca 43 opened the dialog as "Weekly plan and reminders — HipTimer dialog of
    computer use Quiet hours: no desk break from": words that label nothing, read as the
    dialog's own text, and again as the focus entered Desk breaks."""
    dialog = PlanDialog(DESK_ON, [], keep_in_tray=False, start_at_login=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert stray_labels(dialog) == []
    desk = dialog.desk
    for field, label in (
        (desk.minutes, "Minutes of computer use before a desk break"),
        (desk.quiet_from, "Quiet hours: no desk break from"),
    ):
        iface = QAccessible.queryAccessibleInterface(field)
        [(by, _)] = iface.relations(QAccessible.RelationFlag.Label)
        assert by.text(QAccessible.Text.Name) == label  # Orca says it, then the value
