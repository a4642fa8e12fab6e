"""Tests for the in-session dose changes: limits, widened ranges and the lower-dose rule."""

from __future__ import annotations

import pytest

from hiptimer.core.routines.model import Exercise, Kind
from hiptimer.core.session.dose_adjust import adjusted_hold, adjusted_reps, lowered

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
