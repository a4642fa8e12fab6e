"""A box layout that tells its widget when it was resized, as a resizeEvent override would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QVBoxLayout, QWidget


class ResizeLayout(QVBoxLayout):
    """`resized()` runs after each new size of `parent` is laid out (what Qt does just before
    it sends the widget its Resize event).

    Why not resizeEvent: the first event that reaches a Python override makes PySide build
    QEvent's Python class, 16.7 M instructions, and a page shown at start-up was resized
    before the library's list could be painted (docs/performance.md, session 22).
    """

    def __init__(self, parent: QWidget, resized: Callable[[], None]) -> None:
        super().__init__(parent)
        self._resized = resized
        self._size = QSize()  # the size last told: not again when only the contents changed

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        size = rect.size()
        if size != self._size:
            self._size = size
            self._resized()
