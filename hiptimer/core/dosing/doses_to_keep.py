"""The offer to keep the doses a session left changed, waiting in the history until the user
answers it: the summary makes it, and a HipTimer killed on the summary makes it again (the
library's line, V)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Protocol

from hiptimer.core.dosing.waiting import READ_ERRORS
from hiptimer.core.history.per_routine_memo import PerRoutineMemo
from hiptimer.core.history.records import SessionSummary
from hiptimer.core.history.session_writes import TO_KEEP
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.user_routines import DoseChange
from hiptimer.core.session.dose_adjust import in_force_from_data, net_changes

log = logging.getLogger(__name__)


class OfferSource(Protocol):
    """The part of the history store the offer reads."""

    def changes(self) -> object: ...
    def last_session_for(self, routine_id: str) -> SessionSummary | None: ...
    def session_doses_now(self, session_id: int) -> Any: ...


@dataclass(frozen=True)
class DosesToKeep:
    """The offer: the session it follows, the routine as it is and as the session left it,
    and the changes between the two (as the summary lists them)."""

    session_id: int
    base: Routine
    live: Routine
    changes: tuple[DoseChange, ...]


def doses_to_keep(store: OfferSource, routine: Routine) -> DosesToKeep | None:
    """The offer still waiting for `routine`: its newest session ended with doses changed, and
    neither was the offer answered nor the routine saved since (a kept dose, an accepted
    suggestion or an edit raise its revision: the session's doses no longer start from it)."""
    session = store.last_session_for(routine.id)
    if (
        session is None
        or session.end_reason is None
        or session.routine_revision != routine.revision
    ):
        return None
    data = store.session_doses_now(session.id)
    offered = data.get(TO_KEEP) if isinstance(data, dict) else None
    if offered is None:  # answered, none changed, or ended by a HipTimer before this
        return None
    try:
        reached = in_force_from_data({ex.id: ex for ex in routine.exercises}, offered)
    except ValueError as exc:
        log.warning("Session %s has no readable doses to keep: %s", session.id, exc)
        return None
    live = routine
    for dose in reached.doses.values():
        live = live.replace_exercise(dose)
    changes = net_changes(routine, live)
    return DosesToKeep(session.id, routine, live, tuple(changes)) if changes else None


class WaitingDoses:
    """Each routine's offer, read again only once the history or the routine has changed (the
    library asks at every routine its arrow keys pass, as Unanswered does)."""

    def __init__(self) -> None:
        self._read: PerRoutineMemo[DosesToKeep | None] = PerRoutineMemo()

    def of(self, store: OfferSource, routine: Routine) -> DosesToKeep | None:
        """`routine`'s offer; none while the history cannot be read."""
        try:
            return self._read.get(store, routine, lambda: doses_to_keep(store, routine))
        except (*READ_ERRORS, ValueError) as exc:  # ValueError: not JSON
            log.warning("Could not read the doses left to keep: %s", exc)
            return None
