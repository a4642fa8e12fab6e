"""When "the morning after" a session begins: the check-in's day starts at 04:00 local time.

A session done from 23:30 to 23:55 and a window opened at 00:05 are one evening, not a
morning: asked then, "How does your hip feel this morning?" would record the pain of a set
done minutes before as the next morning's, and the dose rules would judge by it. Anki's
scheduler draws its day the same way ("next day starts at" 4 hours past midnight:
https://docs.ankiweb.net/preferences.html).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

MORNING_STARTS = time(4)


def checkin_day(moment: datetime, starts: time = MORNING_STARTS) -> date:
    """The day a moment belongs to for the check-in: before 04:00 it is the evening before.
    (With `starts` time(0), the calendar's day: History's.)"""
    local = moment.astimezone()
    day = local.date()
    return day - timedelta(days=1) if local.time() < starts else day


def day_span(day: date) -> tuple[datetime, datetime]:
    """The local moments from the start of a check-in day (04:00) to the next one's."""
    start = datetime.combine(day, MORNING_STARTS).astimezone()
    return start, datetime.combine(day + timedelta(days=1), MORNING_STARTS).astimezone()


def next_day_start(moment: datetime, starts: time = MORNING_STARTS) -> datetime:
    """The first local moment after `moment` at which a day drawn from `starts` begins: the
    check-in's next 04:00, or with time(0) the calendar's next midnight (History's days)."""
    local = moment.astimezone()
    day = local.date() if local.time() < starts else local.date() + timedelta(days=1)
    return datetime.combine(day, starts).astimezone()
