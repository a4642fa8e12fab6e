"""What comes next, as the tray says it: the next plan reminder and the next desk break."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from hiptimer.core.plan.desk import DeskBreakTimer
from hiptimer.core.plan.model import day_names
from hiptimer.i18n import _


def reminder_line(when: datetime | None, now: datetime) -> str:
    """ "Next reminder: today 18:00" (or "Wed 07:30"); `when` None: none planned."""
    if when is None:
        return _("No reminder planned")
    if when.date() == now.date():
        return _("Next reminder: today {time}").format(time=f"{when:%H:%M}")
    day = day_names()[when.weekday()]
    return _("Next reminder: {day} {time}").format(day=day, time=f"{when:%H:%M}")


def desk_line(timer: DeskBreakTimer, now: datetime, wall: Callable[[datetime], datetime]) -> str:
    """When the next desk break is due if use goes on: "about 17:45", after the quiet
    hours, or (on a break) after N minutes of use. `wall` (LocalTime.wall) says the time as
    the clock will show it then: use that began at 01:30 before a DST change and lasts an
    hour ends at 03:30 (spring) or 01:30 again (autumn), not at 02:30."""
    desk = timer.desk
    if timer.skipped_day == now.date():
        return _("No more desk breaks today")
    due = timer.next_at(now)
    when = None if due is None else wall(due)
    if when is not None and desk.quiet_at(when.time()):
        return _("Next desk break: after the quiet hours ({time})").format(time=desk.quiet_until)
    if when is None:  # on a break: the count starts with the next use
        return _("Next desk break: after {minutes} min of computer use").format(
            minutes=desk.minutes
        )
    at = f"{when + timedelta(seconds=30):%H:%M}"  # to the nearest minute
    return _("Next desk break: about {time}").format(time=at)
