"""The settings' groups in one column, or in two where one would scroll and the screen is wide."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtWidgets import QBoxLayout, QDialog, QHBoxLayout, QVBoxLayout, QWidget

from hiptimer.ui.widgets.dialog_body import DialogBody
from hiptimer.ui.widgets.screen_fit import keep_inside, room

GAP = 20  # between the two columns, as the body's side margins


class GroupColumns:
    """The groups one under another; `spread` moves the later ones into a second column."""

    def __init__(self, body: QBoxLayout, spacing: int) -> None:
        self._body = body
        self._row = QHBoxLayout()
        self._row.setSpacing(GAP)
        body.addLayout(self._row)
        self.columns = (QVBoxLayout(), QVBoxLayout())
        for column in self.columns:
            column.setSpacing(spacing)
            column.addStretch(1)  # the groups at the top of a taller column
        # The second column only once spread: empty beside the first, it took a share of the
        # width in the height-for-width sums, which then left a group 6 px short.
        self._row.addLayout(self.columns[0], 1)

    def add(self, group: QWidget) -> None:
        left = self.columns[0]
        left.insertWidget(left.count() - 1, group)

    @property
    def two(self) -> bool:
        return self.columns[1].parent() is not None

    def spread(self, dialog: QDialog, scroller: DialogBody, later: tuple[QWidget, ...]) -> None:
        """`later` in the second column, the dialog wider, where in one column the groups
        would scroll and the screen has room for two columns at their narrowest: at
        1280 x 800 one column scrolled, the Look group cut at the dialog's foot."""
        if self.two:
            return
        scroller.fit_body()
        chrome = dialog.height() - scroller.viewport().height()
        space = room(dialog)
        if scroller.body.minimumHeight() + chrome <= space.height():
            return
        # The body's margins and scroll bar once, not twice: at 1366 x 768 in Spanish large
        # print twice the narrowest body was 2 px too wide, and one column scrolled.
        beside = max(group.minimumSizeHint().width() for group in later)
        if scroller.minimum_width() + GAP + beside > space.width():
            return
        self._row.addLayout(self.columns[1], 1)
        for group in later:
            self.columns[0].removeWidget(group)
            self.columns[1].insertWidget(self.columns[1].count() - 1, group)
        dialog.resize(min(space.width(), 2 * dialog.width()), dialog.height())
        self.balance(scroller)
        scroller.fit_body()
        height = min(dialog.height(), scroller.body.minimumHeight() + chrome)
        dialog.resize(dialog.width(), height)  # no room left empty under the columns
        keep_inside(dialog)  # placed at its one-column width: grown rightwards, off the screen

    def balance(self, scroller: DialogBody) -> None:
        """Share the columns' width so that the taller is as short as it can be: in halves at
        1366 x 768 in Spanish large print the pain limit's advice took thirteen lines, its
        column 25 px taller than the dialog, the Look group cut, 50 px empty under the first
        column; 4 px more, twelve lines, and both fit."""
        if not self.two:
            return
        margins = self._body.contentsMargins()
        width = scroller.viewport().width() - margins.left() - margins.right() - GAP
        left, right = (_groups(column) for column in self.columns)
        low = max(group.minimumSizeHint().width() for group in left)
        high = width - max(group.minimumSizeHint().width() for group in right)
        if low > high:
            return
        # The first column gets shorter as it widens and the second taller: the first width
        # at which the first is no taller than the second, or the one before it.
        start = low
        low += bisect_left(
            range(low, high), True, key=lambda w: _tall(left, w) <= _tall(right, width - w)
        )
        tries = {max(start, low - 1), low}
        best = min(tries, key=lambda w: (max(_tall(left, w), _tall(right, width - w)), -w))
        for group in right:
            group.setMinimumWidth(width - best)


def _groups(column: QVBoxLayout) -> list[QWidget]:
    items = (column.itemAt(i) for i in range(column.count()))
    return [w for item in items if item is not None and (w := item.widget()) is not None]


def _tall(groups: list[QWidget], width: int) -> int:
    return sum(group.heightForWidth(width) for group in groups)
