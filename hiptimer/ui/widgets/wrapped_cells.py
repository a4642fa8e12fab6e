"""Cells that take more lines rather than their one line's width, for a narrow table."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtGui import QFontMetrics, QFontMetricsF, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from hiptimer.ui.widgets.plain import breakable, units_kept

Index = QModelIndex | QPersistentModelIndex
# Where a line may break: not at a dose's no-break spaces; inside a word longer than LONG_WORD
# (breakable's zero-width spaces), which would otherwise widen its column to its length.
_BREAKS = re.compile(r"[ \t\n\u200b]+")


class WrappingCells(QStyledItemDelegate):
    """A column's cells broken between words where the column is narrower than their line
    ("12 s / (hecha en parte)"), the rest of the table keeping one line a cell. Its rows are
    made as tall as that needs by `fit_rows`. A dose keeps its number and unit on one line
    ("30 s", not "30" / "s") where the cell is as wide as the dose, and a cell narrower than
    one of its words keeps one line cut with "…" (its tooltip says it whole) rather than
    break inside the word ("(hech" / "a"); a word longer than LONG_WORD characters (a title
    of 120 letters) breaks between its letters instead.
    The `led` columns' words start a lead in from their cell's left edge (`lead`): after a
    column of left-aligned words as wide as their cell, "30 s" and "12 s" read "30 s 12 s",
    6 px apart. Signals: QStyledItemDelegate's."""

    def __init__(self, view: QTableView, led: tuple[int, ...] = ()) -> None:
        super().__init__(view)
        self._view, self._led = view, led

    def lead(self, column: int) -> int:
        """The room before the column's words beyond the cell's margin, so that they start two
        spaces after the words of the cell before them; 0 for a column not led."""
        if column not in self._led:
            return 0
        space = QFontMetricsF(self._view.font()).horizontalAdvance(" ")
        return max(0, math.ceil(2 * space) - 2 * text_margin(self._view))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        lead = self.lead(index.column())
        if not lead:
            return super().sizeHint(option, index)
        words = QStyleOptionViewItem(option)
        if words.rect.isValid():  # its words wrap in the room after the lead
            words.rect = option.rect.adjusted(lead, 0, 0, 0)
        size = super().sizeHint(words, index)
        return QSize(size.width() + lead, size.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        lead = self.lead(index.column())
        if not lead:
            super().paint(painter, option, index)
            return
        words = QStyleOptionViewItem(option)
        words.rect = option.rect.adjusted(lead, 0, 0, 0)
        self.initStyleOption(words, index)
        style = option.widget.style() if option.widget is not None else QApplication.style()
        # The cell's ground (its row's colour, the selection) and focus across its width, then
        # its words in from the left, drawn over the same ground.
        ground = QStyleOptionViewItem(words)
        ground.rect, ground.text = option.rect, ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, ground, painter, option.widget)
        words.state &= ~QStyle.StateFlag.State_HasFocus
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, words, painter, option.widget)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.text = breakable(option.text)
        kept = units_kept(option.text)
        room = option.rect.width() - 2 * text_margin(option.widget)
        if not option.rect.isValid() or widest_in(option.fontMetrics, kept) <= room:
            option.text = kept
        elif widest_in(option.fontMetrics, option.text) > room:
            return  # one line, cut
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText


def widest_in(metrics: QFontMetrics | QFontMetricsF, text: str) -> int:
    """The width of the widest word of `text` (a dose's number and unit are one word where
    `text` has no-break spaces in it: units_kept), in whole pixels rounded up."""
    return math.ceil(max((metrics.horizontalAdvance(w) for w in _BREAKS.split(text)), default=0))


def widest_level(fits: Callable[[int], bool], top: int) -> int:
    """The highest level from 0 to `top` that `fits` (which holds up to some level), by
    bisection; 0 where none does: the width columns are cut or widened to together."""
    low = 0
    while low < top:
        mid = (low + top + 1) // 2
        low, top = (mid, top) if fits(mid) else (low, mid - 1)
    return low


def text_margin(view: QWidget | None) -> int:
    """The room Qt's style leaves at each side of a cell's words (QCommonStyle's textMargin)."""
    style = view.style() if view is not None else QApplication.style()
    return style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1


def cell_edges(view: QTableView, column: int) -> int:
    """The room a cell of the column keeps beside its words: its margins, the grid's line and
    its lead (WrappingCells.lead)."""
    delegate = view.itemDelegateForColumn(column)
    lead = delegate.lead(column) if isinstance(delegate, WrappingCells) else 0
    return 2 * text_margin(view) + 1 + lead


def widest_kept(view: QTableView, column: int) -> int:
    """widest_word with a dose's or a duration's number and unit one word ("24 min"), as
    the cells keep them (units_kept): the narrowest the column reads whole in, a line each."""
    model, metrics = view.model(), QFontMetricsF(view.font())
    texts = (str(model.index(row, column).data() or "") for row in range(model.rowCount()))
    widest = max((widest_in(metrics, units_kept(breakable(t))) for t in texts), default=0)
    return widest + cell_edges(view, column)


def widest_word(view: QTableView, column: int) -> int:
    """The width of the column's longest word with the cell's margins: narrower, Qt would break
    the word itself ("(hech / a") or cut it. Measured to the fraction of a pixel and rounded
    up: "(partly" is 69.47 px at 21 px, and a column of its 69 whole pixels read "(par…"."""
    model, metrics = view.model(), QFontMetricsF(view.font())
    texts = (str(model.index(row, column).data() or "") for row in range(model.rowCount()))
    widest = max((widest_in(metrics, breakable(text)) for text in texts), default=0)
    return widest + cell_edges(view, column)


def two_lines_wide(view: QTableView, column: int) -> int:
    """The width the column's cells need on two lines at most, each broken at the space that
    leaves its wider line narrowest ("30 Nov" / "14:00", not "30" / "Nov" / "14:00"), with the
    cell's margins."""
    model, metrics = view.model(), QFontMetricsF(view.font())
    widest = 0.0
    for text in {str(model.index(row, column).data() or "") for row in range(model.rowCount())}:
        words = text.split(" ")
        widest = max(
            widest,
            min(
                max(metrics.horizontalAdvance(" ".join(part)) for part in (words[:at], words[at:]))
                for at in range(1, len(words) + 1)
            ),
        )
    return math.ceil(widest) + cell_edges(view, column)


def lines_at(metrics: QFontMetricsF, text: str, width: float) -> int:
    """How many lines `text` takes broken between its words, each line filled in turn, in a
    cell whose words have `width` px (a word wider than that still takes one line)."""
    space, lines, line = metrics.horizontalAdvance(" "), 1, 0.0
    for word in _BREAKS.split(breakable(text)):
        wide = metrics.horizontalAdvance(word)
        if line and line + space + wide > width:
            lines, line = lines + 1, wide
        else:
            line = line + space + wide if line else wide
    return lines


def narrowest_in_lines(view: QTableView, column: int, lines: int, least: int, top: int) -> int:
    """The narrowest width from `least` to `top` px at which each of the column's cells takes
    `lines` lines at most (`top` where none does), with the cell's margins."""
    model, metrics = view.model(), QFontMetricsF(view.font())
    texts = {str(model.index(row, column).data() or "") for row in range(model.rowCount())}
    edges = cell_edges(view, column)

    def fits(width: int) -> bool:
        return all(lines_at(metrics, text, width - edges) <= lines for text in texts)

    if least >= top or not fits(top):
        return top
    return least + bisect_left(range(least, top), True, key=fits)  # the first width that fits


def rows_lines(view: QTableView, widths: Mapping[int, int]) -> int:
    """The lines the view's rows take in all, each as many as its cell of most lines in these
    columns at these widths (with the cells' margins)."""
    model, metrics = view.model(), QFontMetricsF(view.font())
    edges = {c: cell_edges(view, c) for c in widths}
    return sum(
        max(
            (lines_at(metrics, str(model.index(row, c).data() or ""), w - edges[c])
             for c, w in widths.items()),
            default=1,
        )
        for row in range(model.rowCount())
    )  # fmt: skip


def widest_cell(view: QTableView, column: int, texts: Sequence[str]) -> int:
    """The width the column's widest cell needs, of its `texts` (every row's, in order):
    resizeColumnsToContents reads a few (40), and the Spanish dates of September beyond them
    were cut ("30 sept…")."""
    metrics, widths = QFontMetricsF(view.font()), {}
    for text in set(texts):  # a few durations repeated over ten years of sessions
        widths[text] = metrics.horizontalAdvance(text)
    if not widths:
        return 0
    widest = max(widths, key=widths.__getitem__)
    return view.sizeHintForIndex(view.model().index(texts.index(widest), column)).width()


def reads_whole(view: QTableView, index: QModelIndex) -> bool:
    """Whether a cell's words are all on view: on one line, or (a wrapping column's) broken
    between words, never inside one, in a row as tall as they need."""
    width = view.columnWidth(index.column())
    if width >= view.sizeHintForIndex(index).width():
        return True
    delegate = view.itemDelegateForIndex(index)
    if not isinstance(delegate, WrappingCells):
        return False
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    tall = view.rowHeight(index.row())
    option.rect = QRect(0, 0, width - delegate.lead(index.column()), tall)  # its words' room
    delegate.initStyleOption(option, index)
    if not option.features & QStyleOptionViewItem.ViewItemFeature.WrapText:
        return False  # a word wider than the cell: cut on one line
    option.rect = QRect(0, 0, width, tall)
    tall = delegate.sizeHint(option, index).height()
    return view.rowHeight(index.row()) - int(view.showGrid()) >= tall


def fit_rows(
    view: QTableView, columns: tuple[int, ...], most_lines: Mapping[int, int] | None = None
) -> None:
    """Each row as tall as the wrapped words of these columns need at their widths now, and
    never less than one line (the view's usual row); a column of `most_lines` no taller than
    its lines there (its last one cut with "…")."""
    model, least = view.model(), view.verticalHeader().defaultSectionSize()
    # The air a one-line row has round its line; at least the grid line, which QTableView
    # takes from the cell's height (a row exactly as tall as its four lines cut the fourth
    # to "en …", seen under Xvfb).
    air = max(least - view.fontMetrics().height(), 1 if view.showGrid() else 0)
    line = view.fontMetrics().lineSpacing()
    most = most_lines or {}
    # Measured once a text: ten years of sessions repeat a few routines and completions, and
    # measuring each cell of 3,650 rows again at each resize would stall the window.
    measured: dict[tuple[int, str], int] = {}
    for row in range(model.rowCount()):
        tall = least
        for column in columns:
            if view.isColumnHidden(column):
                continue
            index = model.index(row, column)
            text = (column, str(index.data() or ""))
            if text not in measured:
                option = QStyleOptionViewItem()
                view.initViewItemOption(option)
                option.rect = QRect(0, 0, view.columnWidth(column), least)
                delegate = view.itemDelegateForIndex(index)
                needed = delegate.sizeHint(option, index).height() + air
                if column in most:
                    needed = min(needed, least + (most[column] - 1) * line)
                measured[text] = needed
            tall = max(tall, measured[text])
        if view.rowHeight(row) != tall:
            view.setRowHeight(row, tall)
