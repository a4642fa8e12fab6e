"""Today's plan and the week's tally: done, due, missed, skipped; the system's local time."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from datetime import time as time_of_day

import pytest

from hiptimer.core.clock import SystemLocalTime
from hiptimer.core.plan.model import EVERY_DAY, PlanItem
from hiptimer.core.plan.today import (
    Mark,
    done_lookup,
    slots_on,
    still_to_do,
    today_lines,
    week_tally,
    week_text,
)
from tests.core.plan.clocks import MONDAY, advance, done_on, local_at, nothing_done, plan_of

PLAN = plan_of(PlanItem("stretch", EVERY_DAY, "18:00"), PlanItem("strength", (0, 2, 4), "07:30"))
TITLES = {"stretch": "Daily hip stretches", "strength": "Hip strengthening"}


def test_todays_lines_say_later_due_missed_done_and_skipped() -> None:
    local = local_at(2026, 1, 5, 7, 0)  # Monday 07:00
    lines = lambda done=nothing_done, skipped=(): today_lines(  # noqa: E731
        PLAN, local.now(), local, done, TITLES.__getitem__, skipped
    )
    assert lines() == [
        "Hip strengthening at 07:30 \u2014 later today",
        "Daily hip stretches at 18:00 \u2014 later today",
    ]
    advance(local, 11 * 60)  # 18:00
    assert lines() == [
        "Hip strengthening at 07:30 \u2014 missed",
        "Daily hip stretches at 18:00 \u2014 due",
    ]
    done = done_on(("strength", MONDAY))
    assert lines(done, {"stretch"}) == [
        "Hip strengthening at 07:30 \u2014 done",
        "Daily hip stretches at 18:00 \u2014 skipped",
    ]


def test_still_to_do_is_today_s_plan_in_its_order_less_what_was_done_or_skipped() -> None:
    # The library chooses the first of these for a returning user.
    local = local_at(2026, 1, 5, 20, 0)  # Monday 20:00: strength (07:30) is missed, not done
    assert still_to_do(PLAN, local.now(), local, nothing_done) == ["strength", "stretch"]
    done = done_on(("strength", MONDAY))
    assert still_to_do(PLAN, local.now(), local, done) == ["stretch"]
    assert still_to_do(PLAN, local.now(), local, nothing_done, {"strength"}) == ["stretch"]
    tuesday = local_at(2026, 1, 6, 8, 0)  # strength is not planned on Tuesdays
    assert still_to_do(PLAN, tuesday.now(), tuesday, nothing_done) == ["stretch"]


def test_a_slot_is_due_within_its_window_and_missed_after() -> None:
    local = local_at(2026, 1, 5, 18, 0)
    [slot] = slots_on(plan_of(PlanItem("stretch", EVERY_DAY, "18:00")), MONDAY, local)
    advance(local, 180)
    assert slot.mark(local.now(), done=False) is Mark.DUE
    advance(local, 1)
    assert slot.mark(local.now(), done=False) is Mark.MISSED
    assert slot.mark(local.now(), done=True) is Mark.DONE  # done late still counts


def test_the_week_tally_counts_planned_and_done_up_to_today() -> None:
    wednesday = date(2026, 1, 7)
    done = done_lookup({("stretch", MONDAY), ("strength", MONDAY), ("stretch", date(2026, 1, 6))})
    tally = week_tally(PLAN, wednesday, done, local_at(2026, 1, 7, 12))
    assert [(t.day.day, t.planned, t.done) for t in tally] == [
        (5, 2, 2), (6, 1, 1), (7, 2, 0), (8, 1, 0), (9, 2, 0), (10, 1, 0), (11, 1, 0),
    ]  # fmt: skip
    assert week_text(tally, wednesday) == (
        "This week: 3 of 5 planned sessions done so far "
        "(Mon \u2713 Tue \u2713 Wed \u2026 Thu \u00b7 Fri \u00b7 Sat \u00b7 Sun \u00b7)"
    )
    thursday = date(2026, 1, 8)
    tally = week_tally(PLAN, thursday, done, local_at(2026, 1, 8, 12))
    assert "Wed \u2717" in week_text(tally, thursday)


def test_an_empty_plan_says_nothing_is_planned() -> None:
    tally = week_tally(plan_of(), MONDAY, nothing_done, local_at(2026, 1, 5, 12))
    text = week_text(tally, MONDAY)
    assert text.startswith("This week: nothing planned so far")


@pytest.fixture
def berlin_tz(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("berlin_tz")
def test_the_systems_local_time_follows_the_zones_rules() -> None:
    local = SystemLocalTime()
    assert f"{local.at(date(2026, 3, 28), time_of_day(18)):%H:%M %z}" == "18:00 +0100"
    assert f"{local.at(date(2026, 3, 29), time_of_day(18)):%H:%M %z}" == "18:00 +0200"
    assert f"{local.at(date(2026, 3, 29), time_of_day(2, 30)):%H:%M %z}" == "03:30 +0200"
    assert f"{local.at(date(2026, 10, 25), time_of_day(2, 30)):%H:%M %z}" == "02:30 +0200"
    assert local.now().utcoffset() is not None


def test_days_before_a_routine_was_planned_are_not_counted_as_missed() -> None:
    plan = plan_of(PlanItem("stretch", EVERY_DAY, "18:00", since="2026-01-08"))
    friday = date(2026, 1, 9)
    tally = week_tally(plan, friday, nothing_done, local_at(2026, 1, 9, 12))
    assert [t.planned for t in tally] == [0, 0, 0, 1, 1, 1, 1]
    assert week_text(tally, friday).startswith("This week: 0 of 2 planned sessions done")


@pytest.mark.usefixtures("spanish")
def test_the_spanish_marks_agree_with_each_other() -> None:
    """ "hecho", "omitido" but "no hecha": the marks of one list read in one gender, and
    missed reads as what it is here, not done (docs/reminders.md)."""
    from hiptimer.core.plan.today import MARK_WORDS
    from hiptimer.i18n import translate

    done, missed = translate(MARK_WORDS[Mark.DONE]), translate(MARK_WORDS[Mark.MISSED])
    assert missed == f"no {done}"
