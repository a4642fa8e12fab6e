"""The library's rows fitted to the list's width: a label too long for a row puts its length on
a second line (a title too long for it, in lines), at once for a short list, and for a long one
the rows in view at once and the rest a batch at a time between events (2,000 rows: 0.2-0.5 s
at each resize and each change of lengths, the window frozen meanwhile)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QListWidget

from hiptimer.ui.library.labels import wrapped_title
from hiptimer.ui.widgets.plain import in_our_direction
from hiptimer.ui.widgets.readable import spoken

if TYPE_CHECKING:
    from PySide6.QtGui import QFontMetrics

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
        label that nearly fits was cut ("· 30 …") instead of wrapped: break it here.

        The rows' changes go to the view as one (the model's signals held meanwhile): each
        row's text and name had each sent one, and with a screen reader on Qt tells it of
        every one (QAbstractItemView::dataChanged), 4,000 events when 2,000 rows' lengths
        came."""
        metrics = self._list.fontMetrics()
        room = self._list.viewport().width() - 2 * ITEM_PADDING_PX - 16  # and the text margins
        model = self._list.model()
        held = model.blockSignals(True)
        changed: list[int] = []
        renamed = False  # the chosen row, named before, has a new name
        try:
            for row in rows:
                item = self._list.item(row)
                said = item.data(Qt.ItemDataRole.AccessibleTextRole)
                text, name = self._row_words(self._labels[row], metrics, room)
                if item.text() == text and said == name:
                    continue
                item.setText(text)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, name)
                changed.append(row)
                renamed |= bool(said) and said != name and row == self._list.currentRow()
        finally:
            model.blockSignals(held)
        if changed:
            model.dataChanged.emit(model.index(min(changed), 0), model.index(max(changed), 0))
        if renamed:
            tell_renamed(self._list, self._list.currentRow())

    @staticmethod
    def _row_words(item_label: str, metrics: QFontMetrics, room: int) -> tuple[str, str]:
        """A row's text, broken to fit `room`, and its name for a reader."""
        label = item_label
        if metrics.horizontalAdvance(label) > room:
            label = label.replace(LENGTH_GAP, "\n", 1)
            title, newline, length = label.partition("\n")
            if metrics.horizontalAdvance(title) > room:
                title = wrapped_title(title, metrics, room)
            label = title + newline + length
        # A number after a title written right to left took its direction: "1 · <title> min".
        return in_our_direction(label, one_paragraph=True), spoken(item_label, LENGTH_GAP)


def tell_renamed(view: QListWidget, row: int) -> None:
    """Tell a screen reader that a row's name changed: Orca keeps the name of a row it has
    read until told (libatspi's cache), and says the new one if it is the row in focus
    (onNameChanged in https://gitlab.gnome.org/GNOME/orca/-/blob/ORCA_43_1/src/orca/scripts/default.py).
    Only where a reader listens: QAccessible's classes are not made otherwise."""
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    if not QAccessible.isActive():
        return
    iface = QAccessible.queryAccessibleInterface(view)
    cell = iface.child(row) if iface is not None else None  # a list's child i is its row i
    if cell is not None:
        QAccessible.updateAccessibility(QAccessibleEvent(cell, QAccessible.Event.NameChanged))
