"""Tests for the in-session dose changes: limits, widened ranges, the lower-dose rule and the
changes a session leaves, netted."""

from __future__ import annotations

import pytest

from hiptimer.core.clock import FakeClock
from hiptimer.core.routines.model import Exercise, Kind
from hiptimer.core.routines.user_routines import DoseChange
from hiptimer.core.session.dose_adjust import adjusted_hold, adjusted_reps, lowered, net_changes
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.events import PainChoice, PainChoiceMade
from hiptimer.core.session.steps import StepKind
from tests.harness import advance, fake_engine, hold, reps, routine

BRIDGE = Exercise("bridge", "Bridge", Kind.REPS, sets=3, reps=10, reps_range=(10, 15))
STRETCH = Exercise("flexor", "Hip flexor stretch", Kind.HOLD, sets=3, hold_s=30)


@pytest.mark.parametrize(
    ("hold", "delta", "expected"),
    [(30, 5, 35), (30, -5, 25), (7, -5, 2), (4, -5, 1), (1, -5, 1), (0.5, -5, 0.5)],
)
def test_less_takes_five_seconds_off_down_to_one_and_never_lengthens(
    hold: float, delta: float, expected: float
) -> None:
    assert adjusted_hold(STRETCH.with_dose(hold_s=hold), delta).hold_s == expected


@pytest.mark.parametrize(
    ("reps", "delta", "expected", "reps_range"),
    [(10, 1, 11, (10, 15)), (10, -1, 9, (9, 15)), (1, -1, 1, (1, 15)), (500, 1, 500, (10, 500))],
)
def test_adjusted_reps_stays_within_1_to_500_and_widens_the_range(
    reps: int, delta: int, expected: int, reps_range: tuple[int, int]
) -> None:
    changed = adjusted_reps(BRIDGE.with_dose(reps=reps), delta)
    assert (changed.reps, changed.reps_range) == (expected, reps_range)


@pytest.mark.parametrize(("hold", "expected"), [(30, 20), (6, 5), (4, 4)])
def test_lowered_hold_takes_a_third_off_but_not_below_the_minimum(
    hold: float, expected: float
) -> None:
    assert lowered(STRETCH.with_dose(hold_s=hold)).hold_s == expected


def test_lowered_reps_take_a_third_off_and_widen_the_range() -> None:
    changed = lowered(BRIDGE.with_dose(reps=12))
    assert (changed.reps, changed.reps_range) == (8, (8, 15))
    assert lowered(BRIDGE.with_dose(reps=1)).reps == 1


def _press(engine: SessionEngine, clock: FakeClock, *directions: int) -> None:
    """+ (1) and - (-1) in the next exercise's first set, then on to the one after it."""
    while engine.step.kind is not StepKind.WORK:
        advance(clock, 0.25, engine.update)
    for direction in directions:
        assert engine.adjust(direction)
    assert engine.skip_exercise()


def _lower_after_the_next_set(engine: SessionEngine, clock: FakeClock) -> None:
    """Every rep of the next set counted, a 7 above the limit of 5, then Lower."""
    while engine.step.kind is not StepKind.PAIN:
        if engine.step.kind is StepKind.WORK:
            engine.count_rep()
        advance(clock, 0.25, engine.update)
    engine.rate_pain(7)
    assert engine.choose(PainChoice.LOWER)


def test_a_session_s_presses_net_to_one_change_per_exercise_and_field() -> None:
    # The summary listed every press: reps 10 -> 11, 11 -> 12, ... 16 -> 17.
    clock = FakeClock()
    r = routine(hold("stretch", hold_s=30), reps("bridge", n=10), reps("clam", n=8))
    engine = fake_engine(r, clock)
    engine.start()
    _press(engine, clock, +1, +1, +1, -1)  # hold 30 -> 35 -> 40 -> 45 -> 40 s
    _press(engine, clock, *[+1] * 8, -1)  # reps 10 -> ... -> 18 -> 17
    _press(engine, clock, +1, +1, -1, -1)  # reps 8 -> 9 -> 10 -> 9 -> 8: back where it was
    assert len(engine.adjustments["bridge"]) == 9  # every press is still in the sets' record
    assert net_changes(engine.routine, engine.live_routine()) == [
        DoseChange("stretch", "Stretch", "hold_s", 30, 40),
        DoseChange("bridge", "Bridge", "reps", 10, 17),
    ]
    assert str(net_changes(engine.routine, engine.live_routine())[1]) == "Bridge: reps 10 \u2192 17"


def test_a_lower_dose_and_presses_after_it_net_from_the_start() -> None:
    # Lower after a painful set (12 -> 8 reps), then + twice: one change, 12 -> 10.
    clock = FakeClock()
    engine = fake_engine(routine(reps("bridge", n=12, sets=2)), clock, pain_limit=5)
    engine.start()
    _lower_after_the_next_set(engine, clock)
    while engine.step.kind is not StepKind.WORK:
        advance(clock, 0.25, engine.update)
    assert engine.adjust(+1) and engine.adjust(+1)
    assert engine.adjustments["bridge"] == ["reps 12 -> 8", "reps 8 -> 9", "reps 9 -> 10"]
    [change] = net_changes(engine.routine, engine.live_routine())
    assert (change.field, change.old, change.new) == ("reps", 12, 10)  # no rep range line


def test_a_round_trip_leaves_no_change() -> None:
    start = routine(hold("stretch", hold_s=30))
    there = start.replace_exercise(adjusted_hold(start.exercises[0], 5))
    back = there.replace_exercise(adjusted_hold(there.exercises[0], -5))
    assert net_changes(start, there) and net_changes(start, back) == []


def test_a_lower_after_the_exercises_last_set_is_in_no_sets_adjustment() -> None:
    # docs/history.md and pain-rules.md (user25): no set runs at a dose lowered after the
    # exercise's last set, so its record keeps the steps before it and the choice; the net
    # change, which the summary offers to keep, has it.
    clock = FakeClock()
    engine = fake_engine(routine(reps("bridge", n=12, sets=2)), clock, pain_limit=5)
    made: list[PainChoiceMade] = []
    engine.subscribe(lambda e: made.append(e) if isinstance(e, PainChoiceMade) else None)
    engine.start()
    for _ in range(2):
        _lower_after_the_next_set(engine, clock)
    first, last = (e.record for e in made)
    assert (first.adjustment, first.pain_choice) == ("", PainChoice.LOWER)
    assert (last.adjustment, last.pain_choice) == ("reps 12 -> 8", PainChoice.LOWER)
    [change] = net_changes(engine.routine, engine.live_routine())
    assert (change.field, change.old, change.new) == ("reps", 12, 5)
