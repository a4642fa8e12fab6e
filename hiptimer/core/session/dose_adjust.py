"""Dose changes during a session: an exercise in, the exercise with its changed dose out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from hiptimer.core.routines.dose_fields import MAX_HOLD_S
from hiptimer.core.routines.model import Exercise, Kind, Routine
from hiptimer.core.routines.user_routines import DoseChange, dose_changes
from hiptimer.core.routines.validation import MAX_REPS  # a routine file could not hold more

MIN_HOLD_S = 1.0  # the - key stops here; it never makes a hold longer
LOWERED_MIN_HOLD_S = 5.0  # going lighter after a painful set keeps a hold at least this long
MIN_REPS = 1
# Lowering the dose after a painful set takes about a third off (a change a patient notices).
LOWER_DOSE_FACTOR = 2 / 3


@dataclass(frozen=True)
class DosesInForce:
    """Where a session's doses stood when it stopped, for resuming it: exercise id -> the
    dose in force, and the quick changes that led there (as a set's `adjustment` lists them)."""

    doses: Mapping[str, Exercise] = field(default_factory=dict)
    changes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def in_force_data(
    doses: Mapping[str, Exercise], changes: Mapping[str, list[str]]
) -> dict[str, Any]:
    """A running session's changed doses as the history keeps them (sessions.doses_now_json):
    exercise id -> {"hold_s" or "reps": the value now, "changes": the changes that led there}."""
    data: dict[str, Any] = {}
    for ex_id, made in changes.items():
        ex = doses[ex_id]
        which = dose_field(ex)
        data[ex_id] = {which: dose_value(ex, which), "changes": list(made)}
    return data


def in_force_from_data(exercises: Mapping[str, Exercise], data: Any) -> DosesInForce:
    """The doses in force that in_force_data wrote, on the session's own exercises (an
    exercise gone from them is left out); ValueError when the data is not what it writes."""
    if not isinstance(data, dict):
        raise ValueError("expected an object of exercises")
    doses: dict[str, Exercise] = {}
    changes: dict[str, tuple[str, ...]] = {}
    for ex_id, entry in data.items():
        ex = exercises.get(ex_id)
        if ex is None:
            continue
        which = dose_field(ex)
        value, made = _entry(entry, which, ex_id)
        now = ex.with_dose(hold_s=value) if which == "hold_s" else with_reps(ex, int(value))
        if now != ex:
            doses[ex_id] = now
        if made:
            changes[ex_id] = tuple(str(c) for c in made)
    return DosesInForce(doses, changes)


def _entry(entry: Any, which: str, ex_id: str) -> tuple[float, list[Any]]:
    """One exercise's value and changes as in_force_data writes them."""
    value = entry.get(which) if isinstance(entry, dict) else None
    made = entry.get("changes") if isinstance(entry, dict) else None
    high = MAX_HOLD_S if which == "hold_s" else MAX_REPS
    if isinstance(value, bool) or not isinstance(value, int | float):
        value = 0.0
    if not 0 < value <= high or not isinstance(made, list):  # NaN is not > 0
        raise ValueError(f"{ex_id}: expected {which} and changes")
    return float(value), made


@dataclass(frozen=True)
class SessionDoseChange:
    """A change of an exercise's dose as the session logs it: the exercise at its new dose,
    the field changed and its old and new values (a missing value counts as 0, as on screen)."""

    dose: Exercise
    field: str  # "hold_s" | "reps"
    old: float
    new: float

    @property
    def text(self) -> str:
        return change_text(self.field, self.old, self.new)


def dose_change(before: Exercise, after: Exercise) -> SessionDoseChange:
    """`before` changed to `after`: the hold of a hold, the reps of a reps exercise."""
    field = dose_field(before)
    return SessionDoseChange(after, field, dose_value(before, field), dose_value(after, field))


def carried_changes(
    exercises: Iterable[Exercise], carried: DosesInForce
) -> dict[str, SessionDoseChange]:
    """How the doses a resumed session goes on at differ from those it started with, by
    exercise id: the screen notes them as it noted the changes before the stop."""
    changes = {}
    for ex in exercises:
        dose = carried.doses.get(ex.id)
        change = None if dose is None else dose_change(ex, dose)
        if change is not None and change.old != change.new:
            changes[ex.id] = change
    return changes


# What a session changes of a dose: + and - a hold's seconds or a set's reps, Lower either.
# Sets and rests never change (+ and - in a rest lengthen that pause only), and a rep range
# only widens to take the new reps in: Keep saves it too, but no one chose it.
SESSION_FIELDS = ("hold_s", "reps")


def net_changes(started: Routine, ended: Routine) -> list[DoseChange]:
    """The doses a session left changed, netted, in routine order: one change per exercise and
    field, from the dose it started with to the dose it ended at, however many presses and
    Lowers led there (reps 10 -> 17, not seven steps); a dose back where it started is none.
    A resumed session started where it first did, as its `started` routine says."""
    return [c for c in dose_changes(started, ended) if c.field in SESSION_FIELDS]


def dose_field(ex: Exercise) -> str:
    """The field a session changes with + and -: the hold of a hold, the reps otherwise."""
    return "hold_s" if ex.kind is Kind.HOLD else "reps"


def dose_value(ex: Exercise, field: str) -> float:
    """The hold or the reps of an exercise; 0 when missing."""
    return float((ex.hold_s if field == "hold_s" else ex.reps) or 0)


def change_text(field: str, old: float, value: float) -> str:
    """A dose change as a set's `adjustment` records it: "hold 30 -> 35 s", "reps 10 -> 11"."""
    return f"hold {old:g} -> {value:g} s" if field == "hold_s" else f"reps {old:g} -> {value:g}"


def adjusted_hold(ex: Exercise, delta_s: float) -> Exercise:
    """The hold `delta_s` seconds longer (shorter when negative): shortening stops at
    MIN_HOLD_S and never lengthens a hold already shorter than that (a 4 s hold with - is 1 s;
    a 0.5 s hold stays 0.5 s)."""
    return ex.with_dose(hold_s=shortened(float(ex.hold_s or 0), delta_s))


def shortened(seconds: float, delta_s: float) -> float:
    """A hold or pause `delta_s` seconds longer, or shorter down to MIN_HOLD_S (never longer)."""
    if delta_s >= 0:
        return seconds + delta_s
    return min(seconds, max(MIN_HOLD_S, seconds + delta_s))


def adjusted_reps(ex: Exercise, delta: int) -> Exercise:
    """`delta` reps more (fewer when negative) within MIN_REPS..MAX_REPS."""
    return with_reps(ex, min(MAX_REPS, max(MIN_REPS, (ex.reps or 0) + delta)))


def lowered(ex: Exercise) -> Exercise:
    """The dose after a painful set: about a third off the hold or the reps."""
    if ex.kind is Kind.HOLD:
        old = float(ex.hold_s or 0)
        return ex.with_dose(
            hold_s=max(min(LOWERED_MIN_HOLD_S, old), float(round(old * LOWER_DOSE_FACTOR)))
        )
    return with_reps(ex, max(MIN_REPS, round((ex.reps or 1) * LOWER_DOSE_FACTOR)))


def lowered_change(ex: Exercise) -> SessionDoseChange:
    """Going lighter after a painful set, as the session logs it and a resumed one makes it
    again: "hold 9 -> 6 s", "reps 9 -> 6" (only where can_lower says there is a lower dose)."""
    return dose_change(ex, lowered(ex))


def can_lower(ex: Exercise) -> bool:
    """Whether going lighter changes the dose: a hold of 5 s or less, or 1 rep, is the least
    (a change of nothing must not be offered, logged or kept as one). A re-test has no lower
    dose: its time is part of the test, and a shorter one would not compare with the last."""
    if ex.test is not None:
        return False
    if not (ex.reps if ex.kind is Kind.REPS else ex.hold_s):
        return False  # no dose given (an exercise built in code): "lower" would raise it to 1
    less = lowered(ex)
    return (less.hold_s, less.reps) != (ex.hold_s, ex.reps)


def with_reps(ex: Exercise, reps: int) -> Exercise:
    """A new reps target, with the reps range widened to take it in."""
    return ex.with_dose(reps=reps, reps_range=_widen(ex.reps_range, reps))


def _widen(reps_range: tuple[int, int] | None, reps: int) -> tuple[int, int] | None:
    """Keep a reps range consistent with a new target outside it."""
    if reps_range is None:
        return None
    return (min(reps_range[0], reps), max(reps_range[1], reps))
