"""A fake local clock for the plan tests: Berlin time (it has DST), moved by a FakeClock."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from hiptimer.core.clock import FakeClock, FakeLocalTime
from hiptimer.core.plan.model import PlanItem, WeeklyPlan
from hiptimer.core.plan.today import Done

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = date(2026, 1, 5)


def local_at(year: int, month: int, day: int, hour: int, minute: int = 0) -> FakeLocalTime:
    """Local time starting at that Berlin time; move it with .clock.advance()."""
    clock = FakeClock()
    return FakeLocalTime(clock, datetime(year, month, day, hour, minute, tzinfo=BERLIN), BERLIN)


def advance(local: FakeLocalTime, minutes: float) -> None:
    local.clock.advance(minutes * 60)


def plan_of(*items: PlanItem, reminders: bool = True) -> WeeklyPlan:
    return WeeklyPlan(reminders=reminders, items=items)


def nothing_done(_routine_id: str, _day: date) -> bool:
    return False


def done_on(*pairs: tuple[str, date]) -> Done:
    found = set(pairs)
    return lambda rid, day: (rid, day) in found
