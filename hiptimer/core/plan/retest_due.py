"""When a monthly re-test is due again: four weeks after the last one (HipTimer's choice)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta

from hiptimer.i18n import _, day_month

# None of HipTimer's sources says how often to re-test; the built-in check is "monthly",
# and four weeks keeps it on the same weekday. Our choice: docs/reminders.md says so.
RETEST_EVERY = timedelta(weeks=4)


def due_checks(last: Mapping[str, datetime], now: datetime) -> list[tuple[str, datetime]]:
    """The check routines whose last session (`last`: routine id -> when it started) is more
    than RETEST_EVERY before `now`, the longest waiting first. A check never done is not
    due: it is not pressed on someone who never chose to re-test."""
    return sorted(
        ((rid, at) for rid, at in last.items() if now - at > RETEST_EVERY), key=lambda p: p[1]
    )


def due_line(title: str, day: date, today: date) -> str:
    """'Monthly check — re-test due (last on 3 November)': `day` is the local day of the
    last one, by the zone's rules on that day (LocalTime.day_of), not today's UTC offset: a
    check done at 00:30 in summer read as the evening before once the clocks went back."""
    # Translators: a line under "Today" on the library page; {day} is "3 November".
    return _("{title} \u2014 re-test due (last on {day})").format(
        title=title, day=day_month(day, year=day.year != today.year)
    )
