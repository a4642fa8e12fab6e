"""Tests for a step's computed running time."""

from __future__ import annotations

import pytest

from hiptimer.core.session.events import Event
from hiptimer.core.session.marks import Mark
from hiptimer.core.session.step_clock import StepClock


def mark(offset: float) -> Mark:
    return Mark(offset, lambda at, late: Event(at))


def test_elapsed_counts_only_running_time() -> None:
    clock = StepClock(since=100.0, duration=30.0)
    clock.pause(110.0)
    assert clock.elapsed(500.0) == 10.0
    clock.resume(500.0)
    assert clock.elapsed(505.0) == 15.0
    assert clock.remaining(505.0) == 15.0


def test_the_deadline_is_exact_however_late_it_is_seen() -> None:
    clock = StepClock(since=100.0, duration=30.0)
    assert clock.deadline_passed(129.9) is None
    assert clock.deadline_passed(131.7) == pytest.approx(130.0)
    clock.pause(131.7)
    assert clock.deadline_passed(140.0) is None  # a paused step does not end


def test_marks_fire_once_with_the_moment_they_fell_due() -> None:
    clock = StepClock(since=100.0, duration=10.0, marks=[mark(0), mark(7), mark(9)])
    assert [at for _, at in clock.due(100.0)] == [100.0]
    assert [at for _, at in clock.due(109.5)] == [107.0, 109.0]  # a late look loses none
    assert clock.due(120.0) == []


def test_retime_does_not_fire_passed_marks_again() -> None:
    clock = StepClock(since=100.0, duration=30.0, marks=[mark(5)])
    assert len(clock.due(106.0)) == 1
    clock.retime(35.0, [mark(5), mark(25)], 106.0)
    assert clock.remaining(106.0) == 29.0
    assert [at for _, at in clock.due(126.0)] == [125.0]


def test_the_next_mark_is_counted_in_running_time() -> None:
    clock = StepClock(since=100.0, duration=10.0, marks=[mark(0), mark(7), mark(9)])
    assert clock.to_next_mark(100.0) == 0.0  # due now, not yet fired
    clock.due(100.0)
    assert clock.to_next_mark(102.0) == pytest.approx(5.0)
    clock.pause(102.0)
    assert clock.to_next_mark(150.0) is None  # a paused step brings no mark
    clock.resume(150.0)
    clock.due(155.5)
    assert clock.to_next_mark(155.5) == pytest.approx(1.5)
    clock.due(158.0)
    assert clock.to_next_mark(158.0) is None  # every mark fired
