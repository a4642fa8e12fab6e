"""The week's tally in signs and in words: a day whose only slot was planned after its time
is neither "nothing planned" nor counted (Berlin fake clock)."""

from __future__ import annotations

from hiptimer import i18n
from hiptimer.core.plan.model import EVERY_DAY, PlanItem, WeeklyPlan, stamp_since
from hiptimer.core.plan.today import week_tally, week_text, week_words
from tests.core.plan.clocks import MONDAY, advance, done_on, local_at, nothing_done, plan_of

MORNING = plan_of(PlanItem("strength", EVERY_DAY, "07:30"))


def planned_monday_evening() -> WeeklyPlan:
    """07:30 every day, put in the plan on Monday at 19:05."""
    return stamp_since(WeeklyPlan(), MORNING, local_at(2026, 1, 5, 19, 5).now())


def test_a_day_whose_only_slot_was_planned_after_its_time_says_so() -> None:
    """Monday read "–" (nothing planned) under "Hip strengthening at 07:30 — planned after
    its time", and the week "nothing planned so far"."""
    local = local_at(2026, 1, 5, 19, 5)
    tally = week_tally(planned_monday_evening(), MONDAY, nothing_done, local)
    assert week_text(tally, MONDAY) == (
        "This week: nothing to count so far (Mon + Tue \u00b7 Wed \u00b7 Thu \u00b7 Fri \u00b7"
        " Sat \u00b7 Sun \u00b7)"
    )
    words = week_words(tally, MONDAY).splitlines()
    assert words[:2] == ["Monday: planned after its time, not counted", "Tuesday: to come"]
    assert len(words) == 7


def test_the_days_after_are_counted_and_said_as_always() -> None:
    local = local_at(2026, 1, 5, 19, 5)
    advance(local, 2 * 24 * 60)  # Wednesday 19:05, Tuesday's done
    today = local.now().date()
    tally = week_tally(
        planned_monday_evening(), today, done_on(("strength", today.replace(day=6))), local
    )
    assert week_text(tally, today).startswith(
        "This week: 1 of 2 planned sessions done so far (Mon + Tue \u2713 Wed \u2026 Thu \u00b7"
    )
    assert week_words(tally, today).splitlines()[:4] == [
        "Monday: planned after its time, not counted",
        "Tuesday: all done",
        "Wednesday: not all done yet",
        "Thursday: to come",
    ]


def test_the_marks_in_words_are_in_the_language_in_use() -> None:
    local = local_at(2026, 1, 5, 19, 5)
    tally = week_tally(planned_monday_evening(), MONDAY, nothing_done, local)
    i18n.use("es")
    words = week_words(tally, MONDAY).splitlines()
    assert words[0].startswith("Lunes: ") and "Monday" not in words[0]
    assert "planned" not in words[0] and "to come" not in words[1]


def test_the_days_before_the_plan_began_are_nothing_planned() -> None:
    """Put in the plan on Wednesday at 19:05: Monday's and Tuesday's 07:30 were never planned."""
    local = local_at(2026, 1, 7, 19, 5)
    plan = stamp_since(WeeklyPlan(), MORNING, local.now())
    today = local.now().date()
    tally = week_tally(plan, today, nothing_done, local)
    assert "(Mon \u2013 Tue \u2013 Wed + Thu \u00b7" in week_text(tally, today)
    assert week_words(tally, today).splitlines()[0] == "Monday: nothing planned"
