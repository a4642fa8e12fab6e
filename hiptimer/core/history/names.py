"""The names a session's routine and a set's exercise are shown by: the library's now, else as recorded."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from hiptimer.core.routines.ladder import current_rung, rungs
from hiptimer.core.routines.model import Exercise, Routine

# The stored rows and the CSV keep the names a session was done under (English for one done
# before Spanish was chosen); the screens, `hiptimer history list` and the report show these,
# so that one record reads with one name for each thing wherever it is read (docs/history.md).


class DosesSource(Protocol):
    def session_doses(self, session_id: int) -> dict[str, Any]: ...


def routine_name(routines: Mapping[str, Routine], routine_id: str, recorded: str) -> str:
    """A session's routine as the library names it now, in the language in use (a built-in
    done in English reads *Micropausa en el escritorio* in Spanish), else as recorded."""
    known = routines.get(routine_id)
    return known.title if known is not None else recorded


def exercise_name(
    routines: Mapping[str, Routine],
    routine_id: str,
    exercise_id: str,
    recorded: str,
    doses: Mapping[str, Any],
) -> str:
    """A set's exercise as the library names the variant the session did (`doses`: the
    session's doses_json, which says the rung of a ladder it began on), in the language in
    use; else as recorded: an exercise or a variant no longer in the routine, or a variant
    the session does not say."""
    routine = routines.get(routine_id)
    ex = next((e for e in routine.exercises if e.id == exercise_id), None) if routine else None
    if ex is None:
        return recorded
    variant = _variant(doses.get(exercise_id), exercise_id, ex)
    # Named by the variant's id: "Bridge" done before moving up reads "Puente", never the
    # harder "Puente a una pierna" the routine is on now.
    return next((r.name for r in rungs(ex) or (current_rung(ex),) if r.id == variant), recorded)


def _variant(began: Any, exercise_id: str, now: Exercise) -> str | None:
    """The id of the variant the session began the exercise on; None: not known."""
    if not isinstance(began, dict):
        # Not in the session's doses (rows another tool wrote): only one variant to be.
        return None if now.ladder else exercise_id
    rung, ladder = began.get("rung", 0), began.get("ladder", [])
    if rung == 0:
        return exercise_id
    if not isinstance(rung, int) or not isinstance(ladder, list) or not 0 < rung <= len(ladder):
        return None
    entry = ladder[rung - 1]
    return entry.get("id") if isinstance(entry, dict) else None


def doses_of(store: DosesSource, session_id: int) -> dict[str, Any]:
    """The session's doses_json, to name its sets by; {} where it cannot be read."""
    try:
        doses = store.session_doses(session_id)
    except (KeyError, ValueError):  # gone meanwhile; not JSON (repair sets such rows aside)
        return {}
    return doses if isinstance(doses, dict) else {}
