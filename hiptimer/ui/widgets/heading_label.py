"""A name of any length as a heading read from across a room: on up to three lines before it
gets small (an exercise's name may have 120 characters)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from hiptimer.ui.widgets.fit_label import REFERENCE_PX, FitLabel

NAME_LINES = 3  # 120 characters in three lines are about 30 px on a 1024 x 768 screen


class HeadingLabel(FitLabel):
    """A FitLabel whose words may take up to `most_lines` lines, broken between words into
    lines of about one length, where that gives them a larger size than fewer lines do. With
    set_readable it asks for the height its lines need at a readable size, so that a long
    name wraps before it shrinks below that (one line of 111 characters was 17 px).

    `text()` stays whole; shown_lines() are the lines drawn. Signals: none.
    """

    _whole = ""  # set before FitLabel's __init__ can fit
    _most = 1
    _readable_px = 0.0
    _least_height = 0

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        most_lines: int = NAME_LINES,
        height_share: float = 0.9,
    ) -> None:
        super().__init__("", parent, height_share=height_share)
        self._most = most_lines
        self.setText(text)

    def text(self) -> str:
        return self._whole

    def setText(self, text: str) -> None:
        if text != self._whole:
            self._whole = text
            self._ask_height()
            self._fit()

    def shown_lines(self) -> list[str]:
        return QLabel.text(self).split("\n")

    def set_readable(self, px: float, least_height: int) -> None:
        """Ask for the height of the lines (up to `most_lines`) the words need at `px`, and
        never less than `least_height`."""
        self._readable_px, self._least_height = px, least_height
        self._ask_height()

    def set_most_lines(self, most: int) -> None:
        """The lines the words may take from now on."""
        if most != self._most:
            self._most = most
            self._ask_height()
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.size().width() != event.oldSize().width():
            self._ask_height()  # the lines the words need at this width
        super().resizeEvent(event)

    def _ask_height(self) -> None:
        need = self._least_height
        words = self._whole.split()
        if self._readable_px > 0 and words:
            metrics = self.reference_metrics()
            room = self._room()[0] * REFERENCE_PX / self._readable_px  # at the reference size
            lines = greedy_lines(_advances(metrics, words), metrics.horizontalAdvance(" "), room)
            shown = min(self._most, len(lines))
            line_px = metrics.height() * self._readable_px / REFERENCE_PX
            if shown > 1:  # one line keeps the height it had (and shrinks, as before)
                need = max(need, math.ceil(shown * line_px / self._height_share))
        if need != self.minimumHeight():
            self.setMinimumHeight(need)

    def _fit(self) -> None:
        words = self._whole.split()
        if len(words) < 2 or self._most < 2:
            QLabel.setText(self, self._whole)
            super()._fit()
            return
        metrics = self.reference_metrics()
        advances, space = _advances(metrics, words), metrics.horizontalAdvance(" ")
        best: list[str] = []
        best_px = -1
        for count in range(1, min(self._most, len(words)) + 1):
            lines = [" ".join(words[a:b]) for a, b in balanced_lines(advances, space, count)]
            px = self._size_for(lines)
            if px > best_px:  # fewer lines where more are no larger
                best, best_px = lines, px
        shown = "\n".join(best)
        if QLabel.text(self) != shown:
            QLabel.setText(self, shown)
        self._set_px(best_px)


def _advances(metrics: QFontMetricsF, words: Sequence[str]) -> list[float]:
    return [metrics.horizontalAdvance(word) for word in words]


def greedy_lines(advances: Sequence[float], space: float, room: float) -> list[tuple[int, int]]:
    """Words of these widths as lines no wider than `room` (a word wider than it alone on
    its line), filled in turn as a word processor fills them: (first, end) word indexes."""
    lines: list[tuple[int, int]] = []
    start, width = 0, 0.0
    for i, advance in enumerate(advances):
        if i > start and width + space + advance > room:
            lines.append((start, i))
            start, width = i, advance
        else:
            width = advance if i == start else width + space + advance
    if advances:
        lines.append((start, len(advances)))
    return lines


def balanced_lines(advances: Sequence[float], space: float, count: int) -> list[tuple[int, int]]:
    """The words on at most `count` lines, the widest of them as narrow as it can be: two
    lines of about one length, not a full one and a word alone."""
    low = max(advances)  # no line is narrower than its widest word
    high = sum(advances) + space * (len(advances) - 1)  # one line
    for _ in range(40):  # to well under a pixel at the reference size
        middle = (low + high) / 2
        if len(greedy_lines(advances, space, middle)) <= count:
            high = middle
        else:
            low = middle
    return greedy_lines(advances, space, high)
