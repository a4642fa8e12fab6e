"""Tables that keep room for their rows: on a short screen in large print, never a sliver."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QSizePolicy, QTableView, QTableWidget, QWidget

from hiptimer.ui.widgets.wrapped_cells import WrappingCells, fit_rows, widest_word


def rows_tall(view: QTableView, rows: int) -> int:
    """The height that shows `view`'s header and `rows` rows, with the scroll bar under them
    when it shows and the frame around them."""
    return _around(view, view.verticalHeader().defaultSectionSize() * rows)


def _around(view: QTableView, inner: int) -> int:
    header = view.horizontalHeader()
    top = header.sizeHint().height() if not header.isHidden() else 0
    policy, shown = view.horizontalScrollBarPolicy(), view.horizontalScrollBar().isVisible()
    on = policy == Qt.ScrollBarPolicy.ScrollBarAlwaysOn or (
        policy == Qt.ScrollBarPolicy.ScrollBarAsNeeded and shown
    )
    bar = view.horizontalScrollBar().sizeHint().height() if on else 0
    return top + inner + bar + 2 * view.frameWidth()


def leave_by_tab(view: QTableView) -> None:
    """Tab leaves a read-only table, as it leaves any field; the arrows go from cell to cell.

    Qt's default Tab went from cell to cell: 28 presses to get past a session's 4 x 7 sets to
    the summary's buttons, each cell read out by a screen reader (bench/screen_reader.py).
    """
    view.setTabKeyNavigation(False)


ROW_AIR = 6  # pixels above and below a row's line, together


class AllRowsTable(QTableWidget):
    """A QTableWidget as tall as all its rows (a session's sets: a few dozen at most), for a
    page that scrolls as one: it never scrolls on its own, so the wheel over it scrolls the
    page, and it is never squeezed to a row."""

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        leave_by_tab(self)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Each row one line (a long name ends in "...", not in three lines), as tall as a line
        # of the type size the page gives the table, and a little air (_fit_rows).
        self.setWordWrap(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._wrap: tuple[int, int] | None = None  # wrap_where_narrow's columns
        self._fit_rows()

    def wrap_where_narrow(self, column: int, stretched: int) -> None:
        """Let `column` break its words onto more lines where the columns would be wider than
        the table, and `stretched` (the names) read whole before it keeps a line: in Spanish at
        1280 x 800 in large print "0 repeticiones (hecha en parte)" pushed the table into a
        sideways scroll, the names cut to "…" and the choice out of sight. The names are cut
        only where the column is as narrow as its longest word and title."""
        self._wrap = (column, stretched)
        self.setItemDelegateForColumn(column, WrappingCells(self))
        self.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._fit_wrapped()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_wrapped()

    def _fit_wrapped(self) -> None:
        if self._wrap is None:
            return
        column, stretched = self._wrap
        header = self.horizontalHeader()
        shown = [c for c in range(self.columnCount()) if not self.isColumnHidden(c)]
        others = sum(header.sectionSize(c) for c in shown if c not in (column, stretched))
        # The names whole first: kept to ten characters, "Puente de g…" was cut while the
        # done cells beside it had room to take two lines (seen under Xvfb at 1024 x 600).
        names = max(self.sizeHintForColumn(stretched), header.sectionSizeHint(stretched))
        room = self.viewport().width() - others - names
        least = max(widest_word(self, column), header.sectionSizeHint(column))
        header.resizeSection(column, max(least, min(self.sizeHintForColumn(column), room)))
        fit_rows(self, (column,))
        self.updateGeometry()  # rows of more lines: the page lays out again

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._all_rows())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._all_rows())

    def _all_rows(self) -> int:
        return _around(self, self.verticalHeader().length())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns that fit their contents, fitted to them in the new type size: the header
        does not look again by itself when only the font changed (with the app's style sheet,
        "10 reps" stayed in a column sized for the smaller type, as "10 r...")."""
        header = self.horizontalHeader()
        for column in range(self.columnCount()):
            if header.sectionResizeMode(column) is QHeaderView.ResizeMode.ResizeToContents:
                self.resizeColumnToContents(column)
        self._fit_wrapped()

    def _fit_rows(self) -> None:
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + ROW_AIR)
        self.updateGeometry()  # rows of the new size: the page lays out again
