"""A pause lasts until the user resumes: Back, Next and Skip while paused move and stay paused."""

from __future__ import annotations

import pytest

from hiptimer.core.clock import FakeClock
from hiptimer.core.session.events import Countdown, Event, Resumed, StepStarted
from hiptimer.core.session.steps import StepKind
from tests.harness import advance, fake_engine, hold, reps, routine


class Paused:
    """An engine on a fake clock, paused in the second set's hold (of two sets of 20 s)."""

    def __init__(self) -> None:
        self.clock = FakeClock()
        self.engine = fake_engine(routine(hold("a", hold_s=20, sets=2), hold("b")), self.clock)
        self.events: list[Event] = []
        self.engine.subscribe(self.events.append)
        self.engine.start()
        self.advance(5 + 20)  # get-ready, the first set
        self.engine.rate_pain(1)
        self.advance(10 + 4)  # the rest between sets, 4 s into the second set
        assert self.engine.step.kind is StepKind.WORK and self.engine.step.set_number == 2
        self.engine.pause()
        self.events.clear()

    def advance(self, seconds: float) -> None:
        advance(self.clock, seconds, self.engine.update, step=0.25)


def test_back_while_paused_goes_back_and_stays_paused() -> None:
    p = Paused()
    assert p.engine.back()
    view = p.engine.view()
    assert view.step.kind is StepKind.WORK and view.step.set_number == 1
    assert view.paused
    p.advance(300)  # nothing runs out behind the pause
    assert p.engine.view().remaining_s == pytest.approx(20)
    assert p.engine.step.set_number == 1
    assert not any(isinstance(e, (Countdown, Resumed)) for e in p.events)
    started = [e for e in p.events if isinstance(e, StepStarted)]
    assert [e.paused for e in started] == [True]
    p.engine.resume()
    p.advance(19.9)
    assert p.engine.step.kind is StepKind.WORK
    p.advance(0.1)
    assert p.engine.step.kind is StepKind.PAIN


def test_next_and_skip_while_paused_stay_paused_on_a_timed_step() -> None:
    p = Paused()
    p.engine.skip_exercise()  # to the rest before "b"
    assert p.engine.step.kind is StepKind.REST and p.engine.view().paused
    p.advance(120)
    assert p.engine.step.kind is StepKind.REST
    assert p.engine.next()  # to "b"'s hold
    assert p.engine.step.kind is StepKind.WORK and p.engine.view().paused


def test_a_step_that_waits_for_the_user_ends_the_pause() -> None:
    """The pain question has no clock to pause: reaching it ends the pause, as before."""
    p = Paused()
    assert p.engine.next()
    assert p.engine.step.kind is StepKind.PAIN
    assert not p.engine.view().paused


def test_a_set_of_self_paced_reps_reached_while_paused_ends_the_pause() -> None:
    """README: "The pain question and a set of self-paced reps wait for you anyway, so
    reaching one ends the pause." Seen under Xvfb: the self-paced set reached with the Right
    arrow from a paused rest read PAUSED, and its time (and form cues) waited for Space."""
    clock = FakeClock()
    engine = fake_engine(routine(hold("a", hold_s=20), reps("march", 3)), clock)
    engine.start()
    advance(clock, 5 + 20, engine.update, step=0.25)  # get-ready, the hold
    engine.rate_pain(1)
    assert engine.step.kind is StepKind.REST
    engine.pause()
    assert engine.next()  # to the self-paced set
    assert engine.step.kind is StepKind.WORK and not engine.view().paused
    advance(clock, 4, engine.update, step=0.25)
    assert engine.view().elapsed_s >= 4  # its time runs, as on reaching it unpaused
