"""Tests for a chart's date axis: every tick on a day of its own, whatever the span and zone."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from hiptimer.core.history.date_ticks import MARGIN, date_axis, fewer_ticks

MADRID = ZoneInfo("Europe/Madrid")
ZONES = [MADRID, ZoneInfo("Australia/Sydney"), ZoneInfo("America/St_Johns"), timezone.utc]
AXES = {  # a first session, the span to the last, the most ticks, the zone
    "first": st.datetimes(datetime(2020, 1, 1), datetime(2030, 1, 1)),
    "span": st.timedeltas(timedelta(0), timedelta(days=4000)),
    "most": st.integers(2, 8),
    "tz": st.sampled_from(ZONES),
}


def tick_times(
    first: datetime, last: datetime, most: int, tz: ZoneInfo | timezone
) -> list[datetime]:
    """Where a QDateTimeAxis draws its ticks: evenly from the axis' start to its end."""
    axis = date_axis(first, last, most, tz)
    start, end, n = axis.start.timestamp(), axis.end.timestamp(), axis.ticks - 1
    return [datetime.fromtimestamp(start + k * (end - start) / n, tz) for k in range(n + 1)]


def test_two_sessions_a_day_apart_get_a_tick_a_day() -> None:
    """Padded by half a day they had ticks every 12 h: "2 Dec, 2 Dec, 3 Dec, 3 Dec"."""
    first = datetime(2026, 12, 2, 9, 0, tzinfo=MADRID)
    ticks = tick_times(first, first + timedelta(days=1, hours=9), 5, MADRID)
    assert [f"{t:%d %b %H:%M}" for t in ticks] == [
        "01 Dec 12:00",
        "02 Dec 12:00",
        "03 Dec 12:00",
        "04 Dec 12:00",
    ]


def test_one_session_sits_between_the_noons_around_it() -> None:
    at = datetime(2026, 12, 3, 18, 0, tzinfo=MADRID)
    axis = date_axis(at, at, 5, MADRID)
    assert (axis.start.day, axis.end.day, axis.ticks, axis.step_days) == (3, 4, 2, 1)


def test_across_a_change_of_summer_time_each_tick_stays_on_its_day() -> None:
    first = datetime(2026, 10, 23, 10, 0, tzinfo=MADRID)  # clocks go back on 25 Oct
    ticks = tick_times(first, first + timedelta(days=3), 5, MADRID)
    assert [t.day for t in ticks] == [22, 23, 24, 25, 26]
    assert all(11 <= t.hour <= 12 for t in ticks)


@given(**AXES)
def test_every_tick_names_a_day_of_its_own(
    first: datetime, span: timedelta, most: int, tz: ZoneInfo | timezone
) -> None:
    start = first.replace(tzinfo=tz)
    end = start + span
    ticks = tick_times(start, end, most, tz)
    days = [t.date() for t in ticks]
    assert 2 <= len(ticks) <= most
    assert days == sorted(set(days))  # in order, none twice
    axis = date_axis(start, end, most, tz)
    assert axis.start <= start - MARGIN and axis.end >= end + MARGIN
    assert all(abs(t.hour + t.minute / 60 - 12) <= 1.5 for t in ticks)  # about noon
    # Never far past the data: an eighth of its days, or less than a day a tick.
    shown = (axis.end.date() - axis.start.date()).days
    needed = (end.astimezone(tz).date() - start.astimezone(tz).date()).days + 2
    assert shown <= needed + max(most, needed // 8), (shown, needed)


def test_a_narrow_chart_s_few_ticks_end_near_the_last_session() -> None:
    """Two months in three ticks ran to 27 Jan for sessions ending 4 Dec: half the axis was
    empty, and the pain chart beside it (more ticks) put the same day elsewhere."""
    first = datetime(2026, 10, 6, 9, 0, tzinfo=MADRID)
    last = datetime(2026, 12, 4, 18, 0, tzinfo=MADRID)
    for most in (2, 3, 4, 5):
        axis = date_axis(first, last, most, MADRID)
        assert axis.end - last < timedelta(days=8), (most, axis.end)
    # Three months in the pain chart's five ticks ran to 28 Dec for sessions ending 6 Dec.
    first = datetime(2026, 9, 7, 9, 0, tzinfo=MADRID)
    last = datetime(2026, 12, 6, 9, 0, tzinfo=MADRID)
    assert date_axis(first, last, 5, MADRID).end - last < timedelta(days=12)


@given(**AXES)
def test_fewer_ticks_keep_the_range_and_a_day_each(
    first: datetime, span: timedelta, most: int, tz: ZoneInfo | timezone
) -> None:
    """The dose chart (three dates) beside the pain chart (five) ends where it ends."""
    start = first.replace(tzinfo=tz)
    wide = date_axis(start, start + span, 5, tz)
    narrow = fewer_ticks(wide, most)
    assert (narrow.start, narrow.end) == (wide.start, wide.end)
    assert 2 <= narrow.ticks <= min(most, wide.ticks)
    days = (wide.end.date() - wide.start.date()).days
    assert (narrow.ticks - 1) * narrow.step_days == days
