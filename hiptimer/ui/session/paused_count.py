"""The huge count, and how it looks paused: dimmed, a pause sign drawn beside or over its digits."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
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
# Beside the digits unless that makes them smaller than this share of their size; then over
# them where the height leaves the sign this share of theirs at least (beside the steps at
# 640 x 480 in Spanish large print the get-ready's "43" went from 68 px to 50 px beside it).
KEEP_SIZE = 0.9
LEAST_OVER = 0.4


def sign_width(ink_height: float) -> float:
    """The pause sign's width, with the room after it, for digits of this ink height."""
    return ink_height * (SIGN_HEIGHT * (2 * BAR + GAP) + SPACE)


class CountLabel(FitLabel):
    """A huge number that shows a pause: its digits in the look's dimmer paused colour, two
    bars painted beside them (or over them, where only that keeps the digits' size) in the
    paused phase's accent.

    From the mat a paused count looked like one that had stopped by itself: white, as large
    as ever, only the band above it saying PAUSED (a switch of sides "stuck at 5")."""

    def __init__(self, parent: QWidget, *, template: str) -> None:
        super().__init__("", parent, template=template, height_share=0.86, tight=True)
        self._paused = False
        self._signed = True  # the sign drawn too, or the digits dimmed alone
        self._beside = True  # where the sign goes: beside the digits, or over them

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def sign_over(self) -> bool:
        return self._showing() and not self._beside

    def set_paused(self, paused: bool, *, sign: bool = True) -> None:
        """Paused: dimmed, with the sign (`sign`) or without; resumed: as before, at once."""
        if (paused, sign) != (self._paused, self._signed):
            self._paused, self._signed = paused, sign
            self._fit()  # the digits give the sign its room where the width is short
            self.update()

    def _dimmed(self) -> bool:
        return self._paused and bool(self.text())

    def _showing(self) -> bool:
        """Whether the sign is drawn."""
        return self._dimmed() and self._signed

    def reserved_width(self, metrics: QFontMetricsF) -> float:
        beside = self._showing() and self._beside
        return sign_width(digit_ink(metrics).height()) if beside else 0.0

    def _size_for(self, lines: list[str]) -> int:
        self._beside = True
        beside = super()._size_for(lines)
        if not self._showing():
            return beside
        self._beside = False
        alone = super()._size_for(lines)  # the digits' size with no sign beside them
        if beside >= KEEP_SIZE * alone or self._room_over(alone) < LEAST_OVER:
            self._beside = True
            return beside
        return alone

    def _room_over(self, px: int) -> float:
        """The sign's height over digits of `px` pixels, as a share of theirs."""
        ink = digit_ink(QFontMetricsF(self._font_at(px))).height()
        free = self.contentsRect().height() * 0.96 - ink * (1 + SPACE)
        return min(free / max(ink, 1.0), SIGN_HEIGHT)

    def _font_at(self, px: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(1, px))
        return font

    def sign_rect(self) -> QRectF:
        """Where the sign is drawn (empty when it is not): for tests and the paint."""
        return self._placed()[0] if self._showing() else QRectF()

    def digits_rect(self) -> QRectF:
        """The digits' ink as drawn paused (for tests: the sign never over a digit)."""
        if not self._dimmed():
            return QRectF()
        metrics = QFontMetricsF(self.font())
        origin = self._placed()[1]
        ink = metrics.tightBoundingRect(self.text())
        return ink.translated(origin)

    def _placed(self) -> tuple[QRectF, QPointF]:
        """The sign's box and the digits' baseline origin, as a group centred in the label."""
        metrics = QFontMetricsF(self.font())
        ink = digit_ink(metrics)
        box = QRectF(self.contentsRect())
        advance = metrics.horizontalAdvance(self.text())
        baseline = box.top() + (box.height() - metrics.height()) / 2 + metrics.ascent()
        if not self._showing():  # dimmed alone, where the label would draw it
            return QRectF(), QPointF(box.center().x() - advance / 2, baseline)
        if not self._beside:
            height = min(self._room_over(self.font().pixelSize()), SIGN_HEIGHT) * ink.height()
            width = height * (2 * BAR + GAP)
            whole = height + SPACE * ink.height() + ink.height()
            top = box.center().y() - whole / 2
            sign = QRectF(box.center().x() - width / 2, top, width, height)
            baseline = top + whole - ink.bottom()
            return sign, QPointF(box.center().x() - advance / 2, baseline)
        whole = sign_width(ink.height()) + advance
        left = box.center().x() - whole / 2
        height = ink.height() * SIGN_HEIGHT
        width = height * (2 * BAR + GAP)
        top = baseline + ink.top() + (ink.height() - height) / 2
        if self.layoutDirection() is Qt.LayoutDirection.RightToLeft:
            return QRectF(left + whole - width, top, width, height), QPointF(left, baseline)
        return QRectF(left, top, width, height), QPointF(left + whole - advance, baseline)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._dimmed():
            super().paintEvent(event)
            return
        sign, origin = self._placed()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        painter.setPen(QColor(current().paused_count))
        painter.drawText(origin, self.text())
        if sign.isEmpty():  # dimmed alone
            painter.end()
            return
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
