"""Table models of the history window: the sessions list and one session's sets."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from hiptimer.core.history.queries import SessionSummary, StoredSet
from hiptimer.core.history.review import (
    ACCEPTABLE_MAX,
    SAFE_MAX,
)
from hiptimer.core.history.wording import completion_text, duration_text, pain_number, when_text
from hiptimer.i18n import N_, _, decimal, n_, translate

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
Column = tuple[str, Callable[[Any], str]]

CHOICE_WORDS = {
    "stop": N_("stopped for today"),
    "lower": N_("lower dose"),
    "continue": N_("continued"),
}


def pain_colour(value: float | None) -> QColor | None:
    """Green, amber or red text for a pain rating, as in the pain-monitoring model."""
    if value is None:
        return None
    if value <= SAFE_MAX + 0.5:
        return QColor("#7BE495")
    if value <= ACCEPTABLE_MAX + 0.5:
        return QColor("#FFCA5F")
    return QColor("#FF7B6B")


class RowsModel(QAbstractTableModel, Generic[Row]):
    """A read-only table of rows; each column formats a row its own way.

    Cells are formatted on demand, so ten years of sessions cost one list, not 20,000
    items. Signals: the standard QAbstractTableModel ones.
    """

    columns: Sequence[Column] = ()
    pain_columns: frozenset[int] = frozenset()  # coloured by pain band
    right_aligned: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def replace_row(self, row: int, value: Row) -> None:
        self._rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate(self.columns[section][0])  # marked with N_
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[col][1](row)
        if role == Qt.ItemDataRole.ForegroundRole and col in self.pain_columns:
            return pain_colour(self.pain_value(row, col))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.right_aligned:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def pain_value(self, row: Row, column: int) -> float | None:
        return None


class SessionsModel(RowsModel[SessionSummary]):
    """Sessions, newest first: when, routine, duration, completion and pain."""

    columns = (
        (N_("Date"), lambda s: when_text(s.started_at)),
        (N_("Routine"), lambda s: s.routine_title),
        (N_("Duration"), duration_text),
        (N_("Completion"), completion_text),
        (N_("Max pain"), lambda s: pain_number(s.max_pain, 0)),
        (N_("Avg pain"), lambda s: pain_number(s.avg_pain)),
        (N_("Note"), lambda s: " ".join(s.note.split())[:60]),
    )
    pain_columns = frozenset({4, 5})
    right_aligned = frozenset({2, 4, 5})

    def pain_value(self, row: SessionSummary, column: int) -> float | None:
        return row.max_pain if column == 4 else row.avg_pain

    def set_note(self, session_id: int, note: str) -> None:
        for i, s in enumerate(self._rows):
            if s.id == session_id:
                self.replace_row(i, dataclasses.replace(s, note=note))


def _secs(x: float | None) -> str:
    return "" if x is None else _("{n} s").format(n=decimal(x))


def _reps(n: int | None) -> str:
    return "" if n is None else n_("{n} rep", "{n} reps", n).format(n=n)


def planned_text(record: StoredSet) -> str:
    if record.planned_hold_s is not None:
        return _secs(record.planned_hold_s)
    return _reps(record.planned_reps)


def actual_text(record: StoredSet) -> str:
    if record.skipped:
        return _("skipped")
    if record.planned_hold_s is not None or record.actual_hold_s is not None:
        done = _secs(record.actual_hold_s)
    else:
        done = _reps(record.actual_reps)
    if record.completed:
        return done
    return _("{done} (ended early)").format(done=done).strip() if done else _("(ended early)")


def _side(record: StoredSet) -> str:
    return {"left": _("left"), "right": _("right")}.get(record.side or "", record.side or "")


def _choice(record: StoredSet) -> str:
    words = CHOICE_WORDS.get(record.pain_choice or "")
    return translate(words) if words else ""


class SetsModel(RowsModel[StoredSet]):
    """One session's sets in the order done: planned against actual, pain and choices."""

    columns = (
        (N_("Exercise"), lambda r: r.exercise_name),
        (N_("Side"), _side),
        (N_("Set"), lambda r: str(r.set_number)),
        (N_("Planned"), planned_text),
        (N_("Done"), actual_text),
        (N_("Pain"), lambda r: "" if r.pain is None else f"{r.pain}/10"),
        (N_("Choice"), _choice),
        (N_("Adjustment"), lambda r: r.adjustment or ""),
    )
    pain_columns = frozenset({5})
    right_aligned = frozenset({2, 5})

    def pain_value(self, row: StoredSet, column: int) -> float | None:
        return row.pain
