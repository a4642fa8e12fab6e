"""DBusNotifier against a stand-in notification server on a private D-Bus: the reminder as
the server receives it, its buttons' answers, closing it, and no server at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from hiptimer.ui.reminders.notifier import DBusNotifier
from hiptimer.ui.reminders.tray_messages import Note

FAKE_SERVER = Path(__file__).with_name("fake_notifications.py")


@pytest.fixture
def server(bus: tuple[str, QDBusConnection]) -> Iterator[subprocess.Popen[str]]:
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus[0], "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, str(FAKE_SERVER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL, text=True, env=env,
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    yield process
    process.communicate(timeout=10)  # closing its stdin ends it; the pipes close too


def received(server: subprocess.Popen[str], wait_s: float = 10) -> dict[str, object]:
    """The server's next line; fails (rather than hanging) when none comes."""
    assert server.stdout is not None
    # A thread, not select(): a line already in the pipe's buffer leaves the descriptor quiet.
    # One left waiting ends with the server, when the fixture closes its stdin.
    line = ThreadPoolExecutor(1).submit(server.stdout.readline)
    try:
        data: dict[str, object] = json.loads(line.result(timeout=wait_s))
    except TimeoutError:
        pytest.fail("the server received nothing")
    return data


def test_a_reminder_arrives_with_its_buttons_and_an_answer_comes_back(
    qtbot: QtBot, bus: tuple[str, QDBusConnection], server: subprocess.Popen[str]
) -> None:
    notifier = DBusNotifier(bus=bus[1])
    assert notifier.available() and notifier.reason == ""
    nid = notifier.show(
        Note("stretch@2026-01-05", "Time for Daily hip stretches", "At <18:00> & on")
    )
    assert nid == 1
    note = received(server)
    assert note["app"] == "HipTimer" and note["summary"] == "Time for Daily hip stretches"
    assert note["body"] == "At &lt;18:00&gt; &amp; on"  # plain text, whatever the server reads
    assert note["actions"] == [
        ["default", "Open HipTimer"], ["start", "Start"], ["snooze-10", "Snooze 10 min"],
        ["snooze-60", "Snooze 1 h"], ["skip", "Skip today"],
    ]  # fmt: skip
    assert note["hints"] == {
        "desktop-entry": "io.github.hiptimer.HipTimer", "category": "x-hiptimer.reminder"
    }  # fmt: skip
    assert server.stdin is not None
    with qtbot.waitSignal(notifier.answered, timeout=5000) as answer:
        server.stdin.write(f"invoke {nid} snooze-10\n")
        server.stdin.flush()
    assert answer.args == ["stretch@2026-01-05", "snooze-10"]


def test_answers_to_other_programs_notes_are_ignored_and_a_note_can_be_closed(
    qtbot: QtBot, bus: tuple[str, QDBusConnection], server: subprocess.Popen[str]
) -> None:
    notifier = DBusNotifier(bus=bus[1])
    answers: list[tuple[str, str]] = []
    notifier.answered.connect(lambda key, action: answers.append((key, action)))
    nid = notifier.show(Note("walk@2026-01-05", "Time for a walk", ""))
    received(server)
    assert server.stdin is not None
    server.stdin.write("invoke 99 start\n")  # not ours
    server.stdin.flush()
    notifier.close("walk@2026-01-05")
    assert received(server) == {"closed": nid}
    server.stdin.write(f"invoke {nid} start\n")  # closed: answered no more
    server.stdin.flush()
    qtbot.wait(300)
    assert answers == []


def test_a_reminder_answered_by_a_button_leaves_the_screen_a_click_leaves_it_there(
    qtbot: QtBot, bus: tuple[str, QDBusConnection], server: subprocess.Popen[str]
) -> None:
    """dunst keeps a note after a button pressed from its context menu: answered, its buttons
    would do nothing more (seen on a real walk), so HipTimer closes it itself."""
    notifier = DBusNotifier(bus=bus[1])
    nid = notifier.show(Note("stretch@2026-01-05", "Time for Daily hip stretches", ""))
    received(server)
    assert server.stdin is not None
    with qtbot.waitSignal(notifier.answered, timeout=5000):
        server.stdin.write(f"invoke {nid} default\n")  # the note itself: the window comes
        server.stdin.flush()
    with qtbot.waitSignal(notifier.answered, timeout=5000) as answer:
        server.stdin.write(f"invoke {nid} skip\n")  # its buttons still work after a click
        server.stdin.flush()
    assert answer.args == ["stretch@2026-01-05", "skip"]
    assert received(server) == {"closed": nid}  # the first line since the note: no close before


def test_without_a_server_it_says_why_and_shows_nothing(
    qtbot: QtBot, bus: tuple[str, QDBusConnection]
) -> None:
    notifier = DBusNotifier(bus=bus[1])
    assert not notifier.available()
    assert notifier.show(Note("k", "s", "b")) is None
    assert notifier.reason.startswith("no notification service answers")


def test_without_a_bus_it_says_so(qtbot: QtBot) -> None:
    notifier = DBusNotifier(bus=QDBusConnection.connectToBus("unix:path=/nonexistent", "none"))
    assert notifier.show(Note("k", "s", "b")) is None
    assert notifier.reason == "there is no D-Bus session bus"
    QDBusConnection.disconnectFromBus("none")


def test_a_routine_gone_from_the_library_arrives_with_the_plans_buttons_not_start(
    qtbot: QtBot, bus: tuple[str, QDBusConnection], server: subprocess.Popen[str]
) -> None:
    from hiptimer.ui.reminders.coordinator import GONE_ACTIONS

    notifier = DBusNotifier(bus=bus[1])
    nid = notifier.show(
        Note("old@2026-01-05", "old is no longer in your library", "", GONE_ACTIONS)
    )
    note = received(server)
    assert note["actions"] == [
        ["default", "Open HipTimer"], ["plan", "Change the plan"],
        ["remove", "Remove this reminder"],
    ]  # fmt: skip
    assert server.stdin is not None
    with qtbot.waitSignal(notifier.answered, timeout=5000) as answer:
        server.stdin.write(f"invoke {nid} remove\n")
        server.stdin.flush()
    assert answer.args == ["old@2026-01-05", "remove"]
