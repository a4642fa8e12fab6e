"""The whole window driven by keyboard from the library to the summary, on a fake clock."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAccessible, QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history.store import open_history
from hiptimer.core.routines.model import estimated_seconds, format_duration
from hiptimer.core.session.events import PainChoice
from hiptimer.core.session.steps import Side, StepKind
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.keys import Mode
from hiptimer.ui.library.items import LibraryItem
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.services.ports import Services
from hiptimer.ui.session.controller import make_cue_writer
from hiptimer.ui.session.summary_page import SummaryPage
from hiptimer.ui.widgets.screen_fit import room
from hiptimer.ui.widgets.spoken_status import SpokenStatusBar
from tests.harness import hold, quick_routine, short_routine, side_hold
from tests.history_data import at, record
from tests.ui.main_app import App, make_app
from tests.ui.sessions import (
    FakeSpeech,
    advance,
    fake_services,
    library_of,
    menu_of,
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.usefixtures("no_timer_left")

K = Qt.Key


@pytest.fixture
def app(qtbot: QtBot) -> Iterator[App]:
    made = make_app(qtbot)
    yield made
    made.window.close()
    made.history.close()


def db_rows(sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(paths.history_db_path()) as conn:
        return conn.execute(sql).fetchall()


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    """Make the next QMessageBox answer `button` at once; returns the questions asked."""
    asked: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        asked.append(box.text())
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        assert box.defaultButton().text() == "&Keep going"
        return button.value

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return asked


def test_a_whole_session_by_keyboard(app: App, qtbot: QtBot) -> None:
    w = app.window
    assert w.nav.key_mode() is Mode.LIBRARY and w.windowTitle() == "HipTimer"
    app.key(qtbot, K.Key_Down, K.Key_Up, K.Key_Return)
    assert w.nav.key_mode() is Mode.WORKOUT
    assert app.engine.step.kind is StepKind.GET_READY

    # The first hold, right side: +/- and pause/resume.
    app.until(StepKind.WORK)
    assert w.windowTitle() == "0:06 Clamshell hold \u2014 HipTimer"
    app.key(qtbot, K.Key_Plus)
    assert app.engine.view().remaining_s == pytest.approx(11, abs=0.1)
    app.key(qtbot, K.Key_Minus)
    assert app.engine.view().remaining_s == pytest.approx(6, abs=0.1)
    app.key(qtbot, K.Key_Space)
    assert app.engine.paused and w.windowTitle().startswith("Paused 0:06")
    left = app.engine.view().remaining_s
    advance(w, app.clock, 30, step=1.0)  # paused: a poll a second shows it as well as ten
    assert app.engine.view().remaining_s == left
    app.key(qtbot, K.Key_Space)
    assert not app.engine.paused

    # Rate it; in the switch, Back repeats it; Next ends the repeat early; 7 is too much.
    app.until(StepKind.PAIN)
    app.key(qtbot, K.Key_2)
    assert app.engine.step.kind is StepKind.SWITCH_SIDES
    app.key(qtbot, K.Key_Left)
    assert (app.engine.step.kind, app.engine.step.side) == (StepKind.WORK, Side.RIGHT)
    advance(w, app.clock, 1)
    app.key(qtbot, K.Key_N)
    assert w.nav.key_mode() is Mode.PAIN
    app.key(qtbot, K.Key_7)
    assert w.nav.key_mode() is Mode.CHOICE
    app.key(qtbot, K.Key_C)
    assert app.engine.step.kind is StepKind.SWITCH_SIDES

    # Left side; Right skips the switch; 10 by "T", then a lower dose.
    app.key(qtbot, K.Key_Right)
    assert (app.engine.step.kind, app.engine.step.side) == (StepKind.WORK, Side.LEFT)
    app.until(StepKind.PAIN)
    app.key(qtbot, K.Key_T, K.Key_L)

    # Self-paced bridge: Enter counts (the keypad's too), Space pauses as in every set; then
    # skip the rating and the exercise.
    app.until(StepKind.WORK)
    assert w.nav.key_mode() is Mode.COUNTING
    app.key(qtbot, K.Key_Return, K.Key_Space)
    assert app.engine.paused and app.engine.view().reps_done == 1
    app.key(qtbot, K.Key_Space, K.Key_Enter, K.Key_Return)
    assert w.nav.key_mode() is Mode.PAIN
    app.key(qtbot, K.Key_K)
    assert app.engine.step.kind is StepKind.REST
    app.key(qtbot, K.Key_S)

    # Paced sit to stand: one rep more, and muted by M.
    app.until(StepKind.WORK)
    app.key(qtbot, K.Key_Equal, K.Key_M)
    assert app.settings.settings.muted
    assert app.services()[1].muted and app.services()[0].muted
    assert app.engine.dose("sit-to-stand").reps == 3
    app.until(StepKind.PAIN)
    named: list[str] = []  # a screen reader speaks each name the window has: never a clock
    w.flow.title_changed.connect(lambda _t: named.append(w.accessibleName() or w.windowTitle()))
    w.flow.window_named.connect(lambda _n: named.append(w.accessibleName() or w.windowTitle()))
    app.key(qtbot, K.Key_1)

    # The summary.
    assert w.nav.key_mode() is Mode.SUMMARY
    assert w.windowTitle() == "Session complete \u2014 HipTimer"
    assert w.accessibleName() == ""  # a screen reader reads the title again
    assert named == ["Sit to stand \u2014 HipTimer", "Session complete \u2014 HipTimer"]
    summary = w.findChild(SummaryPage)
    assert summary is not None
    rows = summary.result.records
    assert [(r.exercise_id, r.pain, r.skipped) for r in rows] == [
        ("clam-hold", 2, False),
        ("clam-hold", 7, False),
        ("clam-hold", 10, False),
        ("bridge", None, False),
        ("bridge", None, True),
        ("sit-to-stand", 1, False),
    ]
    assert rows[1].pain_choice is PainChoice.CONTINUE
    assert rows[2].pain_choice is PainChoice.LOWER
    assert "highest pain 10/10" in summary.stats.accessibleName()
    assert summary.table.rowCount() == 6
    assert summary.table.item(4, 4).text() == "skipped"
    assert any("reps 2 \u2192 3" in line for line in summary.result.adjustment_lines())

    # History: every set written, ratings and choices included, the session finished.
    assert db_rows("SELECT end_reason FROM sessions") == [("completed",)]
    sets = db_rows("SELECT exercise_id, side, pain, pain_choice, skipped FROM sets ORDER BY seq")
    assert sets == [
        ("clam-hold", "right", 2, None, 0),
        ("clam-hold", "right", 7, "continue", 0),
        ("clam-hold", "left", 10, "lower", 0),
        ("bridge", None, None, None, 0),
        ("bridge", None, None, None, 1),
        ("sit-to-stand", None, 1, None, 0),
    ]

    # Beeps on the last three seconds, the screen saver held off only while running.
    beeper, speech, inhibitor = app.services()
    assert beeper.calls[0] == "start" and beeper.calls.count("end") >= 3
    assert "tick" in beeper.calls
    assert inhibitor.calls == ["inhibit", "release"]
    assert speech.said  # the cue writer spoke before the mute
    assert w.session is None

    # Esc goes back to the library.
    app.key(qtbot, K.Key_Escape)
    assert w.nav.key_mode() is Mode.LIBRARY and w.windowTitle() == "HipTimer"


def test_escape_asks_first_and_keep_going_is_the_default(
    app: App, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.key(qtbot, K.Key_Return)
    app.until(StepKind.WORK)
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    app.key(qtbot, K.Key_Escape)
    assert asked == ["End this session now?"]
    assert app.engine.running and not app.engine.paused
    advance(app.window, app.clock, 1)
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    app.key(qtbot, K.Key_Escape)
    assert app.window.nav.key_mode() is Mode.SUMMARY
    assert app.window.windowTitle() == "Session ended \u2014 HipTimer"
    assert db_rows("SELECT end_reason FROM sessions") == [("ended_early",)]
    [(held, completed)] = db_rows("SELECT actual_hold_s, completed FROM sets")
    assert held == pytest.approx(1, abs=0.15) and completed == 0


def test_escape_while_paused_stays_paused(
    app: App, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.key(qtbot, K.Key_Return, K.Key_P)
    answer(monkeypatch, QMessageBox.StandardButton.No)
    app.key(qtbot, K.Key_Escape)
    assert app.engine.paused


def test_enter_on_the_summary_goes_back_to_the_library_and_quit_is_explicit(
    qtbot: QtBot,
) -> None:
    made = make_app(qtbot, quick_routine(hold(hold_s=5)))
    made.key(qtbot, K.Key_Return)
    made.until(StepKind.PAIN)
    made.key(qtbot, K.Key_0)
    assert made.window.nav.key_mode() is Mode.SUMMARY
    summary = made.window.summary
    assert summary is not None and summary.library_button.property("role") == "primary"
    made.key(qtbot, K.Key_Return)  # Enter counts reps too: one press too many must not quit
    assert made.window.isVisible() and made.window.nav.key_mode() is Mode.LIBRARY
    made.key(qtbot, K.Key_Return)  # start it again, finish, and quit with the button
    made.until(StepKind.PAIN)
    made.key(qtbot, K.Key_0)
    summary = made.window.summary
    assert summary is not None and summary.done_button.text().startswith("Quit HipTimer")
    summary.done_button.click()
    assert not made.window.isVisible()
    made.history.close()


def test_closing_mid_session_records_an_early_end(qtbot: QtBot) -> None:
    made = make_app(qtbot, quick_routine(side_hold(hold_s=20)))
    made.key(qtbot, K.Key_Return)
    made.until(StepKind.WORK)
    advance(made.window, made.clock, 4)
    made.window.close()
    assert db_rows("SELECT end_reason FROM sessions") == [("ended_early",)]
    [(held,)] = db_rows("SELECT actual_hold_s FROM sets")
    assert held == pytest.approx(4, abs=0.15)
    assert made.services()[2].calls == ["inhibit", "release"]
    made.history.close()


def test_the_first_run_notice_comes_first_and_only_once(qtbot: QtBot) -> None:
    made = make_app(qtbot, first_run_done=False)
    w = made.window
    assert w.nav.key_mode() is Mode.FIRST_RUN
    assert w.first_run is not None
    text = w.first_run.points.text()
    assert "physiotherapist" in text and "surgery" in text and "5/10" in text
    w.open_routine(short_routine(), start=True)  # --start waits for the notice
    assert w.session is None
    made.key(qtbot, K.Key_Space)  # Space never accepts: the notice is read first
    assert w.nav.key_mode() is Mode.FIRST_RUN
    made.key(qtbot, K.Key_Return)
    assert w.nav.key_mode() is Mode.WORKOUT
    assert made.settings.settings.first_run_done
    assert SettingsStore().settings.first_run_done
    w.close()
    made.history.close()


def test_open_routine_with_start_begins_at_once(app: App) -> None:
    app.window.open_routine(short_routine(), start=True)
    assert app.window.nav.key_mode() is Mode.WORKOUT
    assert app.engine.started


def test_open_routine_shows_a_file_the_library_does_not_list(qtbot: QtBot) -> None:
    # `hiptimer my-routine.json`, a file from elsewhere: that routine is shown, chosen, even
    # with the id of one the library lists (a copy being tried out before it is imported).
    made = make_app(qtbot, replace(short_routine(), path="/data/routines/quick-test.json"))
    library = made.window.library
    listed = library.items[0]
    assert listed.routine is not None
    elsewhere = replace(quick_routine(hold(hold_s=4)), path="/elsewhere/quick-test.json")
    made.window.open_routine(elsewhere, start=False)
    assert made.window.nav.key_mode() is Mode.LIBRARY
    assert library.selected is not None and library.selected.routine is elsewhere
    assert [i.routine for i in library.items] == [elsewhere, listed.routine]
    made.window.open_routine(listed.routine, start=False)  # a listed one: chosen, not added
    assert library.selected is listed and len(library.items) == 2
    made.window.open_routine(elsewhere, start=True)
    assert made.engine.routine is elsewhere
    made.window.end_by_system()
    made.window.close()
    made.history.close()


def test_a_file_opened_from_elsewhere_stays_listed_after_its_session(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its session over, the library is read again: the file opened stayed out of it, so it
    # dropped out of the list (and the weekly plan) while HipTimer still ran.
    made = make_app(qtbot, replace(short_routine(), path="/data/routines/quick-test.json"))
    listed = made.window.library.items[0].routine
    elsewhere = replace(quick_routine(hold(hold_s=4)), path="/elsewhere/quick-test.json")
    made.window.open_routine(elsewhere, start=True)
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    made.key(qtbot, K.Key_Escape)
    assert made.window.nav.key_mode() is Mode.SUMMARY
    made.key(qtbot, K.Key_Return)
    library = made.window.library
    assert made.window.nav.key_mode() is Mode.LIBRARY
    assert [i.routine for i in library.items] == [elsewhere, listed]
    assert library.selected is not None and library.selected.routine is elsewhere
    made.window.close()
    made.history.close()


def test_a_session_has_its_phrases_rendered_ahead(app: App) -> None:
    app.window.open_routine(short_routine(), start=True)
    _, speech, _ = app.services()
    assert speech.prepared[0] == speech.texts[0] == "Get ready: Clamshell hold. Right side first."
    app.until(StepKind.PAIN)
    assert len(speech.texts) > 5
    assert set(speech.texts) <= set(speech.prepared)  # everything said so far was prepared


def test_f11_toggles_full_screen(app: App, qtbot: QtBot) -> None:
    app.key(qtbot, K.Key_F11)
    assert app.window.isFullScreen()
    app.key(qtbot, K.Key_F11)
    assert not app.window.isFullScreen()


def test_keys_reach_the_window_whatever_has_the_focus(app: App, qtbot: QtBot) -> None:
    app.key(qtbot, K.Key_Return)
    assert app.window.session is not None
    button = app.window.session.page.controls.buttons
    target = next(iter(button.values()))
    qtbot.keyClick(target, K.Key_Space)  # sent to a button, not the window
    assert app.engine.paused
    qtbot.keyClick(app.window.session.page.big, K.Key_Space)
    assert not app.engine.paused


def test_held_keys_do_not_repeat(app: App, qtbot: QtBot) -> None:
    app.key(qtbot, K.Key_Return)
    app.until(StepKind.WORK)
    app.until(StepKind.PAIN)
    app.key(qtbot, K.Key_0)
    app.key(qtbot, K.Key_Right)  # skip the switch
    qtbot.keyPress(app.window, K.Key_Plus)
    hold_s = app.engine.dose("clam-hold").hold_s
    repeat = QKeyEvent(QEvent.Type.KeyPress, K.Key_Plus, Qt.KeyboardModifier.NoModifier, "+", True)
    QApplication.sendEvent(app.window, repeat)
    assert app.engine.dose("clam-hold").hold_s == hold_s


def test_the_pain_limit_comes_from_the_settings(qtbot: QtBot) -> None:
    made = make_app(qtbot, quick_routine(hold(hold_s=5)))
    made.settings.update(pain_limit=3)
    made.key(qtbot, K.Key_Return)
    made.until(StepKind.PAIN)
    made.key(qtbot, K.Key_4)
    assert made.window.nav.key_mode() is Mode.CHOICE
    made.window.close()
    made.history.close()


def test_service_problems_show_in_the_status_bar(qtbot: QtBot) -> None:
    services = fake_services()
    services.problems.append("The beeps could not start: no audio device")
    window = MainWindow(SettingsStore(), services, library=library_of(short_routine()))
    qtbot.addWidget(window)
    assert "no audio device" in window.statusBar().currentMessage()


def test_a_held_key_that_x11_repeats_as_release_and_press_counts_once(
    app: App, qtbot: QtBot
) -> None:
    app.key(qtbot, K.Key_Return)
    app.until(StepKind.PAIN)
    app.key(qtbot, K.Key_0, K.Key_Right)
    app.until(StepKind.PAIN)
    app.key(qtbot, K.Key_0)
    app.until(StepKind.WORK)
    assert app.window.nav.key_mode() is Mode.COUNTING

    def send(kind: QEvent.Type, stamp: int) -> None:
        event = QKeyEvent(kind, K.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        event.setTimestamp(stamp)
        QApplication.sendEvent(app.window, event)

    send(QEvent.Type.KeyPress, 1000)
    for stamp in (1660, 1700, 1740):  # the keyboard repeating: release and press at once
        send(QEvent.Type.KeyRelease, stamp)
        send(QEvent.Type.KeyPress, stamp)
    send(QEvent.Type.KeyRelease, 1790)
    assert app.engine.view().reps_done == 1
    send(QEvent.Type.KeyPress, 2100)  # a new press
    assert app.engine.view().reps_done == 2


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_the_history_window_opens_from_the_menu_with_the_sessions(
    app: App, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hiptimer.ui.history.window import HistoryWindow

    app.key(qtbot, K.Key_Return)
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    app.key(qtbot, K.Key_Escape)  # end the session: it is recorded as ended early
    history_action = next(
        a
        for m in app.window.menuBar().actions()
        for a in menu_of(m).actions()
        if "History" in a.text()
    )
    assert history_action.shortcut().toString() == "Ctrl+H"
    history_action.trigger()
    window = app.window.findChild(HistoryWindow)
    assert window is not None and window.isVisible()
    assert [s.routine_id for s in app.history.list_sessions()] == [short_routine().id]
    assert len(window.shown) == 1
    app.window.settings.update(pain_limit=3)  # after it opened: an export reads it then
    assert window.exports.pain_limit() == 3
    window.close()


def test_the_window_never_opens_larger_than_the_screen(app: App) -> None:
    area = app.window.screen().availableGeometry()
    frame = app.window.frameGeometry()
    assert frame.width() <= area.width() and frame.height() <= area.height()
    assert app.window.width() == min(1280, room(app.window).width())


def later(opened: list[Services]) -> Services:
    """Services that open (into fakes) only when asked, as hiptimer.ui.app gives them."""

    def opener(services: Services) -> None:
        fakes = fake_services(open_history(paths.history_db_path()))
        services.speech, services.beeper, services.history = (
            fakes.speech,
            fakes.beeper,
            fakes.history,
        )
        opened.append(services)

    return Services(opener=opener)


def test_the_window_shows_before_its_services_and_opens_them_once(qtbot: QtBot) -> None:
    SettingsStore().update(first_run_done=True)
    opened: list[Services] = []
    clock = FakeClock()
    window = MainWindow(SettingsStore(), later(opened), clock=clock, wall=FakeWall(clock),
                        library=library_of(short_routine()))  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    assert opened == [] and window.nav.key_mode() is Mode.LIBRARY  # the library works meanwhile
    window.open_services()
    window.open_services()
    assert len(opened) == 1 and isinstance(window.services.speech, FakeSpeech)
    window.close()
    assert window.services.history is not None
    window.services.history.close()


def test_a_library_read_later_is_read_once_with_the_services(qtbot: QtBot) -> None:
    SettingsStore().update(first_run_done=True)
    opened: list[Services] = []
    reads: list[int] = []

    def library() -> list[LibraryItem]:
        reads.append(1)
        return library_of(short_routine())()

    window = MainWindow(SettingsStore(), later(opened), library=library, show_first=True)
    qtbot.addWidget(window)
    window.show()
    page = window.library
    # On screen before the routine files are read: no routine, no Start, and not "none found".
    assert reads == [] and page.list.count() == 0 and page.selected is None
    assert not page.start_button.isEnabled() and page.empty.isHidden()
    assert opened == []
    window.open_services()
    window.open_services()
    assert reads == [1] and page.list.count() == 1 and page.start_button.isEnabled()
    assert page.selected is not None and page.selected.id == short_routine().id
    assert len(opened) == 1
    window.close()
    assert window.services.history is not None
    window.services.history.close()


def test_a_returning_user_finds_the_routine_of_their_last_session_chosen(qtbot: QtBot) -> None:
    # Seen under Xvfb a week after a session of Gentle hip care: the library opened on Daily
    # hip stretches, the first listed, where Enter would have started it.
    SettingsStore().update(first_run_done=True)
    first = short_routine()
    done_last = replace(short_routine(), id="gentle", title="Gentle")
    store = open_history(paths.history_db_path())
    side = done_last.exercises[0]
    record(store, done_last, date(2026, 11, 29), {(side.id, "right"): [2]})
    begun = store.begin_session(first.id, first.title, 1, {}, at(date(2026, 11, 30)))
    store.finish_session(begun, "ended_early", at(date(2026, 11, 30)))  # no set done: not it
    store.close()
    made = make_app(qtbot, first, done_last)
    assert made.window.library.selected is not None
    assert made.window.library.selected.id == "gentle"
    made.window.close()
    made.history.close()


def test_a_first_start_chooses_the_first_routine_listed(app: App) -> None:
    assert app.window.library.selected is not None
    assert app.window.library.selected.id == short_routine().id


def test_a_window_shown_first_takes_its_keys_and_drops_after_its_first_paint(
    qtbot: QtBot,
) -> None:
    SettingsStore().update(first_run_done=True)
    window = MainWindow(
        SettingsStore(), library=library_of(short_routine(), quick_routine(hold())), show_first=True
    )
    qtbot.addWidget(window)
    window.show()
    for _ in range(3):  # idle moments pass (zero timers run): nothing taken before open_services()
        QApplication.processEvents()
    assert not window.keys.installed and window.routine_actions.drops is None
    window.open_services()  # as hiptimer.ui.app does after the first paint
    assert window.keys.installed and window.routine_actions.drops is not None
    assert window.library.list.currentRow() == 0
    qtbot.keyClick(window, K.Key_Down)
    assert window.library.list.currentRow() == 1


def test_routine_files_can_be_dropped_on_the_window_from_its_first_idle_moment(
    qtbot: QtBot,
) -> None:
    window = MainWindow(SettingsStore(), library=library_of(short_routine()))
    qtbot.addWidget(window)
    assert window.routine_actions.drops is None  # the import code is not loaded yet
    qtbot.waitUntil(lambda: window.routine_actions.drops is not None, timeout=2000)
    assert window.acceptDrops()


def test_a_session_started_before_the_services_opened_opens_them_first(qtbot: QtBot) -> None:
    SettingsStore().update(first_run_done=True)
    opened: list[Services] = []
    clock = FakeClock()
    window = MainWindow(SettingsStore(), later(opened), clock=clock, wall=FakeWall(clock),
                        library=library_of(short_routine()))  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClick(window, K.Key_Return)  # before the event loop was first idle
    assert len(opened) == 1 and window.session is not None
    speech = window.services.speech
    assert (
        isinstance(speech, FakeSpeech)
        and speech.texts[0] == "Get ready: Clamshell hold. Right side first."
    )
    window.close()
    assert window.services.history is not None
    window.services.history.close()


# ---------------------------------------------------------------- times as written (issue 14)

WORDY = hold(
    "wordy", 3, setup=("Lie on your side with your knees bent and your hips stacked.",) * 3
)


def summary_heading(a: App, qtbot: QtBot) -> str:
    """The summary's "<title> — planned <time>" after the one set of a session begun."""
    a.until(StepKind.PAIN)
    a.key(qtbot, K.Key_0)
    summary = a.window.summary
    assert summary is not None
    return summary.subtitle.text()


def wordy_lengths() -> tuple[str, str]:
    """WORDY's length with the voice reading its lead-ins, and with its pauses as written."""
    rule = make_cue_writer("first", (), 5).lead_in_seconds
    spoken = format_duration(estimated_seconds(quick_routine(WORDY), rule))
    return spoken, format_duration(estimated_seconds(quick_routine(WORDY)))


@pytest.mark.parametrize("muted", [False, True])
def test_the_planned_time_library_and_session_agree_on_the_lead_ins(
    qtbot: QtBot, muted: bool
) -> None:
    SettingsStore().update(muted=muted)
    a = make_app(qtbot, quick_routine(WORDY))
    try:
        rule = make_cue_writer("first", (), 5).lead_in_seconds
        planned = estimated_seconds(quick_routine(WORDY), None if muted else rule)
        written = estimated_seconds(quick_routine(WORDY))
        assert (planned > written + 10) is not muted  # the voice stretches the 2 s get-ready
        assert a.window.library.list.item(0).text().endswith(format_duration(planned))
        a.key(qtbot, K.Key_Return)
        assert a.engine.view().duration_s == pytest.approx(2 if muted else rule(WORDY))
        assert summary_heading(a, qtbot).endswith(f"planned {format_duration(planned)}")
    finally:
        a.window.close()
        a.history.close()


def test_a_voice_that_turns_out_unable_to_play_leaves_one_figure_library_and_summary(
    qtbot: QtBot,
) -> None:
    """The library kept the voice's lead-ins (54 s for a tester's routine) after the voice
    failed, where the session ran its pauses as written (summary: planned 46 s). The
    session's time is the truth: the library follows the voice's state and the mute."""
    a = make_app(qtbot, quick_routine(WORDY))
    try:
        _, speech, _ = a.services()
        spoken, written = wordy_lengths()
        assert spoken != written
        assert a.window.library.list.item(0).text().endswith(spoken)
        a.window.settings_actions.mute_requested.emit(True)  # the settings' Mute
        assert a.window.library.list.item(0).text().endswith(written)
        a.window.settings_actions.mute_requested.emit(False)
        assert a.window.library.list.item(0).text().endswith(spoken)
        speech.fail("no voice can play")
        assert a.window.library.list.item(0).text().endswith(written)
        a.key(qtbot, K.Key_Return)
        assert summary_heading(a, qtbot).endswith(f"planned {written}")
    finally:
        a.window.close()
        a.history.close()


@pytest.mark.parametrize("change", ["fails", "muted", "unmuted"])
def test_a_voice_changed_mid_session_leaves_the_planned_time_of_its_start_said_so(
    qtbot: QtBot, change: str
) -> None:
    """The summary kept the voice's estimate ("planned 54 s") after the voice failed or was
    muted in the get-ready, beside a session that ran its pauses as written: the planned time
    is the start's, and the summary says which (docs/routine-format.md, Rests)."""
    SettingsStore().update(muted=change == "unmuted")
    a = make_app(qtbot, quick_routine(WORDY))
    try:
        _, speech, _ = a.services()
        spoken, written = wordy_lengths()
        a.key(qtbot, K.Key_Return)
        if change == "fails":
            speech.fail("no voice can play")
        else:
            a.window.settings_actions.mute_requested.emit(change == "muted")
        heading = summary_heading(a, qtbot)
        if change == "unmuted":
            assert heading.endswith(f"planned {written} at the start, without the voice")
        else:
            assert heading.endswith(f"planned {spoken} at the start, with the voice")
    finally:
        a.window.close()
        a.history.close()


def test_quitting_by_key_asks_first_with_the_session_paused_and_says_it_ends(
    app: App, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []
    paused: list[bool] = []
    answer = [False]

    def ask(_parent: object, *, session_running: bool) -> bool:
        asked.append(session_running)
        session = app.window.session
        paused.append(session is not None and session.driver.view().paused)
        return answer[0]

    monkeypatch.setattr("hiptimer.ui.menus.ask_to_quit", ask)
    quit_action = next(
        a
        for m in app.window.menuBar().actions()
        for a in menu_of(m).actions()
        if a.shortcut().toString() == "Ctrl+Q"
    )
    app.key(qtbot, K.Key_Return)
    quit_action.trigger()  # Ctrl+Q during a session: asked, kept going
    assert asked == [True] and app.window.isVisible() and app.window.session is not None
    # Paused while asked, as Esc's question is (a hold ran out behind it), then going on.
    assert paused == [True] and not app.window.session.driver.view().paused
    answer[0] = True
    quit_action.trigger()
    assert asked == [True, True] and not app.window.isVisible()
    assert db_rows("SELECT end_reason FROM sessions") == [("ended_early",)]


def test_a_routine_with_every_exercise_left_out_is_not_started(qtbot: QtBot) -> None:
    # Valid ("enabled": false on each exercise), so it is listed; Enter ran an empty session
    # straight to "Session complete" and wrote a session of no sets to the history.
    from dataclasses import replace

    routine = short_routine()
    routine = replace(
        routine, exercises=tuple(replace(ex, enabled=False) for ex in routine.exercises)
    )
    made = make_app(qtbot, routine)
    try:
        made.key(qtbot, Qt.Key.Key_Return)
        assert made.window.session is None
        assert made.window.nav.showing(made.window.library)
        assert "nothing to start" in made.window.statusBar().currentMessage()
        assert db_rows("SELECT COUNT(*) FROM sessions") == [(0,)]
    finally:
        made.window.close()
        made.history.close()


def test_a_screen_reader_hears_the_exercise_not_every_second(app: App, qtbot: QtBot) -> None:
    """The title ticks for the taskbar; the window's accessible name (what a screen reader
    speaks when it changes) names the exercise and changes with it, not with the clock."""
    w = app.window

    def name() -> str:
        iface = QAccessible.queryAccessibleInterface(w)
        assert iface is not None
        return iface.text(QAccessible.Text.Name)

    app.key(qtbot, K.Key_Return)
    app.until(StepKind.WORK)
    titles, names = set(), set()
    for _ in range(4):
        advance(w, app.clock, 1)
        titles.add(w.windowTitle())
        names.add(name())
    assert len(titles) == 4
    assert names == {"Clamshell hold \u2014 HipTimer"}
    app.until(StepKind.PAIN)
    assert name() == "Clamshell hold \u2014 HipTimer"
    assert w.windowTitle() == "Rate pain: Clamshell hold \u2014 HipTimer"


def test_the_status_bar_shows_only_while_it_has_a_message(app: App, qtbot: QtBot) -> None:
    """An empty bar stayed after M's "Sound off" and took ~45 px of the workout in large
    print on a 1024 x 768 laptop."""
    w = app.window
    app.key(qtbot, K.Key_Return)
    app.until(StepKind.WORK)
    app.key(qtbot, K.Key_M)
    bar = w.statusBar()
    assert not bar.isHidden() and bar.currentMessage() == "Sound off"
    # ... and a screen reader is told, as a notification (Orca 43 says "Sound off.").
    assert isinstance(bar, SpokenStatusBar)
    iface = QAccessible.queryAccessibleInterface(bar.message)
    assert iface is not None and iface.role() is QAccessible.Role.Notification
    assert iface.text(QAccessible.Text.Name) == "Sound off"
    bar.clearMessage()  # its time is up
    assert bar.isHidden()
    w.show_problem("Something to read")
    assert not bar.isHidden() and bar.currentMessage() == "Something to read"


def test_back_and_next_while_paused_move_and_stay_paused(app: App, qtbot: QtBot) -> None:
    """As in any player: the step keys move during a pause, and Space alone resumes."""
    w = app.window
    app.key(qtbot, K.Key_Return)
    app.until(StepKind.WORK)
    app.key(qtbot, K.Key_Space)
    app.key(qtbot, K.Key_Left)  # back to the get-ready, still paused
    assert app.engine.step.kind is StepKind.GET_READY and app.engine.paused
    assert w.windowTitle().startswith("Paused")
    left = app.engine.view().remaining_s
    advance(w, app.clock, 30, step=1.0)  # paused: a poll a second shows it as well as ten
    assert app.engine.step.kind is StepKind.GET_READY and app.engine.view().remaining_s == left
    app.key(qtbot, K.Key_Right)  # on to the hold, still paused
    assert app.engine.step.kind is StepKind.WORK and app.engine.paused
    app.key(qtbot, K.Key_Space)
    assert not app.engine.paused


def summary_after_plus(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, answer: int, presses: tuple[K, ...]
) -> tuple[App, list[str]]:
    """A one-hold session (5 s) whose dose the keys changed, on its summary; the keep
    question answers `answer` (1 Keep, 0 Not now) and lists its titles in the list."""
    from hiptimer.ui.editor.keep_doses import KeepDosesDialog

    offered: list[str] = []

    def answered(dialog: KeepDosesDialog) -> int:
        offered.append(dialog.windowTitle())
        return answer

    monkeypatch.setattr(KeepDosesDialog, "exec", answered)
    made = make_app(qtbot, quick_routine(hold(hold_s=5)))
    made.key(qtbot, K.Key_Return)
    made.until(StepKind.WORK)
    for key in presses:  # a dose changed: the summary offers to keep it
        made.key(qtbot, key)
    made.until(StepKind.PAIN)
    made.key(qtbot, K.Key_0)
    assert made.window.summary is not None and made.window.nav.key_mode() is Mode.SUMMARY
    return made, offered


def test_y_on_the_summary_offers_to_keep_the_doses_as_its_button_does(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hiptimer.core.dosing.doses_to_keep import doses_to_keep
    from hiptimer.ui.a11y import describe

    presses = (K.Key_Plus, K.Key_Plus, K.Key_Plus, K.Key_Minus)  # 5 -> 20 -> 15 s
    made, offered = summary_after_plus(qtbot, monkeypatch, 0, presses)
    summary = made.window.summary
    assert summary is not None
    # Once, from start to end: it listed each press (5 -> 10 s, ... 20 -> 15 s).
    lines = "Doses changed this session:\n\u2022 Stretch: hold 5 s \u2192 15 s"
    assert summary.adjustments.text().replace("\u00a0", " ") == lines
    button = summary.keep_button
    assert button.isVisible() and button.text().endswith("   [Y]")
    describe(button)  # as the app's ButtonNames filter does when it shows
    assert button.accessibleName() == "Keep these doses for next time?"
    assert button.accessibleDescription().endswith("Key: Y")
    routine = summary.result.started_with
    assert routine is not None and doses_to_keep(made.history, routine) is not None
    made.key(qtbot, K.Key_Y)
    assert len(offered) == 1
    # Not now closed the offer the library would make again: the summary says so, greyed,
    # and Y asks no more (it stayed "Keep these doses for next time?" and asked again).
    assert doses_to_keep(made.history, routine) is None
    assert not button.isEnabled() and button.text() == "Doses not kept"
    assert button.accessibleName() == "Doses not kept"
    made.key(qtbot, K.Key_Y)
    assert len(offered) == 1
    made.window.close()
    made.history.close()


def test_y_after_keep_asks_no_more_and_the_summary_says_the_doses_are_kept(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hiptimer.core.dosing.doses_to_keep import doses_to_keep

    made, offered = summary_after_plus(qtbot, monkeypatch, 1, (K.Key_Plus,))  # 5 -> 10 s
    summary = made.window.summary
    assert summary is not None and summary.result.started_with is not None
    made.key(qtbot, K.Key_Y)
    assert len(offered) == 1
    assert doses_to_keep(made.history, summary.result.started_with) is None
    button = summary.keep_button
    assert not button.isEnabled() and button.text() == "Doses kept for next time"
    made.key(qtbot, K.Key_Y)  # it greyed and still asked "Keep these doses for next time?"
    assert len(offered) == 1
    made.window.close()
    made.history.close()
