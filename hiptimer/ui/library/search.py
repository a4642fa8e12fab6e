"""The library's search field: typing keeps the routines that match in the list (Ctrl+F)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from hiptimer.i18n import _, n_
from hiptimer.ui.key_words import key_word, shortcut_text
from hiptimer.ui.keys import KEY_NAMES, SHORTCUTS, Action
from hiptimer.ui.library.finding import Finder
from hiptimer.ui.library.items import LibraryItem
from hiptimer.ui.theme import READABLE_PX, current, set_px
from hiptimer.ui.widgets.tab_order import tab_after
from hiptimer.ui.widgets.worded import worded_button

# From this many routines the field shows by itself: 8 built-ins and a few of one's own keep a
# list that is chosen from with the arrows, and the 1024 x 600 screen in large print keeps its
# room for titles; a clinic's folder of one routine a phase soon passes it. Ctrl+F shows it
# at any length.
SHOWN_FROM = 13


class SearchBox(QWidget):
    """The field, and under it the line saying that nothing matches, with a button that
    clears the search.

    Signals: none of its own (the field's textChanged; the button's clicked).
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        find = shortcut_text(SHORTCUTS["find"].sequences[0])
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(_("Find a routine ({keys})").format(keys=find))
        self.field.setAccessibleName(_("Find a routine"))
        self.field.setAccessibleDescription(
            _("Type part of a title, an exercise or a file name; Down goes to the list, "
              "{esc} clears it").format(esc=key_word(Qt.Key.Key_Escape))
        )  # fmt: skip
        self.field.setClearButtonEnabled(True)
        self.field.setProperty("role", "search")  # the list's colours (theme.py)
        self.nothing = QLabel(self)
        self.nothing.setTextFormat(Qt.TextFormat.PlainText)  # what was typed
        self.nothing.setWordWrap(True)
        self.show_all = worded_button(
            _("Show all routines") + f"   [{KEY_NAMES[Action.CLEAR_SEARCH]}]", self
        )
        self.show_all.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # as Start: Tab reaches it
        self._nothing_row = QWidget(self)
        # The line over the list's width, its button under it: beside it, at 1024 x 600 in
        # large print, the typed words took four lines of a third of the list's width.
        row = QVBoxLayout(self._nothing_row)
        row.setContentsMargins(0, 4, 0, 4)
        row.addWidget(self.nothing)
        row.addWidget(self.show_all, 0, Qt.AlignmentFlag.AlignLeft)
        self._nothing_row.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self._nothing_row)

    def say_nothing(self, typed: str | None) -> None:
        """'No routine matches “…”' while nothing does (None: something does)."""
        if typed is not None:
            self.nothing.setText(_("No routine matches \u201c{typed}\u201d").format(typed=typed))
        self._nothing_row.setVisible(typed is not None)

    def fit(self, h: float) -> None:
        """Fonts for the page's height `h`, and the look's colours (a new look fits again)."""
        set_px(self.field, h * 0.03)  # as the list's titles
        words = self.field.palette()  # (the style sheet has no colour for the placeholder)
        words.setColor(QPalette.ColorRole.PlaceholderText, QColor(current().muted))
        self.field.setPalette(words)
        set_px(self.nothing, max(h * 0.026, READABLE_PX))
        set_px(self.show_all, max(h * 0.026, READABLE_PX), bold=True)


class ListSearch:
    """Hides the rows of `view` that do not match what is typed in the field (made when first
    shown, above the list in `column`), keeping the chosen routine while it matches, else
    choosing the first that does; a screen reader is told how many match."""

    def __init__(
        self,
        view: QListWidget,
        column: QBoxLayout,
        stops: Sequence[QWidget],
    ) -> None:
        """`stops`: the page's widgets that Tab reaches, in its order, the list first."""
        self._view, self._column, self._stops = view, column, stops
        # Tab in that order from the start (Review's line above Start was reached after it)
        tab_after(stops[0], list(stops[1:]))
        self.box: SearchBox | None = None  # made when first shown: most libraries never need it
        self._finder = Finder([])
        self._count = 0
        self.shown: list[int] | None = None  # the rows matching, None while all are shown
        self._height = 0.0  # the page's, for the box's fonts

    @property
    def text(self) -> str:
        return self.box.field.text() if self.box is not None else ""

    def set_items(self, items: Sequence[LibraryItem]) -> None:
        """A new list (its rows just added): searched as typed so far, the field shown by
        itself on a long one."""
        self._finder, self._count, self.shown = Finder(items), len(items), None
        if self._count >= SHOWN_FROM:
            self._made().show()
        if self.text:
            self._apply()
        elif self.box is not None:
            self.box.setVisible(self._count >= SHOWN_FROM)
            self.box.say_nothing(None)

    def find(self, typed: str | None = None) -> None:
        """Ctrl+F: the field shown, with the keyboard (what it holds selected, so that typing
        replaces it); `typed`: put in it (a new page after a reload keeps the search)."""
        box = self._made()
        box.show()
        if typed is not None:
            box.field.setText(typed)
            return
        box.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.field.selectAll()

    def clear(self) -> bool:
        """Esc: every routine shown again, the keyboard back on the list, the field hidden on
        a short list. True when there was something to clear."""
        box = self.box
        if box is None or not (box.field.text() or box.field.hasFocus()):
            return False
        box.field.clear()
        box.setVisible(self._count >= SHOWN_FROM)
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def move(self, step: int) -> None:
        """The routine `step` rows away among those listed; from the field, Down goes into the
        list (the first match chosen already), and Up from the top to the field."""
        rows = self.shown if self.shown is not None else range(self._count)
        if self.typing:
            if step > 0 and rows:
                self._view.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        now = self._view.currentRow()
        at = rows.index(now) if now in rows else 0
        if step < 0 and at == 0 and self.open:
            self.find()
        elif rows:
            self._view.setCurrentRow(rows[min(len(rows) - 1, max(0, at + step))])

    def _say(self, text: str) -> None:
        from hiptimer.ui.a11y import announce  # loaded when first searched

        announce(self.box or self._view, text)

    @property
    def typing(self) -> bool:
        """The field has the keyboard."""
        return self.box is not None and self.box.field.hasFocus()

    @property
    def open(self) -> bool:
        return self.box is not None and self.box.isVisible()

    def fit(self, h: float) -> None:
        self._height = h
        if self.box is not None:
            self.box.fit(h)

    def _made(self) -> SearchBox:
        if self.box is None:
            self.box = SearchBox(self._view.parentWidget() or self._view)
            self.box.field.textChanged.connect(lambda _text: self._apply())
            self.box.show_all.clicked.connect(self.clear)
            self._column.insertWidget(0, self.box)
            # Tab: the field, its button, then the list and the rest (made last, they came
            # last; Qt orders nothing after a label, and no widget before the list takes Tab).
            # The page names them: walking its focus chain (tab_stops) met Qt's private
            # widgets, whose Python types cost 57 ms as a list of 2,000 was filled.
            tab_after(self.box.field, [self.box.show_all, *self._stops])
            if self._height:
                self.box.fit(self._height)
        return self.box

    def _apply(self) -> None:
        """Rows hidden and shown as the field now reads: only those that change (2,000 rows:
        one keystroke hides most of them, the next few)."""
        typed = self.text
        matching = self._finder.matching(typed)
        view = self._view
        for row, match in enumerate(matching):
            if view.isRowHidden(row) == match:
                view.setRowHidden(row, not match)
        self.shown = [row for row, match in enumerate(matching) if match] if typed else None
        rows = self.shown if self.shown is not None else range(len(matching))
        if view.currentRow() not in rows:  # (a list of ints: a few thousand at most)
            view.setCurrentRow(rows[0] if rows else -1)
        elif view.currentItem() is not None:
            view.scrollToItem(view.currentItem())
        assert self.box is not None
        self.box.say_nothing(typed.strip() if typed and not rows else None)
        if typed:
            self._say(
                n_("{count} routine matches", "{count} routines match", len(rows)).format(
                    count=len(rows)
                )
                if rows
                else self.box.nothing.text()
            )
