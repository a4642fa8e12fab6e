"""A status bar whose messages a screen reader says as they appear, not only draws them."""

from __future__ import annotations

from PySide6.QtCore import QBasicTimer, Qt, QTimerEvent
from PySide6.QtWidgets import QMainWindow, QStatusBar, QWidget

from hiptimer.ui.widgets.notification import Notification, give_the_role


class SpokenStatusBar(QStatusBar):
    """Confirmations ("Saved revision 2 to ...", "Sound off") and problems, said by a screen
    reader as they appear, without taking the keyboard focus from where the user is.

    Why: QStatusBar.showMessage paints its message; no accessible object holds it, so a
    reader never had it. So the message is a label with the notification role, which Orca
    says as it shows (widgets.notification), hidden and shown anew for each message.
    showMessage, clearMessage and currentMessage keep QStatusBar's meaning for Python
    callers, and messageChanged is emitted as QStatusBar's is; Qt's own calls (an action's
    status tip, which HipTimer gives none) would still be painted, unspoken.

    Signals: messageChanged(str), QStatusBar's, "" when a message goes.
    """

    def __init__(self, parent: QWidget | None = None, *, hides_when_empty: bool = False) -> None:
        give_the_role()  # (made after the first paint)
        super().__init__(parent)
        self.message = Notification("", self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # paths and names: data
        self.message.hide()
        self.addWidget(self.message, 1)
        self._timer = QBasicTimer()  # not a QTimer: the tests' check for timers left running
        # looks at those a session leaves, and a message may outlive a test by seconds
        if hides_when_empty:
            self.hide()
            self.messageChanged.connect(lambda message: self.setVisible(bool(message)))

    def showMessage(self, text: str, timeout: int | None = 0) -> None:
        """Show `text` for `timeout` ms (0: until the next one), and have a reader say it."""
        self.message.hide()  # shown anew: the same message twice is said twice
        self.message.setText(text)
        self.message.tell(text)
        if timeout:
            self._timer.start(timeout, self)
        else:
            self._timer.stop()
        self.messageChanged.emit(text)  # first: a bar that hides when empty shows
        self.message.setVisible(bool(text))

    def clearMessage(self) -> None:
        self._timer.stop()
        if self.message.text():
            self.message.hide()
            self.message.setText("")
            self.messageChanged.emit("")

    def currentMessage(self) -> str:
        return self.message.text()

    def timerEvent(self, event: QTimerEvent) -> None:
        if event.timerId() == self._timer.timerId():
            self.clearMessage()
        else:
            super().timerEvent(event)


def spoken_status_bar(window: QMainWindow, *, hides_when_empty: bool = False) -> SpokenStatusBar:
    """`window`'s status bar, made a SpokenStatusBar the first time it is asked for."""
    bar = window.findChild(SpokenStatusBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if bar is None:
        bar = SpokenStatusBar(window, hides_when_empty=hides_when_empty)
        window.setStatusBar(bar)  # a plain one made before is deleted
    return bar
