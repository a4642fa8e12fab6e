"""The history window's pages, tables and note field, which keep room for what they show."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QWidget,
)

from hiptimer.ui.history.models import SessionsModel, SetsModel
from hiptimer.ui.widgets.dialog_body import DialogBody
from hiptimer.ui.widgets.table_rows import leave_by_tab, rows_tall

ROWS_KEPT = 3  # a table is never squeezed below its header and this many rows
LINES_KEPT = 3  # nor the note below this many lines
LEGIBLE_CHARS = 12  # a cut column keeps a third of its width, or this many characters


class RowsTable(QTableView):
    """A read-only, row-selecting table that measures column widths on a few rows only.

    Its smallest size shows its header and ROWS_KEPT rows (in the text size in use): on a
    short screen in large print the window scrolls rather than crush a table to a sliver.
    """

    def __init__(self, model: SessionsModel | SetsModel) -> None:
        super().__init__()
        self._rows = model
        self.setModel(model)
        leave_by_tab(self)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setResizeContentsPrecision(40)  # ten years of rows would be measured otherwise
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._natural: list[int] = []  # the widths fit_columns measured, before squeezing

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint().expandedTo(QSize(0, rows_tall(self, ROWS_KEPT)))

    def fit_columns(self) -> None:
        """Size the columns to the rows shown now (measured on a few), each time they change:
        sized once, on the newest session's short rows, the session chosen next read "6/1…"
        for "6/10 (was 7)". Where the columns are wider than the view, the model's flexible
        columns of words give up room (_squeeze_to_view). The last stretches to the view's
        edge; one not flexible counts only its title (the sets' adjustments, long prose,
        cut first)."""
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        last = header.count() - 1
        self._natural = [
            0 if header.isSectionHidden(c) else header.sectionSize(c) for c in range(last + 1)
        ]
        if last not in self._rows.flexible:
            self._natural[last] = header.sectionSizeHint(last)
        self._squeeze_to_view()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._squeeze_to_view()

    def _squeeze_to_view(self) -> None:
        """Cut the widest flexible columns to one width, as far as the view needs, each down
        to a third of its width (LEGIBLE_CHARS at most) or its title: the numbers and dates
        stay whole, and only a view narrower than all that scrolls (the sessions'
        completion, measured whole, once pushed the note out of sight at 1280 x 800)."""
        if not self._natural:
            return
        header = self.horizontalHeader()
        flexible = [c for c in self._rows.flexible if self._natural[c]]
        legible = self.fontMetrics().averageCharWidth() * LEGIBLE_CHARS
        floors = {
            c: max(min(self._natural[c] // 3, legible), header.sectionSizeHint(c)) for c in flexible
        }

        def widths(level: int) -> dict[int, int]:
            return {c: max(floors[c], min(self._natural[c], level)) for c in flexible}

        fixed = sum(self._natural) - sum(self._natural[c] for c in flexible)
        room = self.viewport().width() - fixed
        level = max(self._natural, default=0)
        low = 0  # the widest level at which the flexible columns fit, by bisection
        while low < level:
            mid = (low + level + 1) // 2
            low, level = (mid, level) if sum(widths(mid).values()) <= room else (low, mid - 1)
        for c, width in widths(low).items():
            header.resizeSection(c, width)


class NoteEdit(QPlainTextEdit):
    """The session's note: never less than LINES_KEPT lines tall, and left with Tab (a tab
    typed into it trapped the keyboard there: Tab and Shift+Tab never left it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def minimumSizeHint(self) -> QSize:
        lines = self.fontMetrics().lineSpacing() * LINES_KEPT
        tall = lines + 2 * (self.frameWidth() + round(self.document().documentMargin()))
        return super().minimumSizeHint().expandedTo(QSize(0, tall))


class Page(DialogBody):
    """A tab's page that scrolls, either way, where the window is smaller than the page's
    smallest size (1024 x 600 in large print): its tables, note and charts keep their room
    instead of being squeezed over one another. Where the window has room, no scroll bar.

    Signals: none of its own.
    """

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(page, parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # The window's own background through both (QScrollArea.setWidget fills the page
        # with the palette's, light in the dark theme).
        page.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)


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
