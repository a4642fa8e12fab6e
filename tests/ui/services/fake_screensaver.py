"""A stand-in org.freedesktop.ScreenSaver service for the SleepInhibitor tests; run as a script.

Prints "ready" once registered on the bus in $DBUS_SESSION_BUS_ADDRESS, then one line per call.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection


# PySide6 6.12 stubs type ClassInfo without its dict form and without __call__.
@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})  # type: ignore[call-arg]
class FakeScreenSaver(QObject):  # type: ignore[operator]
    def __init__(self) -> None:
        super().__init__()
        self.next_cookie = 41

    @Slot(str, str, result="uint")
    def Inhibit(self, app_name: str, reason: str) -> int:
        self.next_cookie += 1
        print(f"Inhibit {app_name!r} {reason!r} -> {self.next_cookie}", flush=True)
        return self.next_cookie

    @Slot("uint")
    def UnInhibit(self, cookie: int) -> None:
        print(f"UnInhibit {cookie}", flush=True)


def main() -> int:
    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.sessionBus()
    service = FakeScreenSaver()
    options = QDBusConnection.RegisterOption.ExportAllSlots
    if not bus.registerObject("/org/freedesktop/ScreenSaver", service, options):
        return 1
    if not bus.registerService("org.freedesktop.ScreenSaver"):
        return 1
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
