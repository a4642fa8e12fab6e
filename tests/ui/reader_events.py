"""What a screen reader is told of a widget: its Show events (Qt sends ObjectShow with each,
which Orca speaks for a notification) and the role and name it reads."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget


class Shows(QObject):
    """Counts a widget's Show events (Qt tells a screen reader with each: ObjectShow)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.count += 1
        return False


def shows_of(widget: QWidget) -> Shows:
    shows = Shows()
    widget.installEventFilter(shows)
    widget.destroyed.connect(shows.deleteLater)
    return shows


def notification_said(widget: QWidget) -> str:
    """What a reader says of `widget` as it shows, as a notification ("" if it is not one or
    is not on screen)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None or iface.role() != QAccessible.Role.Notification or iface.state().invisible:
        return ""
    return iface.text(QAccessible.Text.Name)
