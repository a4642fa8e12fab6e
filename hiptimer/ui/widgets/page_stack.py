"""A stack of pages whose minimum is that of the page it shows, not of its largest."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedLayout


class ShownPageStack(QStackedLayout):
    """A QStackedLayout that can shrink to what its current page needs.

    Qt's own minimum is the largest of every page's, shown or not
    (https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/kernel/qstackedlayout.cpp,
    QStackedLayout::minimumSize): in large print on a 1024 x 768 screen the hidden pain
    question (368 px high) held the workout's countdown at that height, and the buttons'
    second row went past the window's edge. The size hint stays the largest page's, so that
    the page around does not change its look each time the pain question comes and goes.
    """

    def __init__(self) -> None:
        super().__init__()
        # Another page, another minimum: the layout above asks again.
        self.currentChanged.connect(self.invalidate)

    def minimumSize(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint().expandedTo(page.minimumSize()) if page else QSize(0, 0)
