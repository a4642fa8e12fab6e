"""The plan dialog (defaults from a routine's schedule, saved settings, start at login), the
tray menu, and closing the window to the tray."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.plan import autostart
from hiptimer.core.plan.model import EVERY_DAY, DeskBreaks, PlanItem, WeeklyPlan
from hiptimer.core.routines.model import Schedule
from hiptimer.ui.reminders.plan_dialog import PlanDialog
from hiptimer.ui.theme import app_style_sheet
from tests.harness import hold, routine
from tests.ui.reminders.reminding import PLAN, FakeIdle, FakeNotifier, Setup, make
from tests.ui.sessions import large_print, menu_of, no_timer_left  # noqa: F401 (fixtures)
from tests.ui.widgets.wheel import wheel_down

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    # offscreen: no stacking, and no tray window for QSystemTrayIcon to follow
    pytest.mark.qt_log_ignore("This plugin does not support raise", "systemTrayWindowChanged"),
]

STRENGTH = routine(hold("bridge"), id="strength", title="Hip & knee", schedule=Schedule(3, 4))
DAILY = routine(hold("reach"), id="daily", title="Daily", schedule=Schedule(7, 7))


def test_ticking_a_routine_fills_in_its_schedules_days_and_six_pm(qtbot: QtBot) -> None:
    dialog = PlanDialog(WeeklyPlan(), [STRENGTH, DAILY], keep_in_tray=False, start_at_login=False)
    qtbot.addWidget(dialog)
    assert dialog.rows["strength"].planned.text() == "Hip && knee"  # "&" is no mnemonic
    dialog.rows["strength"].planned.setChecked(True)
    dialog.rows["daily"].planned.setChecked(True)
    dialog.reminders.setChecked(True)
    dialog.desk.on.setChecked(True)
    dialog.desk.minutes.setValue(30)
    chosen = dialog.chosen()
    assert chosen.plan == WeeklyPlan(
        True,
        (PlanItem("strength", (0, 2, 4), "18:00"), PlanItem("daily", EVERY_DAY, "18:00")),
        DeskBreaks(True, 30),
    )
    assert not chosen.keep_in_tray and not chosen.start_at_login


def test_a_planned_routine_no_longer_in_the_library_is_kept(qtbot: QtBot) -> None:
    plan = WeeklyPlan(True, (PlanItem("gone", (1,), "07:15"),))
    dialog = PlanDialog(plan, [DAILY], keep_in_tray=True, start_at_login=True)
    qtbot.addWidget(dialog)
    assert dialog.rows["gone"].planned.text() == "gone (not in the library)"
    assert dialog.chosen().plan.items == plan.items
    assert dialog.chosen().keep_in_tray and dialog.chosen().start_at_login


@pytest.mark.parametrize("typed", ["17:30", "1730", "07:05", "23:59"])
def test_select_all_then_typing_a_time_gives_exactly_that_time(qtbot: QtBot, typed: str) -> None:
    plan = WeeklyPlan(True, (PlanItem("daily", EVERY_DAY, "18:00"),), DeskBreaks(True, 45))
    dialog = PlanDialog(plan, [DAILY], keep_in_tray=False, start_at_login=False)
    qtbot.addWidget(dialog)
    fields = (dialog.rows["daily"].time, dialog.desk.quiet_from, dialog.desk.quiet_until)
    for field in fields:
        qtbot.keyClick(field, Qt.Key.Key_Right)  # the caret anywhere, in the minutes here
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(field, typed)
    chosen = dialog.chosen().plan
    expected = f"{typed[:2]}:{typed[-2:]}"
    assert chosen.items[0].at == expected  # was 18:30 for 17:30
    assert (chosen.desk.quiet_from, chosen.desk.quiet_until) == (expected, expected)


def test_every_tab_stop_of_the_plan_dialog_shows_the_focus(qtbot: QtBot) -> None:
    """Tab lands only on controls whose focus ring shows, each whole in view: the plan's
    scroll area was a Tab stop with no ring, and its lower rows were drawn under the desk
    breaks' box, their ring hidden."""
    many = [routine(hold("reach"), id=f"r{n}", title=f"Routine {n}") for n in range(12)]
    plan = WeeklyPlan(True, tuple(PlanItem(f"r{n}", (0, 3), "18:00") for n in range(12)))
    dialog = PlanDialog(plan, many, keep_in_tray=False, start_at_login=False)
    qtbot.addWidget(dialog)
    dialog.setStyleSheet(app_style_sheet() + dialog.styleSheet())  # as the app shows it
    dialog.show()
    dialog.resize(860, 760)  # as on a 1280 x 800 screen (the test's screen is smaller)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.reminders.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    for _ in range(300):  # once round
        widget = QApplication.focusWidget()
        assert widget is not None
        if widget is dialog.reminders and seen:
            break
        if widget in seen:
            qtbot.keyClick(widget, Qt.Key.Key_Tab)
            continue
        seen.append(widget)
        where = QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size()).adjusted(-3, -3, 3, 3)
        assert not isinstance(widget, QAbstractScrollArea), "a Tab stop with no ring"
        shown = widget.visibleRegion().boundingRect()
        assert shown == widget.rect(), widget.accessibleName() or widget.objectName()
        focused = dialog.grab(where).toImage()
        dialog.setFocus(Qt.FocusReason.OtherFocusReason)
        assert dialog.grab(where).toImage() != focused, widget.accessibleName()  # the ring
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert dialog.rows["r11"].time in seen  # the last row, scrolled into view
    assert dialog.desk.routine in seen  # the desk breaks' routine, with its ring
    dialog.rows["r0"].planned.setFocus(Qt.FocusReason.TabFocusReason)  # back to the top
    dialog.desk.on.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(dialog.desk.on, Qt.Key.Key_Backtab)  # into the plan from below
    last = dialog.rows["r11"].time
    assert last.hasFocus() and last.visibleRegion().boundingRect() == last.rect()


def test_options_that_cannot_work_here_are_off_and_say_why(qtbot: QtBot) -> None:
    dialog = PlanDialog(
        WeeklyPlan(), [], keep_in_tray=True, start_at_login=True,
        tray_reason="no tray here", login_reason="not on this system",
    )  # fmt: skip
    qtbot.addWidget(dialog)
    assert not dialog.keep_in_tray.isEnabled() and not dialog.keep_in_tray.isChecked()
    assert not dialog.start_at_login.isEnabled() and not dialog.start_at_login.isChecked()


def test_the_quiet_hours_read_as_a_time_without_desk_breaks(qtbot: QtBot) -> None:
    # "Quiet hours: none from 20:00 until 08:00" read as "no quiet hours" to a new user.
    from PySide6.QtWidgets import QLabel

    dialog = PlanDialog(WeeklyPlan(), [], keep_in_tray=False, start_at_login=False)
    qtbot.addWidget(dialog)
    words = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Quiet hours: no desk break from" in words
    assert not [w for w in words if "none from" in w]


@pytest.fixture
def app(qtbot: QtBot, tmp_path: Path) -> Iterator[Setup]:
    yield from make(qtbot, tmp_path, PLAN)


def test_ok_saves_the_plan_and_writes_the_start_at_login_entry(
    app: Setup, tmp_path: Path, qtbot: QtBot
) -> None:
    dialog = app.window.reminders.open_plan()
    dialog.rows["quick-test"].time.setTime(dialog.rows["quick-test"].time.time().addSecs(1800))
    dialog.start_at_login.setChecked(True)
    with qtbot.waitSignal(dialog.finished):
        dialog.done(QDialog.DialogCode.Accepted)
    assert app.settings.settings.plan.items[0].at == "18:30"
    assert autostart.is_on(tmp_path / "autostart")
    entry = (tmp_path / "autostart" / autostart.ENTRY_NAME).read_text()
    assert "--in-tray" in entry and "--data-dir" in entry  # tests choose the data folder
    app.at(18, 0)
    assert app.notifier.notes == []  # the new time holds at once
    app.at(18, 30)
    assert len(app.notifier.notes) == 1
    dialog = app.window.reminders.open_plan()
    assert dialog.start_at_login.isChecked()
    dialog.start_at_login.setChecked(False)
    with qtbot.waitSignal(dialog.finished):
        dialog.done(QDialog.DialogCode.Accepted)
    assert not (tmp_path / "autostart" / autostart.ENTRY_NAME).exists()


def test_the_tray_menu_shows_today_the_next_reminder_and_pauses(
    qtbot: QtBot, tmp_path: Path
) -> None:
    for setup in make(qtbot, tmp_path, PLAN, tray=True):
        tray = setup.window.reminders.tray
        assert tray is not None
        tray.refresh()
        texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
        assert texts[:3] == [
            "Today",
            "Quick test routine at 18:00 \u2014 later today",
            "This week: 0 of 1 planned session done so far "
            "(Mon \u2026 Tue \u00b7 Wed \u00b7 Thu \u00b7 Fri \u00b7 Sat \u00b7 Sun \u00b7)",
        ]
        assert "Next reminder: today 18:00" in texts
        start = menu_of(next(a for a in tray.menu.actions() if a.text() == "&Start a routine"))
        assert start.actions()[0].text() == "Quick test routine"
        with qtbot.waitSignal(setup.window.reminders.start_requested) as asked:
            start.actions()[0].trigger()
        assert asked.args == ["quick-test"]
        assert setup.window.session is not None  # the tray's Start opened it
        pause = next(a for a in tray.menu.actions() if a.text().startswith("&Pause"))
        pause.trigger()
        tray.refresh()
        texts = [a.text() for a in tray.menu.actions()]
        assert "Reminders paused until 18:00" in texts and "&Resume reminders" in texts
        setup.at(17, 59)
        assert setup.notifier.notes == []


def test_a_notification_service_gone_meanwhile_leaves_the_tray_message(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Walked with dunst killed while HipTimer ran: the snoozed reminder came back as a notice
    # that reminders cannot be shown, though the tray was there to show it.
    for setup in make(qtbot, tmp_path, PLAN, tray=True):
        tray = setup.window.reminders.tray
        assert tray is not None
        messages: list[str] = []
        monkeypatch.setattr(tray.icon, "showMessage", lambda title, *_, m=messages: m.append(title))
        setup.at(18, 0)
        [note] = setup.notifier.notes
        setup.notifier.answered.emit(note.key, "snooze-10")
        setup.notifier.working = False  # the service went away
        setup.at(18, 10)
        assert messages == ["Time for Quick test routine"]
        assert not [s for s in setup.window.notice.shown if "cannot be shown" in s]
        with qtbot.waitSignal(setup.window.reminders.start_requested) as asked:
            tray.icon.messageClicked.emit()  # a click on the message is its Start
        assert asked.args == ["quick-test"]


def test_closing_keeps_it_in_the_tray_once_asked_and_says_so_the_first_time(
    qtbot: QtBot, tmp_path: Path
) -> None:
    for setup in make(qtbot, tmp_path, PLAN, tray=True, keep_in_tray=True):
        window = setup.window
        window.show()
        window.close()
        assert not window.isVisible() and setup.settings.settings.tray_explained
        coordinator = window.reminders.coordinator
        assert coordinator is not None and coordinator.timer.isActive()
        setup.at(18, 0)
        assert len(setup.notifier.notes) == 1  # reminders go on with the window hidden
        assert not QApplication.quitOnLastWindowClosed()
        window.quit_app()
        assert not coordinator.timer.isActive()
        assert QApplication.quitOnLastWindowClosed()  # as the next window expects


@pytest.mark.usefixtures("spanish")
def test_the_plan_dialogs_help_names_the_buttons_as_the_notification_labels_them() -> None:
    """In Spanish the help said "Saltar hoy" while the notification's button reads "Hoy no":
    a user looked for a button that is not there."""
    from hiptimer.i18n import translate
    from hiptimer.ui.reminders.delivery import NOTIFICATION_HELP
    from hiptimer.ui.reminders.notifier import ACTIONS

    help_text = translate(NOTIFICATION_HELP)
    for key, label in ACTIONS:
        if key in ("start", "skip"):  # the snoozes are named together: (10 min or 1 h)
            assert translate(label) in help_text, label


def test_the_wheel_scrolls_the_plan_and_never_changes_a_time_it_passes_over(
    qtbot: QtBot,
) -> None:
    # Scrolling the plan with the wheel changed the quiet hours' "until" from 08:00 to 02:00
    # as the field slid under the pointer (seen under Xvfb), and took the focus to it.
    many = [routine(hold("reach"), id=f"r{n}", title=f"Routine {n}") for n in range(12)]
    plan = WeeklyPlan(True, tuple(PlanItem(f"r{n}", (0, 3), "18:00") for n in range(12)))
    dialog = PlanDialog(plan, many, keep_in_tray=False, start_at_login=False)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(860, 400)  # short: the groups scroll
    bar = dialog.scroller.verticalScrollBar()
    assert bar.maximum() > 0
    passed = (dialog.rows["r3"].time, dialog.desk.quiet_until, dialog.desk.minutes)
    for field in passed:
        before, top = field.text(), bar.value()
        wheel_down(field)
        assert field.text() == before and not field.hasFocus()
        assert bar.value() > top or bar.value() == bar.maximum()  # the plan scrolled instead
    chosen = dialog.chosen().plan
    assert chosen.items[3].at == "18:00" and chosen.desk.quiet_until == "08:00"
    assert chosen.desk.minutes == 45
    field = dialog.desk.quiet_until  # clicked or reached by Tab: the wheel is its own again
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(field.hasFocus)
    wheel_down(field)
    assert field.text() != "08:00"


@pytest.mark.usefixtures("large_print")
def test_the_plan_fits_a_1024_px_screen_in_large_print(qtbot: QtBot) -> None:
    # The desk-break line ("Remind me to take a desk break after [45 min] of computer
    # use") took 1,003 px in one row at 150 %: the dialog's groups needed 1,093 px, and on a
    # 1024 x 768 screen they were cut at both edges (seen under Xvfb). It wraps now.
    names = ["Hip mobility and strength", "FAI mobility and control", "Spinal stenosis basics"]
    routines = [routine(hold("reach"), id=f"r{n}", title=t) for n, t in enumerate(names)]
    dialog = PlanDialog(WeeklyPlan(), routines, keep_in_tray=False, start_at_login=False)
    qtbot.addWidget(dialog)
    dialog.show()
    # What a 1024 x 768 screen leaves a window, less its frame (the test's screen is wider).
    assert dialog.scroller.minimum_width() <= 1012
    assert dialog.minimumSizeHint().width() <= 1012


def test_a_snoozed_routine_reads_snoozed_until_its_time_on_the_library_and_the_tray(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A snoozed routine still read "— due" in the library's today line and the tray menu."""
    for setup in make(qtbot, tmp_path, PLAN, tray=True):
        setup.at(18, 0)
        [note] = setup.notifier.notes
        setup.notifier.answered.emit(note.key, "snooze-10")
        line = "Quick test routine at 18:00 \u2014 snoozed until 18:10"
        assert line in setup.today().splitlines()[0]
        tray = setup.window.reminders.tray
        assert tray is not None
        tray.refresh()
        assert line in [a.text() for a in tray.menu.actions()]
        setup.at(18, 10)  # it came again: due, as before
        assert "Quick test routine at 18:00 \u2014 due" in setup.today()


def test_the_tray_menus_today_heading_is_drawn_in_every_style(qtbot: QtBot, tmp_path: Path) -> None:
    """The heading was a QMenu section, which Fusion draws as a blank gap (seen under Xvfb):
    it is a disabled item with the word, as every style draws one."""
    for setup in make(qtbot, tmp_path, PLAN, tray=True):
        tray = setup.window.reminders.tray
        assert tray is not None
        tray.refresh()
        first = tray.menu.actions()[0]
        assert (first.text(), first.isSeparator(), first.isEnabled()) == ("Today", False, False)
        assert not [a for a in tray.menu.actions() if a.isSeparator() and a.text()]


def test_with_only_desk_breaks_on_the_tray_says_when_the_next_one_is_due(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """With only desk breaks on, the tray menu said "Reminders are off" and nothing said
    when the next desk break would come."""
    desk_only = WeeklyPlan(False, (), DeskBreaks(True, 45, "22:00", "06:00", "quick-test"))
    for setup in make(qtbot, tmp_path, desk_only, tray=True):
        tray = setup.window.reminders.tray
        assert tray is not None
        for minute in range(1, 11):  # a look a minute: a longer gap would count as sleep
            setup.at(17, minute)
        tray.refresh()
        texts = [a.text() for a in tray.menu.actions()]
        assert "Next desk break: about 17:45" in texts
        assert "Reminders are off" not in texts
        assert "Next desk break: about 17:45" in tray.icon.toolTip()
        idle = setup.window.reminders._idle
        assert isinstance(idle, FakeIdle)
        idle.idle = 6 * 60.0  # away from the keyboard: a break, the count starts again
        setup.at(17, 11)
        tray.refresh()
        texts = [a.text() for a in tray.menu.actions()]
        assert "Next desk break: after 45 min of computer use" in texts


def test_a_tray_message_says_that_clicking_it_opens_the_get_ready(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no notification service, the tray message said "Start opens its get-ready", but
    it has no Start button: a click on it is the Start."""
    for setup in make(qtbot, tmp_path, PLAN, tray=True, notifier=FakeNotifier(working=False)):
        tray = setup.window.reminders.tray
        assert tray is not None
        shown: list[tuple[str, str]] = []
        monkeypatch.setattr(tray.icon, "showMessage", lambda t, b, *_, m=shown: m.append((t, b)))
        setup.at(18, 0)
        [(title, body)] = shown
        assert title == "Time for Quick test routine"
        assert body.startswith("Planned for 18:00, about 1 min. ")
        assert body.endswith(" Click this message to open its get-ready.")
        assert "Start" not in body


@pytest.mark.parametrize(
    ("tray", "working", "expected"),
    [
        (True, True, "A notification comes at each planned time"),
        (True, False, "a tray message comes at each planned time"),
        (False, True, "A notification comes at each planned time"),
        (False, False, "No reminder can be shown here"),
    ],
    ids=["notifications", "tray messages", "notifications, no tray", "neither"],
)
def test_the_plan_dialog_says_how_reminders_will_come_here(
    qtbot: QtBot, tmp_path: Path, tray: bool, working: bool, expected: str
) -> None:
    """It said "A notification comes..." where reminders come as tray messages (no
    notification service), or cannot come at all."""
    from PySide6.QtWidgets import QLabel

    for setup in make(qtbot, tmp_path, PLAN, tray=tray, notifier=FakeNotifier(working=working)):
        dialog = setup.window.reminders.open_plan()
        words = " ".join(label.text() for label in dialog.findChildren(QLabel))
        dialog.reject()
        assert expected in words
        assert ("A notification comes" in words) is working
