"""A value read from the history for each routine, kept until the history is written to or
the routine changes: the library asks again at every routine its arrow keys pass."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from hiptimer.core.routines.model import Routine

V = TypeVar("V")


class Changing(Protocol):
    """A history that says whether it was written to (HistoryQueries.changes)."""

    def changes(self) -> object: ...


@dataclass(frozen=True)
class _Kept(Generic[V]):
    routine: Routine
    also: object
    changes: object  # the history's changes() before the value was read
    value: V


class PerRoutineMemo(Generic[V]):
    """One value per routine id, read again once the history is written to (by this program
    or another), the routine is not the one it was read for (a dose kept, an edit), or `also`
    (what else the value depends on, such as the pain limit) differs."""

    def __init__(self) -> None:
        self._kept: dict[str, _Kept[V]] = {}

    def get(
        self, store: Changing, routine: Routine, read: Callable[[], V], *, also: object = None
    ) -> V:
        """The value kept for `routine` if nothing changed since it was read, else `read()`'s,
        kept unless `read` raises (a read that failed is tried again at the next look)."""
        # Asked before reading: a write while `read` runs leaves the value kept with the
        # history as it was before that write, so the next look reads again. Asked after, the
        # value would be kept as if it had seen the write.
        changes = store.changes()
        kept = self._kept.get(routine.id)
        if (
            kept is not None
            and kept.changes == changes
            and kept.also == also
            and (kept.routine is routine or kept.routine == routine)  # `is`: no field compared
        ):
            return kept.value
        value = read()
        self._kept[routine.id] = _Kept(routine, also, changes, value)
        return value
