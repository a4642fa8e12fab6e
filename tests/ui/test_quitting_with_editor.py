"""Quitting with the routine editor open: its "Save changes?" comes first, and Cancel keeps
every window as it was; the whole app's end, services shut down once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.history.store import open_history
from hiptimer.core.session.steps import StepKind
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.app import run_app
from hiptimer.ui.editor.window import EditorWindow
from hiptimer.ui.main_window import MainWindow
from tests.ui.editor.editing import Answer
from tests.ui.main_app import App
from tests.ui.quitting import (
    EDITED_TITLE,
    SAVE_QUESTION,
    QuitPrompts,
    app_with_editors,  # noqa: F401 (the app fixture)
    open_editor,
    press_ctrl_q,
    quit_prompts,  # noqa: F401 (the prompts fixture)
    shown_main_window,
)
from tests.ui.sessions import (
    fake_services,
    menu_of,
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.usefixtures("no_timer_left")


def quit_by(qtbot: QtBot, window: MainWindow, how: str) -> None:
    """Close the main window as the user would: Ctrl+Q typed on it, File > Quit, or the
    window's close button (what the window manager sends is a close event, as close() does)."""
    if how == "ctrl-q":
        press_ctrl_q(qtbot, window)
    elif how == "file-menu":
        [file_menu] = [a for a in window.menuBar().actions() if a.text() == "&File"]
        [quit_item] = [a for a in menu_of(file_menu).actions() if a.text() == "&Quit"]
        quit_item.trigger()
    else:
        window.close()


def quit_questions(how: str) -> list[str]:
    """What the quit itself asks before the editor's question (Ctrl+Q and File > Quit ask)."""
    return [] if how == "close-button" else ["Quit HipTimer?"]


WAYS = ["ctrl-q", "file-menu", "close-button"]


@pytest.mark.parametrize("how", WAYS)
def test_cancel_on_the_editor_s_question_keeps_both_windows_and_the_edits(
    app: App, qtbot: QtBot, prompts: QuitPrompts, how: str
) -> None:
    # The audit: Ctrl+Q, then Cancel on "Save changes?": the main window had closed already,
    # and only the editor was left on screen.
    editor = open_editor(qtbot, app.window, edited=True)
    prompts.answer = Answer.Cancel
    quit_by(qtbot, app.window, how)
    assert prompts.questions == [*quit_questions(how), SAVE_QUESTION]  # asked once
    assert app.window.isVisible() and not app.window.closing.closed
    assert editor.isVisible() and editor.is_modified
    assert editor.data["title"] == EDITED_TITLE


@pytest.mark.parametrize("how", WAYS)
@pytest.mark.parametrize("answer", ["save", "discard"])
def test_save_or_discard_on_the_editor_s_question_closes_both(
    app: App, qtbot: QtBot, prompts: QuitPrompts, how: str, answer: str
) -> None:
    editor = open_editor(qtbot, app.window, edited=True)
    prompts.answer = Answer.Save if answer == "save" else Answer.Discard
    quit_by(qtbot, app.window, how)
    assert prompts.questions == [*quit_questions(how), SAVE_QUESTION]  # asked once
    assert not editor.isVisible() and not app.window.isVisible()
    assert app.window.closing.closed
    saved = paths.user_routines_dir() / "my-routine.json"
    assert saved.exists() is (answer == "save")
    if answer == "save":
        assert EDITED_TITLE in saved.read_text(encoding="utf-8")


@pytest.mark.parametrize("how", WAYS)
def test_an_editor_with_nothing_unsaved_closes_with_the_window_without_a_question(
    app: App, qtbot: QtBot, prompts: QuitPrompts, how: str
) -> None:
    editor = open_editor(qtbot, app.window, edited=False)
    quit_by(qtbot, app.window, how)
    assert prompts.questions == quit_questions(how)
    assert not editor.isVisible() and not app.window.isVisible()


def test_cancel_keeps_a_running_session_going(app: App, qtbot: QtBot, prompts: QuitPrompts) -> None:
    # Ctrl+Q pauses the session while it asks; a Cancel on the editor's question must not
    # have ended it (recorded as ended early) on the way.
    app.key(qtbot, Qt.Key.Key_Return)
    app.until(StepKind.WORK)
    editor = open_editor(qtbot, app.window, edited=True)
    prompts.answer = Answer.Cancel
    quit_by(qtbot, app.window, "file-menu")
    assert prompts.questions == ["End this session and quit HipTimer?", SAVE_QUESTION]
    assert app.window.session is not None and not app.engine.paused
    assert app.engine.step.kind is StepKind.WORK
    assert editor.isVisible()


def test_an_editor_closed_before_is_not_asked_again(
    app: App, qtbot: QtBot, prompts: QuitPrompts
) -> None:
    # Its edits discarded on its own Close, the editor stays in the list (hidden) with its
    # undo history: quitting asks nothing more of it.
    editor = open_editor(qtbot, app.window, edited=True)
    prompts.answer = Answer.Discard
    assert editor.close()
    assert prompts.questions == [SAVE_QUESTION]
    quit_by(qtbot, app.window, "close-button")
    assert prompts.questions == [SAVE_QUESTION]
    assert not app.window.isVisible()


class QuitRun:
    """run_app with the editor open on a new routine, quit by `how`, its question answered
    `answer`; counts Services.shutdown and notes what was on screen after the quit."""

    def __init__(self, qtbot: QtBot, how: str, answer: Any, *, edited: bool = True) -> None:
        self.qtbot, self.how, self.answer, self.edited = qtbot, how, answer, edited
        self.shutdowns = 0
        self.shown_after: list[tuple[bool, bool]] = []  # (main window, editor) after the quit
        self.shutdowns_then: list[int] = []
        self.services = fake_services(open_history(paths.history_db_path()))
        real = self.services.shutdown

        def counted() -> None:
            self.shutdowns += 1
            real()

        self.services.shutdown = counted  # type: ignore[method-assign]

    def run(self, then: Callable[[MainWindow, EditorWindow], None] | None = None) -> int:
        def script() -> None:
            window = shown_main_window()
            if window.guidance is None:  # the services start after the first paint
                QTimer.singleShot(10, script)
                return
            editor = open_editor(self.qtbot, window, edited=self.edited)
            quit_by(self.qtbot, window, self.how)
            self.shown_after.append((window.isVisible(), editor.isVisible()))
            self.shutdowns_then.append(self.shutdowns)
            if then is not None:
                then(window, editor)

        QTimer.singleShot(0, script)
        return run_app(services=self.services)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
@pytest.mark.parametrize("how", ["file-menu", "close-button"])
@pytest.mark.parametrize("answer", [Answer.Save, Answer.Discard], ids=["save", "discard"])
def test_the_app_quits_once_after_save_or_discard(
    qtbot: QtBot, prompts: QuitPrompts, how: str, answer: Any
) -> None:
    SettingsStore().update(first_run_done=True)
    prompts.answer = answer
    run = QuitRun(qtbot, how, answer)
    assert run.run() == 0  # the event loop ended: the app quit
    assert prompts.questions == [*quit_questions(how), SAVE_QUESTION]
    assert run.shown_after == [(False, False)]
    assert run.shutdowns == 1


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
@pytest.mark.parametrize("how", ["file-menu", "close-button"])
def test_a_cancelled_quit_leaves_the_app_running_and_its_services_open(
    qtbot: QtBot, prompts: QuitPrompts, how: str
) -> None:
    SettingsStore().update(first_run_done=True)
    prompts.answer = Answer.Cancel
    running: list[bool] = []

    def look_then_close(window: MainWindow, editor: EditorWindow) -> None:
        def later() -> None:  # an event loop later: still running, nothing shut down
            running.append(window.isVisible() and editor.isVisible())
            running.append(not window.services.shut_down)
            editor.undo_stack.setClean()
            editor.close()  # the editor first, the main window last: the app ends then
            window.close()

        QTimer.singleShot(0, later)

    run = QuitRun(qtbot, how, Answer.Cancel)
    assert run.run(look_then_close) == 0
    assert run.shown_after == [(True, True)] and run.shutdowns_then == [0]
    assert running == [True, True]
    assert run.shutdowns == 1


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_the_main_window_closed_with_a_clean_editor_quits_at_once(
    qtbot: QtBot, prompts: QuitPrompts
) -> None:
    SettingsStore().update(first_run_done=True)
    run = QuitRun(qtbot, "close-button", Answer.Cancel, edited=False)
    assert run.run() == 0
    assert prompts.questions == [] and run.shown_after == [(False, False)]
    assert run.shutdowns == 1
