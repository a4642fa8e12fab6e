"""Seconds a routine may write: 0 or at least 0.1 s, to at most 3 decimals, and every value
allowed prints and exports as written."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from hiptimer.core.history.csv_fields import csv_number
from hiptimer.core.routines.json_fields import _decimals
from hiptimer.core.routines.model import seconds_text
from hiptimer.core.routines.validation import check_routine


def data(hold: dict[str, Any], reps: dict[str, Any], rests: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": "hiptimer-routine",
        "version": 2,
        "id": "mine",
        "title": "Mine",
        "rests": rests,
        "exercises": [
            {"id": "a", "name": "A", "kind": "hold", "hold_s": 30, **hold},
            {"id": "b", "name": "B", "kind": "reps", "reps": 5, **reps},
        ],
    }


def problems(hold: dict[str, Any], reps: dict[str, Any], rests: dict[str, Any]) -> list[str]:
    routine, found = check_routine(data(hold, reps, rests))
    assert routine is None
    return [str(p) for p in found]


@pytest.mark.parametrize("tiny", [1e-320, 0.0001, 0.05, 0.099])
def test_a_time_too_short_to_run_is_refused_naming_the_field_the_value_and_the_limit(
    tiny: float,
) -> None:
    # A 1e-320 s hold printed as "9.99989e-321 s" and a 0.0001 s one was written 0 in the CSV.
    got = repr(tiny)
    tempo = {"lift_s": tiny, "hold_s": 0, "lower_s": 1, "pause_s": tiny}
    assert problems(
        {"hold_s": tiny, "rest_after_s": tiny}, {"tempo": tempo}, {"between_sets_s": tiny}
    ) == [
        f"rests.between_sets_s: expected 0, or a number of seconds from 0.1 to 3600, got {got}",
        f"exercises[0].hold_s: expected a number of seconds from 0.1 to 3600, got {got}",
        f"exercises[0].rest_after_s: expected 0, or a number of seconds from 0.1 to 3600, got {got}",
        f"exercises[1].tempo.lift_s: expected 0, or a number of seconds from 0.1 to 60, got {got}",
        f"exercises[1].tempo.pause_s: expected 0, or a number of seconds from 0.1 to 60, got {got}",
    ]
    assert problems({}, {"rep_hold_s": tiny}, {}) == [
        f"exercises[1].rep_hold_s: expected 0, or a number of seconds from 0.1 to 120, got {got}"
    ]


@pytest.mark.parametrize("outside", [0, -1, 3601])
def test_a_hold_out_of_range_is_refused_with_the_range_the_docs_give(outside: int) -> None:
    # 0 was "a number greater than 0 and at most 3600" and 0.05 "at least 0.1 s": one range,
    # said two ways; docs/routine-format.md's table gives 0.1-3600.
    assert problems({"hold_s": outside}, {}, {}) == [
        f"exercises[0].hold_s: expected a number of seconds from 0.1 to 3600, got {outside}"
    ]


def test_more_than_three_decimals_are_refused_as_the_csv_could_not_keep_them() -> None:
    assert problems({"hold_s": 2.0005}, {}, {}) == [
        "exercises[0].hold_s: expected at most 3 decimals (steps of 0.001 s), got 2.0005"
    ]


@given(st.floats(allow_nan=False, allow_infinity=False))
@example(2.0005)
@example(120.0)
@example(1.5e-07)
@example(1.25e16)
@example(-0.0)
def test_decimals_are_counted_as_the_shortest_repr_writes_them(value: float) -> None:
    # What Decimal said before the count was read from the repr itself (performance.md, 21).
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    assert _decimals(value) == max(0, -exponent)


@pytest.mark.parametrize(
    ("value", "shown"), [(0.1, "0.1"), (2.125, "2.125"), (3599.125, "3599.125"), (3600, "60 min")]
)
def test_every_time_allowed_prints_and_exports_as_written(value: float, shown: str) -> None:
    routine, found = check_routine(data({"hold_s": value}, {"rep_hold_s": 0}, {"get_ready_s": 0}))
    assert routine is not None and found == []
    hold = routine.exercises[0].hold_s
    assert hold == value
    assert seconds_text(hold) in (f"{shown} s", shown)  # "3599.12 s" cut a digit off
    assert csv_number(hold) == str(value)
