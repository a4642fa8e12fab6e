"""The spoken word for the pause at the bottom of a paced rep (format 2's fourth phase)."""

from __future__ import annotations

from hiptimer.core.session.events import RepPhase
from hiptimer.core.session.steps import Step, StepKind
from hiptimer.core.voice.cues import CueWriter


def test_the_voice_says_hold_low_not_pause() -> None:
    writer = CueWriter()
    step = Step(StepKind.WORK, 0, 1)
    said = writer.phrases_for(RepPhase(1.0, step, 1, None, "pause", 3.0, 0.0))
    assert [p.text for p in said] == ["Hold low"]
    short = writer.phrases_for(RepPhase(2.0, step, 1, None, "pause", 1.0, 0.0))
    assert short == []  # a short pause is left to the count, like every short phase
