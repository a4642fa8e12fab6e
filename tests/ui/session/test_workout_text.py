"""Tests for the workout screen's words: numbers, titles and the lines around them."""

from __future__ import annotations

from hiptimer.core.clock import FakeClock
from hiptimer.core.session.engine import SessionEngine
from hiptimer.ui.session.workout_text import clock_text, count_template, minutes_text, workout_text
from hiptimer.ui.theme import Phase
from tests.harness import advance, fake_engine, hold, paced, quick_routine, self_paced, side_hold


def test_clock_text_rounds_up_to_the_whole_second() -> None:
    assert [clock_text(s) for s in (0, 0.2, 9.0, 9.01, 59.5, 60, 65, 3600)] == [
        "0",
        "1",
        "9",
        "10",
        "1:00",
        "1:00",
        "1:05",
        "1:00:00",
    ]
    assert minutes_text(42) == "0:42" and minutes_text(750.2) == "12:31"
    assert minutes_text(3599) == "59:59" and minutes_text(3599.5) == "1:00:00"  # rounded up
    assert minutes_text(3900) == "1:05:00" and minutes_text(28_800_000) == "8000:00:00"


def run(engine: SessionEngine, clock: FakeClock, seconds: float) -> None:
    advance(clock, seconds, engine.update)


def test_a_hold_each_side() -> None:
    clock = FakeClock()
    engine = fake_engine(quick_routine(side_hold(hold_s=42, sets=3), self_paced()), clock)
    before = workout_text(engine.view())
    assert before.title == "Clamshell hold \u2014 HipTimer"  # not started: no time yet
    engine.start()
    run(engine, clock, 2.05)
    text = workout_text(engine.view())
    assert (text.phase, text.big, text.side, text.set_line) == (
        Phase.WORK,
        "42",
        "RIGHT",
        "Set 1 of 3",
    )
    assert text.title == "0:42 Clamshell hold \u2014 HipTimer"
    assert text.next_line == "Next: left side"  # the bridge only after the left side


def test_self_paced_and_paced_reps() -> None:
    clock = FakeClock()
    engine = fake_engine(quick_routine(self_paced(n=12), paced(n=2)), clock)
    engine.start()
    run(engine, clock, 2.05)
    for _ in range(7):
        engine.count_rep()
    text = workout_text(engine.view())
    assert (text.big, text.rep_line, text.title) == ("7 / 12", "", "7/12 Bridge \u2014 HipTimer")
    engine.skip_exercise()
    run(engine, clock, 2.05 + 1.1)
    text = workout_text(engine.view())
    assert (text.big, text.rep_line, text.tempo) == ("1 / 2", "5 s left in this set", "HOLD")


def test_paused_and_ended_titles() -> None:
    clock = FakeClock()
    engine = fake_engine(quick_routine(hold(hold_s=5)), clock)
    engine.start()
    engine.pause()
    assert workout_text(engine.view()).title.startswith("Paused 0:02")
    assert workout_text(engine.view()).phase is Phase.PAUSED
    engine.end()
    text = workout_text(engine.view())
    assert text.phase is Phase.DONE and text.title == "Session over \u2014 HipTimer"


def test_a_count_keeps_its_width_within_a_step_until_the_last_minute_starts() -> None:
    # "10" to "9" kept the two-digit width (the font would jump up for the last nine seconds)
    assert count_template("9", "00", same_step=True) == "00"
    # a new step sizes for its own digits
    assert count_template("9", "00", same_step=False) == "0"
    # "1:00" to "59": the last minute's seconds as large as they fit
    assert count_template("59", "0:00", same_step=True) == "00"
    assert count_template("1:05", "00", same_step=True) == "0:00"
