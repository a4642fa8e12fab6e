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
    completion_text,
    duration_text,
    pain_number,
    when_text,
)
from hiptimer.ui.pain_colours import pain_fill, pain_ink

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
Column = tuple[str, Callable[[Any], str]]

CHOICE_WORDS = {"stop": "stopped for today", "lower": "lower dose", "continue": "continued"}


def pain_colour(value: float | None) -> QColor | None:
    """The cell of a pain rating or average: its colour on the one pain scale (green, amber
    or red, as in the pain-monitoring model), the same as on every other screen."""
    return QColor(pain_fill(value)) if value is not None else None


def pain_text_colour(value: float | None) -> QColor | None:
    """The words in such a cell, readable on its colour."""
    return QColor(pain_ink(value)) if value is not None else None


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
            return self.columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[col][1](row)
        if role == Qt.ItemDataRole.BackgroundRole and col in self.pain_columns:
            return pain_colour(self.pain_value(row, col))
        if role == Qt.ItemDataRole.ForegroundRole and col in self.pain_columns:
            return pain_text_colour(self.pain_value(row, col))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.right_aligned:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def pain_value(self, row: Row, column: int) -> float | None:
        return None


class SessionsModel(RowsModel[SessionSummary]):
    """Sessions, newest first: when, routine, duration, completion and pain."""

    columns = (
        ("Date", lambda s: when_text(s.started_at)),
        ("Routine", lambda s: s.routine_title),
        ("Duration", duration_text),
        ("Completion", completion_text),
        ("Max pain", lambda s: pain_number(s.max_pain, 0)),
        ("Avg pain", lambda s: pain_number(s.avg_pain)),
        ("Note", lambda s: " ".join(s.note.split())[:60]),
    )
    pain_columns = frozenset({4, 5})
    right_aligned = frozenset({2, 4, 5})

    def pain_value(self, row: SessionSummary, column: int) -> float | None:
        return row.max_pain if column == 4 else row.avg_pain

    def set_note(self, session_id: int, note: str) -> None:
        for i, s in enumerate(self._rows):
            if s.id == session_id:
                self.replace_row(i, dataclasses.replace(s, note=note))


def planned_text(record: StoredSet) -> str:
    if record.planned_hold_s is not None:
        return f"{record.planned_hold_s:g} s"
    return "" if record.planned_reps is None else f"{record.planned_reps} reps"


def actual_text(record: StoredSet) -> str:
    if record.skipped:
        return "skipped"
    if record.planned_hold_s is not None or record.actual_hold_s is not None:
        done = "" if record.actual_hold_s is None else f"{record.actual_hold_s:g} s"
    else:
        done = "" if record.actual_reps is None else f"{record.actual_reps} reps"
    return done if record.completed else f"{done} (ended early)".strip()


class SetsModel(RowsModel[StoredSet]):
    """One session's sets in the order done: planned against actual, pain and choices."""

    columns = (
        ("Exercise", lambda r: r.exercise_name),
        ("Side", lambda r: r.side or ""),
        ("Set", lambda r: str(r.set_number)),
        ("Planned", planned_text),
        ("Done", actual_text),
        ("Pain", lambda r: "" if r.pain is None else f"{r.pain}/10"),
        ("Choice", lambda r: CHOICE_WORDS.get(r.pain_choice or "", "")),
        ("Adjustment", lambda r: r.adjustment or ""),
    )
    pain_columns = frozenset({5})
    right_aligned = frozenset({2, 5})

    def pain_value(self, row: StoredSet, column: int) -> float | None:
        return row.pain
