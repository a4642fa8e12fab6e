"""What a screen reader is told of a widget: its Show events (Qt sends ObjectShow with each,
which Orca speaks for a notification) and the role and name it reads."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
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


class NotificationsHeard(QObject):
    """What a reader says as notifications show under `root`: Orca 43 speaks an object with
    the notification role as it becomes showing, each time (its onShowingChanged), and Qt
    tells it so with each Show event (QWidgetPrivate::show_helper sends ObjectShow)."""

    def __init__(self, root: QWidget) -> None:
        super().__init__()
        self._root = root
        self.said: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Show or not isinstance(watched, QWidget):
            return False
        if watched is self._root or self._root.isAncestorOf(watched):
            iface = QAccessible.queryAccessibleInterface(watched)
            if iface is not None and iface.role() == QAccessible.Role.Notification:
                self.said.append(iface.text(QAccessible.Text.Name))
        return False


def notifications_heard(app: QObject, root: QWidget) -> NotificationsHeard:
    """Listen, from now on, to the notifications shown under `root` (remove with
    `app.removeEventFilter`)."""
    heard = NotificationsHeard(root)
    app.installEventFilter(heard)
    return heard


def announcements_heard(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """What reaches Qt's accessibility as announcements from now on: (message, urgent)."""
    sent: list[tuple[str, bool]] = []
    real = QAccessible.updateAccessibility

    def record(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            urgent = event.politeness() == QAccessible.AnnouncementPoliteness.Assertive
            sent.append((event.message(), urgent))
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    return sent
