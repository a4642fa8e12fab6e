"""Tests of the chart buckets: pain per session, week or month; sessions a week per month or year."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from hiptimer.core.history.buckets import bucket_label, bucket_pain, week_buckets
from hiptimer.core.history.queries import PainPoint, WeekCount


def test_pain_is_bucketed_per_week_then_month_when_there_is_a_lot() -> None:
    t0 = datetime(2024, 1, 1, 9, tzinfo=timezone.utc)  # a Monday
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
