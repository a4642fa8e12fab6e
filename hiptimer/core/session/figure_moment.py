"""What the exercise figure shows at a moment of a session: which movement phase, which side."""

from __future__ import annotations

from hiptimer.core.figures.motion import Moment, Motion
from hiptimer.core.routines.model import Exercise, Kind, SideMode
from hiptimer.core.session.steps import Side, StepKind, effective_tempo, movements_per_set
from hiptimer.core.session.view import SessionView

SHOWN_IN = (StepKind.GET_READY, StepKind.WORK, StepKind.REST, StepKind.SWITCH_SIDES)


def figure_moment(view: SessionView) -> tuple[Exercise | None, Moment]:
    """The exercise to draw (None: no figure now) and the moment of its movement.

    Get-ready, rests and the switch of sides preview the exercise coming up as a loop; a hold
    shows the held pose; paced reps follow the tempo; self-paced reps loop as a demonstration.
    """
    ex = view.exercise
    if ex is None or view.ended or view.step.kind not in SHOWN_IN:
        return None, Moment(Motion.PAUSE)
    running = view.started and not view.paused
    if view.step.kind is not StepKind.WORK:
        side = view.step.side or (Side.RIGHT if ex.sides is not SideMode.NONE else None)
        alternate = ex.sides is SideMode.ALTERNATING
        return ex, _loop(Motion.DEMO, view.elapsed_s, running, side, alternate)
    if ex.kind is Kind.HOLD:
        return ex, _loop(Motion.HELD, view.elapsed_s, running, view.step.side, False)
    tempo = effective_tempo(ex)
    if tempo is None:
        return ex, _loop(Motion.DEMO, view.elapsed_s, running, view.rep_side, False)
    return ex, rep_moment(ex, view.elapsed_s, running, view.rep_side)


def rep_moment(ex: Exercise, elapsed: float, running: bool, side: Side | None) -> Moment:
    """The tempo phase of a paced rep, how far through it, and how long it lasts."""
    tempo = effective_tempo(ex)
    assert tempo is not None
    mirrored = side is Side.LEFT
    movement = int(elapsed // tempo.rep_s)
    if movement >= movements_per_set(ex):
        return Moment(Motion.PAUSE, 1.0, running=False, mirrored=mirrored)
    into = elapsed - movement * tempo.rep_s
    for phase, length in (
        (Motion.LIFT, tempo.lift_s),
        (Motion.HOLD, tempo.hold_s),
        (Motion.LOWER, tempo.lower_s),
    ):
        if into < length:
            return Moment(phase, into / length, phase_s=length, running=running, mirrored=mirrored)
        into -= length
    return Moment(Motion.PAUSE, 1.0, running=running, mirrored=mirrored)


def _loop(
    motion: Motion, clock_s: float, running: bool, side: Side | None, alternate: bool
) -> Moment:
    mirrored = side is Side.LEFT
    return Moment(motion, clock_s=clock_s, running=running, mirrored=mirrored, alternate=alternate)
