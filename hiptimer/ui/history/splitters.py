"""The history window's splitters: parts that keep their least size, and a table beside what
goes with it or above it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter

from hiptimer.ui.history.views import RowsTable


class Splitter(QSplitter):
    """A QSplitter whose smallest size follows its parts' as they change (the heading taking
    more lines for a longer routine title): QSplitter takes in a part's new size itself, but
    never tells the layout it sits in, which kept the size it first had and squeezed the
    parts (its LayoutRequest only recalculates itself: QSplitter::event in
    https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/widgets/qsplitter.cpp). Children
    cannot be dragged to nothing either. Signals: QSplitter's.
    """

    def __init__(self, orientation: Qt.Orientation) -> None:
        super().__init__(orientation)
        self.setChildrenCollapsible(False)  # a part dragged to nothing is hard to find

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return handled


class SideOrUnder(Splitter):
    """A table beside what goes with it where the table fits there, else that part under it:
    the sets table beside the note needed 942 px at 1024 x 768 in large print and had 631,
    and scrolled sideways to the pain. Beside, the table gets the room to read whole where
    the other part keeps its least (else all but that: it cuts its words); the window's own
    layout decides the splitter's width, so it is measured again on each resize.
    Signals: QSplitter's.
    """

    def __init__(self, table: RowsTable) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self._table = table

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def arrange(self) -> None:
        """Beside or under, by the table's least width (call again once it is measured)."""
        second = self.widget(1)
        if second is None:
            return
        table_needs = self._table.least_width()
        room = self.width() - self.handleWidth()
        other = second.minimumSizeHint().width()
        beside = table_needs + other <= room
        wanted = Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical
        if self.orientation() != wanted:
            self.setOrientation(wanted)
        first = min(room - other, self._table.whole_width())
        if beside and self.sizes()[0] < first:
            self.setSizes([first, room - first])
