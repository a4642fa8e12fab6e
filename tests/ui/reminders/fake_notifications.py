"""A stand-in org.freedesktop.Notifications server for the reminder tests; run as a script.

It describes itself as real servers do (dunst, GNOME Shell, xfce4-notifyd: GDBus or sd-bus),
with the specification's introspection and none of QtDBus's type annotations, so a client
that only works against a Qt server fails here too; and, like them, it refuses a Notify whose
arguments have other types than the specification's ("susssasa{sv}i").

Registers on the bus in $DBUS_SESSION_BUS_ADDRESS and prints "ready", then one JSON line per
notification it receives ({"id", "app", "summary", "body", "actions", "hints"}) or closes.
A line "invoke ID ACTION" on its stdin emits ActionInvoked(ID, ACTION), as a person pressing
that button would; with --answer ACTION it does so by itself for each notification.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from PySide6.QtCore import (
    ClassInfo,
    QCoreApplication,
    QObject,
    QSocketNotifier,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtDBus import QDBusConnection

# The interface as the specification writes it, and as a GDBus server introspects: without
# QtDBus's "org.qtproject.QtDBus.QtTypeName" annotations, which a QtDBus server adds for the
# hints' a{sv} and a QtDBus client needs to call Notify through its introspected method
# (https://specifications.freedesktop.org/notification-spec/latest/protocol.html).
INTROSPECTION = """
  <interface name="org.freedesktop.Notifications">
    <method name="GetCapabilities"><arg type="as" name="capabilities" direction="out"/></method>
    <method name="Notify">
      <arg type="s" name="app_name" direction="in"/>
      <arg type="u" name="replaces_id" direction="in"/>
      <arg type="s" name="app_icon" direction="in"/>
      <arg type="s" name="summary" direction="in"/>
      <arg type="s" name="body" direction="in"/>
      <arg type="as" name="actions" direction="in"/>
      <arg type="a{sv}" name="hints" direction="in"/>
      <arg type="i" name="expire_timeout" direction="in"/>
      <arg type="u" name="id" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" name="id" direction="in"/></method>
    <signal name="NotificationClosed"><arg type="u" name="id"/><arg type="u" name="reason"/></signal>
    <signal name="ActionInvoked"><arg type="u" name="id"/><arg type="s" name="action_key"/></signal>
  </interface>
"""


# PySide6 6.12 stubs type ClassInfo without its dict form and without __call__. "D-Bus
# Introspection" replaces the XML QtDBus would generate (qdbusxmlgenerator.cpp reads it first).
@ClassInfo(
    {"D-Bus Interface": "org.freedesktop.Notifications", "D-Bus Introspection": INTROSPECTION}
)  # type: ignore[call-arg]
class FakeNotifications(QObject):  # type: ignore[operator]
    # D-Bus wants uint32 here; PySide6 takes the C++ type's name, which its stubs do not list.
    ActionInvoked = Signal("uint", str)  # type: ignore[arg-type]
    NotificationClosed = Signal("uint", "uint")  # type: ignore[arg-type]

    def __init__(self, answer: str | None) -> None:
        super().__init__()
        self.last_id = 0
        self.answer = answer

    @Slot(result="QStringList")
    def GetCapabilities(self) -> list[str]:
        return ["actions", "body"]

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(
        self, app: str, replaces: int, icon: str, summary: str, body: str,
        actions: list[str], hints: dict[str, Any], timeout: int,
    ) -> int:  # fmt: skip
        self.last_id += 1
        nid = self.last_id
        pairs = [actions[i : i + 2] for i in range(0, len(actions), 2)]
        note = {"id": nid, "app": app, "summary": summary, "body": body, "actions": pairs}
        print(json.dumps({**note, "hints": {k: str(v) for k, v in hints.items()}}), flush=True)
        if self.answer is not None:
            action = self.answer
            QTimer.singleShot(300, lambda: self.ActionInvoked.emit(nid, action))
        return nid

    @Slot("uint")
    def CloseNotification(self, nid: int) -> None:
        print(json.dumps({"closed": nid}), flush=True)
        self.NotificationClosed.emit(nid, 3)

    def command(self, line: str) -> None:
        words = line.split()
        if len(words) == 3 and words[0] == "invoke":
            self.ActionInvoked.emit(int(words[1]), words[2])


def main() -> int:
    app = QCoreApplication(sys.argv)
    answer = sys.argv[sys.argv.index("--answer") + 1] if "--answer" in sys.argv else None
    bus = QDBusConnection.sessionBus()
    service = FakeNotifications(answer)
    options = (
        QDBusConnection.RegisterOption.ExportAllSlots
        | QDBusConnection.RegisterOption.ExportAllSignals
    )
    if not bus.registerObject("/org/freedesktop/Notifications", service, options):
        return 1
    if not bus.registerService("org.freedesktop.Notifications"):
        return 1
    stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def read() -> None:
        line = sys.stdin.readline()
        if not line:  # the test closed our stdin: done
            stdin.setEnabled(False)
            app.quit()
            return
        service.command(line)

    stdin.activated.connect(read)
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
