"""Cells that take more lines rather than their one line's width, for a narrow table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

Index = QModelIndex | QPersistentModelIndex


class WrappingCells(QStyledItemDelegate):
    """A column's cells broken between words where the column is narrower than their line
    ("12 s / (hecha en parte)"), the rest of the table keeping one line a cell. Its rows are
    made as tall as that needs by `fit_rows`. Signals: QStyledItemDelegate's."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText


def text_margin(view: QTableView) -> int:
    """The room Qt's style leaves at each side of a cell's words (QCommonStyle's textMargin)."""
    return view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1


def widest_word(view: QTableView, column: int) -> int:
    """The width of the column's longest word with the cell's margins: narrower, Qt would break
    the word itself ("(hech / a")."""
    model, metrics = view.model(), view.fontMetrics()
    words = (
        word
        for row in range(model.rowCount())
        for word in str(model.index(row, column).data() or "").split()
    )
    widest = max((metrics.horizontalAdvance(w) for w in words), default=0)
    return widest + 2 * text_margin(view) + 1


def fit_rows(view: QTableView, columns: tuple[int, ...]) -> None:
    """Each row as tall as the wrapped words of these columns need at their widths now, and
    never less than one line (the view's usual row)."""
    model, least = view.model(), view.verticalHeader().defaultSectionSize()
    # The air a one-line row has round its line; at least the grid line, which QTableView
    # takes from the cell's height (a row exactly as tall as its four lines cut the fourth
    # to "en …", seen under Xvfb).
    air = max(least - view.fontMetrics().height(), 1 if view.showGrid() else 0)
    for row in range(model.rowCount()):
        tall = least
        for column in columns:
            if view.isColumnHidden(column):
                continue
            index = model.index(row, column)
            option = QStyleOptionViewItem()
            view.initViewItemOption(option)
            option.rect = QRect(0, 0, view.columnWidth(column), least)
            delegate = view.itemDelegateForIndex(index)
            tall = max(tall, delegate.sizeHint(option, index).height() + air)
        if view.rowHeight(row) != tall:
            view.setRowHeight(row, tall)
