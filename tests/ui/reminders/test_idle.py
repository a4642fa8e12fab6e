"""IdleMonitor on a private D-Bus: Mutter's idle time first, the ScreenSaver's next, none."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from hiptimer.ui.reminders.idle import IdleMonitor

FAKE = Path(__file__).with_name("fake_idle.py")


def service(address: str, which: str) -> subprocess.Popen[str]:
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, str(FAKE), which], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True, env=env,
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


@pytest.fixture
def services(bus: tuple[str, QDBusConnection]) -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        process.terminate()
        process.communicate(timeout=10)


def test_no_service_means_no_idle_time_and_not_locked(
    qtbot: QtBot,
    bus: tuple[str, QDBusConnection],
) -> None:
    monitor = IdleMonitor(bus=bus[1])
    assert monitor.idle_s() is None and monitor.source == ""
    assert not monitor.locked()


def test_the_screensaver_answers_in_seconds_and_says_locked(
    qtbot: QtBot,
    bus: tuple[str, QDBusConnection],
    services: list[subprocess.Popen[str]],
) -> None:
    services.append(service(bus[0], "--screensaver"))
    monitor = IdleMonitor(bus=bus[1])
    assert monitor.idle_s() == 42.0 and monitor.source == "org.freedesktop.ScreenSaver"
    assert monitor.locked()


def test_mutter_comes_first_in_milliseconds(
    qtbot: QtBot,
    bus: tuple[str, QDBusConnection],
    services: list[subprocess.Popen[str]],
) -> None:
    services += [service(bus[0], "--screensaver"), service(bus[0], "--mutter")]
    monitor = IdleMonitor(bus=bus[1])
    assert monitor.idle_s() == 125.0 and monitor.source == "org.gnome.Mutter.IdleMonitor"
