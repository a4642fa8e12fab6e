"""Timed marks inside one step: countdowns, halfway, form cues and the phases of paced reps.

Each mark is an offset from the step's start and a factory for the event it fires.
The engine fires a mark once the step's computed elapsed time reaches its offset.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from hiptimer.core.routines.model import Exercise, Kind, SideMode
from hiptimer.core.session.events import (
    Countdown,
    Event,
    FormCue,
    Halfway,
    HoldCount,
    RepCounted,
    RepPhase,
)
from hiptimer.core.session.steps import (
    Side,
    Step,
    StepKind,
    effective_tempo,
    movements_per_set,
    tempo_phases,
)

COUNTDOWN_SECONDS = (3, 2, 1)
TEN_SECONDS_FROM = 20.0  # "ten seconds" is said only on steps at least this long
HALFWAY_FROM = 30.0
FIRST_CUE_S = 5.0
CUE_EVERY_S = 15.0
SELF_PACED_CUE_EVERY_S = 20.0
QUIET_BEFORE_END_S = 12.0  # leave the last seconds to the countdown
MAX_SELF_PACED_CUES = 20

EventFactory = Callable[[float, float], Event]  # (at, late_s) -> event


@dataclass(frozen=True)
class Mark:
    offset: float
    make: EventFactory


def marks_for(step: Step, ex: Exercise | None, duration: float | None) -> list[Mark]:
    """All marks of a step, sorted by offset (ties keep their generation order)."""
    marks: list[Mark] = []
    is_hold = step.kind is StepKind.WORK and ex is not None and ex.kind is Kind.HOLD
    if duration is not None and (is_hold or step.is_timed_pause):
        marks += _countdown(step, duration)
    if is_hold and ex is not None and duration is not None:
        if duration >= HALFWAY_FROM:
            marks.append(Mark(duration / 2, lambda at, late: Halfway(at, step, late)))
        marks += _hold_cues(step, ex.cues, duration)
    if step.kind is StepKind.WORK and ex is not None and ex.kind is Kind.REPS:
        tempo_marks = _tempo(step, ex)
        marks += tempo_marks if tempo_marks else _self_paced_cues(step, ex.cues)
    return sorted(marks, key=lambda m: m.offset)


def _countdown(step: Step, duration: float) -> list[Mark]:
    seconds = [10] if duration >= TEN_SECONDS_FROM else []
    seconds += [n for n in COUNTDOWN_SECONDS if n < duration]
    return [Mark(duration - n, _countdown_event(step, n)) for n in seconds]


def _countdown_event(step: Step, n: int) -> EventFactory:
    return lambda at, late: Countdown(at, step, n, late)


def _cue_event(step: Step, text: str) -> EventFactory:
    return lambda at, late: FormCue(at, step, text, late)


def _hold_cues(step: Step, cues: tuple[str, ...], duration: float) -> list[Mark]:
    if not cues:
        return []
    marks = []
    texts = _in_turn(step, cues)
    offset = FIRST_CUE_S
    while offset <= duration - QUIET_BEFORE_END_S:
        if duration >= HALFWAY_FROM and abs(offset - duration / 2) < 3:
            offset = duration / 2 + 3  # leave room for "halfway"
            continue
        marks.append(Mark(offset, _cue_event(step, next(texts))))
        offset += CUE_EVERY_S
    return marks


def _in_turn(step: Step, cues: tuple[str, ...]) -> Iterator[str]:
    """The cues from this set's turn on: each set (and side) starts one further along, so a
    hold with room for one cue does not say the first one every time and the others never."""
    turn = max(step.set_number - 1, 0) * (1 if step.side is None else 2)
    turn += 1 if step.side is Side.LEFT else 0
    start = turn % len(cues)
    return itertools.cycle(cues[start:] + cues[:start])


def _self_paced_cues(step: Step, cues: tuple[str, ...]) -> list[Mark]:
    if not cues:
        return []
    texts = _in_turn(step, cues)
    return [
        Mark(FIRST_CUE_S + i * SELF_PACED_CUE_EVERY_S, _cue_event(step, next(texts)))
        for i in range(MAX_SELF_PACED_CUES)
    ]


def _tempo(step: Step, ex: Exercise) -> list[Mark]:
    tempo = effective_tempo(ex)
    if tempo is None:
        return []
    alternating = ex.sides is SideMode.ALTERNATING
    marks: list[Mark] = []
    for k in range(movements_per_set(ex)):
        base = k * tempo.rep_s
        rep = k // 2 + 1 if alternating else k + 1
        side = (Side.RIGHT if k % 2 == 0 else Side.LEFT) if alternating else step.side
        for phase, start, length in tempo_phases(tempo):
            if length > 0:
                marks.append(Mark(base + start, _phase_event(step, rep, side, phase, length)))
            if phase in ("hold", "pause"):  # a held position is counted: "two, three"
                for n in range(2, int(length) + 1):
                    marks.append(Mark(base + start + n - 1, _hold_count_event(step, rep, n)))
        if not alternating or side is Side.LEFT:  # an alternating rep counts once both legs moved
            marks.append(Mark(base + tempo.rep_s, _rep_counted(step, rep, ex.reps or 0)))
    return marks


def _phase_event(
    step: Step, rep: int, side: Side | None, phase: str, length: float
) -> EventFactory:
    return lambda at, late: RepPhase(at, step, rep, side, phase, length, late)


def _hold_count_event(step: Step, rep: int, n: int) -> EventFactory:
    return lambda at, late: HoldCount(at, step, rep, n, late)


def _rep_counted(step: Step, count: int, target: int) -> EventFactory:
    return lambda at, late: RepCounted(at, step, count, target, late)
