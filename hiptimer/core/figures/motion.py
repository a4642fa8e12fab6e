"""Which pose a figure shows at a moment: the phases of a paced rep, a hold, a demonstration."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from enum import Enum

from hiptimer.core.figures.model import Figure, Pose, blend

# A demonstration cycle: lift, a moment at the top, lower, a moment at the bottom.
LOOP_LIFT = 0.4
LOOP_HOLD = 0.1
LOOP_LOWER = 0.4


class Motion(str, Enum):
    """What the figure is doing."""

    LIFT = "lift"  # start -> end
    HOLD = "hold"  # at the end pose (the top of a rep)
    LOWER = "lower"  # end -> start
    PAUSE = "pause"  # at the start pose (the bottom of a rep)
    HELD = "held"  # a timed hold: the end pose, or the movement over and over if the figure loops
    DEMO = "demo"  # a preview or a self-paced set: the movement over and over


@dataclass(frozen=True)
class Moment:
    """What a session asks a figure to show.

    `fraction` is how far through a rep phase (LIFT to PAUSE); `clock_s` the seconds into the
    step (HELD and DEMO loop on it); `phase_s` how long the phase lasts, so a screen can move
    the figure smoothly between two looks at the session; `running` is False while paused.
    """

    motion: Motion
    fraction: float = 0.0
    clock_s: float = 0.0
    phase_s: float = 0.0
    running: bool = True
    mirrored: bool = False
    alternate: bool = False  # a loop of an alternating exercise: every other cycle mirrored


def ease(t: float) -> float:
    """Smoothstep: a movement that starts and ends gently, as a body moves."""
    t = min(1.0, max(0.0, t))
    return t * t * (3.0 - 2.0 * t)


def along(figure: Figure, t: float) -> Pose:
    """The pose a fraction t of the way along start -> via poses -> end, each leg equally long."""
    keys = figure.keys
    t = min(1.0, max(0.0, t))
    legs = len(keys) - 1
    i = min(legs - 1, int(t * legs))
    return blend(keys[i], keys[i + 1], t * legs - i)


def pose_at(figure: Figure, phase: Motion, fraction: float) -> Pose:
    """Lift runs start -> end, hold is the end, lower runs end -> start, pause is the start.

    A timed hold shows the held (end) pose; DEMO takes `fraction` as the part of one cycle.
    """
    if phase is Motion.LIFT:
        return along(figure, ease(fraction))
    if phase is Motion.LOWER:
        return along(figure, 1.0 - ease(fraction))
    if phase is Motion.PAUSE:
        return figure.start
    if phase is Motion.DEMO:
        loop_phase, loop_fraction = in_cycle(fraction)
        return pose_at(figure, loop_phase, loop_fraction)
    return figure.end  # HOLD, HELD


def in_cycle(part: float) -> tuple[Motion, float]:
    """The rep phase and its fraction at a part (0-1) of one demonstration cycle."""
    part = part % 1.0
    for phase, length in (
        (Motion.LIFT, LOOP_LIFT),
        (Motion.HOLD, LOOP_HOLD),
        (Motion.LOWER, LOOP_LOWER),
    ):
        if part < length:
            return phase, part / length
        part -= length
    return Motion.PAUSE, part / (1.0 - LOOP_LIFT - LOOP_HOLD - LOOP_LOWER)


def frame(figure: Figure, moment: Moment) -> tuple[Pose, bool]:
    """The pose to draw for a moment, and whether to draw it mirrored."""
    mirrored = moment.mirrored
    loops = moment.motion is Motion.DEMO or (
        moment.motion is Motion.HELD and figure.loop_s is not None
    )
    if not loops:
        return pose_at(figure, moment.motion, moment.fraction), mirrored
    cycles = max(0.0, moment.clock_s) / figure.demo_s
    if moment.alternate and math.floor(cycles) % 2 == 1:
        mirrored = not mirrored
    return pose_at(figure, Motion.DEMO, cycles % 1.0), mirrored


def advance(moment: Moment, seconds: float) -> Moment:
    """The moment a little later, for drawing between two looks at the session.

    A rep phase stops at its end (the session says when the next one begins); a loop runs on.
    """
    if not moment.running or seconds <= 0:
        return moment
    if moment.motion in (Motion.HELD, Motion.DEMO):
        return replace(moment, clock_s=moment.clock_s + seconds)
    if moment.phase_s <= 0:
        return moment
    return replace(moment, fraction=min(1.0, moment.fraction + seconds / moment.phase_s))
