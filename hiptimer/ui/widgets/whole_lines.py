"""A read-only text view whose bottom edge never cuts a line: it ends above the line it would."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QTextBrowser, QWidget


class WholeLinesBrowser(QTextBrowser):
    """A QTextBrowser that shows whole lines only, wherever it is scrolled to and at any size.

    Its rich text has lines of many heights (headings, table rows with padding), so no one
    height fits whole lines; instead the view's bottom margin hides the line its bottom edge
    would cut (the F1 window opened with a line cut through its letters), as a notice's
    details do with their one line height (services/notice_bar.py).
    Signals: only QTextBrowser's.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hidden = 0  # px of the view under its last whole line
        # Its lines wrap at the view's width, so nothing is there to scroll to sideways; but a
        # new bottom margin (_fit) as the vertical bar came up left the sideways bar's range
        # at the width before it (604 px of 590 at 640 x 480), a bar under the last line.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fitting = False
        self.verticalScrollBar().valueChanged.connect(self._fit)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._fitting:
            return  # a new margin moves the scroll bar's range: once is enough
        self._fitting = True
        try:
            for _ in range(4):  # a smaller margin can pull the scroll bar back: fit again there
                cut = self._cut(self.viewport().height() + self._hidden)
                if cut == self._hidden:
                    break
                self._hidden = cut
                self.setViewportMargins(0, 0, 0, cut)
            wide = math.ceil(self.document().size().width()) - self.viewport().width()
            self.horizontalScrollBar().setRange(0, max(0, wide))  # no sideways keys either
        finally:
            self._fitting = False

    def _cut(self, room: int) -> int:
        """How far above `room` px of view the lines its bottom edge runs through begin (and
        those the edge then runs through: a table's cells side by side start apart)."""
        top = self.verticalScrollBar().value()
        bottom: float = top + room
        lines = self._lines_near(bottom)
        while cut := [y for y, height in lines if y < bottom < y + height and y > top]:
            bottom = min(cut)
        return top + room - math.floor(bottom)

    def _lines_near(self, bottom: float) -> list[tuple[float, float]]:
        """Each line's top and height (document px), of the blocks up to `bottom`."""
        layout = self.document().documentLayout()
        found = []
        block = self.document().begin()
        while block.isValid():
            top = layout.blockBoundingRect(block).top()
            if top > bottom:
                break
            lines = block.layout()
            for i in range(lines.lineCount()):
                line = lines.lineAt(i)
                found.append((top + line.y(), line.height()))
            block = block.next()
        return found
