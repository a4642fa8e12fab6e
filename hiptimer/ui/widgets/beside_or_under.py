"""A layout of words and what answers them: beside the words where both fit, else under them."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QLayoutItem, QWidget

from hiptimer.ui.widgets.flow_layout import ItemsLayout


def one_line_width(label: QLabel) -> int:
    """How wide `label` is with each of its lines unbroken."""
    metrics, m = label.fontMetrics(), label.contentsMargins()
    widest = max((metrics.horizontalAdvance(line) for line in label.text().split("\n")), default=0)
    return widest + m.left() + m.right() + 2 * label.margin()


def widest_word(label: QLabel) -> int:
    """How wide the widest of `label`'s words is (no-break spaces join words into one)."""
    m = label.contentsMargins()
    words = label.text().replace("\n", " ").split(" ")
    widest = max((label.fontMetrics().horizontalAdvance(w) for w in words), default=0)
    return widest + m.left() + m.right() + 2 * label.margin()


class BesideOrUnder(ItemsLayout):
    """A label's words and a part that answers them (a suggestion card's dose, and Accept and
    Not now): the part beside the words where they read on one line with a line's height of
    air before it (or, `wrapped_beside`, in lines no taller than it), else under them from the
    words' side. Why: at 640 px the dose wrapped against Accept, its last word a few pixels from
    the button.

    Signals: none.
    """

    def __init__(
        self,
        words: QLabel,
        answer: QWidget,
        parent: QWidget,
        spacing: int = 6,
        *,
        wrapped_beside: bool = False,
    ) -> None:
        """`wrapped_beside`: the words may also take more lines beside the answer, as long as
        they are no taller than it (the library's key hint beside Start)."""
        super().__init__(parent)
        self._words = words
        self._gap = spacing
        self._wrapped_beside = wrapped_beside
        super().addWidget(words)
        super().addWidget(answer)

    def addItem(self, item: QLayoutItem) -> None:
        if len(self._items) >= 2:
            raise TypeError("BesideOrUnder holds its two widgets only")
        super().addItem(item)

    def invalidate(self) -> None:
        """Forget its sizes, and have the layout it is in ask its holder's height again: a
        label's font change reached this layout but not the holder's cached height for a
        width, and at 640 x 480 in large print Start, put under the hint as the library's
        fonts shrank, kept the height it had beside it, cut in half."""
        super().invalidate()
        holder = self.parentWidget()
        if holder is not None:
            holder.updateGeometry()

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def beside(self, width: int) -> bool:
        """Whether the answer goes beside the words at `width` (the layout's inner width)."""
        if len(self._items) < 2 or self._items[1].isEmpty():
            return False
        answer = self._items[1].sizeHint()
        room = width - self._words.fontMetrics().height() - answer.width()  # a line's air
        if one_line_width(self._words) <= room:
            return True
        # (QLabel's height for a width passes over a word wider than the width: it is cut.)
        return (
            self._wrapped_beside
            and widest_word(self._words) <= room
            and self._words.heightForWidth(room) <= answer.height()
        )

    def sizeHint(self) -> QSize:
        """Side by side, the words on one line."""
        width = one_line_width(self._words) + self._words.fontMetrics().height()
        if len(self._items) == 2 and not self._items[1].isEmpty():
            width += self._items[1].sizeHint().width()
        m = self.contentsMargins()
        inner = QSize(width, self.heightForWidth(width + m.left() + m.right()))
        return inner + QSize(m.left() + m.right(), 0)

    def minimumSize(self) -> QSize:
        """As wide as the wider part's least: the answer goes under the words."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(QSize(item.minimumSize().width(), 0))
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        inner = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        if len(self._items) < 2:  # a part deleted, with its card
            return 0
        words, answer = self._items
        shown = not answer.isEmpty()
        hint = answer.sizeHint()
        if shown and self.beside(inner.width()):
            room = inner.width() - hint.width() - self._words.fontMetrics().height()
            tall = max(words.heightForWidth(room), hint.height())
            parts = [
                (words, QRect(inner.x(), inner.y(), room, tall)),
                (answer, QRect(inner.right() + 1 - hint.width(), inner.y(), hint.width(), tall)),
            ]
        else:
            tall = words.heightForWidth(inner.width()) if not words.isEmpty() else 0
            parts = [(words, QRect(inner.x(), inner.y(), inner.width(), tall))]
            if shown:  # under the words, from their side
                below = answer.heightForWidth(inner.width()) if answer.hasHeightForWidth() else -1
                below = below if below > 0 else hint.height()
                top = inner.y() + tall + (self._gap if tall else 0)
                parts.append(
                    (answer, QRect(inner.x(), top, min(hint.width(), inner.width()), below))
                )
                tall = top - inner.y() + below
        if move:
            for item, place in parts:
                item.setGeometry(visual_rect(self._words.layoutDirection(), inner, place))
        return tall + m.top() + m.bottom()


def visual_rect(direction: Qt.LayoutDirection, bound: QRect, logical: QRect) -> QRect:
    """`logical` in `bound`, mirrored in a right-to-left layout: QStyle.visualRect's sum.

    Why not QStyle's: its Python class, made at the first use of the name, costs ~50 M
    instructions of enums, and the library's key hint is laid out by this class before its
    list is painted (docs/performance.md, session 22).
    """
    if direction == Qt.LayoutDirection.LeftToRight:
        return logical
    return logical.translated(
        2 * (bound.right() - logical.right()) + logical.width() - bound.width(), 0
    )
