"""Tests for run_app: the routine named on the command line, started at once, and the exit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.app import _resolve, run_app
from hiptimer.ui.keys import Mode
from hiptimer.ui.main_window import MainWindow
from tests.harness import short_routine
from tests.ui.sessions import (
    FakeSpeech,
    fake_services,
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.usefixtures("no_timer_left")


def _window() -> MainWindow:
    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    return window


def test_run_app_opens_a_routine_by_id_starts_it_and_returns_on_close(qtbot: QtBot) -> None:
    SettingsStore().update(first_run_done=True)
    clock = FakeClock()
    services = fake_services()
    seen: list[object] = []

    def look_and_close() -> None:
        window = _window()
        if window.session is None and len(seen) < 500:  # opened once the window is painted
            seen.append(None)
            QTimer.singleShot(10, look_and_close)
            return
        seen[:] = []
        seen.append(window.key_mode())
        seen.append(window.windowTitle())
        assert window.session is not None
        seen.append(window.session.driver.engine.routine.id)
        window.close()

    QTimer.singleShot(0, look_and_close)
    code = run_app(
        "daily-hip-stretches", start=True, clock=clock, wall=FakeWall(clock), services=services
    )
    assert code == 0
    assert seen[0] is Mode.WORKOUT
    assert str(seen[1]).endswith("Hamstring stretch \u2014 HipTimer")
    assert seen[2] == "daily-hip-stretches"
    assert isinstance(services.speech, FakeSpeech) and services.speech.shut


def test_an_unknown_routine_opens_the_library_and_says_why(qtbot: QtBot) -> None:
    said: list[str] = []
    assert _resolve("no-such-routine", said.append) is None
    assert "no-such-routine" in said[0] and "daily-hip-stretches" in said[0]
    routine = short_routine()
    assert _resolve(routine, said.append) is routine
    assert _resolve(None, said.append) is None
