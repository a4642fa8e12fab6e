"""A drop-down of names shown cut in their middle, so that what ends them (a side) still shows."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget


class NamesBox(QComboBox):
    """A QComboBox whose names too long for it are cut in the middle with "…", in the box
    and in its list: "Knee-to-wall distance, measu…ong (right)". Qt's box clipped them at
    its edge, so the right and left sides of one long test read the same. It asks to be as
    wide as its longest name (sizeHint), and shrinks to its minimumSizeHint where the row
    has less room: as wide as fit_names' characters, it cut a name with room beside it.

    Signals: those of QComboBox.
    """

    def __init__(self, parent: QWidget | None = None, *, grows: bool = True) -> None:
        super().__init__(parent)
        # grows=False: QComboBox's size hint, for a row that wraps (a FlowLayout gives each
        # widget its size hint, however wide: a long name would scroll the row sideways).
        self._grows = grows
        self.view().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        for changed in (self.model().rowsInserted, self.model().rowsRemoved):
            changed.connect(self.updateGeometry)
        self.model().modelReset.connect(self.updateGeometry)

    def minimumSizeHint(self) -> QSize:
        """Half the room of its fit_names characters less, at least: a long name cut in its
        middle still reads, where at 640 x 480 in large print the Pain and dose tab's
        "Ejercicio" beside a box of 24 characters (631 px) scrolled the tab sideways."""
        hint = super().minimumSizeHint()
        half = self.minimumContentsLength() * self.fontMetrics().horizontalAdvance("x") // 2
        return QSize(max(hint.width() - half, 0), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if not self._grows:
            return hint
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.rect = QRect(QPoint(0, 0), hint)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        # In fractions of a pixel, rounded up: a name 217.3 px wide, measured as 217, was cut
        # by its last letters in a box of 217 ("No sides (or…th together)" at 1280 px).
        metrics = QFontMetricsF(self.font())
        widest = math.ceil(
            max(
                (metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())),
                default=0,
            )
        )
        return QSize(hint.width() + max(0, widest - field.width()), hint.height())

    def _option(self) -> tuple[QStyleOptionComboBox, int]:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        return option, field.width()

    def shown_text(self) -> str:
        """The chosen name as the box draws it."""
        option, room = self._option()
        return self._cut(option.currentText, room)

    def _cut(self, name: str, room: int) -> str:
        return self.fontMetrics().elidedText(name, Qt.TextElideMode.ElideMiddle, room)

    def paintEvent(self, event: QPaintEvent) -> None:
        # QComboBox.paintEvent, with the text cut to the field first.
        painter = QStylePainter(self)
        option, room = self._option()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self._cut(option.currentText, room)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
