"""Desk breaks on a fake clock: continuous use from the idle time, breaks, postponements."""

from __future__ import annotations

from datetime import datetime, timedelta

from hiptimer.core.plan.desk import DeskBreakTimer, DeskLook
from hiptimer.core.plan.model import DeskBreaks
from tests.core.plan.clocks import BERLIN

START = datetime(2026, 1, 5, 9, 0, tzinfo=BERLIN)
ON = DeskBreaks(on=True, minutes=45, quiet_from="20:00", quiet_until="08:00")


def run(
    timer: DeskBreakTimer, start: datetime, minutes: int, *, idle_s: float | None = 3.0,
    locked: bool = False, session: bool = False,
) -> list[int]:  # fmt: skip
    """Look once a minute for `minutes`; the minutes (from `start`) at which it reminded."""
    return [
        m
        for m in range(minutes)
        if timer.look(DeskLook(start + timedelta(minutes=m), idle_s, locked, session))
    ]


def test_it_reminds_after_45_minutes_of_use_and_again_after_45_more() -> None:
    timer = DeskBreakTimer(ON)
    assert run(timer, START, 100) == [45, 90]


def test_an_idle_spell_of_five_minutes_is_a_break_that_starts_the_count_again() -> None:
    timer = DeskBreakTimer(ON)
    assert run(timer, START, 30) == []
    assert run(timer, START + timedelta(minutes=30), 1, idle_s=300) == []
    later = START + timedelta(minutes=31)
    assert run(timer, later, 50) == [45]  # 45 minutes from the end of the break


def test_short_pauses_do_not_count_as_a_break() -> None:
    timer = DeskBreakTimer(ON)
    assert run(timer, START, 1) == []
    assert run(timer, START + timedelta(minutes=1), 45, idle_s=120) == [44]  # 45 from START


def test_a_locked_screen_or_a_running_session_postpones_and_resets() -> None:
    timer = DeskBreakTimer(ON)
    assert run(timer, START, 40) == []
    assert run(timer, START + timedelta(minutes=40), 20, locked=True) == []
    assert run(timer, START + timedelta(minutes=60), 44) == []
    assert run(timer, START + timedelta(minutes=104), 10, session=True) == []
    assert run(timer, START + timedelta(minutes=114), 46) == [45]


def test_quiet_hours_postpone_until_they_end() -> None:
    timer = DeskBreakTimer(ON)
    evening = datetime(2026, 1, 5, 19, 30, tzinfo=BERLIN)
    reminded = run(timer, evening, 13 * 60)
    assert reminded == [12 * 60 + 30]  # 08:00 next morning, not 20:15


def test_sleep_is_a_break_and_a_clock_set_back_restarts_the_count() -> None:
    timer = DeskBreakTimer(ON)
    assert run(timer, START, 40) == []
    woke = START + timedelta(minutes=40, hours=2)  # asleep for two hours: no idle reading
    assert run(timer, woke, 46) == [45]  # the count began at wake
    timer = DeskBreakTimer(ON)
    assert run(timer, START, 40) == []
    assert run(timer, START - timedelta(hours=1), 46) == [45]


def test_without_an_idle_time_it_is_a_plain_interval() -> None:
    timer = DeskBreakTimer(ON)
    assert run(timer, START, 100, idle_s=None) == [45, 90]


def test_snooze_and_skip_today() -> None:
    timer = DeskBreakTimer(ON)
    assert run(timer, START, 46) == [45]
    timer.snooze(START + timedelta(minutes=45), 10)
    assert run(timer, START + timedelta(minutes=46), 20) == [9]  # at 55 minutes
    timer.skip_today(START + timedelta(minutes=66))
    assert run(timer, START + timedelta(minutes=66), 120) == []
    tomorrow = START + timedelta(days=1)
    assert run(timer, tomorrow, 46) == [45]


def test_a_break_during_a_snooze_drops_the_snooze() -> None:
    timer = DeskBreakTimer(ON)
    run(timer, START, 46)
    timer.snooze(START + timedelta(minutes=45), 10)
    run(timer, START + timedelta(minutes=46), 1, idle_s=400)
    assert run(timer, START + timedelta(minutes=47), 30) == []


def test_turned_off_it_never_reminds_but_still_counts() -> None:
    timer = DeskBreakTimer(DeskBreaks(on=False))
    assert run(timer, START, 100) == []
    assert timer.in_use_s(START + timedelta(minutes=99)) == 99 * 60 + 3


def test_a_pause_holds_the_reminder_back_and_it_comes_when_the_pause_ends() -> None:
    timer = DeskBreakTimer(ON)
    assert run(timer, START, 40) == []
    paused = [
        m for m in range(40, 70)
        if timer.look(DeskLook(START + timedelta(minutes=m), 3.0, paused=m < 60))
    ]  # fmt: skip
    assert paused == [60]  # due at 45, held back by the pause until 60
