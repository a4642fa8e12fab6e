"""Plan reminders on a fake local clock: once a day, snooze, skip, pause, DST, jumps, sleep."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hiptimer.core.clock import FakeClock, FakeLocalTime
from hiptimer.core.plan.model import EVERY_DAY, PlanItem
from hiptimer.core.plan.reminders import Reminders, ReminderState
from hiptimer.core.plan.state_file import FILE_NAME, load_state, save_state
from tests.core.plan.clocks import BERLIN, advance, done_on, local_at, nothing_done, plan_of

STRETCH = PlanItem("stretch", EVERY_DAY, "18:00")


def ids(reminders: Reminders, done=nothing_done) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.routine_id for r in reminders.check(done)]


def test_a_reminder_comes_at_its_time_once_a_day() -> None:
    local = local_at(2026, 1, 5, 17, 58)
    reminders = Reminders(plan_of(STRETCH), local)
    assert ids(reminders) == []
    advance(local, 2)
    due = reminders.check(nothing_done)
    assert [(r.routine_id, r.day, f"{r.planned:%H:%M}") for r in due] == [
        ("stretch", date(2026, 1, 5), "18:00")
    ]
    advance(local, 1)
    assert ids(reminders) == []  # not again today
    advance(local, 24 * 60 - 1)
    assert ids(reminders) == ["stretch"]  # tomorrow, at 18:00 again


def test_no_reminder_when_turned_off_or_on_a_day_not_planned() -> None:
    local = local_at(2026, 1, 5, 18, 0)  # a Monday
    assert ids(Reminders(plan_of(STRETCH, reminders=False), local)) == []
    assert ids(Reminders(plan_of(PlanItem("stretch", (1, 3), "18:00")), local)) == []


def test_no_reminder_for_a_routine_done_today() -> None:
    local = local_at(2026, 1, 5, 18, 0)
    reminders = Reminders(plan_of(STRETCH), local)
    assert ids(reminders, done_on(("stretch", date(2026, 1, 5)))) == []
    # done yesterday does not count for today
    assert ids(reminders, done_on(("stretch", date(2026, 1, 4)))) == ["stretch"]


def test_snooze_reminds_again_after_ten_minutes_and_after_an_hour() -> None:
    local = local_at(2026, 1, 5, 18, 0)
    reminders = Reminders(plan_of(STRETCH), local)
    [first] = reminders.check(nothing_done)
    again = reminders.snooze(first, 10)
    assert f"{again:%H:%M}" == "18:10"
    advance(local, 9)
    assert ids(reminders) == []
    advance(local, 1)
    [second] = reminders.check(nothing_done)
    assert second.snoozed and second.planned == first.planned
    reminders.snooze(second, 60)
    advance(local, 59)
    assert ids(reminders) == []
    advance(local, 1)
    assert ids(reminders) == ["stretch"]
    advance(local, 30)
    assert ids(reminders) == []  # a snooze comes back once


def test_a_snoozed_routine_done_meanwhile_is_not_reminded() -> None:
    local = local_at(2026, 1, 5, 18, 0)
    reminders = Reminders(plan_of(STRETCH), local)
    [first] = reminders.check(nothing_done)
    reminders.snooze(first, 10)
    advance(local, 10)
    assert ids(reminders, done_on(("stretch", date(2026, 1, 5)))) == []


def test_skip_today_keeps_it_quiet_until_tomorrow() -> None:
    local = local_at(2026, 1, 5, 18, 0)
    reminders = Reminders(plan_of(STRETCH), local)
    [first] = reminders.check(nothing_done)
    reminders.snooze(first, 10)
    reminders.skip_today("stretch")
    advance(local, 30)
    assert ids(reminders) == []
    advance(local, 24 * 60 - 30)
    assert ids(reminders) == ["stretch"]


def test_pause_holds_reminders_and_lets_one_due_meanwhile_come_at_its_end() -> None:
    local = local_at(2026, 1, 5, 17, 30)
    reminders = Reminders(plan_of(STRETCH), local)
    until = reminders.pause()
    assert f"{until:%H:%M}" == "18:30"
    assert f"{reminders.next_at(nothing_done):%H:%M}" == "18:30"
    advance(local, 45)
    assert ids(reminders) == []
    advance(local, 15)
    assert ids(reminders) == ["stretch"]


def test_a_pause_lasts_at_most_its_hour_when_the_clock_is_set_back() -> None:
    """Paused at 17:30 "for 1 hour" with the clock a day ahead; corrected, the pause ran
    until 18:30 the next day and the next day's reminders never came."""
    local = local_at(2026, 1, 6, 17, 30)
    reminders = Reminders(plan_of(STRETCH), local)
    reminders.pause()
    local.jump(-24 * 3600)  # NTP sets the clock back to Monday 17:30
    assert not reminders.paused(local.now())
    assert f"{reminders.next_at(nothing_done):%H:%M}" == "18:00"
    advance(local, 30)
    assert ids(reminders) == ["stretch"]


def test_a_snooze_that_ends_after_midnight_comes_after_midnight() -> None:
    """A 23:50 reminder snoozed 30 min comes at 00:20 (docs/reminders.md), once, as the
    snoozed reminder of the day it was planned for; the new day's own reminder still comes."""
    local = local_at(2026, 1, 5, 23, 50)
    reminders = Reminders(plan_of(PlanItem("late", EVERY_DAY, "23:50")), local)
    [reminder] = reminders.check(nothing_done)
    again = reminders.snooze(reminder, 30)
    assert again == datetime(2026, 1, 6, 0, 20, tzinfo=BERLIN)
    assert reminders.next_at(nothing_done) == again
    advance(local, 29)  # Tuesday 00:19
    assert ids(reminders) == []
    advance(local, 1)
    [late] = reminders.check(nothing_done)
    assert (late.routine_id, late.day, late.planned, late.snoozed) == (
        "late", date(2026, 1, 5), reminder.planned, True,
    )  # fmt: skip
    advance(local, 60)
    assert ids(reminders) == []  # a snooze comes back once
    advance(local, 23 * 60 - 30)  # Tuesday 23:50
    assert ids(reminders) == ["late"]


def test_a_snooze_past_midnight_is_kept_across_a_restart_and_snoozed_again(
    tmp_path: Path,
) -> None:
    local = local_at(2026, 1, 5, 23, 50)
    plan = plan_of(PlanItem("late", EVERY_DAY, "23:50"))
    first = Reminders(plan, local)
    [reminder] = first.check(nothing_done)
    first.snooze(reminder, 60)
    assert save_state(tmp_path / FILE_NAME, first.state)
    advance(local, 30)  # restarted at 00:20: reminders-today.json carries it
    reminders = Reminders(plan, local, load_state(tmp_path / FILE_NAME))
    assert ids(reminders) == []
    advance(local, 30)
    [late] = reminders.check(nothing_done)
    reminders.snooze(late, 10)  # 01:00 + 10 min, still for Monday's reminder
    advance(local, 10)
    assert [r.day for r in reminders.check(nothing_done)] == [date(2026, 1, 5)]


def test_a_snooze_past_midnight_does_not_come_when_done_skipped_or_unplanned() -> None:
    def snoozed_past_midnight() -> tuple[Reminders, FakeLocalTime]:
        local = local_at(2026, 1, 5, 23, 50)
        reminders = Reminders(plan_of(PlanItem("late", EVERY_DAY, "23:50")), local)
        [reminder] = reminders.check(nothing_done)
        reminders.snooze(reminder, 10)
        return reminders, local

    reminders, local = snoozed_past_midnight()
    advance(local, 10)
    assert ids(reminders, done_on(("late", date(2026, 1, 5)))) == []  # done before midnight
    reminders, local = snoozed_past_midnight()
    advance(local, 10)
    assert ids(reminders, done_on(("late", date(2026, 1, 6)))) == []  # done just after
    reminders, local = snoozed_past_midnight()
    reminders.skip_today("late", date(2026, 1, 5))  # Skip today on Monday's reminder
    advance(local, 10)
    assert ids(reminders) == []
    advance(local, 23 * 60 + 50)  # Tuesday 23:50
    assert ids(reminders) == ["late"]  # Tuesday's own reminder is not skipped
    reminders, local = snoozed_past_midnight()
    reminders.set_plan(plan_of())  # taken out of the plan meanwhile
    advance(local, 10)
    assert ids(reminders) == []
    reminders, local = snoozed_past_midnight()
    advance(local, 10 + 4 * 60)  # asleep from before 00:00 until 04:00: past its window
    assert ids(reminders) == []


def test_a_reminder_missed_while_asleep_fires_once_on_wake_within_its_window() -> None:
    local = local_at(2026, 1, 5, 17, 0)
    reminders = Reminders(plan_of(STRETCH), local)
    assert ids(reminders) == []
    local.sleep(2.5 * 3600)  # the lid closed at 17:00, opened at 19:30
    assert ids(reminders) == ["stretch"]
    advance(local, 1)
    assert ids(reminders) == []


def test_a_reminder_missed_past_its_window_is_not_shown_and_nothing_piles_up() -> None:
    local = local_at(2026, 1, 5, 17, 0)
    plan = plan_of(STRETCH, PlanItem("strength", EVERY_DAY, "19:00"))
    reminders = Reminders(plan, local)
    local.sleep(3 * 24 * 3600 + 4.5 * 3600)  # three days and 4.5 h asleep: Thursday 21:30
    assert ids(reminders) == ["strength"]  # 18:00 is over 3 h ago; 19:00 is not
    advance(local, 24 * 60 - 4.5 * 60)  # Friday 17:00: nothing owed from the days slept
    assert ids(reminders) == []


def test_a_clock_set_forward_is_like_sleep_and_one_set_back_does_not_remind_twice() -> None:
    local = local_at(2026, 1, 5, 12, 0)
    reminders = Reminders(plan_of(STRETCH), local)
    local.jump(6 * 3600 + 60)  # 18:01
    assert ids(reminders) == ["stretch"]
    local.jump(-2 * 3600)  # back to 16:01 (NTP corrected a wrong clock)
    assert ids(reminders) == []
    advance(local, 120)  # 18:01 again
    assert ids(reminders) == []


def test_reminders_follow_local_time_across_a_dst_change() -> None:
    # Sunday 29 March 2026, Berlin: 02:00 becomes 03:00; 18:00 is still 18:00 on the clock.
    local = local_at(2026, 3, 28, 18, 0)
    reminders = Reminders(plan_of(STRETCH), local)
    assert ids(reminders) == ["stretch"]
    advance(local, 23 * 60 - 1)  # 23 hours later the clock shows 17:59
    assert f"{local.now():%H:%M}" == "17:59"
    assert ids(reminders) == []
    advance(local, 1)
    assert ids(reminders) == ["stretch"]


def test_a_time_the_spring_forward_skips_comes_an_hour_later() -> None:
    local = local_at(2026, 3, 29, 1, 50)
    reminders = Reminders(plan_of(PlanItem("early", EVERY_DAY, "02:30")), local)
    advance(local, 9)  # 01:59 CET
    assert ids(reminders) == []
    advance(local, 1)  # 03:00 CEST: 02:30 does not exist today; it falls an hour later
    assert ids(reminders) == []
    advance(local, 29)
    assert ids(reminders) == []
    advance(local, 1)  # 03:30 CEST, as the C library's mktime places 02:30 too
    assert ids(reminders) == ["early"]


def test_a_time_the_autumn_repeats_reminds_once() -> None:
    local = local_at(2026, 10, 25, 2, 20)  # the first 02:20 (CEST)
    reminders = Reminders(plan_of(PlanItem("early", EVERY_DAY, "02:30")), local)
    advance(local, 10)
    assert ids(reminders) == ["early"]
    advance(local, 60)  # 02:30 again, now CET
    assert f"{local.now():%H:%M}" == "02:30"
    assert ids(reminders) == []


def test_a_time_zone_change_reminds_at_the_new_local_time() -> None:
    clock = FakeClock()
    local = FakeLocalTime(clock, datetime(2026, 1, 5, 17, 0, tzinfo=BERLIN), BERLIN)
    reminders = Reminders(plan_of(STRETCH), local)
    assert ids(reminders) == []
    local.zone = ZoneInfo("Europe/London")  # flew west: it is 16:00 here now
    clock.advance(90 * 60)  # 17:30 in London, 18:30 in Berlin
    assert ids(reminders) == []
    clock.advance(30 * 60)
    assert f"{local.now():%H:%M %Z}" == "18:00 GMT"
    assert ids(reminders) == ["stretch"]


def test_next_at_names_todays_next_time_else_the_next_planned_day() -> None:
    local = local_at(2026, 1, 5, 9, 0)  # Monday
    plan = plan_of(PlanItem("stretch", (0,), "18:00"), PlanItem("walk", (2,), "07:30"))
    reminders = Reminders(plan, local)
    assert reminders.next_at(nothing_done) == datetime(2026, 1, 5, 18, 0, tzinfo=BERLIN)
    advance(local, 9 * 60)
    reminders.check(nothing_done)
    assert reminders.next_at(nothing_done) == datetime(2026, 1, 7, 7, 30, tzinfo=BERLIN)
    assert Reminders(plan_of(STRETCH, reminders=False), local).next_at(nothing_done) is None


def test_state_starts_afresh_on_a_new_day() -> None:
    state = ReminderState(day=date(2026, 1, 4), fired={"stretch"}, skipped={"walk"})
    local = local_at(2026, 1, 5, 18, 0)
    reminders = Reminders(plan_of(STRETCH), local, state)
    assert ids(reminders) == ["stretch"]
    assert state.day == date(2026, 1, 5) and state.skipped == set()
    snoozed_yesterday = ReminderState(
        day=date(2026, 1, 5), snoozed={"stretch": local.now() + timedelta(hours=7)}
    )
    reminders = Reminders(plan_of(STRETCH), local, snoozed_yesterday)
    advance(local, 7 * 60)  # past midnight: a snooze meant for yesterday is dropped
    assert ids(reminders) == []


def test_the_words_of_a_reminder() -> None:
    from hiptimer.core.plan.reminders import Reminder, desk_text, reminder_text

    planned = datetime(2026, 1, 5, 18, 0, tzinfo=BERLIN)
    reminder = Reminder("stretch", planned.date(), planned, snoozed=True)
    assert reminder_text("Daily hip stretches", reminder, 11.6) == (
        "Time for Daily hip stretches",
        "Planned for 18:00 (snoozed), about 12 min. Start opens its get-ready.",
    )
    assert desk_text("Desk micro-break", 45.2, 3)[1] == (
        "You have been at the computer for 45 min. Stand up and move (Desk micro-break, about 3 min)."
    )


def test_a_reminder_rounds_a_length_as_the_library_shows_it() -> None:
    # Walked: the library listed "Desk micro-break · 3 min" (2:30, halves up) and its desk
    # break said "about 2 min" (Python's round() to the even neighbour).
    from hiptimer.core.plan.reminders import Reminder, desk_text, reminder_text
    from hiptimer.core.routines.model import format_duration

    planned = datetime(2026, 1, 5, 18, 0, tzinfo=BERLIN)
    reminder = Reminder("stretch", planned.date(), planned)
    for seconds in (150, 149.6, 210, 630, 89):
        shown = format_duration(seconds)  # "3 min", as the library lists it
        assert f"about {shown}" in desk_text("Desk micro-break", 45, seconds / 60)[1], seconds
        assert f"about {shown}" in reminder_text("Stretch", reminder, seconds / 60)[1], seconds
