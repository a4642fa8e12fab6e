"""The history window's table of one session's sets: planned against actual, pain and choices
(the rows model it shares with the sessions list in models.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from hiptimer.core.history.outcome import done_text, planned_text
from hiptimer.core.history.queries import Correction, StoredSet
from hiptimer.core.history.wording import CHOICE_WORDS, adjustment_text, side_word, with_side
from hiptimer.core.session.set_outcome import deciding
from hiptimer.i18n import N_, _, translate
from hiptimer.ui.history.models import Index, RowsModel
from hiptimer.ui.widgets.plain import units_kept


@dataclass(frozen=True)
class SetRow:
    """One attempt at a set as History shows it; `counted`: it decides the set's outcome;
    `as_given`: the rating first given, when it was changed since ('none' for no rating);
    `name`: its exercise as shown (names.exercise_name), '' for the recorded one."""

    record: StoredSet
    counted: bool = True
    as_given: str | None = None
    name: str = ""

    @property
    def exercise(self) -> str:
        return self.name or self.record.exercise_name


def set_rows(
    records: list[StoredSet],
    trail: Sequence[Correction] = (),
    named: Callable[[StoredSet], str] = lambda r: r.exercise_name,
) -> list[SetRow]:
    """The rows of one session's sets, each exercise `named` (names.exercise_name)."""
    first: dict[int | None, str] = {}
    for c in trail:
        if c.field == "pain":
            first.setdefault(c.set_id, c.old_value if c.old_value is not None else "none")
    return [
        SetRow(r, c, first.get(r.id), named(r))
        for r, c in zip(records, deciding(records), strict=True)
    ]


def _side(record: StoredSet) -> str:
    return side_word(record.side) if record.side else ""  # (repair keeps only left, right)


def _choice(record: StoredSet) -> str:
    if "pain_choice" in record.unreadable:
        return _("unreadable")
    words = CHOICE_WORDS.get(record.pain_choice or "")
    return translate(words) if words else ""


def _adjustment(record: StoredSet) -> str:
    if "adjustment" in record.unreadable:
        return _("unreadable")
    return adjustment_text(record.adjustment or "")  # the CSV keeps the stored "->" form


def pain_text(row: SetRow) -> str:
    """'1/10', or '1/10 (was 7)' for a rating changed since it was given; 'unreadable' for
    a rating the file held that HipTimer could not read (emptied when it opened the file);
    'no rating' for one left out on purpose (K), apart from a question never answered
    (empty), as the CSV's pain_skipped tells them apart."""
    if "pain" in row.record.unreadable and row.record.pain is None:
        return _("unreadable")
    now = _("none") if row.record.pain is None else f"{row.record.pain}/10"
    if row.as_given is None:
        if row.record.pain is None:
            return _("no rating") if row.record.pain_skipped else ""
        return now
    was = _("none") if row.as_given == "none" else row.as_given
    return _("{now} (was {given})").format(now=now, given=was)


class SetsModel(RowsModel[SetRow]):
    """One session's sets in the order done: planned against actual, pain and choices."""

    columns = (
        (N_("Exercise"), lambda r: r.exercise),
        (N_("Side"), lambda r: _side(r.record)),
        (N_("Set"), lambda r: str(r.record.set_number)),
        (N_("Planned"), lambda r: planned_text(r.record)),
        (N_("Done"), lambda r: done_text(r.record, r.counted)),
        (N_("Pain"), pain_text),
        (N_("Choice"), lambda r: _choice(r.record)),
        (N_("Adjustment"), lambda r: _adjustment(r.record)),
    )
    pain_columns = frozenset({5})
    right_aligned = frozenset({5})
    # The set under its title's middle: right-aligned, "1" ended 7 px before the plan's
    # "1 min" beside it, under a space in large print, and read "1 1 min" (Spanish, 800 x 600).
    centred = frozenset({2})
    # Name, side, choice and quick changes: cut rather than scrolled to (1024 x 768 in large
    # print scrolled sideways to the pain when only the name gave way); set, doses, pain whole.
    flexible = (0, 1, 6, 7)
    # Side, choice and quick changes are hidden in a session that has none: an empty column
    # still took its title's room from the names (Spanish at 1024 x 768 in large print cut
    # every title, "Eje…", "De…", "Aj…").
    optional = (1, 6, 7)
    # Name, done, pain, choice and change break between words where nothing else gives:
    # Spanish at 1024 x 768 in large print cut the titles Ejercicio, Lado, Decisión and Ajuste
    # of a session with a choice and a quick change, "12 s (hecha en parte)" and "10/10 (era
    # 7)" kept whole; and at 1280 x 800 it cut "lo dejó por …", the change and the name
    # beside done cells of three lines.
    wrappable = (0, 4, 5, 6, 7)
    # Every word reads whole, on more lines, before any cell is cut ("Puente de g…").
    whole_first = (0, 1, 6, 7)
    read_by = (0,)  # the exercise: the screen-fit tours hold its title and names whole
    led = (1, 4, 7)  # the side after the name, done after the plan, a change after a choice

    # The short form: the side in the name's cell ("Puente (lado izquierdo)"), its column gone,
    # for the room the words of the other cells need whole (Spanish at 1024 x 768 in large
    # print: the titles alone took 942 px of 970).
    has_short_form = True
    short_columns = (0, 1)  # the name, and the side it takes
    joined_when_short = (1,)
    # The set and its plan after the name, in its cell ("Puente (lado derecho) · Serie 1 ·
    # Previsto 30 s"), their columns gone: at 800 x 600 in large print in Spanish those and
    # the done and pain took 472 of 734 px, and the name read "Si…" under "E…".
    in_detail = (2, 3)
    # Where even so a title or the name is cut (640 x 480 in large print: "Eje…" over
    # "Side-ly…", the choice and change taking ~240 px of 584), the choice and the change
    # follow the plan, "· Decisión: siguió · Ajuste: 6 s → 11 s", where a set has them, their
    # columns gone.
    dropped_when_narrow = (6, 7)
    dropped_in_detail = True

    def drop(self, columns: tuple[int, ...]) -> None:
        if columns != self._dropped:
            super().drop(columns)
            self._redraw(self.detail_cell, self.detail_cell)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The name with its side in the short form, its set and plan in the detail form,
        and its choice and change where their columns are dropped: its tooltip and what a
        screen reader says too (each value with its column)."""
        row = self.row_at(index.row()) if index.isValid() else None
        joined = self._short or self._detail
        if row is None or index.column() != 0 or not (joined or self._dropped):
            return super().data(index, role)
        name = with_side(row.exercise, row.record.side) if joined else row.exercise
        folded = [(c, self.columns[c][1](row)) for c in self.in_detail] if self._detail else []
        dropped = [(c, v) for c in self._dropped if (v := self.columns[c][1](row))]
        if role == Qt.ItemDataRole.DisplayRole:
            parts = [f"{translate(self.columns[c][0])} {units_kept(v)}" for c, v in folded]
            words = [self.said(c, units_kept(v)) for c, v in dropped]  # "Choice: continued"
            return " \u00b7 ".join([name, *parts, *words])
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(self.said(c, v) for c, v in [(0, name), *folded, *dropped])
        return super().data(index, role)

    def pain_value(self, row: SetRow, column: int) -> float | None:
        return row.record.pain
