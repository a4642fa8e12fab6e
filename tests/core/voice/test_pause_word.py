"""Spoken format-2 doses: the pause at the bottom of a paced rep ("Hold low") and an added weight."""

from __future__ import annotations

from hiptimer.core.routines.model import Exercise, Kind, Load, LoadUnit, Tempo
from hiptimer.core.session.events import RepPhase
from hiptimer.core.session.steps import Step, StepKind
from hiptimer.core.voice.cues import CueWriter, dose_words
from hiptimer.core.voice.numbers import weight_words


def test_the_voice_says_hold_low_not_pause() -> None:
    writer = CueWriter()
    step = Step(StepKind.WORK, 0, 1)
    said = writer.phrases_for(RepPhase(1.0, step, 1, None, "pause", 3.0, 0.0))
    assert [p.text for p in said] == ["Hold low"]
    short = writer.phrases_for(RepPhase(2.0, step, 1, None, "pause", 1.0, 0.0))
    assert short == []  # a short pause is left to the count, like every short phase


def test_the_dose_says_the_hold_low() -> None:
    hiker = Exercise("hip-hiker", "Hip hiker", Kind.REPS, reps=15, tempo=Tempo(2, 0, 2, 3))
    assert dose_words(hiker) == "Fifteen reps. Hold three seconds low."
    squat = Exercise("squat", "Squat", Kind.REPS, reps=8, tempo=Tempo(2, 1, 3, 1))
    assert dose_words(squat) == "Eight reps, hold one second at the top. Hold one second low."


def test_the_dose_says_an_added_weight_last() -> None:
    raise_ = Exercise(
        "slr", "Leg raise", Kind.REPS, reps=10, rep_hold_s=3, load=Load(1, LoadUnit.KG)
    )
    assert dose_words(raise_) == "Ten reps, hold three seconds at the top. Weight: one kilogram."
    held = Exercise("h", "Hold", Kind.HOLD, hold_s=30, load=Load(2.5, LoadUnit.LB))
    assert dose_words(held) == "Hold for thirty seconds. Weight: two and a half pounds."


def test_weights_in_words() -> None:
    assert weight_words(0.5, "kg") == "half a kilogram"
    assert weight_words(3, "lb") == "three pounds"
    assert weight_words(1.25, "kg") == "1.25 kilograms"


def test_in_spanish_the_pause_and_the_weight_are_said_too(spanish: None) -> None:
    hiker = Exercise(
        "h", "H", Kind.REPS, reps=15, tempo=Tempo(2, 0, 2, 3), load=Load(1, LoadUnit.KG)
    )
    assert dose_words(hiker) == (
        "Quince repeticiones. Mantén abajo tres segundos. Peso: un kilogramo."
    )
    assert weight_words(2.5, "lb") == "dos libras y media"
