"""The dose suggestions left unanswered for a routine, counted again only when the history
or the routine has changed: the library asks at every routine its arrow keys pass."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from hiptimer.core.dosing import decisions
from hiptimer.core.dosing.dose_steps import rules_for
from hiptimer.core.dosing.inputs import routine_recommendations
from hiptimer.core.dosing.rules import Recommendation
from hiptimer.core.history.per_routine_memo import PerRoutineMemo
from hiptimer.core.history.queries import DoseChange, HistoryQueries
from hiptimer.core.routines.model import Routine

log = logging.getLogger(__name__)
READ_ERRORS = (sqlite3.Error, OSError)
T = TypeVar("T")


class Unanswered:
    """Each routine's suggestions still waiting for Accept or Not now, kept per routine id
    until the history is written to (a session ends, a suggestion is answered, a rating
    corrected, another copy of HipTimer saves), the routine or the pain limit changes.

    Counting them reads the history twice, 5-7 ms on 400 sessions of a routine here (more on
    a busy host); asking whether the history changed costs a few microseconds.
    """

    def __init__(self) -> None:
        self._counted: PerRoutineMemo[tuple[Recommendation, ...]] = PerRoutineMemo()

    def of(self, store: HistoryQueries, routine: Routine, pain_limit: int) -> list[Recommendation]:
        """`routine`'s suggestions waiting for an answer; none while the history cannot be read."""
        try:
            count = partial(_count, store, routine, pain_limit)
            return list(self._counted.get(store, routine, count, also=pain_limit))
        except _AnswersUnread as unread:
            # As before: every offer counts when the answers cannot be read; not kept.
            return decisions.unanswered(unread.recs, [])
        except READ_ERRORS as exc:
            return _unread(exc)  # not kept: the next look reads again


class _AnswersUnread(Exception):
    """The suggestions were read but not the answers to them."""

    def __init__(self, recs: list[Recommendation]) -> None:
        super().__init__()
        self.recs = recs


def _count(store: HistoryQueries, routine: Routine, pain_limit: int) -> tuple[Recommendation, ...]:
    recs = routine_recommendations(store, routine, rules_for(pain_limit))
    try:
        logged: list[DoseChange] = store.dose_changes(routine.id)
    except READ_ERRORS as exc:
        _unread(exc)
        raise _AnswersUnread(recs) from exc
    return tuple(decisions.unanswered(recs, logged))


def read_or(query: Callable[[], T], fallback: T) -> T:
    """What `query` reads from the history, or `fallback` while the history cannot be read."""
    try:
        return query()
    except READ_ERRORS as exc:
        _unread(exc)
        return fallback


def _unread(exc: BaseException) -> list[Recommendation]:
    # The history cannot be read now: no guidance, no harm (as the guidance says it).
    log.warning("Could not read the history for dose suggestions: %s", exc)
    return []
