"""Every window, page and dialog of the app opened in turn, for checks that apply to them all.

A tour calls `visit(name, window)` at each stop with the top-level window shown and laid
out; the screen-size test and the accessibility test both walk it. Modal dialogs are
visited from inside their own event loop and then dismissed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history.status import HistoryState, HistoryStatus
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.model import Routine, SideMode
from hiptimer.core.routines.user_routines import ImportOutcome, ImportStatus
from hiptimer.core.session.steps import StepKind
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.about import show_about
from hiptimer.ui.history.window import HistoryWindow
from hiptimer.ui.key_help import show_keys
from hiptimer.ui.keys import Mode
from hiptimer.ui.library.items import LibraryItem, load_library
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.menus import ask_to_end
from hiptimer.ui.services.status_banner import ask_to_quit
from tests.harness import QUICK_RESTS, hold, reps, routine
from tests.history_data import Weeks, fill
from tests.ui.guided import Days
from tests.ui.kept_homes import keep, kept_copy, put_back, two_good_days
from tests.ui.sessions import advance, fake_services, until_change
from tests.ui.tour_steps import day_session, go_on
from tests.ui.tour_stops import Visit, at_stops

LONG_NAME = "Side-lying hip abduction with a resistance band just above both knees"
STEPS = (
    "Lie on your side with your head resting on your lower arm and your legs straight.",
    "Stack your hips one above the other and bend the lower knee a little for balance.",
    "Tighten your stomach muscles gently, as if bracing for a small cough.",
    "Lift the top leg slowly towards the ceiling, leading with the heel, then lower it.",
)
CAUTION = "Stop if you feel a sharp or pinching pain at the front of the hip."

# Every stop a tour makes; a test that walks it checks that none was missed.
STOPS = (
    "first run",
    "library",
    "notice",
    "settings",
    "keyboard shortcuts",
    "about",
    "weekly plan",
    "get ready",
    "paused",
    "hold",
    "end the session?",
    "pain",
    "choice",
    "rest",
    "counting reps",
    "summary",
    "keep these doses?",
    "history: sessions",
    "history: pain and dose",
    "history: adherence",
    "history: re-tests",
    "editor",
    "exercise picker",
    "import clash",
    "history not saved",
    "resume",
    "suggestions",
    "morning check-in",
    "morning advice",
)


def tour_routine() -> Routine:
    """Long names, four setup steps and a caution, sides, holds and self-paced reps."""
    return routine(
        hold(
            "abduction", 6, sets=2, name=LONG_NAME, sides=SideMode.EACH, setup=STEPS,
            caution=CAUTION, cues=("Keep your hips stacked and your knee pointing forward.",),
        ),
        reps("bridge", 3, sets=2, name="Bridge with a three-second hold at the top", setup=STEPS,
             caution=CAUTION),
        rests=QUICK_RESTS,
        id="tour",
        title="Hip strengthening for the weeks after a long break from exercise",
        description="A routine with long words in it, as a user may write one.",
        cautions=(CAUTION,),
    )  # fmt: skip


def in_modal(visit: Visit, name: str, opens: Callable[[], object]) -> None:
    """Run `opens` (which shows a modal dialog and waits), visit the dialog, dismiss it.

    The dialog is dismissed whatever the visit finds: a check failing inside this timer's
    callback used to leave the dialog open, and `opens` and the whole test run waited for it
    for ever (a CI run hung here). What failed is raised once `opens` has returned.
    """
    seen: list[str] = []
    failed: list[BaseException] = []

    def look(tries: int = 0) -> None:
        box = QApplication.activeModalWidget()
        if box is None and tries < 500:  # up to ~5 s on a loaded machine
            QTimer.singleShot(10, lambda: look(tries + 1))
            return
        if not isinstance(box, QDialog):
            failed.append(AssertionError(f"{name}: no modal dialog came up"))
            for stray in QApplication.topLevelWidgets():  # (whatever came up instead)
                if isinstance(stray, QDialog) and stray.isVisible():
                    stray.done(QDialog.DialogCode.Rejected)
            return
        try:
            visit(name, box)
            seen.append(name)
        except BaseException as exc:  # (raised again below, once the dialog is gone)
            failed.append(exc)
        finally:
            box.done(QDialog.DialogCode.Rejected)

    QTimer.singleShot(0, look)
    opens()
    if failed:
        raise failed[0]
    assert seen == [name], f"{name} was not visited"


def _window(qtbot: QtBot, settings: SettingsStore, history: HistoryStore, r: Routine,
            clock: FakeClock) -> MainWindow:  # fmt: skip
    window = MainWindow(
        settings, fake_services(history), clock=clock, wall=FakeWall(clock),
        library=lambda: [LibraryItem(r.id, r.title, r), *load_library()],
    )  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def session_tour(qtbot: QtBot, visit: Visit) -> None:
    """First run, library, settings, a whole session with every page, summary, history, editor."""
    visit = at_stops(visit)
    clock = FakeClock()
    settings = SettingsStore()
    history = open_history(paths.history_db_path())
    fill(history, Weeks(FakeWall(clock)().date()))
    r = tour_routine()
    window = _window(qtbot, settings, history, r, clock)
    visit("first run", window)
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert window.nav.key_mode() is Mode.LIBRARY
    window.library.select(r.id)
    visit("library", window)
    # The strip above the pages, with Details (a long notice) and an action's button.
    window.notice.show_notice("Reminders", " ".join(STEPS), ("Open in the editor", lambda: None))
    visit("notice", window)
    window.notice.dismiss.click()
    dialog = window.settings_actions.open()
    visit("settings", dialog)
    dialog.reject()
    keys = show_keys(window)
    assert keys is not None
    visit("keyboard shortcuts", keys)
    keys.close()
    in_modal(visit, "about", lambda: show_about(window))
    plan = window.reminders.open_plan()
    visit("weekly plan", plan)
    plan.reject()

    def step() -> StepKind:
        assert window.session is not None
        return window.session.driver.engine.step.kind

    window.start_session(r)
    visit("get ready", window)
    qtbot.keyClick(window, Qt.Key.Key_Space)  # paused beside the steps: the narrowest count
    visit("paused", window)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    until_change(window, clock, lambda: step() is StepKind.WORK)
    qtbot.keyClick(window, "+")  # a dose changed: the summary offers to keep it
    visit("hold", window)
    in_modal(visit, "end the session?", lambda: ask_to_end(window))
    until_change(window, clock, lambda: window.nav.key_mode() is Mode.PAIN)
    visit("pain", window)
    qtbot.keyClick(window, "8")
    assert window.nav.key_mode() is Mode.CHOICE
    visit("choice", window)
    qtbot.keyClick(window, "c")
    go_on(qtbot, window, clock, lambda: step() is StepKind.REST)
    visit("rest", window)
    go_on(qtbot, window, clock, lambda: window.nav.key_mode() is Mode.COUNTING)
    visit("counting reps", window)
    go_on(qtbot, window, clock, lambda: window.session is None)
    visit("summary", window)
    summary = window.summary
    assert summary is not None and summary.keep_button.isVisible()
    in_modal(visit, "keep these doses?", summary.keep_button.click)
    _history_tour(window, visit)
    _editor_tour(window, r, visit)
    status = HistoryStatus(HistoryState.NOT_SAVING, paths.history_db_path(), "disk full", 3)
    in_modal(visit, "history not saved", lambda: ask_to_quit(window, status))
    window.close()
    history.close()


def _history_tour(window: MainWindow, visit: Visit) -> None:
    window.open_history()
    shown = window.findChild(HistoryWindow)
    assert shown is not None
    for index, name in enumerate(("sessions", "pain and dose", "adherence", "re-tests")):
        shown.tabs.setCurrentIndex(index)
        visit(f"history: {name}", shown)
    shown.close()


def _editor_tour(window: MainWindow, r: Routine, visit: Visit) -> None:
    from hiptimer.ui.editor import files
    from hiptimer.ui.editor.picker import pick_exercise
    from hiptimer.ui.editor.window import EditorWindow

    editor = window.routine_actions.open_editor(r)
    assert isinstance(editor, EditorWindow)
    visit("editor", editor)
    in_modal(visit, "exercise picker", lambda: pick_exercise(editor.catalog, editor))
    clash = ImportOutcome(ImportStatus.CLASH, r, clash_paths=(Path("/tmp/tour.json"),))
    in_modal(visit, "import clash", lambda: files.ask_clash(editor, clash))
    editor.undo_stack.clear()
    editor.close()


def resume_tour(qtbot: QtBot, visit: Visit) -> None:
    """A session cut off mid-set (as by a kill), offered again by the next start."""
    visit = at_stops(visit)
    clock = FakeClock()
    settings = SettingsStore()
    settings.update(first_run_done=True)
    r = tour_routine()
    history = open_history(paths.history_db_path())
    copy = kept_copy("cut-off")  # made once a run in each language (kept_homes.py)
    if copy is None:
        window = _window(qtbot, settings, history, r, clock)
        window.start_session(r)
        until_change(window, clock, lambda: window.nav.key_mode() is Mode.PAIN)
        qtbot.keyClick(window, "3")
        advance(window, clock, 1)
        assert window.session is not None
        window.session.driver.stop()  # dead: nothing more is recorded
        monkey = _Dead(history)
        window.close()
        monkey.undo()
    history.close()
    if copy is None:
        keep("cut-off", clock)
    else:
        put_back(copy, clock)
    settings = SettingsStore()  # as the copy or the cut-off session left it
    history = open_history(paths.history_db_path())
    window = _window(qtbot, settings, history, r, clock)
    window.open_services()
    assert window.nav.key_mode() is Mode.RESUME
    visit("resume", window)
    window.close()
    history.close()


class _Dead:
    """Stops the history from writing, as a killed process would."""

    def __init__(self, history: HistoryStore) -> None:
        self._history = history
        self._submit = history._submit
        history._submit = lambda *args, **kwargs: None  # type: ignore[method-assign]

    def undo(self) -> None:
        self._history._submit = self._submit  # type: ignore[method-assign]


def guidance_tour(qtbot: QtBot, visit: Visit) -> None:
    """A painful set's step-back suggestion, the morning check-in and the morning's advice."""
    visit = at_stops(visit)
    days = Days(qtbot)
    days.open()
    day_session(days, [1, 7])  # above 5: a step back is suggested on the summary
    visit("suggestions", _shown(days))
    days.key(Qt.Key.Key_N)
    days.next_morning()
    assert days.mode() is Mode.CHECKIN
    visit("morning check-in", _shown(days))
    days.check_in(0, 1)
    two_good_days(days)  # two good sessions with good mornings: more is offered
    days.next_morning()
    days.check_in(0, 0)
    assert days.mode() is Mode.CHECKIN
    visit("morning advice", _shown(days))
    days.done()


def _shown(days: Days) -> MainWindow:
    assert days.window is not None
    return days.window


TOURS = (session_tour, resume_tour, guidance_tour)
