"""The computer's time zone changed while HipTimer runs: the next wall-clock reading follows it."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest

from hiptimer.core.clock import SystemLocalTime, wall_now
from tests import zones

pytestmark = pytest.mark.skipif(not hasattr(time, "tzset"), reason="time.tzset is Unix only")

# A day apart at every moment (UTC-11 and UTC+14): "today" differs in the two, always.
WEST, EAST = zones.ZONES["Pacific/Pago_Pago"], zones.ZONES["Pacific/Kiritimati"]


@pytest.fixture
def zone_swapped() -> Iterator[None]:
    """In WEST, as read at start; the test then changes the computer's zone to EAST."""
    with zones.read_as(WEST):
        yield


def east_today() -> datetime:
    return datetime.now(timezone.utc) + timedelta(hours=14)


def test_the_wall_clock_follows_a_zone_changed_meanwhile(zone_swapped: None) -> None:
    # The session's times and the history window's today read wall_now(): they stayed on the
    # zone of the start, a day off here, until something happened to call tzset.
    assert wall_now().utcoffset() == timedelta(hours=-11)
    os.environ["TZ"] = EAST
    now = wall_now()
    assert now.utcoffset() == timedelta(hours=14)
    assert now.date() == east_today().date()
    # And what is read after it (a session's local day, the check-in's): the same zone.
    assert datetime.now(timezone.utc).astimezone().utcoffset() == timedelta(hours=14)


def test_the_plan_s_clock_follows_it_too(zone_swapped: None) -> None:
    # The reminders' clock read the zone again at each look already (every 20 s): the plan's
    # "today" and its reminders' times follow the new zone, as docs/reminders.md says.
    local = SystemLocalTime()
    assert local.now().utcoffset() == timedelta(hours=-11)
    os.environ["TZ"] = EAST
    assert local.day_of(local.now()) == east_today().date()
