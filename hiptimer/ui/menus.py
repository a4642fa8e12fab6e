"""The main window's menus and the question asked before a session ends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from hiptimer.ui.keys import KEY_NAMES, Action
from hiptimer.ui.session.workout_text import APP_TITLE

if TYPE_CHECKING:
    from hiptimer.ui.main_window import MainWindow

SESSION_MENU = (
    (Action.PAUSE, "Pause / resume"),
    (Action.NEXT, "Next step"),
    (Action.BACK, "Back (repeat the set)"),
    (Action.MORE, "More (+5 s or +1 rep)"),
    (Action.LESS, "Less (\u22125 s or \u22121 rep)"),
    (Action.SKIP_EXERCISE, "Skip exercise"),
    (Action.MUTE, "Mute / unmute"),
    (Action.END, "End session\u2026"),
)


def ask_to_end(parent: QWidget) -> bool:
    """Ask before ending a session; Enter, Esc and closing the box all keep going."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(f"End the session? \u2014 {APP_TITLE}")
    box.setText("End this session now?")
    box.setInformativeText("The sets done so far are kept in your history.")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText("End session")
    box.button(QMessageBox.StandardButton.No).setText("Keep going")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def build_menus(window: MainWindow) -> QMenu:
    """File, Session and View menus (the File menu is returned for others to add to).

    The Session items show their keys but do not own them: the window's key map does.
    """
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    quit_action = QAction("&Quit", window)
    quit_action.setShortcut("Ctrl+Q")
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)
    session_menu = bar.addMenu("&Session")
    for action, label in SESSION_MENU:
        item = QAction(f"{label}\t{KEY_NAMES[action]}", window)
        item.triggered.connect(lambda _=False, a=action: window.perform(a, 0))
        session_menu.addAction(item)
    view_menu = bar.addMenu("&View")
    history = QAction("&History and reports\u2026", window)
    history.setShortcut("Ctrl+H")
    history.triggered.connect(window.open_history)
    view_menu.addAction(history)
    full = QAction(f"Full screen\t{KEY_NAMES[Action.FULL_SCREEN]}", window)
    full.triggered.connect(window.toggle_full_screen)
    view_menu.addAction(full)
    return file_menu
