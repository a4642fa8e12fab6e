"""Teaches QtDBus the Notifications interface's argument types before it reads a server's own.

QtDBus calls a method through the interface description the server gives (introspection).
Only a QtDBus server adds the annotation that names the hints' a{sv} as QVariantMap; dunst,
GNOME Shell, xfce4-notifyd and mako (GDBus or sd-bus) do not, so QtDBus types the argument
as "QDBusRawType<0x617b73767d>*", which nothing can be passed as: every Notify failed there
("No such method ... Notify(..., QVariantMap, int)"), and reminders came only on KDE
(https://code.qt.io/cgit/qt/qtbase.git/tree/src/dbus/qdbusmetaobject.cpp, findType).
Building the call by hand does not help either: PySide6 sends a Python int as "i" (and
QDBusArgument's << as "q"), and the servers refuse a replaces_id that is not a "u".

QtDBus keeps one description per interface name and connection, whichever it read first
(qdbusintegrator.cpp, findMetaObject). So the notifier first reads this object's: a local
QObject whose slots carry the specification's types, exported for a moment on our own
connection. Checked against dunst 1.9 and a GDBus-like stand-in (tests/ui/reminders).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import ClassInfo, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusInterface

INTERFACE = "org.freedesktop.Notifications"
LOCAL_PATH = "/io/github/hiptimer/NotificationsTypes"


# PySide6 6.12 stubs type ClassInfo without its dict form and without __call__.
@ClassInfo({"D-Bus Interface": INTERFACE})  # type: ignore[call-arg]
class _Types(QObject):  # type: ignore[operator]
    """The interface with the specification's types; never called, only described.

    Signals: ActionInvoked(uint, str); NotificationClosed(uint, uint) (as the server's).
    """

    # D-Bus wants uint32; PySide6 takes the C++ type's name, which its stubs do not list.
    ActionInvoked = Signal("uint", str)  # type: ignore[arg-type]
    NotificationClosed = Signal("uint", "uint")  # type: ignore[arg-type]

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, *_args: Any) -> int:
        return 0

    @Slot("uint")
    def CloseNotification(self, _nid: int) -> None:
        pass


def teach_types(bus: QDBusConnection) -> None:
    """Make `bus` call the Notifications interface with the specification's types (once per
    connection; later calls change nothing)."""
    types = _Types()
    exported = bus.registerObject(
        LOCAL_PATH, types, QDBusConnection.RegisterOption.ExportAllContents
    )
    if not exported:  # taught already (the path is ours), or a bus that exports nothing
        return
    try:
        QDBusInterface(bus.baseService(), LOCAL_PATH, INTERFACE, bus)  # reads and keeps it
    finally:
        bus.unregisterObject(LOCAL_PATH)  # nobody else should find a Notifications here
