"""How many corrections a report's period holds, counted as docs/history.md defines one.

A correction is one row of the `corrections` table: one value changed once. A rating changed
7 -> 3 -> none is two corrections of one rating. The sessions table's count per session
(`SessionSummary.corrections`) counts the same rows, so the first page's total is their sum and
the length of the list of corrections; the counts by kind also say how many values changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hiptimer.core.history.records import Correction, SessionSummary


@dataclass(frozen=True)
class Changed:
    """Corrections of one kind: how many values they changed, and how many changes in all."""

    values: int = 0
    changes: int = 0


@dataclass(frozen=True)
class CorrectionCounts:
    """The period's corrections by kind; `total` is every row, as each session counts them."""

    ratings: Changed = Changed()  # values: sets whose rating changed
    notes: Changed = Changed()  # values: sessions whose note changed
    mornings: Changed = Changed()  # values: sessions whose next-morning check-in changed
    marks: Changed = Changed()  # values: sessions whose mark 'not representative' changed
    not_representative: int = 0  # sessions marked so now (a state, not a count of changes)

    @property
    def total(self) -> int:
        return sum(k.changes for k in (self.ratings, self.notes, self.mornings, self.marks))

    @property
    def any(self) -> bool:
        return bool(self.total or self.not_representative)


def count_corrections(
    trail: Iterable[Correction], sessions: Iterable[SessionSummary]
) -> CorrectionCounts:
    """Count the corrections of these sessions (the trail may hold others) by kind."""
    shown = list(sessions)
    ids = {s.id for s in shown}
    found = [c for c in trail if c.session_id in ids]

    # One check-in is written to each session of its day (the same morning_at): one value.
    checkin = {s.id: s.morning_at for s in shown}

    def changed(fields: tuple[str, ...], value: Callable[[Correction], object]) -> Changed:
        rows = [c for c in found if c.field in fields]
        return Changed(len({value(c) for c in rows}), len(rows))

    def session(c: Correction) -> object:
        return c.session_id

    return CorrectionCounts(
        ratings=changed(("pain",), lambda c: c.set_id),
        notes=changed(("note",), session),
        mornings=changed(("morning_pain", "morning_stiffness"), lambda c: checkin[c.session_id]),
        marks=changed(("not_representative",), session),
        not_representative=sum(1 for s in shown if s.not_representative),
    )
