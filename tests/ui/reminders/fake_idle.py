"""Stand-in idle services for the IdleMonitor tests; run as a script with --mutter or
--screensaver. Prints "ready" once registered on the bus in $DBUS_SESSION_BUS_ADDRESS."""

from __future__ import annotations

import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection


@ClassInfo({"D-Bus Interface": "org.gnome.Mutter.IdleMonitor"})  # type: ignore[call-arg]
class FakeMutter(QObject):  # type: ignore[operator]
    @Slot(result="qulonglong")
    def GetIdletime(self) -> int:
        return 125_000  # milliseconds


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})  # type: ignore[call-arg]
class FakeScreenSaver(QObject):  # type: ignore[operator]
    @Slot(result="uint")
    def GetSessionIdleTime(self) -> int:
        return 42  # seconds

    @Slot(result=bool)
    def GetActive(self) -> bool:
        return True


def main() -> int:
    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.sessionBus()
    options = QDBusConnection.RegisterOption.ExportAllSlots
    if "--mutter" in sys.argv:
        service: QObject = FakeMutter()
        path, name = "/org/gnome/Mutter/IdleMonitor/Core", "org.gnome.Mutter.IdleMonitor"
    else:
        service = FakeScreenSaver()
        path, name = "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"
    if not bus.registerObject(path, service, options) or not bus.registerService(name):
        return 1
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
