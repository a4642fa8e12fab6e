"""The coaching panel's height with some steps' words at a size, measured as its labels lay them out."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from hiptimer.ui.session.coaching_look import caution_style, heading_px, metrics, plain_label
from hiptimer.ui.theme import current, set_exact_px, text_scale

SPACING = 6  # between the panel's rows
MEASURES_KEPT = 512  # heights remembered (a few hundred bytes each)


@dataclass(frozen=True)
class Shape:
    """What of the panel its height depends on, besides the steps' words, size and weight."""

    width: int  # the panel's, its margins included
    margins: tuple[int, int, int, int]  # left, top, right, bottom
    font: str  # the panel's font's key
    heading: str  # on one line above the steps, where it has steps
    steps: int  # how many the exercise has: the widest number's room
    pad: int  # inside a step's row, around its words
    caution: str  # in its box below the steps, where it has one


class Ruler:
    """Two hidden labels of the panel, the steps' words and the caution laid out as theirs are,
    and the heights measured, by everything they depend on: each fit tries sizes from the
    largest down, and fitted again at each resize and at each step read aloud, the same
    measures came back (a quarter of a session page's CPU in the tests)."""

    def __init__(self, panel: QWidget) -> None:
        self._heights: dict[tuple[object, ...], int] = {}
        # QFontMetrics' wrapping left out the line spacing of QLabel's text layout, 2 px a
        # line, and rows came out short.
        self._words = plain_label(panel)
        self._words.hide()
        # QLabel's height for a width counts the caution's border twice over (the frame, and
        # the style sheet's margins), a line more than the words alone at some widths, and the
        # screen-fit check measures it so.
        self._caution = plain_label(panel)
        self._caution.setStyleSheet(caution_style())
        self._caution.hide()

    def height(
        self, font: QFont, shape: Shape, px: float, texts: tuple[str, ...], bold: bool
    ) -> int:
        """The panel's height with these steps' texts (as their labels show them), in bold
        or not, the heading and the caution as `shape` has them."""
        key = (shape, px, texts, bold, current().name, text_scale(), self._caution.styleSheet())
        if key not in self._heights:
            if len(self._heights) > MEASURES_KEPT:
                self._heights.clear()
            self._heights[key] = self._measure(font, shape, px, texts, bold)
        return self._heights[key]

    def _measure(
        self, font: QFont, shape: Shape, px: float, texts: tuple[str, ...], bold_steps: bool
    ) -> int:
        left, top, right, bottom = shape.margins
        width = shape.width - left - right
        parts = []
        if shape.steps:  # the heading, measured as a label lays it out (fonts' height is 1 short)
            parts.append(self._wrapped_height(heading_px(px), shape.heading, width))
        # the widest a number is shown (when read)
        number_w = metrics(font, px, True).horizontalAdvance(f"{shape.steps}.") + 12
        for text in texts:
            text_w = width - number_w - 2 * shape.pad - SPACING
            parts.append(self._wrapped_height(px, text, text_w, bold_steps) + 2 * shape.pad)
        if shape.caution:
            set_exact_px(self._caution, px, bold=True)
            self._caution.setText(shape.caution)
            self._caution.ensurePolished()  # its style sheet's border and padding
            parts.append(self._caution.heightForWidth(max(1, width)))
        return sum(parts) + SPACING * max(0, len(parts) - 1) + top + bottom

    def _wrapped_height(self, px: float, text: str, width: int, bold: bool = True) -> int:
        """The height of `text` word-wrapped to `width`, in bold (the widest a step is shown)."""
        set_exact_px(self._words, px, bold=bold)
        self._words.setText(text)
        return self._words.heightForWidth(max(1, width))
