"""Reminders in the window on a fake local clock: a note at the planned time, its buttons,
today's plan on the library page, the notices when there is no tray or no service."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.plan.model import EVERY_DAY, DeskBreaks, PlanItem, WeeklyPlan
from hiptimer.core.session.steps import StepKind
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.reminders.tray_messages import Note
from tests.core.plan.clocks import BERLIN
from tests.ui.reminders.reminding import PLAN, ROUTINE, FakeNotifier, Setup, make
from tests.ui.sessions import fake_services, no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support raise"),  # offscreen: no stacking
]


@pytest.fixture
def app(qtbot: QtBot, tmp_path: Path) -> Iterator[Setup]:
    yield from make(qtbot, tmp_path, PLAN)


def test_a_note_comes_at_the_planned_time_and_start_opens_the_get_ready(app: Setup) -> None:
    app.at(17, 59)
    assert app.notifier.notes == []
    assert app.today().startswith("Today: Quick test routine at 18:00 \u2014 later today")
    app.at(18, 0)
    [note] = app.notifier.notes
    assert note.summary == "Time for Quick test routine"
    assert note.body.startswith("Planned for 18:00, about ")
    assert note.body.endswith(" Start opens its get-ready.")  # a notification has the button
    assert "Quick test routine at 18:00 \u2014 due" in app.today()
    app.notifier.answered.emit(note.key, "start")
    assert app.started == ["quick-test"]
    session = app.window.session
    assert session is not None and session.driver.view().step.kind is StepKind.GET_READY
    assert app.notifier.closed == [note.key]  # started: the note can go


def test_quitting_takes_the_unanswered_notes_off_the_screen(app: Setup) -> None:
    # Their buttons work only while HipTimer runs: a note left behind (dunst keeps one that
    # never expires) would offer Start to a HipTimer that is gone.
    app.at(18, 0)
    [note] = app.notifier.notes
    app.window.close()
    assert note.key in app.notifier.closed  # (and a desk break's, were one shown)


def test_snooze_brings_the_note_back_and_skip_keeps_it_away(app: Setup) -> None:
    app.at(18, 0)
    [note] = app.notifier.notes
    app.notifier.answered.emit(note.key, "snooze-10")
    app.at(18, 9)
    assert len(app.notifier.notes) == 1
    app.at(18, 10)
    again = app.notifier.notes[-1]
    assert "(snoozed)" in again.body
    app.notifier.answered.emit(again.key, "skip")
    app.at(20, 0)
    assert len(app.notifier.notes) == 2
    assert "Quick test routine at 18:00 \u2014 skipped" in app.today()
    assert app.started == []


def test_a_late_note_snoozed_past_midnight_comes_after_midnight(
    qtbot: QtBot, tmp_path: Path
) -> None:
    late = WeeklyPlan(True, (PlanItem("quick-test", EVERY_DAY, "23:50"),))
    for app in make(qtbot, tmp_path, late):
        app.at(23, 50)
        [note] = app.notifier.notes
        app.notifier.answered.emit(note.key, "snooze-60")
        app.local.clock.advance(60 * 60)  # Tuesday 00:50
        coordinator = app.window.reminders.coordinator
        assert coordinator is not None
        coordinator.check()
        again = app.notifier.notes[-1]
        assert len(app.notifier.notes) == 2 and again.key == note.key
        assert again.body.startswith("Planned for 23:50 (snoozed)")
        app.notifier.answered.emit(again.key, "start")
        assert app.started == ["quick-test"]


def test_a_routine_removed_from_the_library_is_reminded_as_gone_with_the_plan_to_change(
    app: Setup,
) -> None:
    # Its file deleted, the plan still names it: the note must not offer a Start that fails.
    (paths.user_routines_dir() / "quick-test.json").unlink()
    app.window._reload_library()
    app.at(18, 0)
    [note] = app.notifier.notes
    assert note.summary == "quick-test is no longer in your library"
    assert note.body == (
        "It was planned for 18:00. Change the plan to choose another routine, or remove this "
        "reminder."
    )
    assert [key for key, _label in note.actions] == ["plan", "remove"]
    assert note.tray_body == f"{note.body} Click this message to open the plan."
    assert "quick-test (not in the library) at 18:00" in app.today()
    app.notifier.answered.emit(note.key, "start")  # a tray message's click: no Start to fail
    assert app.started == [] and app.window.reminders.dialog is not None
    assert "quick-test (not in the library)" in [
        row.planned.text() for row in app.window.reminders.dialog.rows.values()
    ]
    app.window.reminders.dialog.reject()
    app.local.clock.advance(24 * 3600)  # the next day's note: Remove this reminder
    app.at(18, 0)
    tomorrow = app.notifier.notes[-1]
    assert tomorrow.summary == note.summary and len(app.notifier.notes) == 2
    app.notifier.answered.emit(tomorrow.key, "remove")
    assert app.settings.settings.plan.items == ()
    assert SettingsStore().settings.plan.items == ()  # saved
    assert app.window.reminders.coordinator is not None
    assert app.window.reminders.coordinator.plan.items == ()
    assert not any("Cannot open" in said for said in app.window.notice.shown)


def test_no_note_for_a_routine_done_today_and_the_week_counts_it(app: Setup) -> None:
    started = app.local.now() - timedelta(hours=1)
    sid = app.history.begin_session("quick-test", "Quick test routine", 1, {}, started)
    from hiptimer.core.history.queries import StoredSet

    app.history.add_set(sid, StoredSet("bridge", "Bridge", 1, started, started))
    app.history.finish_session(sid, "completed", started)
    app.at(18, 0)
    assert app.notifier.notes == []
    assert "Quick test routine at 18:00 \u2014 done" in app.today()
    assert "This week: 1 of 1 planned session done so far" in app.today()


def test_no_notification_service_gives_a_clear_notice(qtbot: QtBot, tmp_path: Path) -> None:
    for setup in make(qtbot, tmp_path, PLAN, notifier=FakeNotifier(working=False)):
        setup.at(18, 0)
        [said] = [s for s in setup.window.notice.shown if "Reminders cannot be shown" in s]
        assert "no notification service answers (test)" in said
        assert "due" in setup.today()  # the library still says it


def test_no_tray_with_reminders_on_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    for setup in make(qtbot, tmp_path, PLAN):
        assert any("shows no tray icons" in said for said in setup.window.notice.shown)
        assert setup.window.reminders.tray is None


def test_nothing_is_said_or_timed_without_a_plan(qtbot: QtBot, tmp_path: Path) -> None:
    for setup in make(qtbot, tmp_path, WeeklyPlan()):
        coordinator = setup.window.reminders.coordinator
        assert coordinator is not None and not coordinator.timer.isActive()
        assert setup.window.notice.shown == []
        assert setup.today() == "" and not setup.window.library.today.isVisibleTo(setup.window)


def test_a_reminder_due_during_a_session_waits_for_its_end(app: Setup) -> None:
    app.at(17, 50)
    app.window.start_session(ROUTINE)
    app.at(18, 0)
    assert app.notifier.notes == []
    session = app.window.session
    assert session is not None
    session.controller.close()  # ended early: no set done
    app.at(18, 1)
    assert [n.summary for n in app.notifier.notes] == ["Time for Quick test routine"]


def test_a_click_on_the_note_itself_brings_the_window_forward(app: Setup, qtbot: QtBot) -> None:
    app.at(18, 0)
    [note] = app.notifier.notes
    with qtbot.waitSignal(app.window.reminders.show_requested):
        app.notifier.answered.emit(note.key, "default")
    assert app.started == [] and app.window.session is None
    app.notifier.answered.emit(note.key, "start")  # its buttons still work after a click
    assert app.started == ["quick-test"]


def test_a_monthly_check_over_four_weeks_old_shows_as_due_with_or_without_a_plan(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from hiptimer.core.history.queries import StoredSet

    for setup in make(qtbot, tmp_path, WeeklyPlan(False, ())):  # no plan at all
        assert setup.today() == ""  # never re-tested: nothing pressed on anyone
        when = setup.local.now() - timedelta(weeks=4, hours=-1)  # 4 weeks less an hour ago
        sid = setup.history.begin_session("monthly-check", "Monthly check", 1, {}, when)
        setup.history.add_set(sid, StoredSet("chair-stand-30s", "Chair stand", 1, when, when))
        setup.history.finish_session(sid, "completed", when)
        setup.at(17, 30)
        assert setup.today() == ""  # not yet
        setup.at(18, 30)  # now just over four weeks
        assert setup.today() == "Today: Monthly check \u2014 re-test due (last on 8 December 2025)"
        assert setup.window.library.today.isVisibleTo(setup.window)


def test_a_re_test_due_sits_with_the_plan_above_the_week(app: Setup) -> None:
    from hiptimer.core.history.queries import StoredSet

    when = app.local.now() - timedelta(days=40)
    sid = app.history.begin_session("monthly-check", "Monthly check", 1, {}, when)
    app.history.add_set(sid, StoredSet("chair-stand-30s", "Chair stand", 1, when, when))
    app.history.finish_session(sid, "completed", when)
    app.at(17, 0)
    lines = app.today().splitlines()
    assert "Monthly check \u2014 re-test due (last on 26 November 2025)" in lines[1]
    assert lines[2].startswith("This week:")


def test_a_re_test_due_names_its_day_by_that_days_offset_not_todays(app: Setup) -> None:
    # 00:30 on Saturday 25 October 2025 in Berlin, summer time (UTC+2): 22:30 UTC on the 24th.
    # Read with today's winter offset (UTC+1) it was 23:30 on the 24th: the wrong day.
    from hiptimer.core.history.queries import StoredSet

    when = datetime(2025, 10, 25, 0, 30, tzinfo=BERLIN)
    sid = app.history.begin_session("monthly-check", "Monthly check", 1, {}, when)
    app.history.add_set(sid, StoredSet("chair-stand-30s", "Chair stand", 1, when, when))
    app.history.finish_session(sid, "completed", when)
    app.at(17, 0)
    assert "Monthly check \u2014 re-test due (last on 25 October 2025)" in app.today()


def test_a_plan_without_reminders_still_keeps_todays_lines_current(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A plan with its reminders off still shows today on the library page; its lines must
    move on with the clock ("later today", then "due", then the next day's) without a
    session or a restart to refresh them. The look stopped with the reminders, so the page
    said yesterday's plan all the next day."""
    for setup in make(qtbot, tmp_path, WeeklyPlan(False, PLAN.items)):
        coordinator = setup.window.reminders.coordinator
        assert coordinator is not None
        assert coordinator.timer.isActive()
        assert "18:00 \u2014 later today" in setup.today()
        setup.local.clock.advance(3600 * 1.5)  # 18:30
        coordinator.timer.timeout.emit()
        assert "18:00 \u2014 due" in setup.today()
        assert setup.notifier.notes == []  # reminders are off: only the page says it


def test_pausing_reminders_from_the_tray_holds_a_desk_break_back(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The tray's Pause reminders for 1 hour is offered with only desk breaks on; it held
    back the plan's reminders only, so the desk break came in the middle of the pause."""
    plan = WeeklyPlan(False, (), DeskBreaks(True, 45, "22:00", "06:00", "quick-test"))
    for setup in make(qtbot, tmp_path, plan):
        coordinator = setup.window.reminders.coordinator
        assert coordinator is not None
        coordinator.pause()  # 17:00 to 18:00
        for minute in range(1, 60):  # a look a minute: a longer gap would count as sleep
            setup.at(17, minute)  # due at 17:45, but paused
        assert setup.notifier.notes == []
        setup.at(18, 0)
        assert [n.summary for n in setup.notifier.notes] == ["Time for a desk break"]
        # As a tray message (no buttons) it says what its click does, as a planned one does.
        [note] = setup.notifier.notes
        assert note.tray_body == f"{note.body} Click this message to open its get-ready."
        setup.notifier.answered.emit(note.key, "start")
        assert setup.started == ["quick-test"]


DESK_GONE = WeeklyPlan(False, (), DeskBreaks(True, 45, "22:00", "06:00", "quick-test"))


def desk_gone_note(setup: Setup) -> Note:
    """The desk break that comes after 45 min of use, its routine's file deleted first."""
    (paths.user_routines_dir() / "quick-test.json").unlink()
    setup.window._reload_library()
    for minute in range(1, 46):  # a look a minute: a longer gap would count as sleep
        setup.at(17, minute)
    [note] = setup.notifier.notes
    return note


def test_a_desk_break_whose_routine_is_gone_says_so_and_offers_the_built_in(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """It read "Stand up and move (the desk micro-break)" and offered Start, which opened
    nothing ("Cannot open routine quick-test"): now it names the routine as gone and offers
    the built-in desk micro-break (which then stays the desk breaks' routine) or none."""
    for setup in make(qtbot, tmp_path, DESK_GONE):
        note = desk_gone_note(setup)
        assert note.summary == "quick-test is no longer in your library"
        assert note.body == (
            "You have been at the computer for 45 min. Your desk breaks opened quick-test: use "
            "Desk micro-break from now on, or turn desk breaks off."
        )
        assert [key for key, _label in note.actions] == ["desk-builtin", "desk-off"]
        setup.notifier.answered.emit(note.key, "desk-builtin")
        assert setup.started == ["desk-micro-break"]
        assert SettingsStore().settings.plan.desk == DeskBreaks(True, 45, "22:00", "06:00")
        session = setup.window.session
        assert session is not None and session.driver.engine.routine.id == "desk-micro-break"
        assert not any("Cannot open" in said for said in setup.window.notice.shown)


def test_a_desk_break_whose_routine_is_gone_as_a_tray_message_takes_the_built_in_on_a_click(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A tray message has no buttons, and the weekly plan cannot choose a desk routine: its
    click opened the plan, where the built-in could not be had back (only in settings.json).
    Now it says what a click does, and does it."""
    for setup in make(qtbot, tmp_path, DESK_GONE):
        note = desk_gone_note(setup)
        assert (
            note.tray_body == f"{note.body} Click this message to use Desk micro-break from now on."
        )
        setup.notifier.answered.emit(note.key, "start")  # the tray message's click
        assert setup.started == ["desk-micro-break"]
        assert SettingsStore().settings.plan.desk == DeskBreaks(True, 45, "22:00", "06:00")


def test_a_desk_break_whose_routine_is_gone_can_turn_desk_breaks_off(
    qtbot: QtBot, tmp_path: Path
) -> None:
    for setup in make(qtbot, tmp_path, DESK_GONE):
        note = desk_gone_note(setup)
        setup.notifier.answered.emit(note.key, "desk-off")
        assert setup.started == []
        assert SettingsStore().settings.plan.desk == DeskBreaks(
            False, 45, "22:00", "06:00", "quick-test"
        )
        for minute in range(46, 60):
            setup.at(17, minute)
        setup.at(18, 31)
        assert len(setup.notifier.notes) == 1


def test_turning_reminders_on_where_there_is_no_tray_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    """The no-tray notice came only at start-up with a plan already on; turning reminders on
    in File > Weekly plan said nothing, so closing the window quit (and ended the reminders)
    without a word."""
    from hiptimer.ui.reminders.plan_dialog import PlanChoice

    for setup in make(qtbot, tmp_path, WeeklyPlan()):
        assert setup.window.notice.shown == []
        setup.window.reminders.apply(PlanChoice(PLAN, keep_in_tray=False, start_at_login=False))
        assert [s for s in setup.window.notice.shown if "shows no tray icons" in s]


def test_a_day_with_nothing_planned_says_so_once(qtbot: QtBot, tmp_path: Path) -> None:
    """The library read "Today: Nothing planned today" (Spanish: "Hoy: Nada previsto hoy")."""
    monday_only = WeeklyPlan(True, (PlanItem("quick-test", (0,), "18:00"),))
    for setup in make(qtbot, tmp_path, monday_only):
        setup.local.clock.advance(24 * 3600)  # Tuesday
        setup.at(17, 0)
        assert setup.today().splitlines()[0] == "Today: Nothing planned"


def test_a_start_at_login_finding_hiptimer_running_leaves_it_in_the_tray(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """`hiptimer --in-tray` (the autostart entry) with HipTimer already running, restored by
    the desktop's session, say: it brought the hidden window forward at every login."""
    from hiptimer.core.instance import Request
    from hiptimer.ui.second_start import come_forward

    for setup in make(qtbot, tmp_path, PLAN):
        assert not setup.window.isVisible()  # in the tray
        come_forward(setup.window, Request(quiet=True))
        assert not setup.window.isVisible()


def test_reminders_today_is_written_only_when_it_changes(
    app: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each 20-s look rewrote (and fsynced) reminders-today.json, 4,320 times a day, and
    logged a warning each time on a disk that refused."""
    from hiptimer.ui.reminders import coordinator

    saved: list[Path] = []
    real = coordinator.save_state

    def counted(path: Path, state: object) -> bool:
        saved.append(path)
        return real(path, state)  # type: ignore[arg-type]

    monkeypatch.setattr(coordinator, "save_state", counted)
    for minute in range(1, 30):
        app.at(17, minute)
    assert saved == []  # nothing changed since the look at start
    app.at(18, 0)  # the reminder is shown: that is kept
    assert len(saved) == 1


@pytest.mark.parametrize("when", ["plan on at start-up", "plan turned on after its time"])
def test_no_tray_and_no_notification_service_are_both_said(
    qtbot: QtBot, tmp_path: Path, when: str
) -> None:
    """A notice replaces the one before it, and each is said once: with neither a tray nor a
    notification service, "Reminders cannot be shown" (said as a plan turned on in File >
    Weekly plan fired its first reminder) was replaced at once by the no-tray notice, which
    promised that "reminders come as notifications" (seen under Xvfb); at start-up the no-tray
    notice went under the other at the first reminder, and with it "closing the window
    quits"."""
    from hiptimer.ui.reminders.plan_dialog import PlanChoice

    plan = PLAN if when == "plan on at start-up" else WeeklyPlan()
    for setup in make(qtbot, tmp_path, plan, notifier=FakeNotifier(working=False)):
        if plan == PLAN:
            setup.at(18, 0)
        else:
            setup.at(18, 10)
            setup.window.reminders.apply(PlanChoice(PLAN, keep_in_tray=False, start_at_login=False))
        shown = setup.window.notice.shown[-1]  # the one on screen: each replaces the one before
        assert setup.window.notice.isVisibleTo(setup.window)
        assert "Reminders cannot be shown" in shown and "no notification service" in shown
        assert "closing the window quits" in shown
        assert "come as notifications" not in shown


def test_no_tray_and_a_service_known_missing_are_said_at_start_up(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Before any reminder is due, with no tray and a notifier that already knows it cannot
    show (no session bus, no service answered): the start-up notice said "reminders come as
    notifications" until the first reminder failed to come."""
    for setup in make(qtbot, tmp_path, PLAN, notifier=FakeNotifier(working=False)):
        setup.at(17, 30)  # half an hour before the reminder
        assert setup.notifier.notes == []
        shown = setup.window.notice.shown[-1]
        assert "Reminders cannot be shown" in shown and "no notification service" in shown
        assert "closing the window quits" in shown
        assert "come as notifications" not in shown
        setup.at(18, 0)  # the first reminder cannot come: nothing new is said
        assert setup.window.notice.shown[-1] == shown


@pytest.mark.parametrize("working", [False, True], ids=["no service", "a service"])
@pytest.mark.parametrize("plan", [WeeklyPlan(), PLAN], ids=["no plan yet", "a plan"])
def test_the_plan_dialog_promises_notifications_only_where_they_can_be_shown(
    qtbot: QtBot, tmp_path: Path, plan: WeeklyPlan, working: bool
) -> None:
    """With neither a tray nor a notification service, the notice said so, but the weekly
    plan's "Keep running in the tray" still read "reminders come as notifications while
    HipTimer is open" (seen under Xvfb): it says what the notice says."""
    from PySide6.QtWidgets import QLabel

    for setup in make(qtbot, tmp_path, plan, notifier=FakeNotifier(working=working)):
        dialog = setup.window.reminders.open_plan()
        words = " ".join(label.text() for label in dialog.findChildren(QLabel))
        dialog.reject()
        assert "closing the window quits" in words
        assert ("come as notifications" in words) is working
        assert ("Reminders cannot be shown" in words) is not working


@pytest.mark.parametrize("snoozed", [False, True], ids=["as it came", "after a snooze"])
def test_a_reminders_start_pressed_during_a_session_comes_back_when_it_ends(
    app: Setup, snoozed: bool
) -> None:
    """Start pressed while a session ran said "finish or end it first" and used the reminder
    up: after the session nothing reminded again, though the library still said "due"."""
    app.at(18, 0)
    note = app.notifier.notes[-1]
    if snoozed:
        app.notifier.answered.emit(note.key, "snooze-10")
        app.at(18, 10)
        note = app.notifier.notes[-1]
    app.window.start_session(replace(ROUTINE, id="other", title="Other"))  # from the library
    app.notifier.answered.emit(note.key, "start")
    assert "finish or end it" in app.window.statusBar().currentMessage()
    count = len(app.notifier.notes)
    app.at(18, 20)
    assert len(app.notifier.notes) == count  # not during the session
    session = app.window.session
    assert session is not None
    session.controller.close()  # ended early: no set done
    app.at(18, 21)
    assert len(app.notifier.notes) == count + 1
    again = app.notifier.notes[-1]
    assert again.summary == "Time for Quick test routine"
    assert ("(snoozed)" in again.body) is snoozed  # said as it was, not newly "snoozed"
    app.notifier.answered.emit(again.key, "start")
    current = app.window.session
    assert current is not None and current.driver.view().step.kind is StepKind.GET_READY


def test_a_second_starts_refusal_during_a_session_goes_when_the_session_ends(app: Setup) -> None:
    """A start asking for a routine during a session is told "finish or end it first"; the
    window said so for 15 s whatever happened, so ending the session left "A session is
    running" over its summary, and over the routine a start then opened. Another message
    put up meanwhile is not the refusal's to take down."""
    from hiptimer.core.instance import Request
    from hiptimer.ui.second_start import come_forward

    bar = app.window.statusBar()
    for later_message in ("", "Exported to /tmp/x.json"):
        app.window.start_session(replace(ROUTINE, id="other", title="Other"))
        come_forward(app.window, Request(ROUTINE.id))
        assert "A session is running" in bar.currentMessage()
        if later_message:
            app.window.show_status(later_message, 8000)
        session = app.window.session
        assert session is not None
        session.controller.close()  # ended early
        assert app.window.session is None
        assert bar.currentMessage() == later_message
        app.window.show_library()


def test_a_damaged_reminders_file_is_moved_aside_and_said_in_the_strip(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Before contract17 it was ignored, logged only, and written over at the first look."""
    state = tmp_path / "reminders-today.json"
    state.write_text('{"fired": "quick-test"}', encoding="utf-8")
    for app in make(qtbot, tmp_path, PLAN):
        (aside,) = tmp_path.glob("reminders-today.json.damaged-*")
        assert aside.read_text(encoding="utf-8") == '{"fired": "quick-test"}'
        (said,) = [t for t in app.window.banner.texts() if "reminders file" in t]
        assert str(aside) in said and "expected a list" in said
        app.at(18, 0)  # a note: the state is written again, to a new file
        assert state.exists() and aside.read_text(encoding="utf-8").startswith('{"fired"')
        app.window.banner.dismiss_notice()
        assert not any("reminders file" in t for t in app.window.banner.texts())


def test_the_reminders_never_read_the_history_once_the_services_shut_it(
    app: Setup, caplog: pytest.LogCaptureFixture
) -> None:
    # They kept the store they were given when they started: a look after Services.shutdown()
    # read the closed file ("Cannot operate on a closed database", logged with its traceback).
    # They ask the services at each look now, which have no history once shut down.
    app.window.services.shutdown()
    app.at(18, 0)  # a look, as the coordinator's timer makes
    assert app.today().startswith("Today: Quick test routine")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_a_routine_planned_after_its_time_today_is_not_called_missed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Planned at 19:05 for 17:00, it read "Quick test routine at 17:00 — missed"... at once:
    due, with its reminder (within its 3 hours), then missed and a ✗ in the week."""
    from hiptimer.ui.reminders.plan_dialog import PlanChoice

    plan = WeeklyPlan(True, (PlanItem("quick-test", EVERY_DAY, "17:00"),))
    for setup in make(qtbot, tmp_path, WeeklyPlan()):
        setup.at(19, 5)
        setup.window.reminders.apply(PlanChoice(plan, keep_in_tray=False, start_at_login=False))
        setup.at(23, 0)
        today = setup.today()
        assert "Today: Quick test routine at 17:00 \u2014 planned after its time" in today
        assert "This week: nothing to count so far (Mon + Tue \u00b7" in today
        assert setup.notifier.notes == []
        [item] = setup.settings.settings.plan.items
        assert (item.since, item.planned_at) == ("2026-01-05", "2026-01-05T19:05+01:00")
        setup.local.clock.advance(24 * 3600)  # Tuesday 23:00: as any day
        setup.at(23, 0)
        assert "Quick test routine at 17:00 \u2014 missed" in setup.today()
