"""Every shortcut the app's windows really have is one of the key map's (which writes README's
key table and the F1 window), each of the map's is on a window, and the F1 window lists every
key and what it does in each language HipTimer speaks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.i18n import translate
from hiptimer.ui.history.window import HistoryWindow
from hiptimer.ui.key_help import KeysWindow, show_keys
from hiptimer.ui.key_words import shortcut_text
from hiptimer.ui.keys import BINDINGS, SHORTCUTS, Action, keys_text
from tests.ui.main_app import App
from tests.ui.quitting import app_with_editors, open_editor  # noqa: F401 (the app fixture)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")
PORTABLE = QKeySequence.SequenceFormat.PortableText


def mapped() -> set[str]:
    """Each key sequence the map gives a window: the menus' shortcuts and F11."""
    full_screen = {b for b in BINDINGS if b.action is Action.FULL_SCREEN}
    keys = {QKeySequence(key).toString(PORTABLE) for b in full_screen for key in b.keys}
    return keys | {seq for s in SHORTCUTS.values() for seq in (*s.sequences, *s.twins)}


def shortcuts_of(windows: list[QWidget]) -> dict[str, str]:
    """Every key sequence of an action or shortcut in these windows, with what owns it."""
    found: dict[str, str] = {}
    for window in windows:
        for action in window.findChildren(QAction):
            for sequence in action.shortcuts():
                found[sequence.toString(PORTABLE)] = f"{type(window).__name__}: {action.text()}"
        for shortcut in window.findChildren(QShortcut):
            found[shortcut.key().toString(PORTABLE)] = f"{type(window).__name__}: a QShortcut"
    return found


@pytest.fixture
def every_window(app: App, qtbot: QtBot) -> Iterator[list[QWidget]]:
    """The main window, its shortcuts installed, with the editor, History and F1 open."""
    window = app.window
    qtbot.keyClick(window, Qt.Key.Key_Down)  # the first key installs the menus' shortcuts
    window.open_history()
    keys = show_keys(window)  # as F1 does (tests/ui/test_key_help.py presses it)
    editor = open_editor(qtbot, window, edited=False)
    history = window.findChild(HistoryWindow)
    assert history is not None
    yield [window, editor, history, keys]
    history.close()
    keys.close()


def test_every_shortcut_a_window_has_is_in_the_key_map(every_window: list[QWidget]) -> None:
    found = shortcuts_of(every_window)
    assert {seq: owner for seq, owner in found.items() if seq not in mapped()} == {}


# Read by the editor's exercise list from the map as it is typed in, not an action of a window
# (tests/ui/editor/test_window.py presses them).
READ_BY_A_LIST = {"move_up", "move_down"}


def test_every_shortcut_of_the_key_map_is_on_a_window(every_window: list[QWidget]) -> None:
    in_a_list = {seq for name in READ_BY_A_LIST for seq in SHORTCUTS[name].sequences}
    assert mapped() - in_a_list - set(shortcuts_of(every_window)) == set()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_keys_window_lists_every_key_and_what_it_does_in_each_language(
    qtbot: QtBot, language: str, request: pytest.FixtureRequest
) -> None:
    if language == "es":
        request.getfixturevalue("spanish")
    window = KeysWindow()
    qtbot.addWidget(window)
    shown = " ".join(window.view.toPlainText().split())
    for binding in BINDINGS:
        assert translate(binding.does) in shown and keys_text(binding) in shown, binding.does
    for shortcut in SHORTCUTS.values():
        assert translate(shortcut.does) in shown, shortcut.does
        assert " / ".join(shortcut_text(s) for s in shortcut.sequences) in shown
    if language == "es":
        assert "pausar" in shown.lower() and "pause or resume" not in shown
    QApplication.processEvents()
