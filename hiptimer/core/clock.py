"""Clocks for the session engine: the real monotonic one and a fake one for tests."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
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
    """The local wall-clock time, timezone-aware, for records a person reads."""
    return datetime.now(timezone.utc).astimezone()


class FakeWall:
    """Wall time that follows a FakeClock, so records get believable timestamps in tests."""

    def __init__(self, clock: FakeClock, start: datetime | None = None) -> None:
        self._clock = clock
        self._origin = clock.now()
        self._start = start or datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self._start + timedelta(seconds=self._clock.now() - self._origin)
