"""The library details' heading, the routine's title, on at most two lines where a smaller size does it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import (
    QFont,
    QFontInfo,
    QFontMetrics,
    QTextBlock,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser

MOST_LINES = 2
H2_SCALE = 1.5  # Qt's size for <h2> (x-large): 32 px over 21 px words


class HeadingFit(QObject):
    """Makes the details' first block, a heading (h2), smaller where at its own size it would
    take more than MOST_LINES lines, never below the body text's size: at 640 px in large
    print "Básicos para la estenosis de canal" took three lines of a 271-px pane. It looks
    again when the document, the pane's width or its text size changes.

    Signals: none of its own.
    """

    def __init__(self, browser: QTextBrowser) -> None:
        super().__init__(browser)
        self._browser = browser
        self._fitting = False
        self._fitted: tuple[int, int] = (-1, -1)  # the width and words' size fitted for
        browser.document().contentsChanged.connect(self.fit)
        browser.viewport().installEventFilter(self)
        browser.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            room = (self._browser.viewport().width(), self._browser.font().pixelSize())
            if room != self._fitted:
                self.fit()
        return False

    def fit(self) -> None:
        """Fit again until the width stays: a smaller title can take the scroll bar away
        (or need it), which changes the width while it is fitted."""
        for _ in range(3):
            if self._fitting or not self._fit_once():
                return
            if self._fitted == (self._browser.viewport().width(), self._browser.font().pixelSize()):
                return

    def _fit_once(self) -> bool:
        doc = self._browser.document()
        block = doc.firstBlock()
        if block.blockFormat().headingLevel() != 2 or not block.text():
            return False
        self._fitting = True
        try:
            width, least = self._browser.viewport().width(), self._browser.font().pixelSize()
            self._fitted = (width, least)
            least = least if least > 0 else QFontInfo(self._browser.font()).pixelSize()
            font = QFont(self._browser.font())
            font.setBold(True)
            room = int(width - 2 * doc.documentMargin())
            px = int(least * H2_SCALE + 0.5)
            while px > least and _lines(font, px, block.text(), room) > MOST_LINES:
                px -= 1
            self._set_px(block, px)
            # The document's own lines, where they break otherwise than the measure's.
            while px > least and _laid_out(block) > MOST_LINES:
                px -= 1
                self._set_px(block, px)
        finally:
            self._fitting = False
        return True

    def _set_px(self, block: QTextBlock, px: int) -> None:
        """The block's words at `px`: an exact size in place of h2's "x-large", which would
        win over it (the title is one run of bold words, so one format does)."""
        cursor = QTextCursor(self._browser.document())
        cursor.setPosition(block.position())
        cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        words = block.begin().fragment().charFormat()
        words.clearProperty(QTextFormat.Property.FontSizeAdjustment)
        words.setProperty(QTextFormat.Property.FontPixelSize, px)
        cursor.setCharFormat(words)


def _laid_out(block: QTextBlock) -> int:
    """The lines the document gave the block, 0 before it lays it out: not forced here, as
    that would lay out every exercise's row at each routine chosen (the measure alone then,
    and the document's lines at the next fit)."""
    return block.layout().lineCount()


def _lines(font: QFont, px: int, text: str, width: int) -> int:
    """How many lines `text` takes, wrapped at its spaces in `width`, at `px`."""
    font.setPixelSize(px)
    metrics = QFontMetrics(font)
    flags = Qt.TextFlag.TextWordWrap
    height = metrics.boundingRect(QRect(0, 0, max(1, width), 10**6), flags, text).height()
    return max(1, round(height / metrics.lineSpacing()))
