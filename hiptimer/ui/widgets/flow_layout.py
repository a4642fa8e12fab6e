"""A layout that lines its widgets up left to right and starts a new row when one is full."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QWidget, QWidgetItem

if TYPE_CHECKING:  # the library's page loads this module: no event class before its list's paint
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QResizeEvent


class ItemsLayout(QLayout):
    """A layout whose height follows its width, its items kept in a Python list and made in
    Python (addWidget says why), placed by `_arrange`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addWidget(self, widget: QWidget) -> None:
        """As QLayout::addWidget, but with an item made here, in Python.

        Why: PySide's ownership bookkeeping for layouts (addLayoutOwnership, run by addLayout
        and by every `itemAt` called from Python,
        https://code.qt.io/cgit/pyside/pyside-setup.git/tree/sources/pyside6/PySide6/glue/qtwidgets.cpp)
        ties the Python wrapper of a C++-made item to other wrappers, and when one of those is
        invalidated the item's is too, though the item lives on. After a screen-reader check
        walked the window's layouts, deleting a get-ready step row left the session summary's
        buttons row raising "Internal C++ object (QWidgetItem) already deleted" at every
        layout pass. A wrapper made in Python is marked deleted only when its item really is
        (a widget deleted: Qt takes its item out through takeAt and deletes it).
        """
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in `rect` if `move`; the height they take."""
        raise NotImplementedError


class FlowLayout(ItemsLayout):
    """Widgets in rows, as words in a paragraph: a narrow window (a 1024 px laptop, large
    print) gets two rows of filters instead of a row that runs off its edge.

    After Qt's Flow Layout example (https://doc.qt.io/qt-6/qtwidgets-layouts-flowlayout-example.html).
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        spacing: int = 8,
        *,
        align: str = "left",
        row_spacing: int | None = None,
    ) -> None:
        """`align`: where each row sits, "left", "center" or "right"; `row_spacing`: the gap
        between rows, if not `spacing`."""
        super().__init__(parent)
        self._gap = spacing
        self._row_gap = row_spacing
        self._align = align

    def setSpacing(self, spacing: int) -> None:
        """The gap between widgets in a row (and between the rows, unless set apart)."""
        self._gap = spacing
        self.invalidate()

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def sizeHint(self) -> QSize:
        """One row of everything."""
        width = sum(item.sizeHint().width() for item in self._items)
        width += self._gap * max(0, len(self._items) - 1)
        height = max((item.sizeHint().height() for item in self._items), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """As wide as the widest widget: everything else can go to another row."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _shift(self, row: list[tuple[QLayoutItem, QPoint, QSize]], inner: QRect) -> int:
        """How far right a row moves for its alignment."""
        if not row or self._align == "left":
            return 0
        _last, at, hint = row[-1]
        free = inner.right() + 1 - (at.x() + hint.width())
        return max(0, free if self._align == "right" else free // 2)

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        inner = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, row_height = inner.x(), inner.y(), 0
        rows: list[list[tuple[QLayoutItem, QPoint, QSize]]] = [[]]
        for item in self._items:
            if item.isEmpty():
                continue
            hint = _in_row(item, inner.width())
            if x > inner.x() and x + hint.width() > inner.right() + 1:
                x, y = (
                    inner.x(),
                    y + row_height + (self._gap if self._row_gap is None else self._row_gap),
                )
                row_height = 0
                rows.append([])
            rows[-1].append((item, QPoint(x, y), hint))
            x += hint.width() + self._gap
            row_height = max(row_height, hint.height())
        if move:
            for row in rows:
                tallest = max((hint.height() for _item, _at, hint in row), default=0)
                shift = self._shift(row, inner)
                for item, at, hint in row:
                    # Centred in the row's height: a label beside a taller button lines up.
                    top = at.y() + (tallest - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(at.x() + shift, top), hint))
        return y + row_height - rect.y() + m.bottom()


def _in_row(item: QLayoutItem, width: int) -> QSize:
    """An item's size in a row `width` wide: its one-line size, or where that is wider than
    the row and its lines wrap (or it may be as narrow: a box of names), the row's width and
    its lines' height there. Else the weekly plan's "Horas de silencio: ninguna pausa activa
    desde las" (651 px in large print) ran past a 640 x 480 screen's edge, on a row of its own."""
    hint = item.sizeHint()
    if hint.width() <= width or width <= 0:
        return hint
    if not item.hasHeightForWidth():
        # As narrow as the row where it can be (a names box cut in its middle: 640 x 480)
        return QSize(width, hint.height()) if item.minimumSize().width() <= width else hint
    return QSize(width, item.heightForWidth(width))


class FlowRow(QWidget):
    """A FlowLayout's widgets in a widget that always has the height its rows need.

    Why: in a window's column of layouts the rows were squeezed to nothing under Xvfb when
    the history window's Adherence tab (a wrapped summary line: height-for-width) was first
    shown after the Pain tab, and the tab bar was drawn over the filters. A box layout may
    give a height-for-width item less than it asks for; an explicit minimum height it keeps
    (QWidgetItem bounds the height-for-width by it), so the row sets its own at each width.
    """

    def __init__(self, flow: FlowLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayout(flow)
        self._flow = flow

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(event.size().width())

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == event.Type.LayoutRequest:  # a widget in it changed its size
            self._fit(self.width())
        return handled

    def _fit(self, width: int) -> None:
        needed = self._flow.heightForWidth(width)
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)


def together(parent: QWidget, *widgets: QWidget) -> QWidget:
    """Widgets in a row of their own that a FlowLayout never breaks."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    for widget in widgets:
        layout.addWidget(widget)
    return row
