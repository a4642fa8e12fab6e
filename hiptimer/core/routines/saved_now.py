"""The routine as its file holds it now, which a change made during a session builds on."""

from __future__ import annotations

from pathlib import Path

from hiptimer.core.routines import user_routines
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import Routine


def latest(routine: Routine) -> Routine:
    """The routine as it is saved now: a decision or an edit may have changed it since."""
    entry = load_catalog().get(routine.id)
    ours = entry is not None and (
        routine.builtin or not routine.path or user_routines.same_file(entry.path, routine.path)
    )
    if ours and entry is not None and entry.routine is not None:
        return entry.routine
    if routine.path and Path(routine.path).is_file():
        return load_routine(routine.path, builtin=routine.builtin)
    return routine


def keep_session_doses(base: Routine, live: Routine) -> Routine:
    """Save the session's dose changes into the user's version of `base`; returns it as saved.

    The changes go onto the routine as saved now, not `base` as the session began: the file
    may have been edited meanwhile (by hand, a synced copy), and that edit stays. Returns
    `base` unchanged, and writes nothing, when the session changed no dose.
    """
    if not user_routines.dose_changes(base, live):
        return base
    return user_routines.save_and_reload(user_routines.apply_doses(base, live, latest(base)))
