"""Fixtures of the reminder tests: a throwaway D-Bus session bus, so no test talks to the
desktop's notifications."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

BUS_NAME = "hiptimer-notifier-test"


@pytest.fixture
def bus(qtbot: QtBot) -> Iterator[tuple[str, QDBusConnection]]:
    """A throwaway session bus: no test talks to the desktop's notifications."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed (apt install dbus)")
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    connection = QDBusConnection.connectToBus(address, BUS_NAME)
    assert connection.isConnected(), connection.lastError().message()
    yield address, connection
    QDBusConnection.disconnectFromBus(BUS_NAME)
    process.terminate()
    process.communicate(timeout=10)
