"""A name of any length as a heading read from across a room: on up to three lines before it
gets small (an exercise's name may have 120 characters)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from hiptimer.ui.widgets.fit_label import REFERENCE_PX, FitLabel
from hiptimer.ui.widgets.plain import LONG_WORD, letters

NAME_LINES = 3  # 120 characters in three lines are about 30 px on a 1024 x 768 screen


class HeadingLabel(FitLabel):
    """A FitLabel whose words may take up to `most_lines` lines, broken between words into
    lines of about one length, where that gives them a larger size than fewer lines do; a
    word longer than LONG_WORD characters is broken between its letters where whole it would
    be smaller than the readable size (a name of one 119-letter word was 10 px on one line). With
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
            advances = _advances(metrics, words)
            if self._most > 1 and max(advances) > room and _has_long_word(words):
                words = _pieces(words)  # a word wider than the line breaks between letters
                advances = _advances(metrics, words)
            lines = greedy_lines(advances, _gaps(metrics, words), room)
            shown = min(self._most, len(lines))
            line_px = metrics.height() * self._readable_px / REFERENCE_PX
            if shown > 1:  # one line keeps the height it had (and shrinks, as before)
                need = max(need, math.ceil(shown * line_px / self._height_share))
        if need != self.minimumHeight():
            self.setMinimumHeight(need)

    def _fit(self) -> None:
        words = self._whole.split()
        long_word = self._most > 1 and _has_long_word(words)
        if (len(words) < 2 and not long_word) or self._most < 2:
            QLabel.setText(self, self._whole)
            super()._fit()
            return
        best, best_px = self._best_lines(words)
        if long_word and best_px < (self._readable_px or math.inf):
            broken, broken_px = self._best_lines(_pieces(words))
            if broken_px > best_px:  # whole words first: a long one breaks only to be read
                best, best_px = broken, broken_px
        shown = "\n".join(best)
        if QLabel.text(self) != shown:
            QLabel.setText(self, shown)
        self._set_px(best_px)

    def _best_lines(self, words: Sequence[str]) -> tuple[list[str], int]:
        """The words on the lines (up to `most_lines`) that give them the largest size."""
        metrics = self.reference_metrics()
        advances, gaps = _advances(metrics, words), _gaps(metrics, words)
        best: list[str] = []
        best_px = -1
        for count in range(1, min(self._most, len(words)) + 1):
            lines = [_joined(words[a:b]) for a, b in balanced_lines(advances, gaps, count)]
            px = self._size_for(lines)
            if px > best_px:  # fewer lines where more are no larger
                best, best_px = lines, px
        return best, best_px


def _advances(metrics: QFontMetricsF, words: Sequence[str]) -> list[float]:
    return [metrics.horizontalAdvance(word.lstrip(_GLUE)) for word in words]


_GLUE = "\0"  # marks a piece of a word that follows the one before it without a space (NUL:
# no routine text may hold one)


def _has_long_word(words: Sequence[str]) -> bool:
    return any(len(word) > LONG_WORD for word in words)


def _pieces(words: Sequence[str]) -> list[str]:
    """The words, each longer than LONG_WORD characters as its letters, each letter after its
    word's first marked to follow it without a space (as plain.breakable lets Qt break it)."""
    pieces: list[str] = []
    for word in words:
        if len(word) > LONG_WORD:
            first, *rest = letters(word)
            pieces += [first, *(_GLUE + letter for letter in rest)]
        else:
            pieces.append(word)
    return pieces


def _gaps(metrics: QFontMetricsF, words: Sequence[str]) -> list[float]:
    """The room before each word when it follows another on its line: a space, or none."""
    space = metrics.horizontalAdvance(" ")
    return [0.0 if word.startswith(_GLUE) else space for word in words]


def _joined(words: Sequence[str]) -> str:
    return "".join(w[1:] if w.startswith(_GLUE) else " " + w for w in words).removeprefix(" ")


def greedy_lines(
    advances: Sequence[float], space: float | Sequence[float], room: float
) -> list[tuple[int, int]]:
    """Words of these widths as lines no wider than `room` (a word wider than it alone on
    its line), filled in turn as a word processor fills them: (first, end) word indexes.
    `space` is the room before a word that follows another, or that room for each word."""
    gaps = [space] * len(advances) if isinstance(space, (int, float)) else space
    lines: list[tuple[int, int]] = []
    start, width = 0, 0.0
    for i, advance in enumerate(advances):
        if i > start and width + gaps[i] + advance > room:
            lines.append((start, i))
            start, width = i, advance
        else:
            width = advance if i == start else width + gaps[i] + advance
    if advances:
        lines.append((start, len(advances)))
    return lines


def balanced_lines(
    advances: Sequence[float], space: float | Sequence[float], count: int
) -> list[tuple[int, int]]:
    """The words on at most `count` lines, the widest of them as narrow as it can be: two
    lines of about one length, not a full one and a word alone."""
    gaps = [space] * len(advances) if isinstance(space, (int, float)) else space
    low = max(advances)  # no line is narrower than its widest word
    high = sum(advances) + sum(gaps[1:])  # one line
    for _ in range(40):  # to well under a pixel at the reference size
        middle = (low + high) / 2
        if len(greedy_lines(advances, gaps, middle)) <= count:
            high = middle
        else:
            low = middle
    return greedy_lines(advances, gaps, high)
