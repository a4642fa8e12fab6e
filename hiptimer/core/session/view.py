"""What a screen shows of a session at one moment: the view and the state of the current rep."""

from __future__ import annotations

from dataclasses import dataclass

from hiptimer.core.routines.model import Exercise, Kind, SideMode
from hiptimer.core.session.steps import Side, Step, StepKind, effective_tempo, movements_per_set


@dataclass(frozen=True)
class SessionView:
    """Everything a screen needs to draw the current moment of a session."""

    step: Step
    exercise: Exercise | None
    duration_s: float | None
    elapsed_s: float
    remaining_s: float | None
    paused: bool
    reps_done: int
    reps_target: int
    rep_phase: str  # "lift", "hold", "lower", "pause" (at the bottom); "" when not pacing
    rep_side: Side | None
    awaiting_pain: bool
    awaiting_choice: bool
    next_exercise: Exercise | None
    session_elapsed_s: float
    session_remaining_s: float
    started: bool
    ended: bool

    @property
    def progress(self) -> float:
        total = self.session_elapsed_s + self.session_remaining_s
        return 1.0 if total <= 0 else min(1.0, self.session_elapsed_s / total)


def reps_done(ex: Exercise, elapsed: float, count: int) -> int:
    """Reps finished so far in a set, per side when sides alternate.

    Paced reps are derived from the elapsed time; self-paced ones from the key presses.
    """
    tempo = effective_tempo(ex)
    movements = int(elapsed // tempo.rep_s) if tempo else count
    return movements // 2 if ex.sides is SideMode.ALTERNATING else movements


def rep_state(
    step: Step, ex: Exercise | None, elapsed: float, count: int
) -> tuple[int, int, str, Side | None]:
    """(reps done, target, tempo phase, the leg moving) for the current step."""
    if step.kind is not StepKind.WORK or ex is None or ex.kind is not Kind.REPS:
        return 0, 0, "", step.side
    alternating = ex.sides is SideMode.ALTERNATING
    target = ex.reps or 0
    tempo = effective_tempo(ex)
    if tempo is None:
        side = (Side.RIGHT if count % 2 == 0 else Side.LEFT) if alternating else step.side
        return reps_done(ex, elapsed, count), target, "", side
    movement = min(int(elapsed // tempo.rep_s), movements_per_set(ex))
    into = elapsed - movement * tempo.rep_s
    if into < tempo.lift_s:
        phase = "lift"
    elif into < tempo.lift_s + tempo.hold_s:
        phase = "hold"
    elif into < tempo.lift_s + tempo.hold_s + tempo.lower_s or tempo.pause_s <= 0:
        phase = "lower"
    else:
        phase = "pause"  # at the bottom (format 2)
    side = (Side.RIGHT if movement % 2 == 0 else Side.LEFT) if alternating else step.side
    return reps_done(ex, elapsed, count), target, phase, side
