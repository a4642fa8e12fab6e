"""Where text is drawn: a name written right to left keeps our words around it in order; the
lines a word-wrapped label breaks its text into."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel


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


def wrapped(label: QLabel, width: int) -> list[str]:
    """The lines `label`'s text wraps into at `width` pixels, as its word wrap lays them out."""
    text = label.text()
    layout = QTextLayout(text, label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines
