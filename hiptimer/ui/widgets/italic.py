"""Italic where the italic face draws the text's letters, upright where it would draw boxes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QLabel


def italic_where_drawn(label: QLabel) -> None:
    """Make `label` italic, unless its italic face draws fewer of its letters than upright.

    Why: for a script the font lacks, Qt takes the fallback font's italic face even where that
    face lacks the script: DejaVu Sans Oblique has no Arabic (DejaVu Sans has), so an exercise
    named in Arabic was boxes in the italic caption (the same in Qt's WebKit:
    https://github.com/wkhtmltopdf/wkhtmltopdf/issues/4688; DejaVu's faces:
    https://github.com/linebender/parley/issues/96). Arabic has no italic anyway.
    """
    text = label.text()
    font = label.font()
    italic = text.isascii() or _boxes(text, font, italic=True) <= _boxes(text, font, italic=False)
    if font.italic() != italic:
        font = QFont(font)
        font.setItalic(italic)
        label.setFont(font)


def _boxes(text: str, font: QFont, *, italic: bool) -> int:
    """How many characters of `text` have no glyph (glyph 0, drawn as a box) in `font`."""
    font = QFont(font)
    font.setItalic(italic)
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()  # one line of the whole text: only the glyphs matter
    layout.endLayout()
    return sum(list(run.glyphIndexes()).count(0) for run in layout.glyphRuns())
