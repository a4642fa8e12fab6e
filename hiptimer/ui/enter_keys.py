"""Enter on a focused button presses it in the windows the main window's keys do not reach."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from hiptimer.ui.key_filter import press_focused_button


class EnterOnButtons(QObject):
    """On a window of its own (History, the routine editor): Enter on a button reached by Tab
    presses it, as Space does and as the README promises. A QPushButton outside a dialog
    ignores Enter (https://doc.qt.io/qt-6/qpushbutton.html#autoDefault-prop), which then comes
    up to the window: there it is taken. Keys the focused widget used never get here.

    Signals: none.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.parent()
            and isinstance(watched, QWidget)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            return press_focused_button(watched, event)
        return False


def enter_presses_buttons(window: QWidget) -> None:
    """Have Enter press `window`'s focused button (EnterOnButtons)."""
    window.installEventFilter(EnterOnButtons(window))
