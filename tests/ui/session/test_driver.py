"""Tests for the engine driver: engine events become Qt signals, and the timer stops at the end."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from hiptimer.core.clock import MonotonicClock
from hiptimer.core.routines.model import Routine
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.events import (
    Countdown,
    Event,
    PainChoice,
    SessionEnded,
    SessionStarted,
    StepStarted,
)
from hiptimer.core.session.steps import StepKind
from hiptimer.core.session.view import SessionView
from hiptimer.ui.session.driver import (
    BOUNDARY_SLACK_MS,
    REFRESH_MS,
    EngineDriver,
    wake_interval_ms,
)
from tests.harness import hold, quick_routine
from tests.ui.sessions import (
    DriverOnFakeClock,
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.usefixtures("no_timer_left")


class Recorder(DriverOnFakeClock):
    """A driver on a fake clock with every signal it sends recorded."""

    def __init__(self, r: Routine) -> None:
        super().__init__(r)
        self.events: list[Event] = []
        self.views: list[SessionView] = []
        self.finished: list[SessionEnded] = []
        self.driver.engine_event.connect(self.events.append)
        self.driver.view_changed.connect(self.views.append)
        self.driver.finished.connect(self.finished.append)


@pytest.fixture
def rec(qtbot: QtBot) -> Iterator[Recorder]:
    recorder = Recorder(quick_routine(hold(hold_s=5, sets=1)))
    yield recorder
    recorder.driver.stop()


def test_engine_events_become_signals_in_order(rec: Recorder) -> None:
    rec.driver.start()
    assert isinstance(rec.events[0], SessionStarted)
    assert isinstance(rec.events[1], StepStarted)
    assert rec.views[-1].step.kind is StepKind.GET_READY
    assert rec.driver.timer_active
    rec.advance(2 + 5)
    assert [e.seconds_left for e in rec.events if isinstance(e, Countdown)] == [1, 3, 2, 1]
    assert rec.views[-1].awaiting_pain


def test_the_timer_stops_at_the_end_and_finished_is_sent_once(rec: Recorder) -> None:
    rec.driver.start()
    rec.advance(7)
    assert not rec.driver.timer_active  # waiting for a pain rating needs no clock
    assert rec.driver.rate_pain(2)
    assert len(rec.finished) == 1
    assert rec.views[-1].ended
    assert not rec.driver.timer_active
    rec.driver.poll()
    assert not rec.driver.timer_active and len(rec.finished) == 1


def test_pause_stops_the_timer_and_resume_restarts_it(rec: Recorder) -> None:
    rec.driver.start()
    rec.driver.toggle_pause()
    assert rec.views[-1].paused and not rec.driver.timer_active
    rec.clock.advance(60)
    rec.driver.resume()
    assert not rec.views[-1].paused and rec.driver.timer_active
    assert rec.views[-1].remaining_s == pytest.approx(2)


def test_commands_send_a_new_view(rec: Recorder) -> None:
    rec.driver.start()
    before = len(rec.views)
    assert rec.driver.next()
    assert len(rec.views) == before + 1
    assert rec.views[-1].step.kind is StepKind.WORK
    assert rec.driver.adjust(+1)
    assert rec.views[-1].remaining_s == pytest.approx(10)
    assert rec.driver.next()
    assert rec.views[-1].awaiting_pain
    assert rec.driver.rate_pain(8)
    assert rec.views[-1].awaiting_choice
    assert rec.driver.choose(PainChoice.CONTINUE)
    assert rec.views[-1].ended
    rec.driver.end()  # after the end: harmless
    assert not rec.driver.timer_active


def test_end_records_an_early_end(rec: Recorder) -> None:
    rec.driver.start()
    rec.advance(3)
    rec.driver.end()
    assert rec.finished and rec.finished[0].reason.value == "ended_early"
    assert not rec.driver.timer_active


def test_a_listener_may_run_a_command_while_views_are_sent(rec: Recorder) -> None:
    def rate_at_once(view: SessionView) -> None:
        if view.awaiting_pain:
            rec.driver.rate_pain(0)

    rec.driver.view_changed.connect(rate_at_once)
    rec.driver.start()
    rec.advance(7)
    assert rec.views[-1].ended


def scheduled_ms(driver: EngineDriver) -> int | None:
    """The interval the driver last started its timer with (None when it is stopped).

    What was scheduled, not QTimer.remainingTime(): that one shrinks with the real time
    the test takes, so a window on it fails on a busy machine.
    """
    timer = driver.findChild(QTimer)
    assert timer is not None
    return timer.interval() if timer.isActive() else None


def test_wake_ups_land_just_after_each_whole_second(rec: Recorder) -> None:
    rec.driver.start()
    rec.clock.advance(0.95)  # 1.05 s of the get-ready left: the display turns to "1" in 50 ms
    rec.driver.poll()
    assert scheduled_ms(rec.driver) == 50 + BOUNDARY_SLACK_MS
    wake = rec.driver.next_wake_ms
    assert wake is not None and 0 <= wake <= 50 + BOUNDARY_SLACK_MS  # counting down from it
    rec.clock.advance(0.3)  # 0.75 s left: the next whole second is further than a refresh
    rec.driver.poll()
    assert scheduled_ms(rec.driver) == REFRESH_MS
    rec.driver.stop()
    assert not rec.driver.timer_active and scheduled_ms(rec.driver) is None


def test_wake_interval_is_none_when_nothing_can_change(rec: Recorder) -> None:
    view = rec.driver.view()
    assert wake_interval_ms(view, running=False) is None
    rec.driver.start()
    assert wake_interval_ms(rec.driver.view(), running=True) == REFRESH_MS
    rec.driver.pause()
    assert wake_interval_ms(rec.driver.view(), running=True) is None
    rec.driver.end()


def test_the_real_timer_wakes_the_engine(qtbot: QtBot) -> None:
    engine = SessionEngine(quick_routine(hold(hold_s=5)), clock=MonotonicClock())
    driver = EngineDriver(engine)
    driver.start()
    with qtbot.waitSignal(driver.view_changed, timeout=10_000):  # generous: a busy machine
        pass
    driver.end()
    assert not driver.timer_active
