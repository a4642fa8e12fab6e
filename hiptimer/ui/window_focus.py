"""The main window keeps the keyboard on an X server with no window manager to give it."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QWidget


class KeepKeyboard(QObject):
    """Gives `window` the keyboard when it first shows, and again when another window of
    this app that had it closes.

    A window manager does both itself. A bare X server (a kiosk, Xvfb) gives a new window
    no keyboard, and when a focused window closes hands the keyboard to no one; Qt's menu
    shortcuts (F1, Ctrl+H, Ctrl+Q) then do nothing until someone clicks, while the keys of
    the window's own key map still work. Only a window of ours that closes hands it back:
    switching to another program takes nothing back.

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
            QTimer.singleShot(0, self, self._take_back)

    def _take_back(self) -> None:
        focused = QGuiApplication.focusWindow()
        if (focused is None or not focused.isVisible()) and self._window.isVisible():
            self._window.activateWindow()
