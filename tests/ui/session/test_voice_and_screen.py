"""The voice and the screen agree about each moment of every built-in routine.

Each built-in routine runs whole on a fake clock with the voice's lead-ins, as the app runs
it while the voice speaks; at each step's start, what CueWriter says is held against what the
workout screen shows (workout_text) for the same view: the side, the set, the reps, the
length of a hold or a rest; and each number said (a countdown, a rep, a second of a rep's
hold) against the number on screen at its moment.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hiptimer import paths
from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import Kind
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.events import Countdown, Event, HoldCount, RepCounted, StepStarted
from hiptimer.core.session.steps import StepKind
from hiptimer.core.voice.cue_words import set_of
from hiptimer.core.voice.cues import CueWriter
from hiptimer.core.voice.numbers import duration_words, number_words
from hiptimer.ui.session.workout_text import WorkoutText, workout_text

BUILT_IN = sorted(paths.builtin_routines_dir().glob("*.json"))


def _seconds(big: str) -> int:
    parts = [int(p) for p in big.split(":")]
    total = 0
    for part in parts:
        total = total * 60 + part
    return total


class Check:
    """Listens to one session: each step's words against its screen."""

    def __init__(self, engine: SessionEngine, writer: CueWriter) -> None:
        self.engine = engine
        self.writer = writer
        self.problems: list[str] = []

    def __call__(self, event: Event) -> None:
        said = " ".join(p.text for p in self.writer.phrases_for(event))
        if isinstance(event, (RepCounted, Countdown)) and said and event.step == self.engine.step:
            self._count(event, said)
        if isinstance(event, HoldCount) and said and event.step == self.engine.step:
            tempo = workout_text(self.engine.view()).tempo  # "HOLD 2 / 3"
            held = re.search(r"(\d+) / ", tempo)
            if held is None or number_words(int(held.group(1))) != said:
                self.problems.append(f"said {said!r} in a rep's hold, the screen shows {tempo!r}")
        if not isinstance(event, StepStarted) or event.step != self.engine.step or not said:
            return
        shown = workout_text(self.engine.view())
        where = f"{event.step.kind.value} {shown.exercise} {shown.set_line} {shown.side}"
        for problem in disagreements(event, said, shown):
            self.problems.append(f"{where}: {problem}; said {said!r}")

    def _count(self, event: RepCounted | Countdown, said: str) -> None:
        """A number said against the huge number on screen at its moment."""
        shown = workout_text(self.engine.view())
        number = said.split(".")[0].strip().lower()
        if isinstance(event, Countdown):  # a re-test that counts: the time left beside it
            left = _seconds(shown.big_time or shown.big)
            expected = number_words(left) if left <= 3 else duration_words(left)
        else:
            expected = number_words(int(shown.big.split(" / ")[0]))
        if number != expected.lower():
            where = f"{shown.exercise} {shown.set_line} {shown.side}"
            self.problems.append(f"{where}: said {said!r}, the screen shows {shown.big!r}")


def disagreements(event: StepStarted, said: str, shown: WorkoutText) -> list[str]:
    """What the words said as a step starts name otherwise than its screen."""
    found: list[str] = []
    lower = said.lower()
    step, ex = event.step, event.exercise
    # The side: the voice never names the other one than the screen.
    if shown.side == "RIGHT" and re.search(r"\bleft side\b", lower):
        found.append("the screen shows RIGHT")
    if shown.side == "LEFT" and re.search(r"\bright side\b", lower):
        found.append("the screen shows LEFT")
    if step.leads_in and "right side first" in lower and "right side first" not in shown.next_line:
        found.append(f"the screen's next line is {shown.next_line!r}")
    if step.leads_in and "left side first" in lower and "left side first" not in shown.next_line:
        found.append(f"the screen's next line is {shown.next_line!r}")
    # The set: "Set two of three." where the screen says "Set 2 of 3" (or "... next").
    match = re.match(r"Set (\d+) of (\d+)", shown.set_line)
    if match and "set " in lower and ex is not None:
        n, total = int(match.group(1)), int(match.group(2))
        if set_of(n, total).rstrip(".").lower() not in lower:
            found.append(f"the screen shows {shown.set_line!r}")
    # A hold's length, or a pause's: the number the screen counts down from.
    clock = re.fullmatch(r"[\d:]+", shown.big) is not None  # a countdown, not "0 / 10"
    counts_down = duration_words(_seconds(shown.big)) if clock else ""
    hold = step.kind is StepKind.WORK and ex is not None and ex.kind is Kind.HOLD
    if hold and "hold for" in lower and counts_down not in lower:
        found.append(f"the screen counts down from {shown.big}")
    if step.kind is StepKind.REST and lower.startswith("rest ") and counts_down not in lower:
        found.append(f"the screen counts down from {shown.big}")
    # Reps: "Twelve reps" where the screen counts "1 / 12".
    if (
        step.kind is StepKind.WORK
        and ex is not None
        and ex.kind is Kind.REPS
        and " / " in shown.big
    ):
        target = int(shown.big.split(" / ")[1])
        if re.search(r"\breps?\b", lower) and number_words(target).lower() not in lower:
            found.append(f"the screen counts to {target}")
    return found


def run_session(path: Path) -> list[str]:
    routine = load_routine(path)
    clock = FakeClock()
    writer = CueWriter()
    engine = SessionEngine(
        routine, clock=clock, wall=FakeWall(clock), lead_in=writer.lead_in_seconds
    )
    check = Check(engine, writer)
    engine.subscribe(check)
    engine.start()
    ticks = 0  # a quarter of a second each: every moment is looked at within it
    while engine.ended is None:
        view = engine.view()
        if view.step.kind is StepKind.PAIN and view.awaiting_pain:
            engine.rate_pain(1)
        elif view.step.kind is StepKind.MEASURE:
            engine.enter_result(None)
        else:
            clock.advance(0.25)
            ticks += 1
            counting = view.counted is not None or view.duration_s is None
            if counting and view.step.kind is StepKind.WORK and ticks % 12 == 0:
                engine.count_rep()  # self-paced reps, or a re-test that counts: every 3 s
        engine.update()
    return check.problems


@pytest.mark.parametrize("path", BUILT_IN, ids=[p.stem for p in BUILT_IN])
def test_the_voice_and_the_screen_agree_at_every_step(path: Path) -> None:
    assert run_session(path) == []
