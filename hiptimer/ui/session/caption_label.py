"""The words being said, under the countdown: at most a few lines, cut with "…" past them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from hiptimer.ui.widgets.plain import breakable, in_our_direction

# A cue is a short reminder, and each line is taken from the countdown's height: at 1280 x 800
# in large print a fourth line left it half its size. A longer caution read aloud is whole in
# its amber box beside the countdown meanwhile.
MOST_LINES = 3
_ENDS = " .,;:"  # left off before the "…": "rodilla.…" read as two marks


class CaptionLabel(QLabel):
    """A word-wrapped, quoted caption of at most MOST_LINES lines at its width and font.

    Why: a routine file's cue may have 2,000 characters; shown whole, its 25 lines took the
    page's height and the countdown came out at 22 px. The voice says it whole, and a screen
    reader reads it whole (the accessible name); the screen shows what fits, then "…".

    Signals: shown(), once it shows new words (or none).
    """

    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWordWrap(True)
        self._words = ""
        self._fitting = False

    def show_words(self, words: str) -> None:
        """Show `words` (nothing: no caption) in quotes, in our direction."""
        self._words = words
        self.setAccessibleName(_quoted(words) if words else "")
        self._fit()
        self.shown.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the page's size sets it
            self._fit()

    def _fit(self) -> None:
        if self._fitting:
            return
        self._fitting = True
        try:
            self.setText(self._cut(self._words))
        finally:
            self._fitting = False

    def _cut(self, words: str) -> str:
        """The words quoted, cut to the most letters that keep within MOST_LINES lines."""
        whole = _quoted(words) if words else ""
        width = self.width()
        frame = self.height() - self.contentsRect().height()
        most = MOST_LINES * self.fontMetrics().lineSpacing() + frame
        if not words or width <= 0 or self._height(whole, width) <= most:
            return whole
        low, high = 0, len(words)  # low letters fit; high + 1 do not
        while low < high:
            mid = (low + high + 1) // 2
            if self._height(_quoted(words[:mid].rstrip(_ENDS) + "\u2026"), width) <= most:
                low = mid
            else:
                high = mid - 1
        return _quoted(words[:low].rstrip(_ENDS) + "\u2026")

    def _height(self, text: str, width: int) -> int:
        self.setText(text)
        return self.heightForWidth(width)


def _quoted(words: str) -> str:
    return breakable(in_our_direction(f"\u201c{words}\u201d"))
