"""Text fitted to a width in the report: words wrapped to lines, and a chart's title whole."""

from __future__ import annotations

import re

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

TITLE_SHRINK_PT = (0, 0.5, 1)  # a title a little smaller rather than on two lines


def wrap(text: str, fm: QFontMetricsF, width: float) -> list[str]:
    """The text in lines that fit `width` as drawn (words measured, never cut); a word wider
    than the line gets a line of its own (and only then is cut, when drawn)."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        # Not split(): it takes a no-break space for a space ("0\u00a0%" in Spanish broke).
        for word in re.split(r"[ \t]+", para.strip(" \t")):
            joined = f"{line} {word}" if line else word
            if line and fm.horizontalAdvance(joined) > width:
                lines.append(line)
                line = word
            else:
                line = joined
        lines.append(line)
    return lines


def fit_title(p: QPainter, title: str, width: float) -> tuple[QFont, list[str], float]:
    """A chart's title in the painter's font, whole: up to 1 pt smaller when that keeps it on
    one line, else wrapped at that size. The font, the lines and their height. (Elided, a long
    name lost what told it apart: 'Rotación lateral del tronco (caída de …'.)"""
    f = QFont(p.font())
    points = f.pointSizeF()
    for less in TITLE_SHRINK_PT:
        f.setPointSizeF(points - less)
        fm = QFontMetricsF(f, p.device())
        if fm.horizontalAdvance(title) <= width:
            break
    lines = wrap(title, fm, width)
    return f, lines, fm.height() * len(lines)


def draw_title(p: QPainter, rect: QRectF, title: str) -> None:
    """The title at the top of `rect`, whole (fit_title)."""
    f, lines, height = fit_title(p, title, rect.width())
    p.save()
    p.setFont(f)
    line_h = height / len(lines)
    for i, line in enumerate(lines):
        box = QRectF(rect.left(), rect.top() + i * line_h, rect.width(), line_h)
        p.drawText(box, Qt.AlignmentFlag.AlignLeft, line)
    p.restore()
