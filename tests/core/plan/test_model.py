"""The plan model: defaults from a routine's schedule, reading it back, naming bad fields."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest

from hiptimer.core.plan.model import (
    EVERY_DAY,
    DeskBreaks,
    PlanError,
    PlanItem,
    WeeklyPlan,
    days_text,
    default_days,
    default_item,
    plan_from_data,
)
from hiptimer.core.routines.model import Schedule
from tests.harness import routine


@pytest.mark.parametrize(
    ("schedule", "days"),
    [
        (None, "every day"),
        (Schedule(7, 7), "every day"),
        (Schedule(7, 14), "every day"),
        (Schedule(5, 7), "weekdays"),
        (Schedule(3, 4), "Mon, Wed, Fri"),
        (Schedule(2, 3), "Tue, Fri"),
        (Schedule(1, 2), "Wed"),
    ],
)
def test_default_days_follow_the_routines_schedule(schedule: Schedule | None, days: str) -> None:
    assert days_text(default_days(schedule)) == days


def test_a_routine_added_to_the_plan_gets_its_days_and_six_pm() -> None:
    item = default_item(routine(id="strength", schedule=Schedule(3, 4)))
    assert item == PlanItem("strength", (0, 2, 4), "18:00")


def test_a_plan_goes_to_json_and_back_unchanged() -> None:
    plan = WeeklyPlan(
        True,
        (PlanItem("a", (0, 3), "07:05"), PlanItem("b", EVERY_DAY, "21:30")),
        DeskBreaks(True, 30, "22:00", "07:00"),
    )
    assert plan_from_data(dataclasses.asdict(plan)) == plan
    assert plan_from_data({}) == WeeklyPlan()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "plan: expected an object"),
        ({"colour": 1}, "plan: unknown field 'colour'"),
        ({"reminders": "yes"}, "plan.reminders: expected true or false"),
        ({"items": [{"routine_id": "a", "at": "25:00"}]}, "plan.items[0].at: expected a time"),
        ({"items": [{"routine_id": "a", "at": "7:00"}]}, "plan.items[0].at: expected a time"),
        ({"items": [{"routine_id": "a", "days": [7]}]}, "plan.items[0].days: expected a list"),
        ({"items": [{"routine_id": "a", "days": [1, 1]}]}, "plan.items[0].days"),
        ({"items": [{"routine_id": ""}]}, "plan.items[0].routine_id"),
        ({"items": [{"routine_id": "a"}, {"routine_id": "a"}]}, "planned twice"),
        ({"items": [{"routine_id": "a"}] * 51}, "at most 50"),
        ({"desk": {"minutes": 5}}, "plan.desk.minutes: expected a whole number from 15 to 180"),
        ({"desk": {"quiet_from": "noon"}}, "plan.desk.quiet_from: expected a time"),
    ],
)
def test_a_bad_plan_names_the_field(data: Any, message: str) -> None:
    with pytest.raises(PlanError, match=message.replace("[", r"\[").replace("]", r"\]")):
        plan_from_data(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"items": [{"routine_id": "a", "days": [0, 0]}]},
            "plan.items[0].days: expected a list of weekdays from 0 (Monday) to 6 (Sunday), each"
            " at most once; got [0, 0]",
        ),
        (
            {"items": [{"routine_id": "a", "days": [1.0]}]},
            "plan.items[0].days: expected a list of weekdays from 0 (Monday) to 6 (Sunday), each"
            " at most once; got [1.0]",
        ),
        (
            {"items": [{"routine_id": "a", "since": "2026-1-5"}]},
            "plan.items[0].since: expected a date as YYYY-MM-DD, or \"\"; got '2026-1-5'",
        ),
        (
            {"desk": {"minutes": 45.0}},
            "plan.desk.minutes: expected a whole number from 15 to 180; got 45.0",
        ),
        (
            {"desk": {"minutes": "45"}},
            "plan.desk.minutes: expected a whole number from 15 to 180; got '45'",
        ),
        ({"reminders": 1}, "plan.reminders: expected true or false; got 1"),
    ],
)
def test_a_bad_plan_names_the_value_and_the_rule_it_breaks(data: Any, message: str) -> None:
    """user22: a hand-edited settings.json with "days": [0, 0] was refused as "expected a list
    of weekdays from 0 (Monday) to 6 (Sunday)", which [0, 0] is: the rule broken (each day at
    most once, docs/reminders.md) went unsaid, and so did the value (45.0, "45", 1 look
    right to a person) where the time's message names it."""
    with pytest.raises(PlanError) as raised:
        plan_from_data(data)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    "rid", ["\u202eevil-rlo", "bell\x07x", "two\nlines", "<b>Big</b>", "Daily-Hip", "-x", "a b"]
)
def test_a_plan_names_a_routine_id_no_routine_can_have(rid: str) -> None:
    """A hand-edited id is refused as a routine file's is: an RLO left open in one turned the
    library's today lines, and the week's tally under them, around ("dessim — 00:10 ta")."""
    where = "plan.items[0].routine_id: expected an id of lowercase letters, digits"
    with pytest.raises(PlanError, match=re.escape(where)):
        plan_from_data({"items": [{"routine_id": rid}]})
    with pytest.raises(PlanError, match=re.escape("plan.desk.routine_id: expected an id of")):
        plan_from_data({"desk": {"routine_id": rid}})


def test_quiet_hours_may_cross_midnight() -> None:
    from datetime import time

    overnight = DeskBreaks(quiet_from="20:00", quiet_until="08:00")
    assert overnight.quiet_at(time(23)) and overnight.quiet_at(time(7, 59))
    assert not overnight.quiet_at(time(8)) and not overnight.quiet_at(time(19, 59))
    lunch = DeskBreaks(quiet_from="12:00", quiet_until="13:00")
    assert lunch.quiet_at(time(12, 30)) and not lunch.quiet_at(time(13))
    assert not DeskBreaks(quiet_from="12:00", quiet_until="12:00").quiet_at(time(12))


def test_since_is_kept_for_an_unchanged_item_and_set_to_today_for_a_new_or_changed_one() -> None:
    from datetime import datetime

    from hiptimer.core.plan.model import stamp_since
    from tests.core.plan.clocks import BERLIN

    old = WeeklyPlan(True, (PlanItem("a", (0, 2), "18:00", "2026-01-01"), PlanItem("b", (1,))))
    new = WeeklyPlan(True, (PlanItem("a", (0, 2), "19:00"), PlanItem("b", (2,)), PlanItem("c")))
    stamped = stamp_since(old, new, datetime(2026, 1, 8, 19, 5, 41, tzinfo=BERLIN))
    assert [i.since for i in stamped.items] == ["2026-01-01", "2026-01-08", "2026-01-08"]
    moment = "2026-01-08T19:05+01:00"  # to the minute: a slot at 19:05 still counts
    assert [i.planned_at for i in stamped.items] == [moment, moment, moment]  # a's time changed
    same = stamp_since(old, WeeklyPlan(True, (PlanItem("a", (0, 2), "18:00"),)), datetime.now())
    assert same.items[0] == old.items[0]  # unchanged: both kept
    assert plan_from_data(dataclasses.asdict(stamped)) == stamped
    with pytest.raises(PlanError, match=r"plan.items\[0\].since: expected a date"):
        plan_from_data({"items": [{"routine_id": "a", "since": "8 Jan"}]})
