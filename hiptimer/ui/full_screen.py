"""Full screen on and off (F11), also where no window manager carries it out."""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QWidget

# Long enough for a window manager to have carried out the change itself.
SETTLE_MS = 250
_before: weakref.WeakKeyDictionary[QWidget, QRect] = weakref.WeakKeyDictionary()
_timers: weakref.WeakKeyDictionary[QWidget, QTimer] = weakref.WeakKeyDictionary()
_pending: weakref.WeakKeyDictionary[QWidget, Callable[[], None]] = weakref.WeakKeyDictionary()


def toggle_full_screen(window: QWidget) -> None:
    """Qt asks the window manager for full screen (_NET_WM_STATE_FULLSCREEN on X11); with none
    (a kiosk, Xvfb) the window kept its size and F11 did nothing. So, once a window manager
    would have acted, a window not filling its screen is given the screen's size, and on
    the way back its size from before. Where a window manager did it, both are no-ops.
    Without one, Qt forgets the full-screen state when the window is resized, so whether it
    is full screen is also read from its size.
    https://doc.qt.io/qt-6/qwidget.html#showFullScreen ("may not work properly with every
    window manager")
    """
    if window.isFullScreen() or (window in _before and window.geometry() == _screen_rect(window)):
        before = _before.pop(window, None)
        window.showNormal()
        if before is not None:
            _after_settling(window, lambda: _restore(window, before))
    else:
        _before[window] = window.geometry()
        window.showFullScreen()
        _after_settling(window, lambda: _fill(window))


def _after_settling(window: QWidget, then: Callable[[], None]) -> None:
    """Run `then` once a window manager would have acted: on one timer per window, which a
    later toggle restarts with its own `then` and hiding the window stops (no timer
    outlives its window)."""
    timer = _timers.get(window)
    if timer is None:
        timer = _timers[window] = QTimer(window)
        timer.setSingleShot(True)
        timer.setInterval(SETTLE_MS)
        timer.timeout.connect(lambda: _pending.pop(window, lambda: None)())
        handle = window.windowHandle()
        if handle is not None:
            handle.visibleChanged.connect(lambda shown: None if shown else timer.stop())
    _pending[window] = then
    timer.start()


def _screen_rect(window: QWidget) -> QRect | None:
    screen = window.screen()
    return screen.geometry() if screen is not None else None


def _fill(window: QWidget) -> None:
    whole = _screen_rect(window)
    if window in _before and whole is not None and window.geometry() != whole:
        window.setGeometry(whole)


def _restore(window: QWidget, before: QRect) -> None:
    whole = _screen_rect(window)
    if window not in _before and window.geometry() == whole and before != whole:
        window.setGeometry(before)


def full_screen_key(window: QWidget) -> None:
    """F11 in a window of its own (the history window, the editor) as in the main window,
    whose key filter does not see their keys: the key table's F11 works anywhere."""
    from PySide6.QtGui import QAction, QKeySequence

    from hiptimer.ui.keys import BINDINGS, Action

    keys = next(b.keys for b in BINDINGS if b.action is Action.FULL_SCREEN)
    action = QAction(window)
    action.setShortcuts([QKeySequence(key) for key in keys])
    action.triggered.connect(lambda: toggle_full_screen(window))
    window.addAction(action)
