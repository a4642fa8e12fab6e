"""Functional re-test results over a period (no Qt): each test and side, first and latest.

No norms: none of the documents HipTimer was made from gives reference values for these
tests, so a result is only ever compared with the same person's earlier ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from hiptimer.core.history.records import RetestResult
from hiptimer.core.routines.model import Exercise, Routine


@dataclass(frozen=True)
class RetestSeries:
    """The results of one test on one side, oldest first."""

    exercise_id: str
    name: str
    side: str | None
    unit: str
    better: str  # "higher" or "lower", as recorded with the sessions (see _better)
    points: list[tuple[datetime, float]]

    @property
    def first(self) -> float:
        return self.points[0][1]

    @property
    def latest(self) -> float:
        return self.points[-1][1]

    @property
    def change(self) -> float:
        return self.latest - self.first

    @property
    def improved(self) -> bool | None:
        """Better than the first result (None: no change, or a single result)."""
        if len(self.points) < 2 or self.change == 0:
            return None
        return (self.change > 0) == (self.better == "higher")


def _in_library(routines: Mapping[str, Routine], exercise_id: str) -> Exercise | None:
    """The test of that id in a routine of the library, if one has it."""
    for routine in routines.values():
        for ex in routine.exercises:
            if ex.id == exercise_id and ex.test is not None:
                return ex
    return None


def _better(routines: Mapping[str, Routine], rows: list[RetestResult]) -> str:
    """As the latest session that recorded the test says (the routine file may be gone or
    edited since); else as a routine in the library says; else higher."""
    recorded = [r.better for r in rows if r.better is not None]
    if recorded:
        return recorded[-1]
    ex = _in_library(routines, rows[-1].exercise_id)
    return ex.test.better if ex is not None and ex.test is not None else "higher"


def _name(routines: Mapping[str, Routine], rows: list[RetestResult]) -> str:
    """The test's name in the library, so in the language in use, as the exercises' charts
    and the pain table name theirs (a session keeps the name it was done under: English for
    one done before Spanish was chosen); else the latest session's name for it."""
    ex = _in_library(routines, rows[-1].exercise_id)
    return ex.name if ex is not None else rows[-1].exercise_name


def retest_series(
    results: Iterable[RetestResult], routines: Mapping[str, Routine]
) -> list[RetestSeries]:
    """The results grouped by test and side, in the order each was first done."""
    grouped: dict[tuple[str, str | None], list[RetestResult]] = {}
    for r in results:
        grouped.setdefault((r.exercise_id, r.side), []).append(r)
    return [
        RetestSeries(
            ex_id,
            _name(routines, rows),
            side,
            rows[-1].unit,
            _better(routines, rows),
            [(r.started_at, r.result) for r in rows],
        )
        for (ex_id, side), rows in grouped.items()
    ]
