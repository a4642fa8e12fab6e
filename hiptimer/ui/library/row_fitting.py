"""The library's rows fitted to the list's width: a label too long for a row puts its length on
a second line (a title too long for it, in lines), at once for a short list, and for a long one
the rows in view at once and the rest a batch at a time between events (2,000 rows: 0.2-0.5 s
at each resize and each change of lengths, the window frozen meanwhile)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QListWidget

from hiptimer.ui.library.labels import wrapped_title
from hiptimer.ui.widgets.plain import in_our_direction
from hiptimer.ui.widgets.readable import spoken

LENGTH_GAP = "   "  # between a routine's title and its length in the list
ITEM_PADDING_PX = 10  # QListWidget::item padding in the app's style sheet (theme.py)
FIT_BATCH = 100  # rows fitted at once (~10-25 ms); a list up to this long is fitted whole


class RowFitter:
    """Fits a list's rows to its width, each from its label (its length included)."""

    def __init__(self, view: QListWidget) -> None:
        self._list = view
        self._labels: list[str] = []
        self._round = 0  # a new fit() leaves the batches of the one before
        self._left: list[int] = []  # a long list's rows still to fit, between events

    @property
    def fitting(self) -> bool:
        """A long list's rows are still fitted between events."""
        return bool(self._left)

    def fit(self, labels: list[str]) -> None:
        """Fit these labels, one a row: a short list's now; a long list's rows in view now, then
        the others, FIT_BATCH at a time, from the top."""
        self._labels = labels
        self._round += 1
        if self._list.count() != len(labels):
            self._left = []
            return  # rows being replaced (clear() resizes the viewport): set_items fits them
        rows = range(len(labels))
        if len(labels) <= FIT_BATCH:
            self._left = []
            self._fit(rows)
            return
        top = max(0, self._list.indexAt(QPoint(0, 0)).row())
        shown = range(top, min(len(labels), top + FIT_BATCH))
        self._fit(shown)
        self._left = [row for row in rows if row not in shown]
        self._later(self._round)

    def _later(self, round_: int) -> None:
        # (the list as context: a page deleted meanwhile is not called)
        QTimer.singleShot(0, self._list, lambda: self._next(round_))

    def _next(self, round_: int) -> None:
        if round_ != self._round or not self._left or self._list.count() != len(self._labels):
            return  # fitted anew since, or its rows replaced
        batch, self._left = self._left[:FIT_BATCH], self._left[FIT_BATCH:]
        self._fit(batch)
        if self._left:
            self._later(round_)

    def _fit(self, rows: range | list[int]) -> None:
        """Qt's word wrap measures list rows without the style sheet's item padding, so a
        label that nearly fits was cut ("· 30 …") instead of wrapped: break it here."""
        metrics = self._list.fontMetrics()
        room = self._list.viewport().width() - 2 * ITEM_PADDING_PX - 16  # and the text margins
        for row in rows:
            label = item_label = self._labels[row]
            if metrics.horizontalAdvance(label) > room:
                label = label.replace(LENGTH_GAP, "\n", 1)
                title, newline, length = label.partition("\n")
                if metrics.horizontalAdvance(title) > room:
                    title = wrapped_title(title, metrics, room)
                label = title + newline + length
            # A number after a title written right to left took its direction: "1 · <title> min".
            item = self._list.item(row)
            item.setText(in_our_direction(label, one_paragraph=True))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken(item_label, LENGTH_GAP))
