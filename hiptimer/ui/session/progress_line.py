"""The workout's progress bar with the session's time left: beside the bar, or above it where
beside it would leave the bar less than half the row (large print: "17:30 left after this set")."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hiptimer.ui.session.workout_notes import SoundOff
from hiptimer.ui.widgets.plain import plain
from hiptimer.ui.widgets.progress_bar import ProgressBar

BAR_SHARE = 0.5  # the bar keeps at least this share of the row, or the words go above it


class ProgressLine(QWidget):
    """The progress bar, the time left and, while muted, the "Sound off" pill before them.

    Signals: none; it shows what the page tells it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sound_off = SoundOff(self)  # muted: seen from the mat, beside the time left
        self.progress = ProgressBar(self)  # one a screen reader does not read out as it moves
        self.time_left = QLabel("", self)
        plain(self.time_left)
        lines = QVBoxLayout(self)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(4)
        self._words, self._bar = QHBoxLayout(), QHBoxLayout()
        lines.addLayout(self._words)
        lines.addLayout(self._bar)
        self._words.addWidget(self.sound_off)
        self._words.addWidget(self.progress, 5)
        self._words.addWidget(self.time_left, 1)
        self._above = False
        for words in (self.sound_off, self.time_left):
            words.installEventFilter(self)  # their size changes with the text size, or muting

    def show_left(self, text: str) -> None:
        """The session's time left ("17:30 left after this set")."""
        if text != self.time_left.text():
            self.time_left.setText(text)
            self._arrange()

    def show_progress(self, fraction: float) -> None:
        self.progress.set_fraction(fraction)

    @property
    def above(self) -> bool:
        """Whether the words are above the bar (for tests)."""
        return self._above

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        changes = (QEvent.Type.FontChange, QEvent.Type.ShowToParent, QEvent.Type.HideToParent)
        if event.type() in changes:
            self._arrange()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """The words beside the bar while it keeps half the row; above it, right-aligned, else."""
        gap = max(0, self._words.spacing())
        words = self.time_left.sizeHint().width() + gap
        if not self.sound_off.isHidden():
            words += self.sound_off.sizeHint().width() + gap
        above = words > self.width() * (1 - BAR_SHARE)
        if above == self._above:
            return
        self._above = above
        self._words.removeWidget(self.progress)
        self._bar.removeWidget(self.progress)
        if above:
            self._bar.addWidget(self.progress)
        else:
            self._words.insertWidget(1, self.progress, 5)
        right = Qt.AlignmentFlag.AlignRight if above else Qt.AlignmentFlag.AlignLeft
        self.time_left.setAlignment(right | Qt.AlignmentFlag.AlignVCenter)
        self.updateGeometry()  # one line or two: the page lays out again
