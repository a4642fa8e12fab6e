"""A word-wrapped label that keeps the height of its lines, wherever it is laid out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    """Word-wrapped text whose smallest height is that of its lines at its width.

    Why: a QSplitter (and a QScrollArea) sizes its parts by their smallest size, which for
    a wrapped label is one line; the History heading of three lines in large print then
    took the room of the boxes under it and cut them off. An explicit minimum height is
    kept by every layout, so the label sets its own, as ui/widgets/flow_layout.FlowRow does
    (a splitter asks its parts for no height-for-width: qSmartMinSize in
    https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/kernel/qlayoutengine.cpp).
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        # Given more height than its lines (a minimum set at a narrower width): no gap above.
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(event.size().width())

    def _fit(self, width: int) -> None:
        if width <= 0:
            return
        kept = self.minimumHeight()
        # QLabel measures its lines no shorter than its minimum height (sizeForWidth in
        # https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/widgets/qlabel.cpp): the
        # History heading of four lines kept their room once it had two.
        self.setMinimumHeight(0)
        needed = self.heightForWidth(width)
        self.setMinimumHeight(needed if needed > 0 else kept)
