"""SleepInhibitor: a no-op without a bus, and real Inhibit/UnInhibit calls on a private D-Bus."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from hiptimer.ui.services.inhibit import SleepInhibitor

FAKE_SERVICE = Path(__file__).with_name("fake_screensaver.py")


@pytest.fixture
def private_bus(qtbot: QtBot) -> Iterator[tuple[str, QDBusConnection]]:
    """A throwaway D-Bus session bus, so no test touches the desktop's screen saver."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed (sudo apt install dbus)")
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    bus = QDBusConnection.connectToBus(address, "hiptimer-test-bus")
    assert bus.isConnected(), bus.lastError().message()
    yield address, bus
    QDBusConnection.disconnectFromBus("hiptimer-test-bus")
    process.terminate()
    process.communicate(timeout=10)


@pytest.fixture
def screensaver(private_bus: tuple[str, QDBusConnection]) -> Iterator[subprocess.Popen[str]]:
    """The fake org.freedesktop.ScreenSaver service on the private bus; its stdout logs calls."""
    address, _ = private_bus
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, str(FAKE_SERVICE)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    yield process
    if process.poll() is None:
        process.terminate()
        process.communicate(timeout=10)


def calls_of(service: subprocess.Popen[str]) -> list[str]:
    service.terminate()
    out, _ = service.communicate(timeout=10)
    return out.splitlines()


def test_without_a_bus_it_does_nothing_and_never_raises(qtbot: QtBot) -> None:
    no_bus = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "hiptimer-no-bus")
    try:
        inhibitor = SleepInhibitor(bus=no_bus)
        inhibitor.inhibit("testing")
        assert not inhibitor.active
        inhibitor.release()
        inhibitor.release()
    finally:
        QDBusConnection.disconnectFromBus("hiptimer-no-bus")


def test_without_a_screensaver_service_it_does_nothing(
    qtbot: QtBot, private_bus: tuple[str, QDBusConnection]
) -> None:
    inhibitor = SleepInhibitor(bus=private_bus[1])
    inhibitor.inhibit()
    assert not inhibitor.active
    inhibitor.release()


def test_inhibit_and_release_call_the_service_once_each(
    qtbot: QtBot, private_bus: tuple[str, QDBusConnection], screensaver: subprocess.Popen[str]
) -> None:
    inhibitor = SleepInhibitor(bus=private_bus[1])
    inhibitor.inhibit("Bridges, 3 of 10")
    inhibitor.inhibit("again")  # already held: no second call
    assert inhibitor.active
    inhibitor.release()
    inhibitor.release()
    assert not inhibitor.active
    assert calls_of(screensaver) == ["Inhibit 'HipTimer' 'Bridges, 3 of 10' -> 42", "UnInhibit 42"]
