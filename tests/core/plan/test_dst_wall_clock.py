"""The times the library's today line and the tray say keep to the wall clock across DST.

A user who plans 08:00 expects 08:00 on the clock before and after a DST change, and a
snooze or a pause of 60 minutes to end when the clock shows an hour later than it did, in
real time. Both DST changes in Europe/Berlin and America/New_York, on a fake clock.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from hiptimer.core.clock import FakeClock, FakeLocalTime
from hiptimer.core.plan.desk import DeskBreakTimer, DeskLook
from hiptimer.core.plan.model import EVERY_DAY, DeskBreaks, PlanItem
from hiptimer.core.plan.reminders import Reminders
from hiptimer.core.plan.state_file import load_state, save_state
from hiptimer.core.plan.today import today_lines
from hiptimer.core.plan.upcoming import desk_line, reminder_line
from tests.core.plan.clocks import nothing_done, plan_of

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
# (zone, the day of the change): spring forward, then fall back, in 2026.
CHANGES = [
    pytest.param(BERLIN, date(2026, 3, 29), id="Berlin spring"),
    pytest.param(BERLIN, date(2026, 10, 25), id="Berlin autumn"),
    pytest.param(NEW_YORK, date(2026, 3, 8), id="New York spring"),
    pytest.param(NEW_YORK, date(2026, 11, 1), id="New York autumn"),
]


def start(zone: ZoneInfo, day: date, hour: int, minute: int = 0) -> FakeLocalTime:
    """The first of two times the autumn shows twice (fold 0), as the clock reaches it."""
    return FakeLocalTime(FakeClock(), datetime.combine(day, time(hour, minute), tzinfo=zone), zone)


def seconds_between(a: datetime, b: datetime) -> float:
    """Real seconds (aware datetimes of one zone subtract as wall-clock times)."""
    return (b.astimezone(timezone.utc) - a.astimezone(timezone.utc)).total_seconds()


def move_to(local: FakeLocalTime, instant: datetime) -> None:
    local.clock.advance(seconds_between(local.now(), instant))


def today(local: FakeLocalTime, reminders: Reminders) -> list[str]:
    state = reminders.state
    return today_lines(
        reminders.plan, local.now(), local, nothing_done, str, state.skipped, state.snoozed
    )


@pytest.mark.parametrize(("zone", "day"), CHANGES)
def test_a_plan_at_08_00_stays_at_08_00_on_the_clock_across_the_change(
    zone: ZoneInfo, day: date
) -> None:
    local = start(zone, date.fromordinal(day.toordinal() - 1), 20)  # the evening before
    reminders = Reminders(plan_of(PlanItem("stretch", EVERY_DAY, "08:00")), local)
    assert reminders.check(nothing_done) == []
    assert reminder_line(reminders.next_at(nothing_done), local.now()).endswith(" 08:00")
    move_to(local, local.at(day, time(7, 0)))  # 11, 12 or 13 hours of real time later
    assert f"{local.now():%H:%M}" == "07:00"
    assert today(local, reminders) == ["stretch at 08:00 \u2014 later today"]
    assert reminder_line(reminders.next_at(nothing_done), local.now()) == (
        "Next reminder: today 08:00"
    )
    local.clock.advance(59 * 60)
    assert reminders.check(nothing_done) == []
    local.clock.advance(60)
    [due] = reminders.check(nothing_done)
    assert f"{due.planned:%H:%M}" == f"{local.now():%H:%M}" == "08:00"


# The clock's time a 60-minute snooze (or pause) ends at, made at a time just before the
# change: the spring's clock skips an hour, the autumn's shows an hour twice.
SNOOZES = [
    pytest.param(BERLIN, date(2026, 3, 29), "01:30", "03:30", id="Berlin spring"),
    pytest.param(BERLIN, date(2026, 10, 25), "02:30", "02:30", id="Berlin autumn"),
    pytest.param(NEW_YORK, date(2026, 3, 8), "01:30", "03:30", id="New York spring"),
    pytest.param(NEW_YORK, date(2026, 11, 1), "01:30", "01:30", id="New York autumn"),
]


@pytest.mark.parametrize(("zone", "day", "at", "ends"), SNOOZES)
def test_a_snooze_across_the_change_says_the_time_the_clock_will_show(
    zone: ZoneInfo, day: date, at: str, ends: str, tmp_path: Path
) -> None:
    """It said 02:30 (Berlin spring; the clock then shows 03:30) and 03:30 (Berlin autumn;
    the clock shows 02:30 a second time): local time plus 60 minutes, not an hour later."""
    hour, minute = map(int, at.split(":"))
    local = start(zone, day, hour, minute)
    reminders = Reminders(plan_of(PlanItem("stretch", EVERY_DAY, at)), local)
    [due] = reminders.check(nothing_done)
    again = reminders.snooze(due, 60)
    assert f"{again:%H:%M}" == ends
    assert today(local, reminders) == [f"stretch at {at} \u2014 snoozed until {ends}"]
    # Read back after a restart, its time is said as the clock will show it, too.
    save_state(tmp_path / "state.json", reminders.state)
    again_read = Reminders(reminders.plan, local, load_state(tmp_path / "state.json"))
    assert today(local, again_read) == [f"stretch at {at} \u2014 snoozed until {ends}"]
    assert f"{again_read.next_at(nothing_done):%H:%M}" == ends
    local.clock.advance(59 * 60)
    assert reminders.check(nothing_done) == []
    local.clock.advance(60)
    assert [r.routine_id for r in reminders.check(nothing_done)] == ["stretch"]
    assert f"{local.now():%H:%M}" == ends


@pytest.mark.parametrize(("zone", "day", "at", "ends"), SNOOZES)
def test_a_pause_across_the_change_ends_at_the_time_the_clock_will_show(
    zone: ZoneInfo, day: date, at: str, ends: str
) -> None:
    hour, minute = map(int, at.split(":"))
    local = start(zone, day, hour, minute)
    reminders = Reminders(plan_of(PlanItem("stretch", EVERY_DAY, "08:00")), local)
    until = reminders.pause()
    assert f"{until:%H:%M}" == ends
    assert seconds_between(local.now(), until) == 3600  # an hour of real time


@pytest.mark.parametrize(("zone", "day", "at", "ends"), SNOOZES)
def test_the_next_desk_break_across_the_change_says_the_time_the_clock_will_show(
    zone: ZoneInfo, day: date, at: str, ends: str
) -> None:
    """The tray's "about HH:MM" (after an hour of use, or a desk break snoozed an hour) said
    02:30 (Berlin spring) and 03:30 (Berlin autumn): the offset of the time use began, not
    of the time the break comes."""
    hour, minute = map(int, at.split(":"))
    local = start(zone, day, hour, minute)
    timer = DeskBreakTimer(DeskBreaks(True, 60, "22:00", "23:00"))
    assert timer.look(DeskLook(local.now(), 0.0)) is False
    assert desk_line(timer, local.now(), local.wall) == f"Next desk break: about {ends}"
    snoozed = DeskBreakTimer(DeskBreaks(True, 15, "22:00", "23:00"))  # a desk break's snooze
    snoozed.look(DeskLook(local.now(), 0.0))
    snoozed.snooze(local.now(), 60)
    assert desk_line(snoozed, local.now(), local.wall) == f"Next desk break: about {ends}"
    for _minute in range(59):  # an hour of real use, looked at each minute
        local.clock.advance(60)
        assert timer.look(DeskLook(local.now(), 0.0)) is False
    assert desk_line(timer, local.now(), local.wall) == f"Next desk break: about {ends}"
    local.clock.advance(60)
    assert timer.look(DeskLook(local.now(), 0.0)) is True
    assert f"{local.now():%H:%M}" == ends
