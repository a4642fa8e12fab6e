"""The dialogs and pages the tours do not stop at (tests/ui/tour.py), read as a screen reader
would and walked by the keyboard alone: named and described, Tab in reading order, never held
in one place, and Esc closing a dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history.store import open_history
from hiptimer.core.plan.model import WeeklyPlan
from hiptimer.core.routines.model import Measure, Retest
from hiptimer.core.session.steps import StepKind
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.a11y import install_reader_filter
from hiptimer.ui.history.corrections import MorningDialog, PainDialog
from hiptimer.ui.history.window import HistoryWindow
from hiptimer.ui.keys import Mode
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.menus import ask_to_quit
from hiptimer.ui.reminders.plan_dialog import ROWS_FOR_ALL_UP_TO, PlanDialog
from tests.harness import hold, quick_routine
from tests.history_data import HIPS, STRETCH, Weeks, fill
from tests.ui.a11y_checks import accessibility_problems, focus_order_problems, unnamed_stops
from tests.ui.keyboard_checks import esc_leaves_open, tab_traps
from tests.ui.main_app import make_app
from tests.ui.sessions import fake_services, library_of
from tests.ui.tour import in_modal

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


@pytest.fixture
def history(qtbot: QtBot, tmp_path: Path, weeks: Weeks) -> Iterator[HistoryWindow]:
    """The History window on six weeks of sessions, the newest with a next-morning check-in."""
    with open_history(tmp_path / "history.sqlite3") as store:
        fill(store, weeks)
        window = HistoryWindow(store, [HIPS, STRETCH])
        qtbot.addWidget(window)
        window.set_filters(None, None, None)
        newest = window.sessions_pane.current()
        assert newest is not None
        store.record_morning(newest.id, 7, None, datetime.now(timezone.utc))
        window.set_filters(None, None, None)  # read again, with the check-in
        window.show()
        yield window
        window.close()


def opened(qtbot: QtBot, name: str, opens: Callable[[], object]) -> tuple[QWidget, list[str]]:
    """The modal dialog `opens` shows, and what a reader or a keyboard misses in it (Esc
    closes it, or it is closed for it)."""
    seen: list[tuple[QWidget, list[str]]] = []
    in_modal(lambda _name, box: seen.append((box, problems(qtbot, box))), name, opens)
    return seen[0]


def test_the_corrections_from_history_say_what_each_box_takes_and_what_was_given(
    qtbot: QtBot, history: HistoryWindow
) -> None:
    # Their score boxes had no description: Tab to one said "New rating, spin button, 3 / 10",
    # and what the set was rated, and that below 0 means "no rating", went unsaid.
    pane = history.sessions_pane
    pane.list_view.selectRow(5)  # the oldest: bridge rated 5 and 6
    pane.sets_view.selectRow(1)
    pain, found = opened(qtbot, "a set's pain", pane.pain_button.click)
    assert found == []
    assert isinstance(pain, PainDialog)
    assert pain.pain.accessibleDescription() == "0 to 10, or no rating below 0. Rated: 6/10"
    pane.list_view.selectRow(0)
    morning, found = opened(qtbot, "a check-in", pane.morning_button.click)
    assert found == []
    assert isinstance(morning, MorningDialog)
    said = [morning.pain.accessibleDescription(), morning.stiffness.accessibleDescription()]
    assert said == ["0 to 10, or no score below 0. Given: 7/10",
                    "0 to 10, or no score below 0. Given: none"]  # fmt: skip


def test_marking_a_session_not_representative_asks_why_in_a_dialog_that_reads_well(
    qtbot: QtBot, history: HistoryWindow
) -> None:
    _box, found = opened(qtbot, "why", history.sessions_pane.representative.click)
    assert found == []
    assert not history.sessions_pane.representative.isChecked()  # Esc: not marked


@pytest.mark.parametrize("running", [True, False], ids=["in a session", "outside"])
def test_the_quit_question_reads_well_and_esc_keeps_hiptimer_open(
    qtbot: QtBot, running: bool
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    host.show()
    answers: list[bool] = []
    _box, found = opened(
        qtbot, "quit?", lambda: answers.append(ask_to_quit(host, session_running=running))
    )
    assert found == [] and answers == [False]


def test_a_re_test_s_result_page_reads_well_and_tab_goes_round_it(qtbot: QtBot) -> None:
    knee = hold("knee", 20, name="Knee to wall", test=Retest(Measure.VALUE, "cm"))
    app = make_app(qtbot, quick_routine(knee))
    app.key(qtbot, Qt.Key.Key_Return)  # the library's routine
    app.until(StepKind.WORK)
    app.key(qtbot, Qt.Key.Key_Right)  # measured: what was the result?
    assert app.window.nav.key_mode() is Mode.RESULT
    assert problems(qtbot, app.window) == []
    assert app.window.session is not None
    app.window.session.driver.stop()
    app.window.close()
    app.history.close()


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


def test_the_library_under_the_warning_band_and_a_notice_reads_well(qtbot: QtBot) -> None:
    # The band (a settings file moved aside, with OK) and the notice strip (with an action)
    # above the library: in no tour stop together; their buttons are Tab stops there.
    path = paths.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"pain_limit": 3', encoding="utf-8")
    settings = SettingsStore()
    settings.update(first_run_done=True)
    clock = FakeClock()
    window = MainWindow(settings, fake_services(), clock=clock, wall=FakeWall(clock),
                        library=library_of(quick_routine(hold("hug", 3))))  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.notice.show_notice("Reminders", "No notifications here.", ("Change the plan", print))
    assert window.banner.isVisible() and window.notice.isVisible()
    assert problems(qtbot, window) == []
    window.close()


def test_tab_from_a_notice_above_the_summary_reaches_its_table_and_buttons(qtbot: QtBot) -> None:
    # Seen under Xvfb with the no-voice notice: Tab from *Back to library* went to the notice's
    # Details and Dismiss, then straight back to *Back to library* (the page's focus proxy),
    # never to the table of sets, the suggestions or *Quit HipTimer*.
    app = make_app(qtbot, quick_routine(hold("hug", 5)))
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    app.window.notice.show_notice("No voice", "Speech is off.")
    app.key(qtbot, Qt.Key.Key_Return)
    app.until(StepKind.PAIN)
    app.key(qtbot, Qt.Key.Key_0)
    summary = app.window.summary
    assert summary is not None and QApplication.focusWidget() is summary.library_button
    assert problems(qtbot, app.window) == []
    app.window.close()
    app.history.close()


def test_tab_reaches_the_review_line_above_start_before_start(qtbot: QtBot) -> None:
    # Seen under Xvfb: Tab went from the routine's details to *Start*, then up to *Review*
    # on the line above it ("1 suggestion from your last session, not answered yet").
    app = make_app(qtbot, quick_routine(hold("hug", 5)))
    app.window.library.suggestions.show_count(1)
    assert app.window.library.suggestions.button.isVisible()
    assert problems(qtbot, app.window) == []
    app.window.close()
    app.history.close()
