"""Desk breaks: after N minutes of continuous computer use, a reminder to do the micro-break.

Use is measured from the desktop's idle time (how long since the last key or mouse move):
an idle spell of BREAK_S or more counts as a break and starts the count again. Without an
idle time (no such service) the count is a plain interval since the last break or reminder.
A gap between two looks of BREAK_S or more (the computer slept, or the clock jumped) is a
break too. The reminder waits while the screen is locked, while a session runs (which is
itself a break), during quiet hours and while reminders are paused; once it has been shown,
the next comes after another N minutes of use, or at the end of a snooze.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from hiptimer.core.plan.model import DeskBreaks

BREAK_S = 5 * 60  # idle this long (or asleep) and the count starts again: our choice


@dataclass(frozen=True)
class DeskLook:
    """What the desktop said at one look."""

    now: datetime  # local wall time, aware
    idle_s: float | None  # seconds since the last input; None when the desktop cannot say
    locked: bool = False
    session_running: bool = False
    paused: bool = False  # "Pause reminders for 1 hour": the count goes on, the reminder waits


class DeskBreakTimer:
    """Feed it a DeskLook every few seconds; `look` says when to remind.

    The instants it keeps are in UTC, so that a duration is real time across a DST change
    (two times of one zoneinfo zone subtract as wall-clock digits); the day and the quiet
    hours are read from the local time of each look."""

    def __init__(self, desk: DeskBreaks) -> None:
        self.desk = desk
        self.active_since: datetime | None = None  # continuous use began
        self.last: datetime | None = None  # the previous look
        self.snoozed_until: datetime | None = None
        self.skipped_day: date | None = None

    def look(self, seen: DeskLook) -> bool:
        """True when a desk-break reminder is due now (and the count starts again)."""
        now = _real(seen.now)
        gap = (now - self.last).total_seconds() if self.last is not None else 0.0
        self.last = now
        if gap >= BREAK_S or gap < 0:  # slept, or the clock moved: count from here
            self._rest()
        if seen.session_running or seen.locked:
            self._rest()  # exercise, or away from the screen
            return False
        if seen.idle_s is not None and seen.idle_s >= BREAK_S:
            self._rest()
            return False
        if self.active_since is None:
            back = seen.idle_s if seen.idle_s is not None else 0.0
            self.active_since = now - timedelta(seconds=back)
        if seen.paused:  # one due meanwhile comes when the pause ends
            return False
        return self._due(seen.now)

    def _rest(self) -> None:
        """A break: the count starts again, and a snoozed reminder is no longer wanted."""
        self.active_since = None
        self.snoozed_until = None

    def _due(self, local: datetime) -> bool:
        if not self.desk.on or self.skipped_day == local.date():
            return False
        if self.desk.quiet_at(local.time()):
            return False
        now = _real(local)
        if self.snoozed_until is not None:
            if now < self.snoozed_until:
                return False
            self.snoozed_until = None
            self.active_since = now
            return True
        assert self.active_since is not None
        if now - self.active_since < timedelta(minutes=self.desk.minutes):
            return False
        self.active_since = now  # the next after another stretch of use
        return True

    def in_use_s(self, now: datetime) -> float:
        """Seconds of continuous use so far (0 while on a break)."""
        if self.active_since is None:
            return 0.0
        return max(0.0, (_real(now) - self.active_since).total_seconds())

    def next_at(self, now: datetime) -> datetime | None:
        """When the next desk break comes if use goes on without a break (the end of a
        snooze, else N minutes after use began; not before now); None while no use is being
        counted (on a break, or none yet looked at), when off or skipped today. In UTC: say it
        with LocalTime.wall."""
        if not self.desk.on or self.skipped_day == now.date():
            return None
        if self.snoozed_until is not None:
            return max(_real(now), self.snoozed_until)
        if self.active_since is None:
            return None
        return max(_real(now), self.active_since + timedelta(minutes=self.desk.minutes))

    def snooze(self, now: datetime, minutes: int) -> None:
        self.snoozed_until = _real(now) + timedelta(minutes=minutes)

    def skip_today(self, now: datetime) -> None:
        self.skipped_day = now.date()
        self.snoozed_until = None

    def set_desk(self, desk: DeskBreaks) -> None:
        self.desk = desk


def _real(instant: datetime) -> datetime:
    """An instant in UTC, where adding and subtracting minutes is real time."""
    return instant.astimezone(timezone.utc)
