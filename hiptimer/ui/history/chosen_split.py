"""The history's sessions tab split between the list and the chosen session, which scrolls in
its own part so that its heading and first sets show on a short screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from hiptimer.ui.history.splitters import Splitter
from hiptimer.ui.history.views import RowsTable
from hiptimer.ui.widgets.dialog_body import DialogBody
from hiptimer.ui.widgets.wrapped_label import WrappedLabel

LINES_LEAST = 3  # the chosen session's part is never dragged below this many lines
FIRST_LINES = 3  # of the first set, on the first screen (the lines of a taller row follow)
# Of the list's chosen row, shown whole on the first screen: a session ended early, its
# routine on four lines beside "1 de 5 series hechas" (Spanish, 150 %, 1024 x 600, on a day
# whose date is wider: "mar 8 dic" for "lun 7 dic") showed two, and the filters stayed open.
ROW_LINES = 4


def first_lines(table: QTableView, row: int = 0, whole_lines: int = FIRST_LINES) -> int:
    """The height of the table's first row (or `row`) of up to `whole_lines` lines, or of the
    first lines of a taller one (a long exercise's name on ten lines at 800 x 600)."""
    one, line = table.verticalHeader().defaultSectionSize(), table.fontMetrics().lineSpacing()
    if table.model().rowCount() <= row:
        return one
    tall = table.rowHeight(row)
    # A row of `whole_lines` lines whole (with fit_rows' padding); a taller one, its first
    # FIRST_LINES - 1: the tour's routine on seven lines above its exercise on ten, 800 x 600.
    whole = tall <= one + (whole_lines - 1) * line + line // 2
    return tall if whole else one + (FIRST_LINES - 2) * line


class Heading(WrappedLabel):
    """The chosen session's heading, as tall as its lines at its width, no taller: QLabel's
    own size hint, measured at a width of its choosing, left a line's gap under two lines
    (and kept four lines' room for three), which the first set needed at 800 x 600.

    Signals: none.
    """

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        lines = self.heightForWidth(self.width()) if self.width() > 0 else -1
        return QSize(hint.width(), lines) if lines > 0 else hint


class ChosenBody(QWidget):
    """What the chosen session's part holds, as tall as its least size (its wrapped labels
    set their own: WrappedLabel) where the part is shorter: measured by height-for-width,
    the sets and note took their size hints' room, and the note's Save went 140 px lower.

    Signals: none.
    """

    def hasHeightForWidth(self) -> bool:
        return False

    def heightForWidth(self, _width: int) -> int:
        # QScrollArea asks its widget's layout, not the widget, whether it has one.
        return self.minimumSizeHint().height()


class ChosenPart(DialogBody):
    """The chosen session's heading, sets and note, scrolling down within this part where it
    is shorter than they are (the note below the sets at 800 x 600 in large print), its
    control given the focus scrolled into view (DialogBody). As wide as they need: a tab
    narrower than that scrolls sideways as a whole.

    Signals: none of its own.
    """

    def __init__(self, body: QWidget, sets: RowsTable) -> None:
        super().__init__(body)
        self.setObjectName("chosen-session")
        # The window's own background through both, as the tab's page (page.py).
        body.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)
        self._sets = sets

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimum_width(), self.fontMetrics().lineSpacing() * LINES_LEAST)

    def first_screen(self) -> int:
        """How tall this part must be to show the heading and the first set without
        scrolling (its header and first row, or one line's room where it has none)."""
        layout = self.body.layout()
        if layout is not None:
            layout.activate()
        sets = self._sets
        top = sets.mapTo(self.body, QPoint(0, 0)).y()
        header: QHeaderView = sets.horizontalHeader()
        return top + header.height() + first_lines(sets) + 2 * sets.frameWidth()


class ListAndChosen(Splitter):
    """The sessions list above the chosen session. As it is shown or resized, the chosen
    session gets the height its heading and first set need, or half, and the whole of it
    where the list keeps its rows all the same; the list gets the rest, at least its header
    and a row. Dragged by the user, it keeps the chosen session's `share` of its height, at
    every size, for the next start too (split_kept.py).

    Signals: QSplitter's; cramped() where, placed, the chosen session's heading and first
    set do not show whole (its rows grew taller once fitted: the window may fold filters).
    """

    cramped = Signal()

    def __init__(self, sessions: RowsTable, upper: QWidget, chosen: ChosenPart) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self._list, self._chosen = sessions, chosen
        self.addWidget(upper)
        self.addWidget(chosen)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 1)
        self.placed_by_user = False
        self.share: float | None = None  # the chosen session's, as the user dragged it
        self._again = False  # a second placing is waiting
        self.splitterMoved.connect(self._moved)

    def _moved(self) -> None:
        self.placed_by_user = True
        whole = sum(self.sizes())
        if whole > 0:
            self.share = round(self.sizes()[1] / whole, 3)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        whole = self.height() - self.handleWidth()
        if self.share is not None and whole > 0:
            chosen = round(whole * self.share)
            self.setSizes([whole - chosen, chosen])  # (each no smaller than its least)
            self.placed_by_user = True
        elif not self.placed_by_user:
            self.place()
            # Once the parts are laid out at their new sizes (the heading's lines, the sets'
            # rows at the new widths), again: measured before, the first set showed 11 px.
            self.place_soon()

    def place_now(self) -> None:
        """Place it now and once what changed is laid out, unless the user placed it (or
        the settings kept where they did: the share is put at the next resize)."""
        if not self.placed_by_user and self.share is None:
            self.place()
            self.place_soon()

    def place_soon(self) -> None:
        """Place it once what was changed is laid out (a heading of fewer lines)."""
        if not self._again and not self.placed_by_user:
            self._again = True
            QTimer.singleShot(0, self, self._place_again)

    def _place_again(self) -> None:
        self._again = False
        if not self.placed_by_user:
            self.place()

    def place(self) -> None:
        """Share the height between the list and the chosen session (the class says how)."""
        if self.widget(0) is None:
            return
        total = self.height() - self.handleWidth()
        if total <= 0:
            return
        upper = self._list_first()
        list_kept = self._list.rows_kept_height() + upper - self._list_row()
        whole = self._chosen.body.minimumSizeHint().height()
        chosen = max(
            total // 2,
            min(whole, total - list_kept),
            min(self._chosen.first_screen(), total - upper),
        )
        chosen = max(min(chosen, total - upper), self._chosen.minimumSizeHint().height())
        self.setSizes([total - chosen, chosen])
        if chosen < self._chosen.first_screen():
            self.cramped.emit()

    def _list_row(self) -> int:
        """The list's header and its chosen row (whole up to ROW_LINES lines), framed."""
        sessions = self._list
        row = max(sessions.currentIndex().row(), 0)
        header = sessions.horizontalHeader().height() if sessions.model().rowCount() else 0
        return header + first_lines(sessions, row, ROW_LINES) + 2 * sessions.frameWidth()

    def _list_first(self) -> int:
        """The height of the list's part that shows its header and chosen row: that row
        whole, or its first lines (a row of ten cut at a line, at 1024 x 600 in large print,
        could never be shown whole by scrolling the list)."""
        upper = self.widget(0)
        least = upper.minimumSizeHint().height() if upper is not None else 0
        return max(least, least - self._list.minimumSizeHint().height() + self._list_row())

    def first_screen(self) -> int:
        """The height that shows the list's header and chosen row, and the chosen session's
        heading and first set."""
        return self._list_first() + self.handleWidth() + self._chosen.first_screen()
