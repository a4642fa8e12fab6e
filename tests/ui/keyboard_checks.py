"""What a keyboard-only user would trip on in a window: a Tab stop that keeps the focus (a
text box that types the Tab, a table that moves between its cells), a Tab that jumps past
stops, and a dialog Esc leaves open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.a11y_checks import tab_chain


def tab_traps(qtbot: QtBot, window: QWidget) -> list[str]:
    """Press Tab round the window's chain from its first stop: each press must move the
    focus on to the next stop, and the round must come back to where it began."""
    chain = tab_chain(window)
    if len(chain) < 2:  # (a lone stop keeps the focus, as it should)
        return []
    window.activateWindow()  # (a dialog closed before may have had it)
    qtbot.waitUntil(window.isActiveWindow)
    chain[0].setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    problems = []
    for i in range(len(chain)):
        here = QApplication.focusWidget()
        if here is None:
            return [f"Tab press {i} took the focus out of the window"]
        qtbot.keyClick(here, Qt.Key.Key_Tab)
        after = chain[(i + 1) % len(chain)]
        landed = QApplication.focusWidget()
        if landed is here:
            problems.append(f"Tab stays in {_named(here)}")
        elif landed is not after:
            # A page whose focus proxy is a later stop (the summary's *Back to library*)
            # took Tab from the notice above it straight there: the table, the suggestions
            # and *Quit* were never reached (Qt's focusNextPrevChild lands on a proxy).
            problems.append(f"Tab from {_named(here)} goes to {_named(landed)}, "
                            f"not on to {_named(after)}")  # fmt: skip
        if landed is not after:
            after.setFocus(Qt.FocusReason.TabFocusReason)  # on round the rest of the chain
    if not problems and QApplication.focusWidget() is not chain[0]:
        problems.append(f"Tab does not come round to {_named(chain[0])} again")
    return problems


def esc_leaves_open(qtbot: QtBot, dialog: QDialog) -> list[str]:
    """Esc pressed where the focus is must close the dialog."""
    here = QApplication.focusWidget() or dialog
    qtbot.keyClick(here, Qt.Key.Key_Escape)
    QApplication.processEvents()
    return [f"Esc leaves {dialog.windowTitle()!r} open"] if dialog.isVisible() else []


def _named(widget: QWidget | None) -> str:
    if widget is None:
        return "nowhere"
    return f"{type(widget).__name__} {widget.accessibleName()!r}"
