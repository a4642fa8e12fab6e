"""A label whose font grows to fill its space: the huge numbers read from across a room."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

REFERENCE_PX = 100.0


class FitLabel(QLabel):
    """Text scaled to the largest pixel size that fits the label's width and height.

    `template` fixes the width the size is computed for ("0:00"), so the number does not
    jump in size as it counts down; text wider than the template shrinks to fit.
    With `tight`, the height that must fit is the ink of the text rather than the font's
    whole line (ascent and descent): digits then fill the label, which matters for the
    countdown read from across a room.
    """

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        template: str = "",
        bold: bool = True,
        height_share: float = 0.9,
        max_px: int = 2000,
        min_px: int = 10,
        tight: bool = False,
    ) -> None:
        super().__init__(text, parent)
        self._template = template
        self._tight = tight
        self._height_share = height_share
        self._max_px = max_px
        self._min_px = min_px
        font = self.font()
        font.setBold(bold)
        self.setFont(font)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)  # names from routines are not markup
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(20, 20)

    def setText(self, text: str) -> None:
        if text != self.text():
            super().setText(text)
            self._fit()

    @property
    def template(self) -> str:
        return self._template

    def set_template(self, template: str) -> None:
        if template != self._template:
            self._template = template
            self._fit()

    def set_height_share(self, share: float, *, tight: bool = False) -> None:
        """The share of the label's height the text (with `tight`, its ink) may fill."""
        if (share, tight) != (self._height_share, self._tight):
            self._height_share, self._tight = share, tight
            self._fit()

    def sizeHint(self) -> QSize:
        return QSize(200, 60)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Setting a style sheet (a coloured pill, a banner) resets the widget's font to the
        # style sheet's, losing the fitted size: fit again.
        if event.type() == QEvent.Type.StyleChange:
            self._fit()

    def pixel_size(self) -> int:
        return self.font().pixelSize()

    def _fit(self) -> None:
        self._set_px(self._size_for((self.text() or " ").split("\n")))

    def _room(self) -> tuple[float, float]:
        """The width and height the text may fill, in pixels."""
        box = self.contentsRect()
        return max(1.0, box.width() * 0.96), max(1.0, box.height() * self._height_share)

    def reference_metrics(self) -> QFontMetricsF:
        """The label's font's metrics at REFERENCE_PX: every size is these scaled."""
        probe = QFont(self.font())
        probe.setPixelSize(int(REFERENCE_PX))
        return QFontMetricsF(probe)

    def _size_for(self, lines: list[str]) -> int:
        """The largest pixel size at which `lines` fit the label's width and height."""
        width, height = self._room()
        metrics = self.reference_metrics()
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        if self._template:
            widest = max(widest, metrics.horizontalAdvance(self._template))
        widest += self.reserved_width(metrics)
        by_width = width / max(widest, 1.0) * REFERENCE_PX
        line_height = metrics.height()
        if self._tight and len(lines) == 1:
            ink = metrics.tightBoundingRect(self._template or lines[0]).height()
            line_height = max(ink, line_height * 0.5)
        by_height = height / (line_height * len(lines)) * REFERENCE_PX
        return int(max(self._min_px, min(self._max_px, by_width, by_height)))

    def reserved_width(self, metrics: QFontMetricsF) -> float:
        """Room beside the text that a subclass draws in, at the `metrics` size (none here)."""
        return 0.0

    def height_for(self, px: float) -> int:
        """The least height at which one line of the template shows at `px` pixels."""
        metrics = self.reference_metrics()
        line_height = metrics.height()
        if self._tight:
            ink = metrics.tightBoundingRect(self._template or self.text() or "0").height()
            line_height = max(ink, line_height * 0.5)
        margins = self.contentsMargins()
        pad = margins.top() + margins.bottom()
        return math.ceil(px / REFERENCE_PX * line_height / self._height_share) + pad

    def _set_px(self, size: int) -> None:
        if size != self.font().pixelSize():
            font = QFont(self.font())
            font.setPixelSize(size)
            self.setFont(font)
