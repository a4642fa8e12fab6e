"""Desktop notifications with buttons: org.freedesktop.Notifications over QtDBus.

Why not the desktop-notifier package: on Linux it speaks this same D-Bus interface, but
through dbus-fast on an asyncio loop that would need a thread of its own beside Qt's (its
callbacks arrive only while that loop runs), and it adds four packages. QtDBus is already
here (the sleep inhibitor uses it) and delivers ActionInvoked in Qt's own event loop.
Qt's tray message has no buttons: it is the fallback (tray_messages.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, SLOT, QMetaObject, QObject, Qt, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusInterface

from hiptimer import APP_ID
from hiptimer.i18n import N_, _, translate
from hiptimer.ui.reminders.notify_types import teach_types
from hiptimer.ui.reminders.tray_messages import Note

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
CALL_TIMEOUT_MS = 2000
APP_NAME = "HipTimer"
NEVER_EXPIRE = 0  # a reminder stays until it is answered (servers may still time it out)

# The buttons of a reminder: (action key, label). "default" is a click on the notification.
ACTIONS = (
    ("start", N_("Start")),
    ("snooze-10", N_("Snooze 10 min")),
    ("snooze-60", N_("Snooze 1 h")),
    ("skip", N_("Skip today")),
)
DEFAULT_ACTION = "default"


class DBusNotifier(QObject):
    """Shows notes with buttons through the desktop's notification service.

    `reason` says why notes cannot be shown (no session bus, no service), or is "".

    Signals: answered(str, str) with a note's key and the action chosen ("start", "snooze-10",
    "snooze-60", "skip" or "default", or one of the note's own actions).
    """

    answered = Signal(str, str)

    def __init__(self, parent: QObject | None = None, *, bus: QDBusConnection | None = None):
        super().__init__(parent)
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        self._keys: dict[int, str] = {}  # notification id -> note key
        self._iface: QDBusInterface | None = None
        self.reason = ""
        self._listen()

    def _listen(self) -> None:
        if not self._bus.isConnected():
            self.reason = _("there is no D-Bus session bus")
            return
        teach_types(self._bus)  # before anything reads the server's own description
        for name, slot in (
            ("ActionInvoked", "_invoked(uint,QString)"),
            ("NotificationClosed", "_closed(uint,uint)"),
        ):
            # The SLOT-string form, which PySide6's stubs do not list.
            self._bus.connect(SERVICE, PATH, INTERFACE, name, self, SLOT(slot))  # type: ignore[call-overload]

    def connect_answered(self, slot: Callable[[str, str], None]) -> None:
        self.answered.connect(slot)

    def available(self) -> bool:
        """Whether a notification service answers now (it may start later, or go away)."""
        return self._interface() is not None

    def _interface(self) -> QDBusInterface | None:
        if self._iface is not None and self._iface.isValid():
            return self._iface
        if not self._bus.isConnected():
            self.reason = _("there is no D-Bus session bus")
            return None
        iface = QDBusInterface(SERVICE, PATH, INTERFACE, self._bus, self)
        if not iface.isValid():
            error = iface.lastError().message()
            self.reason = _("no notification service answers ({error})").format(
                error=error or SERVICE
            )
            iface.deleteLater()
            return None
        iface.setTimeout(CALL_TIMEOUT_MS)
        self._iface, self.reason = iface, ""
        return iface

    def show(self, note: Note, *, replaces: int = 0) -> int | None:
        """Show a note; its id, or None (and `reason` says why) when it could not be shown."""
        iface = self._interface()
        if iface is None:
            return None
        actions = [DEFAULT_ACTION, _("Open HipTimer")]
        for key, label in note.actions or ACTIONS:
            actions += [key, translate(label)]
        hints = {"desktop-entry": APP_ID, "category": "x-hiptimer.reminder"}
        # Notify takes a uint32 (replaces_id), which PySide6 would send as an int32 and the
        # service would not match; calling the introspected method with typed arguments lets
        # QtDBus marshal each one as the interface declares it (as inhibit.py does), with the
        # types notify_types.py taught it (a GDBus server's description has none for a{sv}).
        try:
            nid = QMetaObject.invokeMethod(
                iface, "Notify", Qt.ConnectionType.DirectConnection, Q_RETURN_ARG("uint"),
                Q_ARG(str, APP_NAME), Q_ARG("uint", replaces), Q_ARG(str, "hiptimer"),
                Q_ARG(str, note.summary), Q_ARG(str, _body(note.body)),
                Q_ARG("QStringList", actions), Q_ARG("QVariantMap", hints),
                Q_ARG(int, NEVER_EXPIRE),
            )  # fmt: skip
        except (RuntimeError, TypeError) as exc:
            self.reason = _("the notification service refused the reminder ({error})").format(
                error=exc
            )
            log.warning("%s", self.reason)
            return None
        error = iface.lastError()
        if error.isValid() or not nid:
            self.reason = _("the notification service refused the reminder ({error})").format(
                error=error.message()
            )
            log.warning("%s", self.reason)
            self._iface = None
            return None
        number = int(cast(int, nid))
        self._keys[number] = note.key
        return number

    def close(self, key: str) -> None:
        """Take a note of `key` off the screen (its routine was started or done)."""
        for nid, known in list(self._keys.items()):
            if known == key:
                del self._keys[nid]
                self._close_id(nid)

    def _close_id(self, nid: int) -> None:
        iface = self._interface()
        if iface is not None:
            QMetaObject.invokeMethod(
                iface, "CloseNotification", Qt.ConnectionType.DirectConnection,
                Q_ARG("uint", nid),
            )  # fmt: skip

    @Slot("uint", str)
    def _invoked(self, nid: int, action: str) -> None:
        key = self._keys.get(int(nid))
        if key is None:  # another program's notification, or one answered already
            return
        if action != DEFAULT_ACTION:
            del self._keys[int(nid)]
            # A server may keep a note after a button (dunst does, from its context menu):
            # answered, its buttons would do nothing more, so it goes. A click on the note
            # itself leaves it, its buttons still to be pressed.
            self._close_id(int(nid))
        self.answered.emit(key, action)

    @Slot("uint", "uint")
    def _closed(self, nid: int, _why: int) -> None:
        self._keys.pop(int(nid), None)


def _body(text: str) -> str:
    """The body as plain text: some servers read markup in it (the spec allows a subset)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
