"""Ctrl+Q in every window of HipTimer's: the main window's File > Quit, shared with the others."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

QUIT_ACTION = "quit"  # the object name of the main window's File > Quit


def share_quit(window: QWidget) -> None:
    """Ctrl+Q typed in `window` (the editor, History, the keyboard shortcuts: windows of the
    main window) quits as it does in the main window. A menu's shortcut works only in its own
    window; this is the same action, so the same quit, each question asked once."""
    owner = window.parentWidget()
    if owner is None:  # a window of its own (a test's): no app to quit
        return
    found = owner.findChild(QAction, QUIT_ACTION, Qt.FindChildOption.FindDirectChildrenOnly)
    if isinstance(found, QAction):
        window.addAction(found)
