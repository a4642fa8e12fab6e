"""Reminders without the desktop's notification service: a tray balloon, or nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

TRAY_MESSAGE_MS = 30_000


@dataclass(frozen=True)
class Note:
    """A notification to show: `key` names the reminder in the answers that come back.

    `actions`: its buttons as (action key, untranslated label); empty: a reminder's Start,
    Snooze and Skip today (notifier.ACTIONS). `tray_body`: what a tray message says instead
    of `body` (it has no buttons: a click on it is Start); "" for the same."""

    key: str
    summary: str
    body: str
    actions: tuple[tuple[str, str], ...] = ()
    tray_body: str = ""


class Notifier(Protocol):
    """Shows notes (DBusNotifier, TrayMessages or a test's fake) and reports answers."""

    reason: str

    def connect_answered(self, slot: Callable[[str, str], None]) -> None: ...  # (key, action)
    def show(self, note: Note, *, replaces: int = 0) -> int | None: ...
    def close(self, key: str) -> None: ...


class TrayMessages(QObject):
    """The fallback: a tray balloon without buttons; clicking it answers "start".

    Signals: answered(str, str) as DBusNotifier's.
    """

    answered = Signal(str, str)

    def __init__(self, tray: QSystemTrayIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray = tray
        self._last = ""
        self.reason = ""
        tray.messageClicked.connect(lambda: self.answered.emit(self._last, "start"))

    def connect_answered(self, slot: Callable[[str, str], None]) -> None:
        self.answered.connect(slot)

    def show(self, note: Note, *, replaces: int = 0) -> int | None:
        self._last = note.key
        self._tray.showMessage(
            note.summary,
            note.tray_body or note.body,
            QSystemTrayIcon.MessageIcon.Information,
            TRAY_MESSAGE_MS,
        )
        return 1

    def close(self, key: str) -> None:
        pass


class NoNotifier:
    """Shows nothing and says why (`reason`): where Qt has no D-Bus module."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def connect_answered(self, slot: Callable[[str, str], None]) -> None:
        pass

    def show(self, note: Note, *, replaces: int = 0) -> int | None:
        return None

    def close(self, key: str) -> None:
        pass


class OrTrayMessage:
    """The desktop's notifications while they answer, else the tray's message: a service can
    go away (or start) while HipTimer runs, and one gone should not leave a reminder unshown
    where a tray is there to show it. Answers come from each as before (the caller connected
    both); `reason` is the tray's (""): nothing the user needs told while the message shows.
    """

    def __init__(self, desktop: Notifier, tray: TrayMessages) -> None:
        self._desktop, self._tray = desktop, tray
        self.reason = tray.reason

    def connect_answered(self, slot: Callable[[str, str], None]) -> None:
        self._desktop.connect_answered(slot)
        self._tray.connect_answered(slot)

    def show(self, note: Note, *, replaces: int = 0) -> int | None:
        shown = self._desktop.show(note, replaces=replaces)
        return shown if shown is not None else self._tray.show(note)

    def close(self, key: str) -> None:
        self._desktop.close(key)
