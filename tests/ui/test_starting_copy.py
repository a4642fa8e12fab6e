"""A second start while the first copy is still starting (its services opening): the first
window comes forward with the routine asked for, as the README promises, and the second start
neither opens read-only nor becomes a second writer to the history."""

from __future__ import annotations

import os
import selectors
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.settings import SettingsStore
from hiptimer.ui import app as app_module
from hiptimer.ui.app import run_app
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.services.ports import Services
from tests.ui.sessions import (
    FakeBeeper,
    FakeInhibitor,
    FakeSpeech,
    fake_services,
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.usefixtures("no_timer_left")

SAID_S = 60  # how long the second start may take to say its first line (a loaded host)


class SecondStart:
    """`hiptimer --routine daily-hip-stretches --start` in a process of its own, on this test's
    data folder, its terminal read line by line."""

    def __init__(self) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "hiptimer", "--routine", "daily-hip-stretches", "--start"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, bufsize=0,
        )  # fmt: skip
        self.out = b""

    def read(self, wait_s: float) -> str:
        """What it said so far, waiting up to `wait_s` for a whole first line (blocking: the
        first copy is held in its start meanwhile)."""
        assert self.process.stdout is not None
        with selectors.DefaultSelector() as waiting:
            waiting.register(self.process.stdout, selectors.EVENT_READ)
            while waiting.select(wait_s if b"\n" not in self.out else 0):
                chunk = os.read(self.process.stdout.fileno(), 4096)
                if not chunk:
                    break
                self.out += chunk
        return self.out.decode(errors="replace")

    def ended(self) -> bool:
        return self.process.poll() is not None

    def said(self) -> str:
        """Everything it said, once it ended (it is ended if still running: a read-only
        window would run for ever)."""
        if self.process.poll() is None:
            self.process.kill()
        if self.process.stdout is not None and not self.process.stdout.closed:
            self.out += self.process.communicate(timeout=SAID_S)[0]
        return self.out.decode(errors="replace")


@pytest.fixture
def second_start() -> Iterator[list[SecondStart]]:
    started: list[SecondStart] = []
    yield started
    for second in started:
        second.said()  # ended, and its pipe closed


def _window() -> MainWindow:
    [window] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    return window


@pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")  # offscreen
def test_a_second_start_while_the_services_open_brings_the_starting_window_forward(
    qtbot: QtBot, second_start: list[SecondStart]
) -> None:
    # The services open in the second hand-over after the first paint (2.4-5 s under load,
    # session 21): here they are held until the second start has said what it does. The
    # socket listened only after them, so the second start gave up after STARTING_S and
    # opened a read-only window that records nothing.
    SettingsStore().update(first_run_done=True)
    clock = FakeClock()

    def open_slowly(_services: Services) -> None:
        second_start.append(SecondStart())
        second_start[0].read(SAID_S)

    services = Services(
        beeper=FakeBeeper(), speech=FakeSpeech(), inhibitor=FakeInhibitor(), opener=open_slowly
    )
    seen: dict[str, object] = {}
    tries: list[int] = []

    def look_and_close() -> None:
        window = _window()
        tries.append(1)
        # The old ways: it took the folder for a hung copy's and opened a read-only window
        # (which runs until it is closed).
        said = second_start[0].read(0) if second_start else ""
        gave_up = "never listened" in said or "read-only" in said
        done = window.session is not None and second_start[0].ended()
        if not (done or gave_up) and len(tries) < SAID_S * 20:
            QTimer.singleShot(50, look_and_close)
            return
        seen["routine"] = window.session and window.session.driver.engine.routine.id
        window.close()

    QTimer.singleShot(0, look_and_close)
    assert run_app(clock=clock, wall=FakeWall(clock), services=services) == 0
    [second] = second_start
    said = second.said()
    assert "does not answer" not in said and "read-only" not in said
    assert second.process.returncode == 0, said
    assert "already running" in said and "brought forward" in said
    assert seen["routine"] == "daily-hip-stretches"  # the second start's routine, started


class LocklessStart:
    """A claim on this test's data folder in a process of its own, for a routine, where no
    lock can be made (faked as in the first copy: as root only a read-only mount refuses
    it); it says "waiting" when told to, then the Outcome's name or FirstCopy."""

    CODE = (
        "from PySide6.QtCore import QCoreApplication, QLockFile\n"
        "QLockFile.tryLock = lambda self, timeout=0: False\n"
        "QLockFile.error = lambda self: QLockFile.LockError.PermissionError\n"
        "from hiptimer import paths\n"
        "from hiptimer.core.instance import Outcome, Request\n"
        "from hiptimer.ui.single_instance import claim\n"
        "app = QCoreApplication([])\n"
        "said = lambda: print('waiting', flush=True)\n"
        "got = claim(paths.data_dir(), Request('daily-hip-stretches', True), said)\n"
        "print(got.name if isinstance(got, Outcome) else type(got).__name__, flush=True)\n"
    )

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", self.CODE], stdout=subprocess.PIPE, text=True
        )
        self.lines: list[str] = []

    def first_line(self) -> None:
        assert self.process.stdout is not None
        with selectors.DefaultSelector() as waiting:
            waiting.register(self.process.stdout, selectors.EVENT_READ)
            if waiting.select(SAID_S):
                self.lines.append(self.process.stdout.readline().strip())

    def said(self) -> list[str]:
        rest, _ = self.process.communicate(timeout=SAID_S)
        return self.lines + rest.split()


@pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")  # offscreen
def test_without_a_lock_a_start_before_the_first_paint_is_no_second_full_copy(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without a lock only the socket tells that a copy runs, and it listened once the routines
    # were listed: a start before that became a second full copy on the same folder (writing
    # the history beside the first where only the lock could not be made, and reminding too).
    monkeypatch.setattr(QLockFile, "tryLock", lambda self, timeout=0: False)
    monkeypatch.setattr(QLockFile, "error", lambda self: QLockFile.LockError.PermissionError)
    SettingsStore().update(first_run_done=True)
    seconds: list[LocklessStart] = []
    build = app_module._main_window

    def second_start_then_build(*args: Any, **kwargs: Any) -> MainWindow:
        seconds.append(LocklessStart())  # after the claim, before the window is built
        seconds[0].first_line()
        return build(*args, **kwargs)

    monkeypatch.setattr(app_module, "_main_window", second_start_then_build)
    seen: list[str | None] = []

    def look_and_close() -> None:
        window = _window()
        done = window.session is not None and seconds[0].process.poll() is not None
        # (the old way: a full copy beside this one, which runs until it is closed)
        if not done and len(seen) < SAID_S * 20 and seconds[0].lines != ["FirstCopy"]:
            seen.append(None)
            QTimer.singleShot(50, look_and_close)
            return
        seen.append(window.session.driver.engine.routine.id if window.session else None)
        window.close()

    QTimer.singleShot(0, look_and_close)
    clock = FakeClock()
    assert run_app(clock=clock, wall=FakeWall(clock), services=fake_services()) == 0
    assert seconds[0].said() == ["waiting", "HANDED_OVER"]  # not "FirstCopy"
    assert seen[-1] == "daily-hip-stretches"
