"""For end-to-end tests: each key press as it enters a window, and where Qt has the keyboard."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QWindow
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:  # (their classes: after the list's paint, with the window's keys)
    from PySide6.QtGui import QKeyEvent, QShortcutEvent

# With this set, the key filter writes a line on standard error for each key press as it
# enters a window and for each shortcut taken. The tests of the real window show the app's
# output when they fail: an Escape lost on a dialog then says where it went (to which window,
# which one Qt held active, which one was modal, or which menu item took it), or, by no line
# at all, that Qt dropped it before any window saw it (one that a modal window blocks).
ENV = "HIPTIMER_KEY_TRACE"


def tracing() -> bool:
    return bool(os.environ.get(ENV))


def trace(window: QObject, event: QKeyEvent) -> None:
    from PySide6.QtGui import QKeySequence  # (its class: not before the first paint)

    key = QKeySequence(event.keyCombination()).toString() or hex(event.key())
    print(
        f"key {key} to {_named(window)}; active {_named(QApplication.activeWindow())},"
        f" focus {_named(QApplication.focusWidget())},"
        f" modal {_named(QApplication.activeModalWidget())}",
        file=sys.stderr,
        flush=True,
    )


def trace_shortcut(taker: QObject, event: QShortcutEvent) -> None:
    """A key a shortcut took (a menu item's): it never enters a window as a key press."""
    what = f"QAction {taker.text()!r}" if isinstance(taker, QAction) else _named(taker)
    print(
        f"shortcut {event.key().toString()} to {what};"
        f" active {_named(QApplication.activeWindow())}",
        file=sys.stderr,
        flush=True,
    )


def _named(thing: QObject | None) -> str:
    if thing is None:
        return "none"
    if isinstance(thing, QWindow):
        return f"window {thing.title()!r}"  # (PySide knows Qt's QWidgetWindow as QWindow)
    if isinstance(thing, QWidget):
        return f"{type(thing).__name__} in {thing.window().windowTitle()!r}"
    return type(thing).__name__
