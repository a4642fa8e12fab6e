"""The spoken word for the pause at the bottom of a paced rep (format 2's fourth phase)."""

from __future__ import annotations

from hiptimer.core.routines.model import Exercise, Kind, Tempo
from hiptimer.core.session.events import RepPhase
from hiptimer.core.session.steps import Step, StepKind
from hiptimer.core.voice.cues import CueWriter, dose_words


def test_the_voice_says_hold_low_not_pause() -> None:
    writer = CueWriter()
    step = Step(StepKind.WORK, 0, 1)
    said = writer.phrases_for(RepPhase(1.0, step, 1, None, "pause", 3.0, 0.0))
    assert [p.text for p in said] == ["Hold low"]
    short = writer.phrases_for(RepPhase(2.0, step, 1, None, "pause", 1.0, 0.0))
    assert short == []  # a short pause is left to the count, like every short phase


def test_the_dose_says_the_hold_low() -> None:
    hiker = Exercise("hip-hiker", "Hip hiker", Kind.REPS, reps=15, tempo=Tempo(2, 0, 2, 3))
    assert dose_words(hiker) == "Fifteen reps, hold three seconds low."
    squat = Exercise("squat", "Squat", Kind.REPS, reps=8, tempo=Tempo(2, 1, 3, 1))
    assert dose_words(squat) == "Eight reps, hold one second at the top, hold one second low."
