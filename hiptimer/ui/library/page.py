"""The start screen: the routine library, one routine's details and a big Start button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hiptimer import paths
from hiptimer.i18n import _
from hiptimer.ui.keys import Action
from hiptimer.ui.library.details import details_html
from hiptimer.ui.library.items import Estimate, LibraryItem, same_routine, written_length
from hiptimer.ui.library.labels import start_words
from hiptimer.ui.library.lengths import RowLengths
from hiptimer.ui.library.listing import blank_pictures, listing_html, row_label
from hiptimer.ui.library.row_fitting import ITEM_PADDING_PX, RowFitter
from hiptimer.ui.library.search import ListSearch
from hiptimer.ui.library.suggestions_line import SuggestionsLine
from hiptimer.ui.library.today_label import TodayLabel
from hiptimer.ui.theme import READABLE_PX, current, follow, set_px
from hiptimer.ui.widgets.beside_or_under import BesideOrUnder
from hiptimer.ui.widgets.item_lines import unbroken_items
from hiptimer.ui.widgets.readable import readable_by_keys
from hiptimer.ui.widgets.resize_layout import ResizeLayout
from hiptimer.ui.widgets.steady_text import set_html_steady
from hiptimer.ui.widgets.worded import worded_button

if TYPE_CHECKING:  # the routine model loads with the first routines, after the first paint
    from collections.abc import Callable

    from PySide6.QtCore import QEvent  # (its class: after the list's paint, see ResizeLayout)

    from hiptimer.core.routines.listing_cache import Listing
    from hiptimer.core.routines.model import Routine
    from hiptimer.ui.library.heading_fit import HeadingFit

READING_AT_PX = ITEM_PADDING_PX + 2  # "Reading your routines...": where the first title goes
# What the list's keys do (MainWindow.perform gives them to perform()).
LIST_ACTIONS = frozenset({Action.SELECT_PREVIOUS, Action.SELECT_NEXT, Action.FIND,
                          Action.CLEAR_SEARCH})  # fmt: skip


class LibraryPage(QWidget):
    """Lists the routines; Up/Down choose one, Enter (or the Start button) starts it.

    Signals: start_requested(Routine).
    """

    start_requested = Signal(object)

    def __init__(
        self,
        items: list[LibraryItem] | None,
        parent: QWidget | None = None,
        *,
        estimate: Estimate = written_length,
    ) -> None:
        """`items` None: not read yet (set_items() fills the list); `estimate`: a routine's
        length as the next session will run it (lead-ins included)."""
        super().__init__(parent)
        self.setObjectName("page")
        self.items: list[LibraryItem] = []
        self._labels: list[str] = []  # each item's label, its length included: _fit_labels()
        self._estimate = estimate
        self.lengths = RowLengths(self._relabel)  # a long list's: on a thread of their own
        self.destroyed.connect(self.lengths.stop)  # a page deleted meanwhile is handed none
        self.heading = QLabel(_("Choose a routine"), self)
        self.today = TodayLabel(self)  # the weekly plan's day: routines, marks, the week
        self.list = QListWidget(self)
        self.list.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.list.setAccessibleName(_("Routines"))
        self.list.setAccessibleDescription(_("Up and Down choose one; Enter starts it"))
        self.setFocusProxy(self.list)  # the page's focus: a reader says the routine chosen
        # A long list laid out 100 rows at a time between events: 2,000 rows took 0.1 s at once.
        self.list.setLayoutMode(QListWidget.LayoutMode.Batched)
        self.list.setBatchSize(100)
        self.fitter = RowFitter(self.list)
        # A title too long for the list (Spanish ones run longer) puts its length on a
        # second line (_fit_labels), never behind a sideways scroll bar.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._width_watched = False  # _watch_width(), once the list is filled and painted
        self._drawn: tuple[LibraryItem, dict[str, str]] | None = None  # its pictures, drawn
        self._pictures_later = False  # set_items(pictures_later=True), while it lists them
        self._blank: LibraryItem | None = None  # listed so: its figures wait for draw_pictures
        self.details = QTextBrowser(self)
        self.details.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.details.setAccessibleName(_("About the chosen routine"))
        self.details.setOpenExternalLinks(False)
        readable_by_keys(self.details)  # a reader reads it line by line
        self._heading_fit: HeadingFit | None = None  # made by _fit_heading
        self.start_button = worded_button(start_words(), self)
        self.start_button.setProperty("role", "primary")
        self.start_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.start_button.clicked.connect(self.start_selected)
        self.hint = QLabel(
            unbroken_items(_("\u2191 \u2193 choose  \u00b7  F11 full screen")),
            self,
        )
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)  # its width must not squeeze the list of routines
        self.empty = QLabel(
            _("No routines found in {folder}").format(folder=paths.builtin_routines_dir()), self
        )
        self.empty.setTextFormat(Qt.TextFormat.PlainText)  # a folder's name
        self.empty.setVisible(False)

        self.suggestions = SuggestionsLine(self)  # the chosen routine's, left unanswered
        self._right = QVBoxLayout()
        self._right.addWidget(self.details, 1)
        self._right.addWidget(self.suggestions)
        # The key hint beside Start where it reads on one line, else Start under it: side by
        # side at 640 px (150 %) they took 512 of the page's 592 px and left the list of
        # routines 74, its titles broken between letters ("B / ás / ic / os").
        self._buttons = QWidget(self)
        self._hint_and_start = BesideOrUnder(
            self.hint, self.start_button, self._buttons, spacing=8, wrapped_beside=True
        )
        self._right.addWidget(self._buttons)
        body = QHBoxLayout()
        column = QVBoxLayout()  # the search field (made when first shown) above the list
        column.addWidget(self.list, 1)
        body.addLayout(column, 2)
        tabbed = [self.list, self.details, self.suggestions.button, self.start_button]  # as read
        self.search = ListSearch(self.list, column, tabbed)  # Tab: field, then these
        body.addLayout(self._right, 3)
        self._layout = ResizeLayout(self, self._fit_to_height)  # (not a resizeEvent: its docstring)
        self._layout.setContentsMargins(24, 16, 24, 16)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.today)
        self._layout.addWidget(self.empty)
        self._layout.addLayout(body, 1)
        self.list.currentRowChanged.connect(self._show_details)
        self.list.itemDoubleClicked.connect(lambda _item: self.start_selected())
        self.reading: QLabel | None = None  # in the empty list while the routines are read
        self.read_first: Callable[[], object] | None = None  # listed ahead: set_listing()
        if items is not None:
            self.set_items(items)
        else:
            self.start_button.setEnabled(False)  # nothing to start until the list is read
            # An empty list alone said the routines were gone, for seconds under load or with
            # a large routines folder (issue: the library left empty). Over the list, not in
            # the layout: nothing moves when it goes.
            self.reading = QLabel(_("Reading your routines\u2026"), self.list)
            self.reading.move(READING_AT_PX, READING_AT_PX)
            self.reading.adjustSize()
        follow(self, self._new_look)

    def _new_look(self) -> None:
        """The theme or text size changed: colours and lines as the new look has them."""
        for row, item in enumerate(self.items):
            if item.broken:
                self.list.item(row).setForeground(QColor(current().error))
        self._show_details(self.list.currentRow())
        self._fit_to_height()

    def set_items(self, items: list[LibraryItem], *, pictures_later: bool = False) -> None:
        """List these routines, the first one chosen. `pictures_later` (at start-up): its
        text and Start at once, with room kept for its figures until draw_pictures(); drawing
        them, and loading the code that draws them, took half the time from the first paint
        to a usable library (docs/performance.md, session 20)."""
        row = self.list.currentRow() if self.read_first is not None else 0
        self.items, self.read_first = items, None
        self._pictures_later = pictures_later
        try:
            self._list(items)
        finally:
            self._pictures_later = False
        if row > 0 and row < len(items):  # chosen while listed ahead (a click): kept
            self.list.setCurrentRow(row)

    def _list(self, items: list[LibraryItem]) -> None:
        # Its viewport wrapped as what it is before _fit_labels asks its width (viewport(): 60 M
        # instructions the first time). Not before the first paint.
        from hiptimer.ui.widgets.scroll_viewport import viewport_of

        viewport_of(self.list)
        if self.reading is not None:
            self.reading.hide()
        self.list.clear()
        self.lengths.compute([item.routine for item in items], self._estimate)
        self._labels = [row_label(item, self.lengths.of(row)) for row, item in enumerate(items)]
        for item, label in zip(items, self._labels, strict=True):
            row = QListWidgetItem(label)
            if item.broken:
                row.setForeground(QColor(current().error))
            self.list.addItem(row)
        if self._pictures_later or self._width_watched:  # at start-up: watched once painted
            self._fit_labels()
        else:
            self._watch_width()  # (and fits them)
        self.empty.setVisible(not items)
        self.search.set_items(items)  # as typed so far (a reload), choosing the first match
        if items and self.search.shown is None:
            self.list.setCurrentRow(0)
        elif self.list.currentRow() < 0:
            self._show_details(-1)

    def set_listing(self, listing: Listing, read: Callable[[], object]) -> None:
        """The rows and the first one's details as the last start listed them (listing.py),
        before any file is read, until set_items(): Start calls `read` first (read_first), so
        that what starts is the file as it is then, never the listing."""
        from hiptimer.ui.widgets.scroll_viewport import viewport_of

        viewport_of(self.list)  # (as _list does)
        if self.reading is not None:
            self.reading.hide()
        self.read_first, self.items = read, []
        self._labels = [label for label, _broken in listing.rows]
        for label, broken in listing.rows:
            row = QListWidgetItem(label)
            if broken:
                row.setForeground(QColor(current().error))
            self.list.addItem(row)
        self._fit_labels()
        self.list.setCurrentRow(0)  # (no item to show yet: _show_details waits)
        set_html_steady(self.details, listing_html(listing))
        self.start_button.setEnabled(not listing.rows[0][1])

    def _relabel(self) -> None:
        """Each row's label with the lengths now known."""
        self._labels = [row_label(i, self.lengths.of(row)) for row, i in enumerate(self.items)]
        self._fit_labels()

    def set_estimate(self, estimate: Estimate) -> None:
        """Lengths as the next session will run them, now that the voice is known (a long
        list's on a thread: the rows keep the lengths they show until then)."""
        self._estimate = estimate
        if self.lengths.compute([item.routine for item in self.items], estimate):
            self._relabel()
        # Only the lengths changed: the pictures drawn for this routine are kept (drawing
        # them again took a quarter of the library's build at every start).
        self._show_details(self.list.currentRow(), redraw=False)

    def show_today(self, lines: list[str], week_words: str = "") -> None:
        """Today's plan ("Daily hip stretches at 18:00 \u2014 due") and the week's tally;
        `week_words`: its marks in words (today_label.py)."""
        self.today.show_lines(lines, week_words)

    def _watch_width(self) -> None:
        """Fit the labels to the list's width from now on (once)."""
        if self._width_watched:
            return
        # Its width is known only once laid out; the viewport's, as the list's own resize
        # is seen by a filter before the viewport follows it. Not before the filled list's
        # paint: the filter's first event would make QEvent's class (ResizeLayout says why).
        self._width_watched = True
        self.list.viewport().installEventFilter(self)  # (wrapped by _list: viewport_of)
        self._fit_labels()  # a width that changed before
        self._fit_heading()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list.viewport() and event.type() == event.Type.Resize:
            self._fit_labels()
        return super().eventFilter(watched, event)

    def _fit_labels(self) -> None:
        """Each row's label fitted to the list's width (RowFitter: a long list's between events).
        The labels are made once per list and lengths: resizes only re-fit them."""
        if self._labels:  # (before the first routines: no viewport to wrap yet)
            self.fitter.fit(self._labels)

    @property
    def selected(self) -> LibraryItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def select(self, routine_id: str) -> bool:
        for row, item in enumerate(self.items):
            if item.id == routine_id and not item.broken:
                self._choose(row)
                return True
        return False

    def _choose(self, row: int) -> None:
        """Choose a row, every routine listed again if the search hid it (one saved, opened)."""
        if self.list.isRowHidden(row):
            self.search.clear()
        self.list.setCurrentRow(row)

    def show_routine(self, routine: Routine) -> None:
        """Choose a routine the command line opened. A file the library does not list (one
        opened from elsewhere: `hiptimer my-routine.json`) joins the top of the list, until
        the library is read again, so that what was opened is what is shown and started."""
        for row, item in enumerate(self.items):
            if item.routine is not None and same_routine(item.routine, routine):
                self._choose(row)
                return
        self.set_items([LibraryItem(routine.id, routine.title, routine), *self.items])
        self._choose(0)  # (a search that hides it, cleared)

    def perform(self, action: Action) -> None:
        """One of LIST_ACTIONS: the arrows; Ctrl+F, to the search field; Esc, out of it."""
        if action is Action.FIND:
            if self.isVisible():  # (not from a session's menu)
                self.search.find()
        elif action is Action.CLEAR_SEARCH:
            self.search.clear()
        else:
            self.move_selection(-1 if action is Action.SELECT_PREVIOUS else 1)

    def move_selection(self, step: int) -> None:
        """The routine `step` rows away among those listed (ListSearch.move)."""
        self.search.move(step)

    def starting(self, waits: bool) -> None:
        """While `waits`, Start says the chosen routine is starting (the command line's
        --start, until the voice and the history are ready); a press is not lost meanwhile."""
        self.start_button.setText(_("Starting\u2026") if waits else start_words())

    def start_selected(self) -> None:
        if self.read_first is not None:
            self.read_first()  # (set_items(): the same rows, the routines read from their files)
        item = self.selected
        if item is not None and item.routine is not None:
            self.start_requested.emit(item.routine)

    def _show_details(self, row: int, *, redraw: bool = True) -> None:
        if self.read_first is not None:
            return  # listed ahead: the first row's details, until set_items() chooses `row`
        item = self.items[row] if 0 <= row < len(self.items) else None
        if not redraw and item is not None and self._drawn is not None and self._drawn[0] is item:
            pictures: dict[str, str] | None = self._drawn[1]  # still in the document
        elif self._pictures_later and item is not None and item.routine is not None:
            pictures, self._drawn = blank_pictures(item.routine), None
            self._blank = item  # draw_pictures() draws them
        else:
            pictures = self._pictures(item) if item is not None else None
            self._drawn = (item, pictures) if item is not None and pictures is not None else None
        html_text = details_html(item, self._estimate, pictures) if item is not None else ""
        set_html_steady(self.details, html_text)
        self.start_button.setEnabled(item is not None and not item.broken)

    def _fit_heading(self) -> None:
        """The details' title on two lines, not three (640 px, 150 %), from the filled list's
        paint on, as the list's width: its document and filters, made before, built PySide's
        types of most of Qt before the paint (tests/ui/test_first_usable.py)."""
        if self._heading_fit is None:
            from hiptimer.ui.library.heading_fit import HeadingFit

            self._heading_fit = HeadingFit(self.details)
            self._heading_fit.fit()

    def draw_pictures(self) -> None:
        """Draw the figures that set_items(pictures_later=True) left blank (hiptimer.ui.app:
        once the list is painted), if that routine is still shown and nothing drew them; and
        follow the list's width from now on."""
        self._watch_width()
        item, self._blank = self._blank, None
        if item is not None and self.selected is item and self._drawn is None:
            self._show_details(self.list.currentRow())

    def _pictures(self, item: LibraryItem) -> dict[str, str]:
        if item.routine is None:
            return {}
        from hiptimer.ui.library.pictures import exercise_pictures  # with the first routine

        return exercise_pictures(self.details, item.routine, self.devicePixelRatioF())

    def _fit_to_height(self) -> None:
        """Font sizes that follow the page's height (ResizeLayout: at each new size)."""
        h = max(300, self.height())
        set_px(self.heading, h * 0.05, bold=True)
        # The small words never under READABLE_PX: at 100 % on a 1024 x 600 screen (a page
        # 500 px tall) today's plan and the key hint were 12 px, the details 13.
        set_px(self.today, max(h * 0.024, READABLE_PX))
        set_px(self.list, h * 0.03)
        self.search.fit(h)
        self._fit_labels()
        set_px(self.details, max(h * 0.026, READABLE_PX))
        set_px(self.hint, max(h * 0.024, READABLE_PX))
        set_px(self.start_button, h * 0.04, bold=True)
        self.suggestions.fit(h)
        self._place_buttons()

    def _place_buttons(self) -> None:
        """The key hint and Start under the details where the hint reads on one line beside
        Start there, else under the list and the details, across the page: above Start in
        the details' column at 640 px in large print they left the details 4 lines."""
        across = not self._hint_and_start.beside(self.details.width())
        if across == (self._layout.indexOf(self._buttons) >= 0):
            return
        old, new = (self._right, self._layout) if across else (self._layout, self._right)
        old.removeWidget(self._buttons)  # (Qt warns of a widget added while in a layout)
        new.addWidget(self._buttons)
