"""Tables that keep room for their rows: on a short screen in large print, never a sliver."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QTableView, QTableWidget


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


class LineKeptTable(QTableWidget):
    """A QTableWidget whose smallest size shows its header and a line of its text (in the
    type size in use, which may follow the window): the layout then takes room from its
    neighbours instead of squeezing the table to a line of nothing."""

    def minimumSizeHint(self) -> QSize:
        tall = _around(self, self.fontMetrics().height())
        return super().minimumSizeHint().expandedTo(QSize(0, tall))
