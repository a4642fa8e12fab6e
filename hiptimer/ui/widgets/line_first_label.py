"""A word-wrapped label that asks for one line's width: it wraps only where it is squeezed."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel


class LineFirstLabel(QLabel):
    """Word-wrapped text whose preferred width is its text on one line.

    Why: QLabel with word wrap prefers a width of its own guess (sizeForWidth in
    https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/widgets/qlabel.cpp), so beside a
    stretching neighbour (the row's error label) it got 115 px and
    the editor's "s  (blank: the routine's 15 s)" wrapped with 700 px free beside it. Asking
    for the one-line width lets a layout give it that wherever the row has room, and still
    wrap it (its minimum stays QLabel's) where the row is narrow.
    """

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        extra = margins.left() + margins.right() + 2 * self.margin()
        one_line = self.fontMetrics().horizontalAdvance(self.text()) + extra
        if one_line <= hint.width():
            return hint
        return QSize(one_line, self.heightForWidth(one_line))
