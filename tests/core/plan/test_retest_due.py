"""Tests of when a re-test is due again: over four weeks after the last, never before one."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from hiptimer.core.plan.retest_due import RETEST_EVERY, due_checks, due_line

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def test_due_only_when_the_last_one_is_over_four_weeks_old() -> None:
    last = {
        "monthly-check": NOW - RETEST_EVERY,  # exactly four weeks: not yet
        "balance-check": NOW - RETEST_EVERY - timedelta(seconds=1),
        "old-check": NOW - timedelta(days=90),
        "fresh-check": NOW - timedelta(days=3),
    }
    assert [rid for rid, _ in due_checks(last, NOW)] == ["old-check", "balance-check"]
    assert due_checks({}, NOW) == []  # never done: never pressed


def test_the_line_names_the_day_of_the_last_one(spanish: None) -> None:
    line = due_line("Control mensual", date(2026, 1, 20), NOW.date())
    assert line.startswith("Control mensual \u2014 toca repetir las pruebas")
    assert "20 de enero" in line and "2026" not in line


def test_the_year_is_said_only_for_another_year(spanish: None) -> None:
    assert "2025" in due_line("Control mensual", date(2025, 12, 30), NOW.date())
