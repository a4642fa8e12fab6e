"""Tests of the chart buckets: pain per session, week or month; sessions a week per month or year."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from hiptimer.core.history.buckets import bucket_label, bucket_pain, shared_ticks, week_buckets
from hiptimer.core.history.queries import PainPoint, WeekCount


def test_pain_is_bucketed_per_week_then_month_when_there_is_a_lot() -> None:
    t0 = datetime(2024, 1, 1, 9).astimezone()  # a Monday, on the local clock the weeks follow
    points = [PainPoint(t0 + timedelta(days=i), 2.0 + i % 2, 3 + i % 3, i, 2) for i in range(300)]
    assert bucket_pain(points[:50]) == ("session", points[:50])
    unit, weekly = bucket_pain(points[:200])
    assert unit == "week" and len(weekly) == 29
    assert weekly[0].ratings == 14 and weekly[0].max_pain == 5
    assert weekly[0].avg_pain == pytest.approx(sum(2.0 + i % 2 for i in range(7)) / 7)
    assert bucket_pain(points, max_points=20)[0] == "month"


def test_weeks_are_averaged_per_month_or_year_when_there_are_many() -> None:
    monday = date(2024, 1, 1)
    weeks = [WeekCount(monday + timedelta(weeks=i), i % 4) for i in range(120)]
    assert week_buckets(weeks[:10])[0] == "week"
    unit, months = week_buckets(weeks)
    assert unit == "month" and len(months) == 28
    assert months[0] == (date(2024, 1, 1), (0 + 1 + 2 + 3 + 0) / 5)
    decade = [WeekCount(monday + timedelta(weeks=i), 3) for i in range(520)]
    assert week_buckets(decade) == ("year", [(date(2024 + i, 1, 1), 3.0) for i in range(10)])


def test_bucket_labels() -> None:
    start = date(2025, 3, 3)
    assert [bucket_label(start, u) for u in ("week", "month", "year")] == [
        "3 Mar",
        "Mar 25",
        "2025",
    ]


@pytest.mark.parametrize("top", [0.5, 1.2, 7, 12, 14.4, 36, 43.2, 150, 216, 999])
@pytest.mark.parametrize("most", [1, 2, 3, 5, 8])
def test_shared_ticks_fall_at_the_heights_of_the_pains_0_to_10(top: float, most: int) -> None:
    end, step = shared_ticks(top, 10, most=most)
    steps = end // step
    assert end >= top and end == steps * step and steps <= most
    assert 10 % steps == 0  # the pain axis steps in whole numbers too
    assert end <= 2.5 * max(top, 1)  # not much room wasted above the highest result


def test_shared_ticks_choose_more_lines_when_they_cost_little_room() -> None:
    assert shared_ticks(12, 10) == (25, 5)  # 0, 5 ... 25 beside 0, 2 ... 10
    assert shared_ticks(36, 10, most=3) == (40, 20)  # 0, 20, 40 beside 0, 5, 10
    assert shared_ticks(43.2, 10, most=3) == (50, 25)  # 0, 25, 50: two steps fit


def test_month_bars_average_full_weeks_and_flag_a_month_of_cut_weeks_only() -> None:
    """The period's weeks cut short (this one, begun on a Monday) count towards a month's
    bar only where it has no full week, and that bar is flagged (shaded)."""
    from hiptimer.core.history.buckets import week_bars

    monday = date(2024, 1, 1)
    weeks = [WeekCount(monday + timedelta(weeks=i), 4) for i in range(34)]  # to 19 Aug
    weeks += [WeekCount(date(2024, 8, 26), 0), WeekCount(date(2024, 9, 2), 1)]
    cut = [date(2024, 8, 26), date(2024, 9, 2)]  # say the period ends on 26 Aug's Monday
    unit, bars, flags = week_bars(weeks, cut)
    assert unit == "month"
    assert bars[-2:] == [(date(2024, 8, 1), 4.0), (date(2024, 9, 1), 1.0)]  # not 3.2
    assert flags == [False] * 8 + [True]
    assert week_bars(weeks[:5], [monday]).cut == [True, False, False, False, False]
