"""Lengths as people read them in lists, History and the report."""

from __future__ import annotations

import pytest

from hiptimer.core.routines.model import format_duration


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (44.4, "44 s"),
        (44.5, "45 s"),  # halves go up, never to the even neighbour
        (59.4, "59 s"),
        (90, "2 min"),
        (150, "3 min"),  # a 2:30 session is not "2 min" while 3:30 is "4 min"
        (210, "4 min"),
        (149, "2 min"),
        (3570, "1 h 00 min"),
        (5430, "1 h 31 min"),
    ],
)
def test_a_length_rounds_halves_up(seconds: float, shown: str) -> None:
    assert format_duration(seconds) == shown
