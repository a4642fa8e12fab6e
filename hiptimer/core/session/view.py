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
    rep_phase_elapsed_s: float = 0.0  # seconds into the tempo phase (a rep's hold counted)
    rep_phase_s: float = 0.0
    rating_changeable: bool = False  # Backspace goes back to the last rating (ratings.py)
    last_rating: int | None = None  # the rating of the last set recorded
    rerating: bool = False  # the pain scale is open again to change that rating
    counted: int | None = None  # a re-test counting movements by key: the count so far
    awaiting_result: bool = False  # a re-test's measured result is asked for
    # The choice after a high rating offers Lower: the set just rated has a lower dose (not at
    # a 5 s hold or 1 rep, nor a re-test). The engine says False outside the choice.
    can_lower: bool = False
    can_more: bool = False  # + changes the dose or the pause now (engine.can_adjust)
    can_less: bool = False  # - does (not at 1 s or 1 rep, nor in a re-test or a question)
    next_set: Step | None = None  # the next set in the session's order (steps.next_set)
    can_back: bool = False  # Left arrow and B go somewhere (not from the first get-ready)
    can_uncount: bool = False  # Backspace takes back a count (one was counted in this set)

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


@dataclass(frozen=True)
class RepState:
    """The rep in progress: reps done, the target, the tempo phase and how far into it."""

    done: int = 0
    target: int = 0
    phase: str = ""  # "lift", "hold", "lower", "pause" (at the bottom); "" when self-paced
    side: Side | None = None  # the leg moving
    phase_elapsed_s: float = 0.0  # seconds into the phase (the hold's seconds on screen)
    phase_s: float = 0.0  # the phase's length


def rep_state(step: Step, ex: Exercise | None, elapsed: float, count: int) -> RepState:
    """The state of the current rep, for the current step."""
    if step.kind is not StepKind.WORK or ex is None or ex.kind is not Kind.REPS:
        return RepState(side=step.side)
    alternating = ex.sides is SideMode.ALTERNATING
    target = ex.reps or 0
    tempo = effective_tempo(ex)
    if tempo is None:
        side = (Side.RIGHT if count % 2 == 0 else Side.LEFT) if alternating else step.side
        return RepState(reps_done(ex, elapsed, count), target, "", side)
    movement = min(int(elapsed // tempo.rep_s), movements_per_set(ex))
    into = elapsed - movement * tempo.rep_s
    if into < tempo.lift_s:
        phase, start, length = "lift", 0.0, tempo.lift_s
    elif into < tempo.lift_s + tempo.hold_s:
        phase, start, length = "hold", tempo.lift_s, tempo.hold_s
    elif into < tempo.lift_s + tempo.hold_s + tempo.lower_s or tempo.pause_s <= 0:
        phase, start, length = "lower", tempo.lift_s + tempo.hold_s, tempo.lower_s
    else:  # the pause at the bottom (format 2)
        phase, start, length = "pause", tempo.lift_s + tempo.hold_s + tempo.lower_s, tempo.pause_s
    side = (Side.RIGHT if movement % 2 == 0 else Side.LEFT) if alternating else step.side
    done = reps_done(ex, elapsed, count)
    return RepState(done, target, phase, side, min(length, into - start), length)
