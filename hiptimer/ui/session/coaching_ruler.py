"""The coaching panel's height with some steps' words at a size, measured as its labels lay them out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from hiptimer.ui.session.coaching_look import caution_style, heading_px, metrics, plain_label
from hiptimer.ui.theme import current, set_exact_px, text_scale

SPACING = 6  # between the panel's rows
# Heights remembered (a few hundred bytes each): a long step paged through in large print at
# 1024 x 600 asks ~1,600; 512 were forgotten a dozen times in one such test, and re-measured.
MEASURES_KEPT = 2048


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
        or not, the heading and the caution as `shape` has them: the sum of its parts' heights,
        each remembered on its own: a step's next part comes with a new heading ("part 2 of
        5"), and the whole panel kept as one measure had every step's words measured again
        at each size under it (9,093 measures in a large-print test at 1024 x 600, 1,584 now)."""
        look = (shape.font, current().name, text_scale())
        left, top, right, bottom = shape.margins
        width = shape.width - left - right
        parts = []
        if shape.steps:  # the heading, measured as a label lays it out (fonts' height is 1 short)
            parts.append(self._words_height(look, heading_px(px), shape.heading, width, True))
        # the widest a number is shown (when read)
        number_w = metrics(font, px, True).horizontalAdvance(f"{shape.steps}.") + 12
        text_w = width - number_w - 2 * shape.pad - SPACING
        for text in texts:
            parts.append(self._words_height(look, px, text, text_w, bold) + 2 * shape.pad)
        if shape.caution:
            parts.append(self._caution_height(look, px, shape.caution, width))
        return sum(parts) + SPACING * max(0, len(parts) - 1) + top + bottom

    def _kept(self, key: tuple[object, ...], measure: Callable[[], int]) -> int:
        if key not in self._heights:
            if len(self._heights) > MEASURES_KEPT:
                self._heights.clear()
            self._heights[key] = measure()
        return self._heights[key]

    def _words_height(
        self, look: tuple[object, ...], px: float, text: str, width: int, bold: bool
    ) -> int:
        """The height of `text` word-wrapped to `width`, in bold or not."""

        def measure() -> int:
            set_exact_px(self._words, px, bold=bold)
            self._words.setText(text)
            return self._words.heightForWidth(max(1, width))

        # by the whole pixels set_exact_px gives (the heading's 28.8 and 28.0 are one size)
        return self._kept(("words", *look, max(8, int(px)), text, width, bold), measure)

    def _caution_height(self, look: tuple[object, ...], px: float, text: str, width: int) -> int:
        """The caution's height in its box (its style sheet's border and padding) at `width`."""

        def measure() -> int:
            set_exact_px(self._caution, px, bold=True)
            self._caution.setText(text)
            self._caution.ensurePolished()  # its style sheet's border and padding
            return self._caution.heightForWidth(max(1, width))

        key = ("caution", *look, self._caution.styleSheet(), max(8, int(px)), text, width)
        return self._kept(key, measure)
