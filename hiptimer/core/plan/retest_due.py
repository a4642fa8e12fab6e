"""When a monthly re-test is due again: four weeks after the last one (HipTimer's choice)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

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


def due_line(title: str, last: datetime, now: datetime) -> str:
    """'Monthly check — re-test due (last on 3 November)' in local time."""
    day = last.astimezone(now.tzinfo).date()
    # Translators: a line under "Today" on the library page; {day} is "3 November".
    return _("{title} \u2014 re-test due (last on {day})").format(
        title=title, day=day_month(day, year=day.year != now.year)
    )
