"""Each library row's routine length: at once for a short list, on a thread of its own for a
long one (2,000 routines with the voice's lead-ins: about a second of CPU that held the window)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from hiptimer.ui.library.items import Estimate
from hiptimer.ui.library.kept import LastTwo

if TYPE_CHECKING:
    from hiptimer.core.routines.model import Routine
    from hiptimer.ui.library.reading import LibraryReading

log = logging.getLogger(__name__)

# Up to this many rows the lengths are computed on the GUI thread (~0.1-0.5 ms a routine,
# the voice's lead-ins included: 100 rows hold it at most ~50 ms); past it, on a thread.
LENGTHS_APART = 100


class RowLengths:
    """The lengths of a list's routines by one estimate. `of(row)` is None until known:
    `known()` is called on the GUI thread when lengths computed apart have come."""

    def __init__(self, known: Callable[[], None]) -> None:
        self._known = known
        self._lengths: list[float | None] = []
        self._working: LibraryReading | None = None
        self._started: LastTwo[LibraryReading] = LastTwo()  # none freed by its own thread

    def compute(self, routines: list[Routine | None], estimate: Estimate) -> bool:
        """Each routine's length by `estimate`: True when known now (a short list), else
        False and `known()` once they are (what `of()` gave before stays until then)."""
        self.stop()
        if len(routines) <= LENGTHS_APART:
            self._lengths = _lengths(routines, estimate)
            return True
        from hiptimer.ui.library.reading import LibraryReading  # a long list only

        if len(self._lengths) != len(routines):
            self._lengths = [None] * len(routines)  # other rows: none known meanwhile
        working = LibraryReading(lambda: _lengths(routines, estimate), self._computed)
        self._working = self._started.add(working)
        return False

    def of(self, row: int) -> float | None:
        return self._lengths[row] if 0 <= row < len(self._lengths) else None

    @property
    def computing(self) -> bool:
        """Lengths are computed on their thread: `known()` comes."""
        return self._working is not None

    def stop(self) -> None:
        """Lengths computed apart are not wanted any more (a new list or estimate, the page
        gone): nothing is handed over once this returns."""
        if self._working is not None:
            self._working.stop()
            self._working = None

    def _computed(self, working: LibraryReading) -> None:
        if working is not self._working:
            return  # replaced meanwhile
        self._working = None
        try:
            self._lengths = working.result()
        except Exception:  # the rows keep what they showed: a length is not worth a crash
            log.exception("The routines' lengths could not be computed")
            return
        self._known()


def _lengths(routines: list[Routine | None], estimate: Estimate) -> list[float | None]:
    return [estimate(r) if r is not None and r.active_exercises else None for r in routines]
