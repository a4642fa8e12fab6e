"""Quitting as the user does it, shared by the quitting tests: the editor's and Ctrl+Q's
questions answered as told, an editor opened with an unsaved edit, and the main window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.editor.window import EditorWindow
from hiptimer.ui.main_window import MainWindow
from tests.ui.editor.editing import Prompts, line, type_into
from tests.ui.main_app import App, make_app

SAVE_QUESTION = (
    "Unsaved changes: <p style='white-space:pre-wrap'>Save your changes to \u201cMy routine\u201d "
    "before closing?</p>"
)
EDITED_TITLE = "Quit test"


class QuitPrompts(Prompts):
    """Prompts that also answer Ctrl+Q's "Quit HipTimer?" (Quit, unless `keep_open`), and
    note the window each such question was asked over."""

    def __init__(self) -> None:
        super().__init__()
        self.keep_open = False
        self.asked_over: list[object] = []

    def quit_box(self, box: QMessageBox) -> int:
        self.questions.append(box.text())
        self.asked_over.append(box.parentWidget())
        no, yes = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes
        return (no if self.keep_open else yes).value


@pytest.fixture(name="prompts")
def quit_prompts(monkeypatch: pytest.MonkeyPatch) -> QuitPrompts:
    """The editor's question answered as told; Ctrl+Q's "Quit HipTimer?" answered Quit."""
    asked = QuitPrompts()
    monkeypatch.setattr(QMessageBox, "question", asked.question)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.quit_box(box))
    return asked


@pytest.fixture(name="app")
def app_with_editors(qtbot: QtBot) -> Iterator[App]:
    """The main window as the app builds it; its editors closed after without a question."""
    made = make_app(qtbot)
    yield made
    for editor in made.window.routine_actions.editors:
        editor.undo_stack.setClean()  # closes without asking
        editor.close()
    made.window.close()
    made.history.close()


def open_editor(qtbot: QtBot, window: MainWindow, *, edited: bool) -> EditorWindow:
    """Ctrl+N, with its title typed over (an unsaved edit) when `edited`."""
    window.routine_actions.new_routine()
    [editor] = window.routine_actions.editors
    if edited:
        type_into(qtbot, line(editor, "title"), EDITED_TITLE)
        assert editor.is_modified
    return editor


def press_ctrl_q(qtbot: QtBot, window: QWidget) -> None:
    """Ctrl+Q typed in `window`, which has the keyboard."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def shown_main_window() -> MainWindow:
    """The main window on screen: an earlier test's window may wait to be deleted."""
    [window] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    return window
