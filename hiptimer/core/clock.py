"""Clocks for the session engine: the real monotonic one and a fake one for tests."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone, tzinfo
from datetime import time as time_of_day
from typing import Protocol


class Clock(Protocol):
    """A monotonic time source in seconds; only differences between readings matter."""

    def now(self) -> float: ...


class MonotonicClock:
    """The real clock: time.monotonic, immune to wall-clock changes."""

    def now(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that moves only when told to, for tests that run a session in milliseconds."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a monotonic clock never goes back")
        self._now += seconds


def wall_now() -> datetime:
    """The local wall-clock time, timezone-aware, for records a person reads.

    The zone is read again first (8 us): the C library keeps the one it read until asked,
    so a zone changed while HipTimer runs (a laptop taken abroad, the user fixing it) left
    every later time, and History's "today" with it, on the old zone's clock and day unless
    the plan's reminders happened to look (SystemLocalTime). Each `astimezone()` after this
    one follows the new zone too.
    """
    _reread_zone()
    return datetime.now(timezone.utc).astimezone()


class FakeWall:
    """Wall time that follows a FakeClock, so records get believable timestamps in tests."""

    def __init__(self, clock: FakeClock, start: datetime | None = None) -> None:
        self._clock = clock
        self._origin = clock.now()
        # By default 08:00 on Monday 5 January 2026 on the computer's own clock, not in UTC:
        # 08:00 UTC is 03:00 in New York, before the check-in's day begins (04:00), so the
        # tests of a morning passed or failed by the zone of the machine that ran them.
        self._start = start or datetime(2026, 1, 5, 8, 0).astimezone()

    def __call__(self) -> datetime:
        return self._start + timedelta(seconds=self._clock.now() - self._origin)


class LocalTime(Protocol):
    """The local wall clock of the reminders: what time it is here, and when a local time is.

    Reminders follow local time ("18:00 every day"), so they need the zone's rules, not just
    today's offset: 18:00 after a DST change is another UTC instant than 18:00 before it.
    """

    def now(self) -> datetime: ...  # aware, in the local zone

    def at(self, day: date, when: time_of_day) -> datetime: ...  # the instant of that local time

    def day_of(self, instant: datetime) -> date: ...  # the local day an instant falls on

    # An instant as the local wall clock shows it then (its own offset, DST included): a
    # snooze made before a DST change and ending after it reads as the clock will show it.
    def wall(self, instant: datetime) -> datetime: ...


class SystemLocalTime:
    """The computer's local time, re-reading the zone at each look (the user may change it)."""

    def now(self) -> datetime:
        _reread_zone()
        return datetime.now(timezone.utc).astimezone()

    def at(self, day: date, when: time_of_day) -> datetime:
        # A naive local time made aware by the system's zone rules, DST included.
        naive = datetime.combine(day, when)
        aware = naive.astimezone()
        shown = aware.replace(tzinfo=None)
        if shown != naive:  # a time the spring-forward skips: Python puts it an hour early;
            aware = (naive + (naive - shown)).astimezone()  # as the clock moves on, it is later
        return aware

    def day_of(self, instant: datetime) -> date:
        return instant.astimezone().date()

    def wall(self, instant: datetime) -> datetime:
        return instant.astimezone()


def _reread_zone() -> None:
    """Pick up a time-zone change made while HipTimer runs (tzset re-reads /etc/localtime)."""
    tzset = getattr(time, "tzset", None)  # not on Windows, where it is not needed
    if tzset is not None:
        tzset()


class FakeLocalTime:
    """Local time for tests: moves with a FakeClock, in a zone that can change, and can jump.

    `jump` sets the wall clock as a user or NTP would (the monotonic clock does not move);
    `sleep` passes wall time without monotonic time, as a suspended laptop does.
    """

    def __init__(self, clock: FakeClock, start: datetime, zone: tzinfo) -> None:
        if start.tzinfo is None:
            raise ValueError("start must be an aware datetime")
        self.clock = clock
        self._origin = clock.now()
        self._start = start.astimezone(timezone.utc)
        self.zone = zone

    def now(self) -> datetime:
        return self.wall(self._start + timedelta(seconds=self.clock.now() - self._origin))

    def at(self, day: date, when: time_of_day) -> datetime:
        # zoneinfo's rule for a skipped time (fold=0 takes the offset before the change) puts
        # it an hour later in UTC; an ambiguous one is the first of the two.
        return self.wall(datetime.combine(day, when, tzinfo=self.zone))

    def day_of(self, instant: datetime) -> date:
        return instant.astimezone(self.zone).date()

    def wall(self, instant: datetime) -> datetime:
        # With a fixed offset, as the system's astimezone() gives: two times of one zoneinfo
        # zone compare by their digits alone, so the autumn's second 01:30 was not later.
        local = instant.astimezone(timezone.utc).astimezone(self.zone)
        offset = local.utcoffset()
        assert offset is not None
        return local.replace(tzinfo=timezone(offset, local.tzname() or ""))

    def jump(self, seconds: float) -> None:
        self._start += timedelta(seconds=seconds)

    def sleep(self, seconds: float) -> None:
        self.jump(seconds)
