"""Where a line of text is drawn: for checks that a name written right to left keeps our words
around it in order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption


def drawn_x(text: str, part: str) -> float:
    """Where `part` of a one-line `text` is drawn, left to right (the label's direction); for
    a part written right to left, its right edge, where it starts."""
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(10_000)
    layout.endLayout()
    return float(layout.lineAt(0).cursorToX(text.index(part))[0])  # type: ignore[index]
