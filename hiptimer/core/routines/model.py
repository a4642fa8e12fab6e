"""The routine model: plain, immutable dataclasses for a routine and its exercises."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from hiptimer.i18n import _, decimal, n_

FORMAT_MARKER = "hiptimer-routine"
FORMAT_VERSION = (
    2  # the newest format this HipTimer reads; it writes the oldest that holds a routine
)
FORMAT_VERSIONS = (1, 2)


class Kind(str, Enum):
    """How an exercise is dosed: a timed hold (or timed activity) or counted reps."""

    HOLD = "hold"
    REPS = "reps"


class SideMode(str, Enum):
    """Whether an exercise is done once, on each side in turn, or alternating within a set."""

    NONE = "none"
    EACH = "each"
    ALTERNATING = "alternating"


class Measure(str, Enum):
    """What a functional re-test measures during its timed set (see Retest)."""

    COUNT = "count"  # movements counted by key press within the set's time (a chair stand)
    TIME = "time"  # seconds held until the user ends the set, up to its time (a stance)
    VALUE = "value"  # a number the user measures and types in after the set (a range)


@dataclass(frozen=True)
class Retest:
    """A functional re-test: a timed set whose result is recorded as a measurement.

    `unit` names the result ("stands", "cm", "degrees"); `better` says which way is an
    improvement: "higher" or "lower".
    """

    measure: Measure
    unit: str = ""
    better: str = "higher"

    @property
    def result_unit(self) -> str:
        """The unit a result is stored in: seconds for a stance, else the one given."""
        return "s" if self.measure is Measure.TIME else self.unit


@dataclass(frozen=True)
class Tempo:
    """Seconds to lift, hold at the top, lower and pause at the bottom for one paced rep."""

    lift_s: float
    hold_s: float
    lower_s: float
    pause_s: float = 0  # format 2

    @property
    def rep_s(self) -> float:
        return self.lift_s + self.hold_s + self.lower_s + self.pause_s

    @property
    def text(self) -> str:
        """'2-1-3', or '2-1-3-1' with a pause at the bottom."""
        parts = [self.lift_s, self.hold_s, self.lower_s] + ([self.pause_s] if self.pause_s else [])
        return "-".join(_num(p) for p in parts)


class LoadUnit(str, Enum):
    """Units of an added weight."""

    KG = "kg"
    LB = "lb"


@dataclass(frozen=True)
class Load:
    """An added weight, such as an ankle weight: an amount and its unit (format 2)."""

    amount: float
    unit: LoadUnit

    @property
    def text(self) -> str:
        return f"{_num(self.amount)} {self.unit.value}"


@dataclass(frozen=True)
class Ceiling:
    """The largest dose the pain rules may suggest (format 2); None: the dose as written.

    For reps, "as written" is the top of reps_range (or the reps when there is no range).
    """

    sets: int | None = None
    reps: int | None = None
    hold_s: float | None = None


@dataclass(frozen=True)
class Schedule:
    """How often the routine is meant to be done, in sessions per week."""

    min_per_week: int
    max_per_week: int

    @property
    def label(self) -> str:
        """As people say it: "daily", "twice a day", "once a week", "3-4 times a week"."""
        low, high = self.min_per_week, self.max_per_week
        by_day = {(7, 7): _("daily"), (14, 14): _("twice a day"), (7, 14): _("once or twice a day")}
        if (low, high) in by_day:
            return by_day[(low, high)]
        if low == high:
            return _("once a week") if low == 1 else _("{n} times a week").format(n=low)
        return _("{min}-{max} times a week").format(min=low, max=high)


@dataclass(frozen=True)
class Rests:
    """Default rest and lead-in times, in seconds."""

    get_ready_s: float = 10
    between_sets_s: float = 20
    between_sides_s: float = 5
    after_exercise_s: float = 30


@dataclass(frozen=True)
class Rung:
    """One step of an exercise's progression ladder: a variant with its own dose (format 2).

    Every field is resolved: what a ladder entry leaves out is taken from the exercise's
    first rung when the file is read (see ladder.py).
    """

    id: str
    name: str
    sets: int = 1
    hold_s: float | None = None
    reps: int | None = None
    reps_range: tuple[int, int] | None = None
    rep_hold_s: float = 0
    tempo: Tempo | None = None
    sides: SideMode = SideMode.NONE
    load: Load | None = None
    ceiling: Ceiling | None = None
    setup: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    caution: str = ""
    image: str = ""


@dataclass(frozen=True)
class Exercise:
    """One exercise of a routine and its dose.

    A rest field left as None falls back to the routine's default rests. An exercise with a
    progression ladder is the rung the user is on: its name, dose and texts are that rung's,
    `ladder` holds every rung in order (rung 0 is the exercise as first written) and `rung`
    says which one this is. The entry at `ladder[rung]` may be older than these fields:
    ladder.rungs() gives the ladder as it stands.
    """

    id: str
    name: str
    kind: Kind
    sets: int = 1
    hold_s: float | None = None
    reps: int | None = None
    reps_range: tuple[int, int] | None = None
    rep_hold_s: float = 0
    tempo: Tempo | None = None
    sides: SideMode = SideMode.NONE
    rest_between_sets_s: float | None = None
    rest_between_sides_s: float | None = None
    rest_after_s: float | None = None
    setup: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    caution: str = ""
    image: str = ""
    enabled: bool = True
    load: Load | None = None
    ceiling: Ceiling | None = None
    ladder: tuple[Rung, ...] = ()
    rung: int = 0
    test: Retest | None = None  # a functional re-test, not a dose of exercise

    @property
    def has_sides(self) -> bool:
        return self.sides is SideMode.EACH

    def with_dose(self, **changes: object) -> Exercise:
        """A copy with some dose fields changed (hold_s, reps, sets, ...)."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Routine:
    """A whole routine: metadata, default rests and the ordered exercises."""

    id: str
    title: str
    exercises: tuple[Exercise, ...]
    description: str = ""
    source: str = ""
    cautions: tuple[str, ...] = ()
    schedule: Schedule | None = None
    rests: Rests = field(default_factory=Rests)
    revision: int = 1
    based_on: str = ""
    path: str = ""  # where it was loaded from; not part of the file
    builtin: bool = False  # shipped with the app; not part of the file

    @property
    def active_exercises(self) -> tuple[Exercise, ...]:
        return tuple(e for e in self.exercises if e.enabled)

    def rest_between_sets(self, ex: Exercise) -> float:
        return (
            self.rests.between_sets_s if ex.rest_between_sets_s is None else ex.rest_between_sets_s
        )

    def rest_between_sides(self, ex: Exercise) -> float:
        if ex.rest_between_sides_s is None:
            return self.rests.between_sides_s
        return ex.rest_between_sides_s

    def rest_after(self, ex: Exercise) -> float:
        return self.rests.after_exercise_s if ex.rest_after_s is None else ex.rest_after_s

    def exercise(self, exercise_id: str) -> Exercise:
        for ex in self.exercises:
            if ex.id == exercise_id:
                return ex
        raise KeyError(exercise_id)

    def replace_exercise(self, new: Exercise) -> Routine:
        """A copy with the exercise of the same id replaced."""
        exercises = tuple(new if e.id == new.id else e for e in self.exercises)
        return dataclasses.replace(self, exercises=exercises)


# A self-paced rep has no clock of its own; this is the time assumed for estimates.
SELF_PACED_REP_S = 3.0
# A reps exercise with a hold at the top but no tempo is paced with these lift and
# lower times, so the app can count the hold for the user (bridge: "hold, two, three").
DEFAULT_LIFT_S = 2.0
DEFAULT_LOWER_S = 2.0


def rep_seconds(ex: Exercise) -> float:
    """Seconds for one rep of a reps exercise (an estimate when reps are self-paced)."""
    if ex.tempo is not None:
        return ex.tempo.rep_s
    if ex.rep_hold_s > 0:
        return DEFAULT_LIFT_S + ex.rep_hold_s + DEFAULT_LOWER_S
    return SELF_PACED_REP_S


def work_seconds(ex: Exercise) -> float:
    """Estimated seconds of work in one set on one side."""
    if ex.kind is Kind.HOLD:
        return float(ex.hold_s or 0)
    reps = ex.reps or 0
    per_rep = rep_seconds(ex)
    if ex.sides is SideMode.ALTERNATING:
        return 2 * reps * per_rep
    return reps * per_rep


def reads_first(lead_in: Callable[[Exercise], float] | None, ex: Exercise) -> bool:
    """Whether the voice reads `ex`'s setup or caution before its first set: by the rule,
    they make its lead-in longer. Then even a 0 s pause before it is a lead-in, so that the
    words end before the set begins rather than under it. The words are weighed 14 times
    over: the rule rounds up to whole seconds, where "Lie down." alone can vanish."""
    if lead_in is None or not (ex.setup or ex.caution.strip()):
        return False
    bare = dataclasses.replace(ex, setup=(), caution="")
    wordy = dataclasses.replace(ex, setup=ex.setup * 14, caution=ex.caution * 14)
    return lead_in(wordy) > lead_in(bare)


def estimated_seconds(
    routine: Routine, lead_in: Callable[[Exercise], float] | None = None
) -> float:
    """Estimated duration of a whole session, rests and get-ready included.

    `lead_in` is the session's rule for how long a lead-in to an exercise (the get-ready, a
    rest after an exercise) must last for the voice to read it; None: pauses as written.
    """

    def lead(written: float, ex: Exercise) -> float:
        if written <= 0 and not reads_first(lead_in, ex):
            return 0.0  # no pause, and none needed
        return written if lead_in is None else max(written, lead_in(ex))

    active = routine.active_exercises
    get_ready = routine.rests.get_ready_s
    total = lead(get_ready, active[0]) if active else 0.0
    for i, ex in enumerate(active):
        sides = 2 if ex.has_sides else 1
        total += ex.sets * sides * work_seconds(ex)
        if ex.has_sides:
            total += ex.sets * routine.rest_between_sides(ex)
        total += (ex.sets - 1) * routine.rest_between_sets(ex)
        after = routine.rest_after(ex)
        if i < len(active) - 1:
            total += lead(after, active[i + 1])
    return total


def format_duration(seconds: float) -> str:
    """'45 s', '12 min', '1 h 05 min' for people reading a list.

    Halves round up, as people round: Python's round() goes to the even neighbour, so a
    2:30 session read "2 min" in History while 3:30 read "4 min".
    """
    seconds = half_up(seconds)
    if seconds < 60:
        return _("{n} s").format(n=seconds)
    minutes = half_up(seconds / 60)
    if minutes < 60:
        return _("{n} min").format(n=minutes)
    return _("{h} h {min:02d} min").format(h=minutes // 60, min=minutes % 60)


def half_up(value: float) -> int:
    """`value` to the nearest whole number, halves up (20.5 -> 21), as every view rounds a
    length, so that one session's time reads the same everywhere."""
    return math.floor(value + 0.5)


def dose_text(ex: Exercise) -> str:
    """A short written dose such as '3 x 60 s each side' or '3 x 10-15 reps, 3 s hold'."""
    if ex.kind is Kind.HOLD:
        body = f"{ex.sets} x {seconds_text(ex.hold_s or 0)}"
    else:
        reps, count = f"{ex.reps}", ex.reps or 0
        if ex.reps_range and ex.reps_range[0] != ex.reps_range[1]:
            reps, count = f"{ex.reps} ({ex.reps_range[0]}-{ex.reps_range[1]})", ex.reps_range[1]
        body = sets_of_reps(ex.sets, reps, count)
        if ex.rep_hold_s and not ex.tempo:  # a tempo's own hold_s is the hold
            body = _("{dose}, {hold} hold").format(dose=body, hold=seconds_text(ex.rep_hold_s))
        if ex.tempo:
            body = _("{dose}, tempo {tempo}").format(dose=body, tempo=ex.tempo.text)
    body = with_sides(body, ex.sides)
    if ex.load is not None:
        body = _("{dose}, {load}").format(dose=body, load=ex.load.text)
    return body


def with_sides(dose: str, sides: SideMode) -> str:
    """`dose` as every view writes it for an exercise whose sides are done so: '2 x 6 s each
    side', '2 x 8 reps each side, alternating' (the library, the plan, the suggestion cards)."""
    if sides is SideMode.EACH:
        return _("{dose} each side").format(dose=dose)
    if sides is SideMode.ALTERNATING:
        return _("{dose} each side, alternating").format(dose=dose)
    return dose


def sets_of_reps(sets: int, reps: int | str, count: int) -> str:
    """'3 x 10 reps', '20 x 1 rep': as the summary and the suggestions write a dose."""
    return n_("{sets} x {n} rep", "{sets} x {n} reps", count).format(sets=sets, n=reps)


def _num(x: float) -> str:
    # Seven digits: the longest a routine may write (3599.125 s), where "g" cut it to 3599.12.
    return decimal(x, ".7g")


def seconds_text(x: float) -> str:
    """A hold or rest as written: '45 s', '2.5 s', '1 min'."""
    if x >= 60 and x % 60 == 0:
        return _("{n} min").format(n=int(x // 60))
    return _("{n} s").format(n=_num(x))
