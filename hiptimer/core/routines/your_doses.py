"""Which doses of a user's version of a built-in are the user's own, worded once for the
library's details and `hiptimer show`, so the window and the command line say the same."""

from __future__ import annotations

from hiptimer.core.routines.model import Routine, dose_text
from hiptimer.i18n import _


def your_doses(routine: Routine, original: Routine | None) -> dict[str, str]:
    """Each exercise whose dose is not the built-in's it is based on (kept after a session,
    accepted, or edited), by id: "1 x 45 s each side (your dose; the routine's: 1 x 30 s
    each side)"."""
    if original is None:
        return {}
    theirs = {ex.id: dose_text(ex) for ex in original.exercises}
    marked = {}
    for ex in routine.exercises:
        dose, written = dose_text(ex), theirs.get(ex.id)
        if written is not None and written != dose:
            mark = _("{dose} (your dose; the routine's: {written})")
            marked[ex.id] = mark.format(dose=dose, written=written)
    return marked


def description_note(routine: Routine, original: Routine | None) -> str:
    """Under a description still the built-in's, when a dose is the user's: the doses the
    description gives are the routine's own (a kept dose leaves that text as written)."""
    if not routine.description or original is None:
        return ""
    if original.description != routine.description or not your_doses(routine, original):
        return ""
    return _("The doses this description gives are the routine's own; yours are marked below.")
