"""The keyboard-shortcuts window and the README's key table: both the key map, whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.ui.key_help import KeysWindow, markdown_table
from hiptimer.ui.keys import BINDINGS, SHORTCUTS
from tests.ui.a11y_checks import stray_labels
from tests.ui.main_app import make_app

README = Path(__file__).resolve().parents[2] / "README.md"
START = "<!-- keys: written by scripts/readme_keys.py from hiptimer/ui/keys.py -->\n"
END = "<!-- /keys -->\n"

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")


def test_the_readme_key_table_is_the_key_map() -> None:
    text = README.read_text(encoding="utf-8")
    shown = text.split(START, 1)[1].split(END, 1)[0]
    assert shown == markdown_table(), "run: uv run python scripts/readme_keys.py"


def test_the_window_lists_every_key_of_the_map_as_plain_text(qtbot: QtBot) -> None:
    window = KeysWindow()
    qtbot.addWidget(window)
    shown = window.view.toPlainText()
    for binding in BINDINGS:
        assert binding.does in shown, binding.does
    for shortcut in SHORTCUTS.values():
        assert shortcut.does in shown and shortcut.sequences[0] in shown
    assert "Backspace, Left arrow or B" in shown  # three keys, one meaning
    assert "Space or P" in shown


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Question, Qt.KeyboardModifier.ControlModifier),
        (
            Qt.Key.Key_Question,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ),
    ],
)
def test_f1_and_ctrl_question_mark_open_it_during_a_session_too(
    qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    app = make_app(qtbot)
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)  # shortcuts want it
    app.key(qtbot, Qt.Key.Key_Return)  # a session runs: the keys window opens all the same
    assert app.window.session is not None
    qtbot.keyClick(app.window, key, modifiers)
    shown = app.window.findChild(KeysWindow)
    assert shown is not None and shown.isVisible()
    shown.close()
    app.window.close()
    app.history.close()


def test_the_window_names_the_menu_shortcuts_keys_in_the_language_in_use(
    qtbot: QtBot, spanish: None
) -> None:
    """A Spanish reader saw "Ctrl+Up" and "Ctrl+Shift+S" under "Flecha arriba" and "Intro"."""
    window = KeysWindow()
    qtbot.addWidget(window)
    shown = window.view.toPlainText()
    assert "Ctrl+Arriba" in shown and "Ctrl+Abajo" in shown
    assert "Ctrl+Mayús+S" in shown and "Ctrl+Mayús+Z / Ctrl+Y" in shown
    assert "Ctrl+Up" not in shown and "Shift" not in shown


def test_a_reader_hears_how_to_read_it_once_as_it_opens(qtbot: QtBot) -> None:
    # Orca 43 says a dialog's description as it opens, and any label of three words or more
    # that labels nothing as the dialog's own text: with the arrows' words in the view's
    # name, "Keyboard shortcuts. The arrow keys read it line by line" was said twice.
    window = KeysWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.accessibleDescription() == "The arrow keys read it line by line"
    assert window.view.accessibleName() == "Keyboard shortcuts"
    assert stray_labels(window) == []
