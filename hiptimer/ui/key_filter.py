"""One key handler for a whole window, whatever widget has the focus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from hiptimer.ui.keys import Action, Mode, resolve

Handler = Callable[[Action, int], None]


class WindowKeys(QObject):
    """An application event filter that sends the window's key presses to one handler.

    Installed on the application rather than on the window because a key goes to the
    focused widget first: a list would take the arrows and a button the Space bar.
    Only keys for widgets of `window` are looked at, so dialogs keep their own keys.
    Held-down keys do not repeat the action (a held Space must not count ten reps).
    """

    def __init__(self, window: QWidget, mode: Callable[[], Mode], handler: Handler) -> None:
        super().__init__(window)
        self._window = window
        self._mode = mode
        self._handler = handler
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        window.destroyed.connect(lambda: app.removeEventFilter(self))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() is not QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        found = resolve(event.key(), event.modifiers(), self._mode())
        if found is None:
            return False
        if not event.isAutoRepeat():
            self._handler(*found)
        return True
