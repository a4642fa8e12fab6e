"""The tray's "next" lines: the next plan reminder and the next desk break."""

from __future__ import annotations

from datetime import datetime, timedelta

from hiptimer.core.plan.desk import DeskBreakTimer, DeskLook
from hiptimer.core.plan.model import DeskBreaks
from hiptimer.core.plan.upcoming import desk_line
from tests.core.plan.clocks import BERLIN

START = datetime(2026, 1, 5, 9, 0, tzinfo=BERLIN)


def berlin_wall(instant: datetime) -> datetime:
    return instant.astimezone(BERLIN)


def test_the_next_desk_break_is_said_from_the_use_so_far_the_snooze_and_the_quiet_hours() -> None:
    timer = DeskBreakTimer(DeskBreaks(True, 45, "09:30", "12:00"))
    assert desk_line(timer, START, berlin_wall) == "Next desk break: after 45 min of computer use"
    timer.look(DeskLook(START, 0.0))
    assert desk_line(timer, START, berlin_wall) == "Next desk break: after the quiet hours (12:00)"
    timer.set_desk(DeskBreaks(True, 45, "20:00", "08:00"))
    assert desk_line(timer, START, berlin_wall) == "Next desk break: about 09:45"
    timer.snooze(START, 10)
    assert desk_line(timer, START, berlin_wall) == "Next desk break: about 09:10"
    timer.skip_today(START + timedelta(minutes=1))
    assert desk_line(timer, START, berlin_wall) == "No more desk breaks today"
