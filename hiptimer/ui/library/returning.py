"""The routine chosen in the library as the window opens for a returning user (no Qt)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from hiptimer.core.history.records import SessionSummary

# Enough of the newest sessions to pass over a few begun and left with no set done.
LOOK_BACK = 20


class SessionList(Protocol):
    """What choosing for a returning user reads of the history (HistoryStore has it)."""

    def list_sessions(self, *, limit: int | None = None) -> list[SessionSummary]: ...


def last_routine(history: SessionList | None) -> str | None:
    """The routine of the newest session with a set done or partly done (None: no history
    yet). Enter on the library starts the routine chosen, and the first one listed (the
    alphabet's first, *Daily hip stretches*) is rarely the one a returning user does: seen
    under Xvfb a week after a session of *Gentle hip care*."""
    if history is None:
        return None
    for session in history.list_sessions(limit=LOOK_BACK):
        if session.exercised:
            return session.routine_id
    return None


def choose_returning(
    select: Callable[[str], bool], planned_today: Iterable[str], history: SessionList | None
) -> None:
    """Choose (by `select`, False for a routine not listed) today's first planned routine not
    done yet, else the last session's routine; else the first listed stays chosen. A user who
    planned Gentle hip care for today should find it, not yesterday's routine, under Enter."""
    for routine_id in planned_today:
        if select(routine_id):
            return
    last = last_routine(history)
    if last is not None:
        select(last)
