"""A slot whose time was already past when it was planned: neither due nor missed, not counted
in the week, and no reminder; the days after count as always (Berlin fake clock)."""

from __future__ import annotations

from datetime import date, time

import pytest

from hiptimer.core.clock import FakeLocalTime
from hiptimer.core.plan.model import (
    EVERY_DAY,
    PlanError,
    PlanItem,
    WeeklyPlan,
    plan_from_data,
    stamp_since,
)
from hiptimer.core.plan.reminders import Reminders
from hiptimer.core.plan.today import Done, still_to_do, today_lines, week_tally, week_text
from hiptimer.core.settings import plan_problem
from tests.core.plan.clocks import MONDAY, advance, done_on, local_at, nothing_done, plan_of

TITLES = {"stretch": "Daily hip stretches", "strength": "Hip strengthening"}
EVENING = plan_of(PlanItem("strength", (0, 2, 4), "07:30"), PlanItem("stretch", EVERY_DAY, "20:00"))


def planned_now(plan: WeeklyPlan, local: FakeLocalTime) -> WeeklyPlan:
    """The plan as saved from the dialog at the fake clock's time (nothing planned before)."""
    return stamp_since(WeeklyPlan(), plan, local.now())


def lines(plan: WeeklyPlan, local: FakeLocalTime, done: Done = nothing_done) -> list[str]:
    return today_lines(plan, local.now(), local, done, TITLES.__getitem__)


def week(plan: WeeklyPlan, local: FakeLocalTime, done: Done = nothing_done) -> str:
    today = local.now().date()
    return week_text(week_tally(plan, today, done, local), today)


def test_a_slot_already_past_when_planned_reads_so_and_is_not_counted_as_missed() -> None:
    """Added on Monday at 19:05, Monday's 07:30 read "missed" and the week "Mon ✗" at once."""
    local = local_at(2026, 1, 5, 19, 5)
    plan = planned_now(EVENING, local)
    assert lines(plan, local) == [
        "Hip strengthening at 07:30 \u2014 planned after its time",
        "Daily hip stretches at 20:00 \u2014 later today",
    ]
    assert week(plan, local).startswith(
        "This week: 0 of 1 planned session done so far (Mon \u2026 Tue \u00b7 Wed \u00b7"
    )
    assert still_to_do(plan, local.now(), local, nothing_done) == ["stretch"]
    advance(local, 5 * 60)  # Tuesday 00:05: Monday is past, with only the stretches in it
    assert "(Mon \u2717 Tue \u2026" in week(plan, local)
    assert week(plan, local).startswith("This week: 0 of 2 planned sessions")


def test_the_days_after_count_as_always() -> None:
    local = local_at(2026, 1, 5, 19, 5)
    plan = planned_now(EVENING, local)
    advance(local, 40 * 60)  # Wednesday 11:05
    assert lines(plan, local)[0] == "Hip strengthening at 07:30 \u2014 missed"
    assert week(plan, local).startswith("This week: 0 of 4 planned sessions done so far")


def test_one_done_anyway_reads_done() -> None:
    local = local_at(2026, 1, 5, 19, 5)
    plan = planned_now(EVENING, local)
    assert lines(plan, local, done_on(("strength", MONDAY)))[0] == (
        "Hip strengthening at 07:30 \u2014 done"
    )


def test_no_reminder_comes_for_a_slot_planned_after_its_time() -> None:
    """17:00 planned at 19:05 was within its 3-hour window: its reminder came at once."""
    local = local_at(2026, 1, 5, 19, 5)
    plan = planned_now(plan_of(PlanItem("stretch", EVERY_DAY, "17:00")), local)
    reminders = Reminders(plan, local)
    assert reminders.check(nothing_done) == []
    assert reminders.next_at(nothing_done) == local.at(date(2026, 1, 6), time(17))
    advance(local, 22 * 60)  # Tuesday 17:05
    assert [r.routine_id for r in reminders.check(nothing_done)] == ["stretch"]


def test_a_time_moved_earlier_than_now_reads_so_and_the_days_before_still_count() -> None:
    """Planned since Monday at 20:00; on Wednesday at 19:05 moved to 07:30: Wednesday's 07:30
    is not called missed, Monday's and Tuesday's (done or not) count as they did; Wednesday reads
    "+" (only a slot planned after its time: it read "–", nothing planned)."""
    old = plan_of(PlanItem("stretch", EVERY_DAY, "20:00", "2026-01-05", "2026-01-05T10:00+01:00"))
    local = local_at(2026, 1, 7, 19, 5)
    plan = stamp_since(old, plan_of(PlanItem("stretch", EVERY_DAY, "07:30")), local.now())
    assert plan.items[0].since == "2026-01-05"
    assert lines(plan, local) == ["Daily hip stretches at 07:30 \u2014 planned after its time"]
    done = done_on(("stretch", MONDAY))
    assert week(plan, local, done).startswith(
        "This week: 1 of 2 planned sessions done so far (Mon \u2713 Tue \u2717 Wed + Thu \u00b7"
    )


def test_a_slot_at_the_minute_it_was_planned_still_counts() -> None:
    local = local_at(2026, 1, 5, 17, 0)
    advance(local, 0.5)  # 17:00:30
    plan = planned_now(plan_of(PlanItem("stretch", EVERY_DAY, "17:00")), local)
    assert lines(plan, local) == ["Daily hip stretches at 17:00 \u2014 due"]
    assert [r.routine_id for r in Reminders(plan, local).check(nothing_done)] == ["stretch"]


def test_planned_after_midnight_the_evening_before_is_not_today() -> None:
    """The plan's days run from midnight (the today line turns then), not from the check-in's
    04:00: planned at 02:00 on Tuesday, Monday's 23:00 is not counted, Tuesday's is."""
    local = local_at(2026, 1, 6, 2, 0)
    plan = planned_now(plan_of(PlanItem("stretch", EVERY_DAY, "23:00")), local)
    assert lines(plan, local) == ["Daily hip stretches at 23:00 \u2014 later today"]
    assert week(plan, local).startswith(
        "This week: 0 of 1 planned session done so far (Mon \u2013 Tue \u2026"
    )
    early = planned_now(plan_of(PlanItem("stretch", EVERY_DAY, "01:00")), local)
    assert lines(early, local) == ["Daily hip stretches at 01:00 \u2014 planned after its time"]


def test_the_moment_is_compared_as_an_instant_in_any_zone() -> None:
    """Planned at 12:00 in New York (18:00 in Berlin): Berlin's 17:30 was past, 18:30 not."""
    local = local_at(2026, 1, 5, 19, 0)
    item = PlanItem("stretch", EVERY_DAY, "17:30", "2026-01-05", "2026-01-05T12:00-05:00")
    assert lines(plan_of(item), local) == [
        "Daily hip stretches at 17:30 \u2014 planned after its time"
    ]
    later = PlanItem("stretch", EVERY_DAY, "18:30", "2026-01-05", "2026-01-05T12:00-05:00")
    assert lines(plan_of(later), local) == ["Daily hip stretches at 18:30 \u2014 due"]


def test_a_plan_without_the_moment_reads_as_before() -> None:
    """A settings file from before session 28 (only `since`): the day's earlier slot is missed."""
    local = local_at(2026, 1, 5, 19, 5)
    plan = plan_from_data(
        {
            "items": [
                {"routine_id": "strength", "days": [0, 2, 4], "at": "07:30", "since": "2026-01-05"}
            ]
        }
    )
    assert plan.items[0].planned_at == ""
    assert lines(plan, local) == ["Hip strengthening at 07:30 \u2014 missed"]


@pytest.mark.parametrize("bad", ["19:05", "2026-01-05T19:05", "yesterday", 5, None])
def test_a_damaged_moment_is_named(bad: object) -> None:
    data = {"items": [{"routine_id": "a", "since": "2026-01-05", "planned_at": bad}]}
    with pytest.raises(PlanError, match=r"plan.items\[0\].planned_at: expected a moment"):
        plan_from_data(data)
    assert (plan_problem(data) or "").startswith("plan.items[0].planned_at: expected a moment")
