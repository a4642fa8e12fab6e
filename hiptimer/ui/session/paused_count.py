"""The huge count, and how it looks paused: dimmed, a pause sign drawn beside its digits."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from hiptimer.ui.theme import Phase, current, style_for
from hiptimer.ui.widgets.fit_label import FitLabel

# Of the digits' ink height: the sign's height, and of that its bars' width and the gap
# between them; then the room between the sign and the digits. Drawn, not a font's glyph
# ("⏸" is missing from many fonts, and a reader would say its name).
SIGN_HEIGHT = 0.8
BAR = 0.24
GAP = 0.2
SPACE = 0.22


def sign_width(ink_height: float) -> float:
    """The pause sign's width, with the room after it, for digits of this ink height."""
    return ink_height * (SIGN_HEIGHT * (2 * BAR + GAP) + SPACE)


class CountLabel(FitLabel):
    """A huge number that shows a pause: its digits in the look's dimmer paused colour, two
    bars painted before them in the paused phase's accent, both sized to fit the label.

    From the mat a paused count looked like one that had stopped by itself: white, as large
    as ever, only the band above it saying PAUSED (a switch of sides "stuck at 5")."""

    def __init__(self, parent: QWidget, *, template: str) -> None:
        super().__init__("", parent, template=template, height_share=0.86, tight=True)
        self._paused = False

    @property
    def paused(self) -> bool:
        return self._paused

    def set_paused(self, paused: bool) -> None:
        """Paused: dimmed, the sign beside; resumed: as before, at once."""
        if paused != self._paused:
            self._paused = paused
            self._fit()  # the digits give the sign its room where the width is short
            self.update()

    def reserved_width(self, metrics: QFontMetricsF) -> float:
        return sign_width(digit_ink(metrics).height()) if self._paused and self.text() else 0.0

    def sign_rect(self) -> QRectF:
        """Where the sign is drawn (empty when it is not): for tests and the paint."""
        if not (self._paused and self.text()):
            return QRectF()
        metrics = QFontMetricsF(self.font())
        ink = digit_ink(metrics)
        box = QRectF(self.contentsRect())
        whole = sign_width(ink.height()) + metrics.horizontalAdvance(self.text())
        left = box.center().x() - whole / 2
        baseline = box.top() + (box.height() - metrics.height()) / 2 + metrics.ascent()
        height = ink.height() * SIGN_HEIGHT
        top = baseline + ink.top() + (ink.height() - height) / 2
        width = height * (2 * BAR + GAP)
        if self.layoutDirection() is Qt.LayoutDirection.RightToLeft:
            left += whole - width
        return QRectF(left, top, width, height)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not (self._paused and self.text()):
            super().paintEvent(event)
            return
        sign = self.sign_rect()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        painter.setPen(QColor(current().paused_count))
        metrics = QFontMetricsF(self.font())
        room = sign_width(digit_ink(metrics).height()) - sign.width()
        rtl = self.layoutDirection() is Qt.LayoutDirection.RightToLeft
        digits_left = sign.left() - room - metrics.horizontalAdvance(self.text())
        left = digits_left if rtl else sign.right() + room
        box = QRectF(self.contentsRect())
        words = QRectF(left, box.top(), metrics.horizontalAdvance(self.text()) + 1, box.height())
        painter.drawText(words, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         self.text())  # fmt: skip
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(style_for(Phase.PAUSED).accent))
        bar = sign.height() * BAR
        radius = bar * 0.2
        for x in (sign.left(), sign.right() - bar):
            painter.drawRoundedRect(QRectF(x, sign.top(), bar, sign.height()), radius, radius)
        painter.end()


def digit_ink(metrics: QFontMetricsF) -> QRectF:
    """A digit's ink, from the baseline (its top is negative)."""
    return metrics.tightBoundingRect("0")
