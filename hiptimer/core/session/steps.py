"""Expanding a routine into the ordered steps of a session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from hiptimer.core.routines.model import (
    DEFAULT_LIFT_S,
    DEFAULT_LOWER_S,
    Exercise,
    Kind,
    Measure,
    Routine,
    SideMode,
    Tempo,
    work_seconds,
)


class StepKind(str, Enum):
    GET_READY = "get_ready"
    WORK = "work"
    SWITCH_SIDES = "switch_sides"
    REST = "rest"
    PAIN = "pain"
    MEASURE = "measure"  # a re-test's result, typed in after its set (Measure.VALUE)
    DONE = "done"


# Steps with no clock: they wait for an answer (a rating, a result) or end the session.
UNTIMED = (StepKind.PAIN, StepKind.MEASURE, StepKind.DONE)


class Side(str, Enum):
    RIGHT = "right"
    LEFT = "left"

    @property
    def other(self) -> Side:
        return Side.LEFT if self is Side.RIGHT else Side.RIGHT


class RestKind(str, Enum):
    BETWEEN_SETS = "between_sets"
    AFTER_EXERCISE = "after_exercise"


@dataclass(frozen=True)
class Step:
    """One step of a session. `exercise_index` indexes the routine's active exercises.

    For get-ready and after-exercise rests it is the exercise coming up next.
    """

    kind: StepKind
    exercise_index: int
    set_number: int = 0
    side: Side | None = None
    rest_kind: RestKind | None = None
    planned_s: float = 0.0  # rests, switches and get-ready; work is timed from the live dose

    @property
    def is_timed_pause(self) -> bool:
        return self.kind in (StepKind.GET_READY, StepKind.SWITCH_SIDES, StepKind.REST)

    @property
    def leads_in(self) -> bool:
        """A get-ready or a rest before an exercise: the pause that introduces the next one."""
        return self.kind is StepKind.GET_READY or self.rest_kind is RestKind.AFTER_EXERCISE


def effective_tempo(ex: Exercise) -> Tempo | None:
    """The tempo that paces a reps exercise, or None when the user counts reps by key press."""
    if ex.kind is not Kind.REPS:
        return None
    if ex.tempo is not None:
        return ex.tempo
    if ex.rep_hold_s > 0:
        return Tempo(DEFAULT_LIFT_S, ex.rep_hold_s, DEFAULT_LOWER_S)
    return None


def counts_by_key(ex: Exercise) -> bool:
    """A re-test whose result is movements counted by key press during its timed set."""
    return ex.test is not None and ex.test.measure is Measure.COUNT


def tempo_phases(tempo: Tempo) -> list[tuple[str, float, float]]:
    """(phase, start, length) of one paced rep: "lift", "hold" (at the top), "lower", "pause"
    (at the bottom). A phase may last 0 s."""
    lift, hold, lower = tempo.lift_s, tempo.hold_s, tempo.lower_s
    return [
        ("lift", 0.0, lift),
        ("hold", lift, hold),
        ("lower", lift + hold, lower),
        ("pause", lift + hold + lower, tempo.pause_s),
    ]


def movements_per_set(ex: Exercise) -> int:
    """Reps to perform in one set: both legs count when sides alternate within the set."""
    reps = ex.reps or 0
    return 2 * reps if ex.sides is SideMode.ALTERNATING else reps


def work_duration(ex: Exercise) -> float | None:
    """Seconds of one timed set, or None for self-paced reps."""
    if ex.kind is Kind.HOLD:
        return float(ex.hold_s or 0)
    tempo = effective_tempo(ex)
    if tempo is None:
        return None
    return movements_per_set(ex) * tempo.rep_s


def step_estimate(step: Step, ex: Exercise | None) -> float:
    """Expected seconds of a step with the given live dose; pain prompts count as zero."""
    if step.is_timed_pause:
        return step.planned_s
    if step.kind is StepKind.WORK and ex is not None:
        return work_seconds(ex)
    return 0.0


def _never(ex: Exercise) -> bool:
    return False


def expand(routine: Routine, voiced: Callable[[Exercise], bool] = _never) -> list[Step]:
    """Every step of a session, from get-ready to done, for the routine's active exercises.

    A 0 s get-ready or rest after an exercise is left out unless the voice reads the setup
    or caution of the exercise it leads to (`voiced`): then it is kept, for the lead-in rule
    to make it long enough (a caution said at the set's start was cut by the next cue)."""
    active = routine.active_exercises
    steps: list[Step] = []
    if not active:
        return [Step(StepKind.DONE, -1)]
    if routine.rests.get_ready_s > 0 or voiced(active[0]):
        steps.append(Step(StepKind.GET_READY, 0, planned_s=routine.rests.get_ready_s))
    for i, ex in enumerate(active):
        sides: list[Side | None] = [Side.RIGHT, Side.LEFT] if ex.has_sides else [None]
        for set_number in range(1, ex.sets + 1):
            for j, side in enumerate(sides):
                switch_s = routine.rest_between_sides(ex)
                if j > 0 and switch_s > 0:
                    steps.append(
                        Step(StepKind.SWITCH_SIDES, i, set_number, side, planned_s=switch_s)
                    )
                steps.append(Step(StepKind.WORK, i, set_number, side))
                if ex.test is not None and ex.test.measure is Measure.VALUE:
                    steps.append(Step(StepKind.MEASURE, i, set_number, side))
                steps.append(Step(StepKind.PAIN, i, set_number, side))
            rest_s = routine.rest_between_sets(ex)
            if set_number < ex.sets and rest_s > 0:
                steps.append(
                    Step(StepKind.REST, i, set_number, None, RestKind.BETWEEN_SETS, rest_s)
                )
        after_s = routine.rest_after(ex)
        if i + 1 < len(active) and (after_s > 0 or voiced(active[i + 1])):
            steps.append(Step(StepKind.REST, i + 1, 0, None, RestKind.AFTER_EXERCISE, after_s))
    steps.append(Step(StepKind.DONE, len(active)))
    return steps


# A set already done in an interrupted session: (exercise id, set number, side or None).
SetKey = tuple[str, int, "str | None"]


def resume_plan(
    steps: list[Step],
    active: list[Exercise],
    done: set[SetKey],
    get_ready_s: float,
    voiced: Callable[[Exercise], bool] = _never,
) -> list[Step]:
    """For a session resumed after a crash: the routine's own get-ready (`get_ready_s`, none
    where it has none, unless the voice reads what comes first: see expand), then the first
    set not done. Resume is pressed as Start is, from where the routine's get-ready is meant
    to suffice; a fixed 10 s made a 3 s get-ready last 10 s with no word why."""
    if not done:
        return steps
    of_a_set = (StepKind.WORK, StepKind.MEASURE, StepKind.PAIN)
    remaining = [s for s in steps if not (s.kind in of_a_set and _set_key(s, active) in done)]
    first_work = next((i for i, s in enumerate(remaining) if s.kind is StepKind.WORK), None)
    if first_work is None:
        return [remaining[-1]]
    lead = remaining[first_work]
    if get_ready_s <= 0 and not voiced(active[lead.exercise_index]):
        return remaining[first_work:]
    get_ready = Step(StepKind.GET_READY, lead.exercise_index, planned_s=get_ready_s)
    return [get_ready, *remaining[first_work:]]


def pain_step_of(steps: list[Step], active: list[Exercise], done: SetKey) -> Step | None:
    """The pain question that follows the set `done` in `steps` (None: that set has none)."""
    pains = (s for s in steps if s.kind is StepKind.PAIN)
    return next((s for s in pains if _set_key(s, active) == done), None)


def _set_key(step: Step, active: list[Exercise]) -> SetKey:
    """Which set a step belongs to, as resuming names sets done (SetRecord.key)."""
    side = step.side.value if step.side else None
    return (active[step.exercise_index].id, step.set_number, side)


def next_set(steps: list[Step], index: int) -> Step | None:
    """The first set (a WORK step) after step `index`, of whichever exercise: what truly
    comes next, for the screen's "Next" line (None: the session ends after this)."""
    for k in range(index + 1, len(steps)):
        if steps[k].kind is StepKind.WORK:
            return steps[k]
    return None


def first_work_steps(steps: list[Step]) -> frozenset[int]:
    """The indices of each exercise's first set in `steps` (found once: a long routine has
    thousands of steps, and looking back from each one was quadratic)."""
    seen: set[int] = set()
    first: set[int] = set()
    for index, step in enumerate(steps):
        if step.kind is StepKind.WORK and step.exercise_index not in seen:
            seen.add(step.exercise_index)
            first.add(index)
    return frozenset(first)


def without_lead_in(steps: list[Step]) -> frozenset[Step]:
    """Each exercise's first set that no pause leads into (its get-ready or rest is 0 s):
    what that pause would have shown and said (the steps, the caution) comes with the set.
    A 0 s pause kept for the voice (see expand) counts as none: muted, it passes at once."""
    pauses = (StepKind.GET_READY, StepKind.REST)

    def led_in(i: int) -> bool:
        before = steps[i - 1] if i > 0 else None
        return (
            before is not None
            and before.kind in pauses
            and before.planned_s > 0
            and (before.exercise_index == steps[i].exercise_index)
        )

    return frozenset(steps[i] for i in first_work_steps(steps) if not led_in(i))
