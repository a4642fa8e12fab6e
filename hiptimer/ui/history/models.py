"""The rows model both of the history window's tables share (one session's sets in
sets_model.py, the sessions list's in sessions_model.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from hiptimer.i18n import p_, translate
from hiptimer.ui.pain_colours import pain_fill, pain_ink
from hiptimer.ui.widgets.plain import as_html

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
Column = tuple[str, Callable[[Any], str]]


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
    centred: frozenset[int] = frozenset()  # a short figure under a wider title
    # Columns of words that give up room where the view is narrow (RowsTable), cut with an
    # ellipsis; their whole words are a cut cell's tooltip, and what a screen reader says.
    flexible: tuple[int, ...] = (0,)
    # Columns of whole words that may take more lines, rather than cut a title, where even the
    # flexible columns cut to their titles do not fit (RowsTable).
    wrappable: tuple[int, ...] = ()
    # Flexible columns kept whole (on more lines, where wrappable) before any is cut.
    whole_first: tuple[int, ...] = ()
    # The column a person picks a row by (the sessions' routine): the screen-fit checks hold
    # it whole, title and cells, on every screen they tour.
    read_by: tuple[int, ...] = ()
    # Wrappable columns that take at most this many lines, by column; the rest is cut ("…").
    most_lines: Mapping[int, int] = MappingProxyType({})
    # Columns measured on every row (RowsTable), not on the few Qt reads: they are never cut.
    measured_all: tuple[int, ...] = ()
    # Columns that take two lines where the rows take more lines anyway (a whole_first column
    # wrapped), or where on one line they leave a flexible column less than a legible width:
    # the room they give goes to the flexible columns (RowsTable).
    wrapped_last: tuple[int, ...] = ()
    # Columns whose words start two spaces after the words before them, which fill their
    # cell: 6-7 px apart, the plan and the set done read as one ("30 s 12 s") from 2 m.
    led: tuple[int, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._folded = False  # titles of two words on two lines ("Max / pain"): RowsTable
        # Titles shown cut ("Comp…"), by column, as RowsTable cut them to their sections.
        self.cut_titles: dict[int, str] = {}

    has_short_form = False  # a column that can read shorter (shorten)
    # Columns hidden where no row has anything in them (RowsTable).
    optional: tuple[int, ...] = ()
    # Columns whose words the short form puts in another's (the sets' side in the name):
    # hidden while it shows (RowsTable).
    joined_when_short: tuple[int, ...] = ()
    # Columns hidden where the view is too narrow for the others with their titles whole (the
    # sessions' note, which shows whole under the list; the sets' choice and change, which
    # their name's cell then says): RowsTable, which tells the model (drop).
    dropped_when_narrow: tuple[int, ...] = ()
    dropped_in_detail = False  # their words then in the detail form's cell (the sets')
    _dropped: tuple[int, ...] = ()

    # The first and last columns the short form changes: their cells are drawn again.
    short_columns = (0, 0)
    _short = False
    # Short columns whose words the detail form puts on the second line of the first
    # wrapped_last column (the sessions' duration under the date and time): hidden while it
    # shows, for a flexible column's room (RowsTable).
    in_detail: tuple[int, ...] = ()
    _detail = False
    # Two columns read as one where the view is too narrow even without the
    # dropped_when_narrow ones (the sessions' pains): the first shows both under
    # `joined_title`, the second hidden (RowsTable).
    joined: tuple[int, ...] = ()
    joined_title = ""
    _join = False

    def drop(self, columns: tuple[int, ...]) -> None:
        """The dropped_when_narrow `columns` hidden now (none: all shown again)."""
        self._dropped = columns

    def join(self, join: bool) -> None:
        """Show the `joined` columns as one, or apart again."""
        if self.joined and join != self._join:
            self._join = join
            self.titles_changed()
            self._redraw(self.joined[0], self.joined[0])

    def title(self, section: int) -> str:
        """A column's title in the language in use (the joined one's where it shows), its
        separator kept with the word after it where it folds: "Pain" / "max" / "· avg"
        ("Dolor" over "máx. · medio" was as wide as the two titles it replaced)."""
        if self._join and section == self.joined[0]:
            return translate(self.joined_title).replace(" \u00b7 ", " \u00b7\u00a0")
        return translate(self.columns[section][0])  # marked with N_

    def show_detail(self, detail: bool) -> None:
        """Put the in_detail columns' words in the first wrapped_last column, or back."""
        if self.in_detail and detail != self._detail:
            self._detail = detail
            self._redraw(self.detail_cell, self.detail_cell)

    @property
    def detail_cell(self) -> int:
        """The column whose cell takes the in_detail columns' words (the sets': the name's)."""
        return (*self.wrapped_last, 0)[0]

    def shorten(self, short: bool) -> None:
        """Show the shorter form of the column that has one (SessionsModel: the date without
        its weekday), or the usual one: a narrow view's last resort before cutting titles."""
        if self.has_short_form and short != self._short:
            self._short = short
            self._redraw(*self.short_columns)

    def _redraw(self, first: int, last: int) -> None:
        """Every row's cells from column `first` to `last` drawn again (none in an empty
        list: Qt warned of an invalid range as an empty history was measured)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, first), self.index(len(self._rows) - 1, last))

    def fold_titles(self, folded: bool) -> None:
        """Put each title's words one under another (a narrow view), or back on one line."""
        if folded != self._folded:
            self._folded = folded
            self.titles_changed()

    def titles_changed(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

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
        if orientation != Qt.Orientation.Horizontal:
            return None
        title = self.title(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section in self.cut_titles:
                return self.cut_titles[section]
            return title.replace(" ", "\n") if self._folded else title
        if role == Qt.ItemDataRole.ToolTipRole and section in self.cut_titles:
            return title
        if role == Qt.ItemDataRole.AccessibleTextRole and self._join and section in self.joined:
            return ", ".join(translate(self.columns[c][0]) for c in self.joined)  # no "dot"
        if role == Qt.ItemDataRole.AccessibleTextRole and (self._folded or self.cut_titles):
            return title  # a screen reader says the title whole, not "Co…" or "Max / pain"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[col][1](row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # A screen reader reads a row's cells as one line: "2. 1.2." said nothing of
            # which was the highest pain and which the average: each says its heading.
            text = self.data(index)
            if not text:
                return None
            return self.said(col, text)
        if role == Qt.ItemDataRole.ToolTipRole and col in self.flexible:
            # As HTML of the words as written: Qt reads a tooltip that looks like HTML as
            # rich text (plain.py); and a rich tooltip wraps its lines, a plain one does not.
            # RowsTable shows it only where the cell is cut.
            text = self.data(index)
            return as_html(text) if text else None
        if role == Qt.ItemDataRole.BackgroundRole and col in self.pain_columns:
            return pain_colour(self.pain_value(row, col))
        if role == Qt.ItemDataRole.ForegroundRole and col in self.pain_columns:
            return pain_text_colour(self.pain_value(row, col))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.right_aligned:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.centred:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def pain_value(self, row: Row, column: int) -> float | None:
        return None

    def abridged(self, index: Index) -> bool:
        """Whether the cell shows fewer words than its tooltip says, even where it reads whole
        (SessionsModel's sets, "24/25"): RowsTable shows its tooltip anyway."""
        return False

    def texts(self, column: int) -> list[str]:
        """Every row's words in `column`, as shown (without a QModelIndex each: ten years)."""
        return [self.columns[column][1](row) for row in self._rows]

    def is_empty(self, column: int) -> bool:
        """Whether no row has anything in `column` (an "unreadable" counts as something)."""
        return not any(self.columns[column][1](row) for row in self._rows)

    def said(self, column: int, text: str) -> str:
        """A cell as a screen reader says it, with its column: "Max pain: 2"."""
        heading = translate(self.columns[column][0])
        return p_("table cell", "{column}: {value}").format(column=heading, value=text)
