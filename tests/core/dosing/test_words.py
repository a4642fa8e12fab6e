"""The words of dose suggestions: when the note says the check-in comes."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from hiptimer.core.dosing.words import morning_note


@pytest.mark.parametrize(
    ("at", "when"),
    [
        (time(1, 30), "later this morning"),  # the check-in day starts at 04:00: same morning
        (time(0, 5), "later this morning"),
        (time(3, 59), "later this morning"),
        (time(4, 0), "tomorrow morning"),
        (time(20, 0), "tomorrow morning"),
        (time(23, 59), "tomorrow morning"),
    ],
)
def test_the_note_says_the_morning_the_check_in_comes(at: time, when: str) -> None:
    local = datetime.combine(date(2026, 3, 3), at).astimezone()
    assert morning_note(local).startswith(f"We'll know {when}.")
