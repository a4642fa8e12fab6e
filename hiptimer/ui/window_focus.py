"""The main window keeps the keyboard on an X server with no window manager to give it."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QWidget


class KeepKeyboard(QObject):
    """Gives `window` the keyboard when it first shows, and again when another window of
    this app that had it closes: to the window that one belonged to (the editor, under its
    "Save your changes?") while it is open, else to `window`.

    A window manager does both itself. A bare X server (a kiosk, Xvfb) gives a new window
    no keyboard, and when a focused window closes hands the keyboard to no one; Qt's menu
    shortcuts (F1, Ctrl+H, Ctrl+Q) then do nothing until someone clicks, while the keys of
    the window's own key map still work. Only a window of ours that closes hands it back:
    switching to another program takes nothing back. Handing it to `window` when the
    closed one belonged to the editor sent the editor's keys to the library hidden behind
    it: Ctrl+W did nothing there, and Enter started a session no one could see.

    Signals: none; it listens to QGuiApplication.focusWindowChanged and to the visibility
    of each other window of ours that has had the keyboard.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._watched: set[QWindow] = set()
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.focusWindowChanged.connect(self._changed)
        window.activateWindow()

    def _changed(self, now: QWindow | None) -> None:
        if now is None or now is self._window.windowHandle() or now in self._watched:
            return
        self._watched.add(now)
        now.visibleChanged.connect(lambda shown, gone=now: self._hidden(gone, shown))
        now.destroyed.connect(lambda _=None, gone=now: self._watched.discard(gone))

    def _hidden(self, gone: QWindow, shown: bool) -> None:
        # Without a window manager Qt keeps a hidden window as the focus window: X tells it
        # nothing. The next turn of the event loop, once Qt has moved the focus if it will.
        if not shown and QGuiApplication.focusWindow() in (None, gone):
            owner = _owner(gone)
            QTimer.singleShot(0, self, lambda: self._take_back(owner))

    def _take_back(self, owner: QWidget | None) -> None:
        focused = QGuiApplication.focusWindow()
        if focused is not None and focused.isVisible():
            return
        # The owner may have closed (or been deleted) in the meantime: then its own owner.
        while owner is not None and shiboken6.isValid(owner) and not owner.isVisible():
            owner = _parent_window(owner)
        heir = owner if owner is not None and shiboken6.isValid(owner) else self._window
        if heir.isVisible():
            heir.activateWindow()


def _owner(gone: QWindow) -> QWidget | None:
    """The window that the (widget) window `gone` belongs to: its parent widget's, if any.
    Widgets rather than gone.transientParent(): that QWindow was already deleted on the
    next turn of the event loop when a QMessageBox.question closed."""
    for widget in QApplication.topLevelWidgets():
        if widget.windowHandle() is gone:
            return _parent_window(widget)
    return None


def _parent_window(widget: QWidget) -> QWidget | None:
    parent = widget.parentWidget()
    return parent.window() if parent is not None else None
