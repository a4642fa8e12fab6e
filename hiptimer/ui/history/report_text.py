"""Text fitted to a width in the report: words wrapped to lines, and a chart's title whole."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from hiptimer.ui.widgets.plain import LONG_WORD, letters
from hiptimer.ui.widgets.wrapped_cells import widest_level

TITLE_SHRINK_PT = (0, 0.5, 1)  # a title a little smaller rather than on two lines


def wrap(text: str, fm: QFontMetricsF, width: float) -> list[str]:
    """The text in lines that fit `width` as drawn (words measured, never cut); a word wider
    than the line and longer than LONG_WORD letters is broken between its letters, as the
    window breaks one (breakable()): given a line of its own, a name of one long word ran
    past its cell, its chart or the page and was cut there (user20)."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        # Not split(): it takes a no-break space for a space ("0\u00a0%" in Spanish broke).
        for word in _units(re.split(r"[ \t]+", para.strip(" \t")), fm, width):
            joined = f"{line} {word}" if line else word
            if line and fm.horizontalAdvance(joined) > width:
                lines.append(line)
                line = word
            else:
                line = joined
            while (
                len(word) > LONG_WORD  # as the window: a shorter word is never broken
                and fm.horizontalAdvance(line) > width
                and len(parts := letters(line)) > 1
            ):
                fits = _letters_that_fit(parts, fm, width)
                lines.append("".join(parts[:fits]))
                line = "".join(parts[fits:])
        lines.append(line)
    return lines


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ENDING = re.compile(r"\d+(?:[.,]\d+)*[,;.)]?")  # a number with no word after it: "2," "3"


def _units(words: list[str], fm: QFontMetricsF, width: float) -> list[str]:
    """`words`, each number joined to the word after it, then each arrow to what follows it,
    where they fit a line: a dose change read "3 repeticiones → 4" over "repeticiones" (user23),
    where the history window keeps a number with its unit."""
    with_units = _joined(words, lambda unit: bool(_NUMBER.fullmatch(unit)), fm, width)
    with_arrows = _joined(with_units, lambda unit: unit == "\u2192", fm, width)
    # A number with no word after it (the last, or ending in a comma) stays with the word
    # before it: the Spanish sessions table's morning read "dolor 2, rigidez" over "2".
    out: list[str] = []
    for i, unit in enumerate(with_arrows):
        ending = _ENDING.fullmatch(unit) and (i == len(with_arrows) - 1 or unit[-1] in ",;.)")
        if out and ending and fm.horizontalAdvance(pair := f"{out[-1]} {unit}") <= width:
            out[-1] = pair
        else:
            out.append(unit)
    return out


def _joined(
    units: list[str], leads: Callable[[str], bool], fm: QFontMetricsF, width: float
) -> list[str]:
    """`units`, each one that `leads` joined to the next where the two fit `width`."""
    out: list[str] = []
    for unit in units:
        if out and leads(out[-1]) and fm.horizontalAdvance(pair := f"{out[-1]} {unit}") <= width:
            out[-1] = pair
        else:
            out.append(unit)
    return out


def _letters_that_fit(parts: list[str], fm: QFontMetricsF, width: float) -> int:
    """How many of the first `parts` fit `width` (at least one, never all), by bisection: a
    hostile note may be one word of thousands of letters."""

    def fits(count: int) -> bool:
        return fm.horizontalAdvance("".join(parts[:count])) <= width

    return max(1, widest_level(fits, len(parts) - 1))


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
