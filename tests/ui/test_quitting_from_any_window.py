"""Ctrl+Q quits from any of HipTimer's windows (the editor, History, the keyboard shortcuts),
as File > Quit does; and those windows go with the main window: closed for good, the app ends
(History's note saved first), hidden in the tray, HipTimer stays there alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.app import run_app
from hiptimer.ui.history.window import HistoryWindow
from hiptimer.ui.key_help import show_keys
from hiptimer.ui.main_window import MainWindow
from tests.core.history.flaky_disk import flaky_connections
from tests.history_data import HIPS, record
from tests.ui.editor.editing import Answer
from tests.ui.history.held_export import held, save_as
from tests.ui.main_app import App, make_app
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
from tests.ui.reminders.reminding import PLAN, make
from tests.ui.sessions import fake_services, no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    # offscreen: no stacking, and no tray window for QSystemTrayIcon to follow
    pytest.mark.qt_log_ignore("This plugin does not support raise", "systemTrayWindowChanged"),
]

QUIT = "Quit HipTimer?"
NOTE = "Left knee ached on the stairs"


def history_with_a_note(window: MainWindow, store: HistoryStore) -> HistoryWindow:
    """Ctrl+H on a history of one session, its note typed and not saved yet."""
    record(store, HIPS, window.wall().astimezone().date(), {("bridge", None): [2]})
    window.open_history()
    history = window.findChild(HistoryWindow)
    assert history is not None and history.isVisible()
    history.sessions_pane.note.setPlainText(NOTE)
    return history


def note_saved(store: HistoryStore) -> str:
    [session] = store.list_sessions()
    return session.note


# ------------------------------------------------------------ Ctrl+Q from any window


@pytest.mark.parametrize("answer", [Answer.Save, Answer.Discard, Answer.Cancel])
def test_ctrl_q_in_the_editor_asks_over_it_then_quits_as_file_quit_does(
    app: App, qtbot: QtBot, prompts: QuitPrompts, answer: Any
) -> None:
    # Typed in the editor, Ctrl+Q did nothing: the shortcut was the main window's menu's.
    editor = open_editor(qtbot, app.window, edited=True)
    prompts.answer = answer
    press_ctrl_q(qtbot, editor)
    assert prompts.questions == [QUIT, SAVE_QUESTION]  # each asked once
    assert prompts.asked_over == [editor]  # over the window it was typed in
    kept = answer is Answer.Cancel
    assert app.window.isVisible() is kept and editor.isVisible() is kept
    if kept:
        assert editor.is_modified and editor.data["title"] == EDITED_TITLE
    else:
        assert app.window.closing.closed


def test_keep_open_on_ctrl_q_s_question_in_the_editor_changes_nothing(
    app: App, qtbot: QtBot, prompts: QuitPrompts
) -> None:
    editor = open_editor(qtbot, app.window, edited=True)
    prompts.keep_open = True
    press_ctrl_q(qtbot, editor)
    assert prompts.questions == [QUIT]
    assert app.window.isVisible() and editor.isVisible() and editor.is_modified


def test_ctrl_q_in_the_history_window_quits_and_its_note_is_saved(
    app: App, qtbot: QtBot, prompts: QuitPrompts
) -> None:
    history = history_with_a_note(app.window, app.history)
    press_ctrl_q(qtbot, history)
    assert prompts.questions == [QUIT] and prompts.asked_over == [history]
    assert not history.isVisible() and not app.window.isVisible()
    assert note_saved(app.history) == NOTE


def test_ctrl_q_in_the_keyboard_shortcuts_window_quits(
    app: App, qtbot: QtBot, prompts: QuitPrompts
) -> None:
    keys = show_keys(app.window)  # F1
    press_ctrl_q(qtbot, keys)
    assert prompts.questions == [QUIT]
    assert not keys.isVisible() and not app.window.isVisible()


# ------------------------------------------------------------ closing the main window


def test_closing_the_main_window_closes_history_with_its_note_saved(
    app: App, qtbot: QtBot, prompts: QuitPrompts
) -> None:
    # History stayed open, and the app ran on until it was closed too.
    history = history_with_a_note(app.window, app.history)
    keys = show_keys(app.window)
    app.window.close()  # its close button
    assert prompts.questions == []
    assert not history.isVisible() and not keys.isVisible()
    assert note_saved(app.history) == NOTE


def test_a_note_that_cannot_be_saved_is_asked_about_and_keeping_open_keeps_history(
    qtbot: QtBot, prompts: QuitPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    connections = flaky_connections(monkeypatch)
    app = make_app(qtbot)
    history = history_with_a_note(app.window, app.history)
    connections[0].broken = True  # the disk fails
    prompts.keep_open = True  # "Keep the app open"
    app.window.close()
    [asked] = prompts.questions
    assert asked == "1 change to your history is not saved yet."
    assert app.window.isVisible() and history.isVisible()  # as it was
    assert history.sessions_pane.note.toPlainText() == NOTE
    connections[0].broken = False
    prompts.keep_open = False
    app.window.close()
    assert not app.window.isVisible() and not history.isVisible()
    app.history.close()  # saves what waited
    with open_history(paths.history_db_path()) as again:
        assert note_saved(again) == NOTE


def test_keeping_the_app_open_lets_an_export_begun_in_history_finish(
    qtbot: QtBot, prompts: QuitPrompts, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """quit2_19 left: History closed (and its close abandoned the export) before the question
    about unsaved history, so "Keep the app open" showed it again with its export dropped."""
    connections = flaky_connections(monkeypatch)
    app = make_app(qtbot)
    history = history_with_a_note(app.window, app.history)
    writer = held(monkeypatch, "csv")
    out = tmp_path / "sets.csv"
    save_as(monkeypatch, out)
    history.csv_button.click()
    assert writer.started.wait(60)
    connections[0].broken = True  # the note cannot be saved: the question comes
    prompts.keep_open = True
    app.window.close()
    assert prompts.questions == ["1 change to your history is not saved yet."]
    assert app.window.isVisible() and history.isVisible()
    writer.go_on.set()
    history.exports.finish()
    assert history.status.accessibleName() == f"Saved 1 set to {out}."
    assert out.read_text(encoding="utf-8-sig").count("\n") == 2
    connections[0].broken = False
    prompts.keep_open = False
    app.window.close()
    assert not history.isVisible()
    app.history.close()


def test_quitting_over_unsaved_history_abandons_an_export_begun_in_history(
    qtbot: QtBot, prompts: QuitPrompts, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The question answered "Quit": History closes then, and its export leaves no file."""
    connections = flaky_connections(monkeypatch)
    app = make_app(qtbot)
    history = history_with_a_note(app.window, app.history)
    writer = held(monkeypatch, "csv")
    out = tmp_path / "out" / "sets.csv"
    out.parent.mkdir()
    save_as(monkeypatch, out)
    history.csv_button.click()
    assert writer.started.wait(60)
    connections[0].broken = True
    app.window.close()  # prompts answer Quit
    assert prompts.questions == ["1 change to your history is not saved yet."]
    assert not app.window.isVisible() and not history.isVisible()
    writer.go_on.set()
    history.exports.finish()
    assert list(out.parent.iterdir()) == []
    connections[0].broken = False
    app.history.close()


def test_logout_closes_history_with_its_note_saved(app: App, prompts: QuitPrompts) -> None:
    history = history_with_a_note(app.window, app.history)
    app.window.end_by_system()
    assert prompts.questions == [] and not history.isVisible()
    assert note_saved(app.history) == NOTE


@pytest.mark.qt_log_ignore(  # offscreen
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
def test_without_a_tray_closing_the_main_window_ends_the_app_with_history_open(
    qtbot: QtBot, prompts: QuitPrompts
) -> None:
    SettingsStore().update(first_run_done=True)
    store = open_history(paths.history_db_path())
    still_open: list[bool] = []

    def script() -> None:
        window = shown_main_window()
        if window.guidance is None:  # the services start after the first paint
            QTimer.singleShot(10, script)
            return
        history = history_with_a_note(window, store)
        window.close()  # its close button
        QTimer.singleShot(0, lambda: look(history))

    def look(history: HistoryWindow) -> None:  # runs only if the app did not end
        still_open.append(history.isVisible())
        history.close()  # lets the test end either way

    QTimer.singleShot(0, script)
    assert run_app(services=fake_services(store)) == 0
    assert True not in still_open
    with open_history(paths.history_db_path()) as again:
        assert note_saved(again) == NOTE


def test_with_the_tray_closing_the_main_window_hides_it_and_closes_history(
    qtbot: QtBot, tmp_path: Path, prompts: QuitPrompts
) -> None:
    for setup in make(qtbot, tmp_path, PLAN, tray=True, keep_in_tray=True):
        window = setup.window
        window.show()
        history = history_with_a_note(window, setup.history)
        editor = open_editor(qtbot, window, edited=True)
        window.close()
        assert not window.isVisible() and not window.closing.closed  # in the tray
        assert not history.isVisible() and note_saved(setup.history) == NOTE
        assert editor.isVisible()  # its edits stay open beside the tray
        assert not QApplication.quitOnLastWindowClosed()
        # Ctrl+Q in the editor quits HipTimer, tray and all.
        prompts.answer = Answer.Discard
        press_ctrl_q(qtbot, editor)
        assert prompts.questions == [QUIT, SAVE_QUESTION]
        assert not editor.isVisible() and window.closing.closed
        coordinator = window.reminders.coordinator
        assert coordinator is not None and not coordinator.timer.isActive()
        assert QApplication.quitOnLastWindowClosed()
