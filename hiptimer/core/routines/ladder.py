"""Progression ladders: the rungs of an exercise, moving between them, and the dose ceiling."""

from __future__ import annotations

import dataclasses

from hiptimer.core.routines.model import (
    Ceiling,
    Exercise,
    Kind,
    Routine,
    Rung,
    dose_text,
    seconds_text,
    sets_of_reps,
)

# The fields a rung has of its own; the exercise's other fields (id, kind, rests, enabled)
# stay the same on every rung.
RUNG_FIELDS = tuple(f.name for f in dataclasses.fields(Rung) if f.name != "id")
# What a ladder entry may leave out in a file: it is then the same as on the first rung.
# The dose (sets, reps, reps_range, hold_s, load, ceiling) is always the rung's own.
INHERITED = ("sides", "rep_hold_s", "tempo", "setup", "cues", "caution", "image")


def variant_id(ex: Exercise) -> str:
    """The id of the variant being done: the rung's, or the exercise's own without a ladder."""
    return ex.ladder[ex.rung].id if ex.ladder else ex.id


def current_rung(ex: Exercise) -> Rung:
    """The exercise as it is now, as a rung of its ladder."""
    return Rung(id=variant_id(ex), **{name: getattr(ex, name) for name in RUNG_FIELDS})


def rungs(ex: Exercise) -> tuple[Rung, ...]:
    """Every rung in order, the current one as the exercise has it now; () without a ladder."""
    if not ex.ladder:
        return ()
    ladder = list(ex.ladder)
    ladder[ex.rung] = current_rung(ex)
    return tuple(ladder)


def at_rung(ex: Exercise, rung: int) -> Exercise:
    """The exercise moved to another rung, at the dose that rung holds.

    The rung it leaves keeps the dose it had, so coming back down returns to it.
    """
    ladder = rungs(ex)
    if not 0 <= rung < len(ladder):
        raise IndexError(f"{ex.id} has no rung {rung} (its ladder has {len(ladder)})")
    target = ladder[rung]
    fields = {name: getattr(target, name) for name in RUNG_FIELDS}
    return dataclasses.replace(ex, ladder=ladder, rung=rung, **fields)


def with_ladder(ex: Exercise, *harder: Rung, rung: int = 0) -> Exercise:
    """The exercise (as its first rung) with harder rungs above it, standing on `rung`."""
    first = dataclasses.replace(current_rung(ex), id=ex.id)
    return at_rung(dataclasses.replace(ex, ladder=(first, *harder), rung=0), rung)


def next_rung(ex: Exercise) -> Rung | None:
    """The next harder rung, or None at the top (or without a ladder)."""
    return ex.ladder[ex.rung + 1] if ex.rung + 1 < len(ex.ladder) else None


def ceiling_of(ex: Exercise) -> Ceiling:
    """The largest dose the rules may suggest, every part filled in.

    A part the routine leaves out is the dose as written: the sets and the hold, and for
    reps the top of the rep range (the reps themselves without a range).
    """
    given = ex.ceiling or Ceiling()
    sets = given.sets if given.sets is not None else ex.sets
    if ex.kind is Kind.HOLD:
        hold = given.hold_s if given.hold_s is not None else ex.hold_s
        return Ceiling(sets=sets, hold_s=hold)
    top = ex.reps_range[1] if ex.reps_range else ex.reps
    return Ceiling(sets=sets, reps=given.reps if given.reps is not None else top)


def keep_ceiling(before: Exercise, after: Exercise) -> Exercise:
    """`after` (`before` at a new dose), its ceiling written out where it would sink.

    A ceiling left out is the dose as written, so a lower dose would take it down with it:
    then `before`'s is written out and stays where it was. A higher dose takes it up and
    writes nothing, so a version 1 file gets no format-2 field from a dose raised and kept.
    """
    if before.ceiling is not None:
        return after
    old, new = ceiling_of(before), ceiling_of(after)
    parts = ((old.sets, new.sets), (old.reps, new.reps), (old.hold_s, new.hold_s))
    if all(was is None or now is None or now >= was for was, now in parts):
        return after
    return after.with_dose(ceiling=old)


def ceiling_text(ex: Exercise) -> str:
    """The ceiling as written: '3 x 15 reps' or '3 x 10 s'."""
    c = ceiling_of(ex)
    if ex.kind is Kind.HOLD:
        return f"{c.sets} x {seconds_text(c.hold_s or 0)}"
    return sets_of_reps(c.sets or 0, c.reps or 0, c.reps or 0)  # as dose_text writes it


def ceiling_note(ex: Exercise) -> str:
    """'; at most 3 x 15 reps' when the rules may suggest more than the dose now, else ''."""
    c = ceiling_of(ex)
    above = (c.sets or 0) > ex.sets or (c.reps or 0) > (ex.reps or 0)
    above = above or (c.hold_s or 0) > (ex.hold_s or 0)
    return f"; at most {ceiling_text(ex)}" if above else ""


def ladder_lines(ex: Exercise) -> list[str]:
    """One line per rung: its name, and for the others their dose and ceiling."""
    lines = []
    for i in range(len(ex.ladder)):
        if i == ex.rung:
            lines.append(f"{i + 1}. {ex.name} (now)")
        else:
            other = at_rung(ex, i)
            lines.append(f"{i + 1}. {other.name}: {dose_text(other)}{ceiling_note(other)}")
    return lines


def uses_format_2(routine: Routine) -> bool:
    """Whether the routine needs format 2 to be written: a ladder, a load, a ceiling, a pause
    or a re-test."""
    return any(
        ex.ladder
        or ex.test is not None
        or ex.load is not None
        or ex.ceiling is not None
        or (ex.tempo is not None and ex.tempo.pause_s > 0)
        for ex in routine.exercises
    )
