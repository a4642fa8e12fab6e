"""How long the desktop has been idle, and whether its screen is locked, over QtDBus.

GNOME answers on Mutter's IdleMonitor (milliseconds); KDE, Xfce and others on the
freedesktop ScreenSaver interface (GetSessionIdleTime, seconds by its spec; GetActive for a
locked screen). With neither, idle_s() is None and desk breaks count a plain interval.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

log = logging.getLogger(__name__)

CALL_TIMEOUT_MS = 500
# (service, path, interface, method, seconds per unit) to ask for the idle time, in order.
IDLE_SOURCES = (
    (
        "org.gnome.Mutter.IdleMonitor",
        "/org/gnome/Mutter/IdleMonitor/Core",
        "org.gnome.Mutter.IdleMonitor",
        "GetIdletime",
        0.001,
    ),
    (
        "org.freedesktop.ScreenSaver",
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver",
        "GetSessionIdleTime",
        1.0,
    ),
)
SCREEN_SAVER = IDLE_SOURCES[1][:3]


class IdleMonitor(QObject):
    """idle_s() and locked(), each a short blocking D-Bus call; never raises.

    `source` names the service that answered last ("" when none does).

    Signals: none.
    """

    def __init__(self, parent: QObject | None = None, *, bus: QDBusConnection | None = None):
        super().__init__(parent)
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        self.source = ""

    def idle_s(self) -> float | None:
        """Seconds since the last key press or mouse move; None when the desktop cannot say."""
        for service, path, interface, method, unit in IDLE_SOURCES:
            value = self._call(service, path, interface, method)
            if isinstance(value, (int, float)) and value >= 0:
                self.source = service
                return float(value) * unit
        self.source = ""
        return None

    def locked(self) -> bool:
        """Whether the screen saver (or the lock screen) is on; False when unknown."""
        return self._call(*SCREEN_SAVER, "GetActive") is True

    def _call(self, service: str, path: str, interface: str, method: str) -> Any:
        if not self._bus.isConnected():
            return None
        message = QDBusMessage.createMethodCall(service, path, interface, method)
        reply = self._bus.call(message, QDBus.CallMode.Block, CALL_TIMEOUT_MS)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            log.debug("%s.%s: %s", interface, method, reply.errorMessage())
            return None
        return reply.arguments()[0]
