"""The next moment a day begins: the check-in's 04:00, History's midnight."""

from __future__ import annotations

import time as time_module
from datetime import date, datetime, time, timedelta

import pytest

from hiptimer.core.history.checkin_day import checkin_day, next_day_start
from tests import zones


def local(day: date, at: time) -> datetime:
    return datetime.combine(day, at).astimezone()


def test_the_next_four_o_clock_and_midnight() -> None:
    day = date(2026, 12, 6)
    assert next_day_start(local(day, time(23, 50))) == local(day + timedelta(1), time(4))
    assert next_day_start(local(day, time(3, 59))) == local(day, time(4))
    assert next_day_start(local(day, time(4))) == local(day + timedelta(1), time(4))
    assert next_day_start(local(day, time(23, 50)), time(0)) == local(day + timedelta(1), time(0))
    assert checkin_day(local(day, time(0, 10)), time(0)) == day  # the calendar's day
    assert checkin_day(local(day, time(0, 10))) == day - timedelta(1)


@pytest.mark.skipif(not hasattr(time_module, "tzset"), reason="time.tzset is Unix only")
def test_a_night_the_clocks_go_back_is_25_hours_to_the_next_four_o_clock() -> None:
    with zones.read_as(zones.ZONES["America/New_York"]):
        evening = local(date(2026, 10, 31), time(4))  # DST ends at 02:00 on 1 November
        ahead = next_day_start(evening) - evening
    assert ahead == timedelta(hours=25)
