"""SleepInhibitor: keeps the screen on and the computer awake while a session runs (best effort)."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import Q_ARG, QMetaObject, QObject, Qt

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection, QDBusInterface

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.ScreenSaver"
OBJECT_PATH = "/org/freedesktop/ScreenSaver"
INTERFACE = "org.freedesktop.ScreenSaver"
CALL_TIMEOUT_MS = 2000

# Windows SetThreadExecutionState flags
_ES_CONTINUOUS = 0x80000000
_ES_SYSTEM_REQUIRED = 0x00000001
_ES_DISPLAY_REQUIRED = 0x00000002


class SleepInhibitor(QObject):
    """inhibit(reason) holds off the screen saver and sleep; release() lets them back. Both idempotent.

    Linux: the freedesktop org.freedesktop.ScreenSaver Inhibit/UnInhibit D-Bus calls (KDE, GNOME,
    Xfce and others implement them); with no session bus or no such service it does nothing.
    Windows: SetThreadExecutionState, from the GUI thread. macOS: nothing yet.
    Never raises; problems are logged at debug level.

    Signals: none.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        app_name: str = "HipTimer",
        bus: QDBusConnection | None = None,
    ) -> None:
        super().__init__(parent)
        self._app_name = app_name
        self._bus = bus  # a QDBusConnection; None means the session bus
        self._cookie: int | None = None
        self._iface: QDBusInterface | None = None
        self._windows_active = False

    @property
    def active(self) -> bool:
        return self._cookie is not None or self._windows_active

    def inhibit(self, reason: str = "An exercise session is running") -> None:
        if self.active:
            return
        try:
            if sys.platform == "win32":
                self._windows_active = _set_windows_state(
                    _ES_CONTINUOUS | _ES_SYSTEM_REQUIRED | _ES_DISPLAY_REQUIRED
                )
            elif sys.platform == "darwin":
                log.debug("sleep inhibit: not implemented on macOS")
            else:
                self._dbus_inhibit(reason)
        except Exception:
            log.debug("sleep inhibit failed", exc_info=True)

    def release(self) -> None:
        try:
            if self._windows_active:
                _set_windows_state(_ES_CONTINUOUS)
            elif self._cookie is not None:
                self._dbus_release(self._cookie)
        except Exception:
            log.debug("sleep inhibit release failed", exc_info=True)
        finally:
            self._windows_active = False
            self._cookie = None

    def _dbus_inhibit(self, reason: str) -> None:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

        bus = self._bus if self._bus is not None else QDBusConnection.sessionBus()
        if not bus.isConnected():
            log.debug("sleep inhibit: no D-Bus session bus")
            return
        iface = QDBusInterface(SERVICE, OBJECT_PATH, INTERFACE, bus, self)
        if not iface.isValid():
            log.debug("sleep inhibit: %s", iface.lastError().message() or "no screen saver service")
            iface.deleteLater()
            return
        iface.setTimeout(CALL_TIMEOUT_MS)
        reply = iface.call("Inhibit", self._app_name, reason)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            log.debug("sleep inhibit: Inhibit failed: %s", reply.errorMessage())
            iface.deleteLater()
            return
        self._iface = iface
        self._cookie = int(reply.arguments()[0])
        log.debug("sleep inhibited (cookie %s)", self._cookie)

    def _dbus_release(self, cookie: int) -> None:
        iface, self._iface = self._iface, None
        if iface is None:
            return
        # UnInhibit takes a uint32. PySide6 sends a Python int as int32 ("i"), which the service
        # rejects as an unknown method; invoking the introspected method with Q_ARG("uint", ...)
        # lets QtDBus marshal it as "u". Checked against a QtDBus service on a private bus.
        QMetaObject.invokeMethod(
            iface, "UnInhibit", Qt.ConnectionType.DirectConnection, Q_ARG("uint", cookie)
        )
        error = iface.lastError()
        if error.isValid():
            log.debug("sleep inhibit: UnInhibit failed: %s", error.message())
        iface.deleteLater()


def _set_windows_state(flags: int) -> bool:
    """SetThreadExecutionState(flags); True if Windows accepted it."""
    if sys.platform != "win32":
        return False
    import ctypes

    return bool(ctypes.windll.kernel32.SetThreadExecutionState(flags))
