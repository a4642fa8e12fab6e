"""What the session engine reports: set records and the events the UI, voice and history consume."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from hiptimer.core.routines.model import Exercise, Routine
from hiptimer.core.session.steps import SetKey, Side, Step


class PainChoice(str, Enum):
    """What the user chose after rating a set above the pain limit."""

    STOP = "stop"  # stop this exercise for today
    LOWER = "lower"  # go on at a lower dose
    CONTINUE = "continue"


class EndReason(str, Enum):
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"
    # The system ended it: a logout, a shutdown, a termination signal (stored as "interrupted").
    BY_SYSTEM = "interrupted"


@dataclass
class SetRecord:
    """One set on one side as it was done. Filled in as the set completes and is rated."""

    index: int  # position in the engine's record list
    exercise_id: str
    exercise_name: str
    side: Side | None
    set_number: int
    planned_hold_s: float | None
    actual_hold_s: float | None
    planned_reps: int | None
    actual_reps: int | None
    completed: bool
    skipped: bool
    started_at: datetime
    ended_at: datetime
    pain: int | None = None
    pain_choice: PainChoice | None = None
    adjustment: str = ""
    result: float | None = None  # a re-test's result (see Retest), in result_unit
    result_unit: str = ""
    # No rating, on purpose (K): told from a question never answered, as History does.
    pain_skipped: bool = False

    @property
    def key(self) -> SetKey:
        """Which set this was: (exercise id, set number, side), as resuming names done sets."""
        return (self.exercise_id, self.set_number, None if self.side is None else self.side.value)


@dataclass(frozen=True)
class Event:
    """Base of every engine event. `at` is the monotonic time the event belongs to."""

    at: float


@dataclass(frozen=True)
class SessionStarted(Event):
    routine: Routine


@dataclass(frozen=True)
class StepStarted(Event):
    step: Step
    exercise: Exercise | None  # the live dose of the step's exercise
    duration_s: float | None  # None for untimed steps (self-paced reps, pain prompt, done)
    first_of_exercise: bool  # the first work step of this exercise in the session
    next_exercise: Exercise | None  # what comes after this exercise, for rests
    next_step: Step | None = None  # the step planned after this one (a pause's set to come)
    paused: bool = False  # reached by a key during a pause: it waits for resume()


@dataclass(frozen=True)
class Countdown(Event):
    """The step has `seconds_left` whole seconds to go; `late_s` is how late we noticed."""

    step: Step
    seconds_left: int
    late_s: float


@dataclass(frozen=True)
class Halfway(Event):
    step: Step
    late_s: float


@dataclass(frozen=True)
class FormCue(Event):
    step: Step
    text: str
    late_s: float


@dataclass(frozen=True)
class RepPhase(Event):
    """A paced rep enters a phase: "lift", "hold", "lower" or "pause" (at the bottom).

    `rep` counts from 1 per side.
    """

    step: Step
    rep: int
    side: Side | None
    phase: str
    phase_s: float
    late_s: float


@dataclass(frozen=True)
class HoldCount(Event):
    """Each further second of a paced rep's hold at the top or pause at the bottom: 2, 3, ..."""

    step: Step
    rep: int
    count: int
    late_s: float


@dataclass(frozen=True)
class RepCounted(Event):
    step: Step
    count: int  # reps done in this set (per side when sides alternate)
    target: int
    late_s: float = 0.0


@dataclass(frozen=True)
class RepUncounted(Event):
    """A self-paced count taken back (a press too many): `count` reps are now counted."""

    step: Step
    count: int  # reps counted now (per side when sides alternate)
    target: int


@dataclass(frozen=True)
class SetEvent(Event):
    """Something that happened to one set: `record` is the set as it stands now."""

    record: SetRecord


@dataclass(frozen=True)
class SetCompleted(SetEvent):
    """A set is over: done, cut short or skipped (the record says which)."""


@dataclass(frozen=True)
class PainRequested(SetEvent):
    """The set's pain rating is asked for."""


@dataclass(frozen=True)
class PainRated(SetEvent):
    above_limit: bool
    changed: bool = False  # a rating given again, in place of one given before
    can_lower: bool = True  # the choice offers a lower dose (not at a 5 s hold or 1 rep)


@dataclass(frozen=True)
class ResultRequested(SetEvent):
    """A re-test's set is over: its measured result is asked for (Measure.VALUE)."""


@dataclass(frozen=True)
class ResultEntered(SetEvent):
    """The result was typed in (record.result), or skipped (None)."""


@dataclass(frozen=True)
class RatingChanged(SetEvent):
    """The rating of the set just done was changed right after (or removed: pain None)."""

    previous: int | None


@dataclass(frozen=True)
class RatingSkipped(SetEvent):
    """The user went on without rating the set just done (K), or took its rating back."""


@dataclass(frozen=True)
class PainChoiceMade(SetEvent):
    choice: PainChoice


@dataclass(frozen=True)
class DoseChanged(Event):
    """The live dose of an exercise changed during the session."""

    exercise_id: str
    field: str  # "hold_s" | "reps"
    old: float
    new: float
    reason: str


@dataclass(frozen=True)
class ExerciseSkipped(Event):
    exercise: Exercise
    records: tuple[SetRecord, ...]


@dataclass(frozen=True)
class Paused(Event):
    pass


@dataclass(frozen=True)
class Resumed(Event):
    pass


@dataclass(frozen=True)
class SessionEnded(Event):
    reason: EndReason
    records: tuple[SetRecord, ...] = field(default=())
