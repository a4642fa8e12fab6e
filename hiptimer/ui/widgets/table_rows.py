"""Tables that keep room for their rows: on a short screen in large print, never a sliver."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QSizePolicy, QTableView, QTableWidget, QWidget

from hiptimer.ui.widgets.wrapped_cells import (
    WrappingCells,
    fit_rows,
    narrowest_in_lines,
    rows_lines,
    widest_level,
    widest_word,
)

MOST_LINES = 8  # the most lines a row is held to when the widths that make it shortest are tried


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
        self._wrap: tuple[int, ...] = ()  # wrap_where_narrow's columns
        self._folds: list[tuple[int, ...]] = []  # fold_where_narrow's columns, fold by fold
        self._texts: list[list[str]] = []  # the first column's texts: whole, then each fold's
        self._level = 0  # how many folds are made
        self._hid: set[int] = set()  # the columns the fold hid (not those hidden before it)
        self._fit_rows()

    def wrap_where_narrow(self, *columns: int) -> None:
        """Let these columns (of words) break their words onto more lines where the columns
        would be wider than the table, sharing the room to one width as far as it goes, and
        each as wide as its longest word and title: in Spanish at 1280 x 800 in large print
        "0 repeticiones (hecha en parte)" pushed the table into a sideways scroll, the names cut
        to "…" and the choice out of sight; at 1024 x 600 "lo dejó por hoy" was cut at the
        table's edge, "lo dejó por …", the names at their least. The first takes what room is
        left over."""
        self._wrap = columns
        header = self.horizontalHeader()
        for column in columns:
            self.setItemDelegateForColumn(column, WrappingCells(self))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._fit_wrapped()

    def fold_where_narrow(self, columns: tuple[int, ...], texts: list[str]) -> None:
        """Hide these columns, and show each row's `texts` in the first column instead ("Bridge,
        set 2, right side"), where the table is narrower than its columns at their least: at
        800 x 600 in large print in Spanish the summary's scrolled sideways, 724 px shown of
        917, *Dolor* cut and *Decisión* out of sight. Each cell still reads whole. Called again,
        a further fold, made only where the one before leaves the table too wide (its `texts`
        say the columns of both)."""
        if not self._folds:
            self._texts = [[self._first_text(row) for row in range(self.rowCount())]]
        self._folds.append(columns)
        self._texts.append(texts)
        self._fit_wrapped()

    def _first_text(self, row: int) -> str:
        item = self.item(row, 0)
        return item.text() if item is not None else ""

    def _fold_to(self, room: int) -> None:
        """Fold as far as the columns at their least (the first at its title's width, the
        others at their contents' or their words') are wider than `room`, unfold where they
        fit."""
        for column in self._hid:  # measured shown: a hidden section's size hint is 0
            self.setColumnHidden(column, False)
        header = self.horizontalHeader()
        hidden = {c for c in range(self.columnCount()) if self.isColumnHidden(c)}

        def least(gone: set[int]) -> int:
            total = header.sectionSizeHint(0)
            for column in set(range(1, self.columnCount())) - hidden - gone:
                words = widest_word(self, column) if column in self._wrap else 0
                contents = 0 if column in self._wrap else self.sizeHintForColumn(column)
                total += max(header.sectionSizeHint(column), words, contents)
            return total

        level, gone = 0, set[int]()
        while level < len(self._folds) and least(gone) > room:
            gone |= set(self._folds[level]) - hidden
            level += 1
        self._hid = gone
        for column in set().union(*self._folds) - hidden:
            self.setColumnHidden(column, column in gone)
            if column not in gone:  # at its size for these contents now, as the room is shared
                self.resizeColumnToContents(column)
        if level != self._level:
            self._level = level
            for row, text in enumerate(self._texts[level]):
                item = self.item(row, 0)
                if item is not None:
                    item.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_wrapped()

    def _fit_wrapped(self) -> None:
        if not self._wrap:
            return
        if self._folds and self.isVisible():  # hidden, not yet laid out: no room to go by
            self._fold_to(self.viewport().width())
        header = self.horizontalHeader()
        shown = [c for c in range(self.columnCount()) if not self.isColumnHidden(c)]
        wrapping = [c for c in self._wrap if c in shown]
        room = self.viewport().width() - sum(
            header.sectionSize(c) for c in shown if c not in wrapping
        )
        least = {c: max(widest_word(self, c), header.sectionSizeHint(c)) for c in wrapping}
        if wrapping and sum(least.values()) > room:
            # A word no line break can help (a name of one long word): the first column gives
            # way and cuts it, rather than push the others into a sideways scroll.
            first = wrapping[0]
            others = sum(width for c, width in least.items() if c != first)
            least[first] = max(header.sectionSizeHint(first), room - others)
        whole = {c: max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in wrapping}

        def shared(floors: dict[int, int]) -> dict[int, int]:
            """Each column from its floor towards its one line, at one width as far as it goes."""

            def widths(level: int) -> dict[int, int]:
                return {c: max(floors[c], min(whole[c], level)) for c in wrapping}

            top = max(whole.values(), default=0)
            return widths(widest_level(lambda level: sum(widths(level).values()) <= room, top))

        # At one width from their longest words, or from the widths that hold every row to a
        # few lines: whichever makes the table shortest (the first where they tie).
        tries = [
            shared(least),
            *(shared(f) for f in self._line_floors(wrapping, least, whole, room)),
        ]
        fitted = min(tries, key=lambda widths: rows_lines(self, widths))
        if wrapping:
            fitted[wrapping[0]] += max(0, room - sum(fitted.values()))
        for column, width in fitted.items():
            header.resizeSection(column, width)
        fit_rows(self, tuple(wrapping))
        self.updateGeometry()  # rows of more lines: the page lays out again

    def _line_floors(
        self, wrapping: list[int], least: dict[int, int], whole: dict[int, int], room: int
    ) -> list[dict[int, int]]:
        """For each number of lines up to MOST_LINES that the room allows, the wrapping
        columns' widths at which no cell takes more: cut to one width from their longest
        words, a long name took seven lines at 1024 x 600 in large print (168 px) beside done
        cells of three as wide."""
        floors = []
        for lines in range(1, MOST_LINES + 1):
            need = {
                c: narrowest_in_lines(self, c, lines, least[c], max(least[c], whole[c]))
                for c in wrapping
            }
            if sum(need.values()) <= room:
                floors.append(need)
        return floors

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
