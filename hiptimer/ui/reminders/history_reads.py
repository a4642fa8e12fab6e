"""What the reminders read from the history: the routines done on each day, and when each
re-test was last done. `history` is asked at each read (the window's services.history), not
kept: once the services are shut down it answers None, never the closed store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from hiptimer.core.clock import LocalTime
from hiptimer.core.routines.model import Routine


def history_last_checks(
    history: Callable[[], object], routines: Callable[[], list[Routine]]
) -> Callable[[], dict[str, datetime]]:
    """When each re-test routine of the library (hiptimer.core.history.adherence
    .check_routines) was last done with a set begun, read from the history store."""
    from hiptimer.core.history.adherence import check_routines
    from hiptimer.core.history.store import HistoryStore

    def last() -> dict[str, datetime]:
        store = history()
        if not isinstance(store, HistoryStore):
            return {}
        found = {}
        for rid in check_routines({r.id: r for r in routines()}):
            done = [s.started_at for s in store.list_sessions(rid) if s.exercised]
            if done:
                found[rid] = max(done)
        return found

    return last


def history_done(
    history: Callable[[], object], local: LocalTime
) -> Callable[[datetime], set[tuple[str, date]]]:
    """(routine id, local day) of each session since a time with a set done or partly done
    (as History's adherence counts a session), read from the history store (none when there
    is no history)."""
    from hiptimer.core.history.store import HistoryStore

    def since(when: datetime) -> set[tuple[str, date]]:
        store = history()
        if not isinstance(store, HistoryStore):
            return set()
        return {
            (s.routine_id, local.day_of(s.started_at))
            for s in store.list_sessions(since=when)
            if s.exercised
        }

    return since
