"""The history window's tables, which size their columns to the room they have."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from hiptimer.ui.history.column_forms import Forms
from hiptimer.ui.history.column_measure import ColumnMeasure
from hiptimer.ui.history.column_room import LEAST_CHARS
from hiptimer.ui.history.refit import Refit
from hiptimer.ui.history.sessions_model import SessionsModel
from hiptimer.ui.history.sets_model import SetsModel
from hiptimer.ui.widgets.table_rows import leave_by_tab, rows_tall
from hiptimer.ui.widgets.wrapped_cells import (
    WrappingCells,
    fit_rows,
)

ROWS_KEPT = 3  # a table is never squeezed below its header and this many rows
LEGIBLE_CHARS = 12  # a cut column keeps a third of its width, or this many characters


class RowsTable(ColumnMeasure):
    """A read-only, row-selecting table that measures column widths on a few rows only.

    Its smallest size shows its header and ROWS_KEPT rows (in the text size in use), or
    `rows_least` lines: on a short screen in large print the window scrolls rather than
    crush a table to a sliver.
    A cell's tooltip (its whole words) shows only where the cell is cut (CutTips). A new text size
    measures its columns again (`refit`, whose refitted() follows).
    """

    def __init__(self, model: SessionsModel | SetsModel, rows_least: int = ROWS_KEPT) -> None:
        super().__init__()
        self._rows = model
        self._rows_least = rows_least  # fewer where a splitter gives the rest (the sessions)
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
        self._forms = Forms.none()  # the widths fit_columns measured, before squeezing
        self._joined = (0, 0)  # the model's joined column's width, title on one line, folded
        self._in_cell: tuple[list[int], list[int]] = ([], [])  # _measure_in_cell's
        self._whole_cells: dict[tuple[int, bool], int] = {}  # measured_all's, by form
        self._detail_shown = False
        self.refit = Refit(self, self.fit_columns, lambda: bool(self._forms.natural))
        self._wrapping = WrappingCells(self, led=model.led)
        for column in (*model.wrappable, *model.wrapped_last, *model.led):
            self.setItemDelegateForColumn(column, self._wrapping)

    def minimumSizeHint(self) -> QSize:
        rows = self._rows_least
        least = self._tall(rows) if rows == ROWS_KEPT else rows_tall(self, rows)  # (a line each)
        return super().minimumSizeHint().expandedTo(QSize(0, least))

    def rows_kept_height(self, rows: int = ROWS_KEPT) -> int:
        """The height of its header and `rows` rows, the tallest whole (however few lines it
        may be given)."""
        return self._tall(rows)

    def _tall(self, rows: int) -> int:
        # A row whose words wrap (fit_rows) counts as tall as it is, the others as one line.
        lines = self.verticalHeader()
        taller = max((lines.sectionSize(r) for r in range(lines.count())), default=0)
        return rows_tall(self, rows) + max(0, taller - lines.defaultSectionSize())

    def fit_columns(self) -> None:
        """Size the columns to the rows shown now (measured on a few), each time they change:
        sized once, on the newest session's short rows, the session chosen next read "6/1…"
        for "6/10 (was 7)". Where the columns are wider than the view, the model's flexible
        columns of words give up room (_squeeze_to_view). The last stretches to the view's
        edge; one not flexible counts only its title (the sets' adjustments, long prose,
        cut first)."""
        # The header's own least (55 px in large print) kept a cut Side wider than its floor.
        self.horizontalHeader().setMinimumSectionSize(2 * self.fontMetrics().averageCharWidth())
        self._whole_cells.clear()
        self._rows.cut_titles.clear()  # measured whole (a squeeze in an old type cut "Exe…")
        self._show_detail(False)  # measured without it (the squeeze may have left it on)
        self._join(False)  # and apart
        self._rows.drop(())  # and with every column's words in its own
        for c in self._rows.optional:  # hidden where empty (the Side of a session with none)
            self.setColumnHidden(c, self._rows.is_empty(c))
        natural = self._measure(folded=False)
        folded = self._measure(folded=True)
        wrapped_long = self._wrap(folded)  # measured on the words in this form
        short = self._measure(folded=True, short=True) if self._rows.has_short_form else []
        wrapped = self._wrap(short) if short else wrapped_long
        wrapped_last = self._in_two_lines(wrapped) if self._rows.wrapped_last else []
        if wrapped_last:
            detailed, detailed_narrow = self._detail_widths(wrapped)
        else:
            detailed, detailed_narrow = self._wrapped_detail(wrapped), []
        self._forms = Forms(
            natural, folded, short, wrapped, wrapped_long, wrapped_last, detailed, detailed_narrow
        )
        self._joined = self._measure_joined()
        self._in_cell = self._measure_in_cell()
        self._squeeze_to_view()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._squeeze_to_view()

    def _squeeze_to_view(self) -> None:
        """Cut the widest flexible columns to one width, as far as the view needs, each down
        to a third of its width (LEGIBLE_CHARS at most) or its title: the numbers and dates
        stay whole, and only a view narrower than all that scrolls (the sessions'
        completion, measured whole, once pushed the note out of sight at 1280 x 800).
        Where that is still too wide (1024 x 768 in large print), the titles of two words
        take two lines ("Max / pain") and the flexible columns are cut down to LEAST_CHARS
        but not their titles ("Rou…" was cut where a shorter Note had room to give), then
        the model's short form is used (the sessions' dates without their weekday: Spanish
        at 1024 x 768 in large print read "Ru…" and "Se…" without it), then they give up
        their titles' room too: no screen the screen-fit checks use scrolls sideways. Before
        that, the model's wrappable columns take more lines (a set's done and pain); with
        columns to keep whole first (the sets' name, side, choice and change), right after
        they fail to fit whole on one line, before any of them is cut: in Spanish at 1280 x
        800 "lo dejó por …" and the change were cut beside a done cell of three lines.
        Where even so a title or a column to keep whole first is cut, the model's
        dropped_when_narrow columns go (the sessions' note, at 640 x 480 in large print; the
        sets' choice and change, into the name's cell),
        then its joined columns read as one (the sessions' pains, there in Spanish)."""
        forms = self._forms
        if not forms.natural:
            return
        dropped = tuple(c for c in self._rows.dropped_when_narrow if forms.natural[c])
        for c in dropped:
            self.setColumnHidden(c, False)
        if self._squeeze(forms, dropped=()) or not dropped:
            return
        if self._in_cell[0]:
            return self._squeeze_in_cell(dropped)
        if self._squeeze(forms.without(dropped), dropped=dropped) or not self._rows.joined:
            return
        into, gone = self._rows.joined
        self._squeeze(forms.joined(into, gone, *self._joined).without(dropped), dropped, True)

    def _squeeze(self, forms: Forms, dropped: tuple[int, ...], joined: bool = False) -> bool:
        """_squeeze_to_view's choice among `forms`, with the `dropped` columns hidden (as
        `forms` has them) and the model's `joined` columns as one (so); whether it kept every
        title whole and the columns to keep whole first so (else the caller drops them)."""
        self._join(joined)
        for c in dropped:
            self.setColumnHidden(c, True)
        self._rows.drop(dropped)  # the sets' name then says their words
        return self._squeeze_forms(forms, narrow_first=bool(dropped))

    def _squeeze_forms(self, f: Forms, *, narrow_first: bool) -> bool:
        """The body of _squeeze_to_view, over the forms `f`; with `narrow_first`, the date,
        time and duration a line each before the kept columns are cut."""
        chars = self.fontMetrics().averageCharWidth()
        short = f.short or f.folded
        kept = self._whole_first()
        detailed = f.detailed or f.wrapped_last  # the narrowest of the date's forms
        # Every word whole on one line in the short form, where the usual one cuts a column
        # that may be cut (the sessions' note): at 1024 x 600 in large print "Much better"
        # read "Muc…" beside "Sat 5 Dec 2026 08:00", whose short form gives it its room.
        cut = any(c not in kept for c in self._rows.flexible if f.natural[c])
        whole_short = cut and sum(f.short) <= self.viewport().width() < sum(f.natural)
        if kept:  # all whole on one line, else on more lines (then short), before any is cut
            tries = [
                *[(f.short, LEGIBLE_CHARS, True, kept)] * whole_short,
                (f.natural, LEGIBLE_CHARS, True, kept),
                (f.wrapped_long, LEGIBLE_CHARS, True, kept),  # widened: _widen_wrapped
                (f.wrapped, LEGIBLE_CHARS, True, kept),
                (f.wrapped_last, LEGIBLE_CHARS, True, kept),  # the sessions' time under
                # The duration after the time, before the note is cut to LEAST_CHARS or any
                # title: at 800 x 600 in large print in Spanish the routine read "Dai…"
                # under "Ru…" and the note "N…", "Duración" 150 px wide over "24 min".
                (detailed, LEGIBLE_CHARS, True, kept),
                (detailed, LEAST_CHARS, True, kept),
                # The date, time and duration a line each before a title is cut: at 800 x 600
                # in large print in Spanish the note read "N…" beside a date of 154 px that
                # took three lines all the same (_detailed's two did not fit it).
                (f.detailed_narrow, LEAST_CHARS, True, kept),
                (detailed, LEAST_CHARS, False, kept),
                # The others (the sessions' note) cut to LEAST_CHARS, then past their titles,
                # before a kept one is cut: at 960 x 540 in large print in Spanish the note
                # kept ~130 px beside "Fortal…" ("Fortalecimiento" alone needs 218 of 906).
                (f.wrapped, LEAST_CHARS, True, kept),
                (f.wrapped, LEAST_CHARS, False, kept),
                # The time under the date before the routine is cut past its title: at 800 x
                # 600 in large print in Spanish it read "Fo…" (and the list scrolled sideways).
                # The note gone (dropped_when_narrow), the date a line a word before the
                # routine is cut: at 640 x 480 in large print in Spanish "Fortalecimi…".
                *[(f.detailed_narrow, LEGIBLE_CHARS, True, ())] * narrow_first,
                (detailed, LEGIBLE_CHARS, True, ()),
                (f.wrapped, LEGIBLE_CHARS, True, ()),
                (detailed, LEAST_CHARS, True, ()),
                (detailed, LEAST_CHARS, False, ()),
            ]
            tries = [t for t in tries if t[0]]  # no wrapped_last columns: no such form
        else:
            tries = [
                (f.natural, LEGIBLE_CHARS, True, ()),
                (f.folded, LEGIBLE_CHARS, True, ()),
                (f.folded, LEAST_CHARS, True, ()),
                (short, LEAST_CHARS, True, ()),
            ]
        if f.wrapped:
            tries.append((f.wrapped, LEAST_CHARS, True, ()))
        tries.append((f.detailed or f.wrapped or short, LEAST_CHARS, False, ()))
        for form, least, titles, kept in tries:
            self._rows.cut_titles.clear()  # the titles' room measured whole, as tried
            self._rows.fold_titles(form is not f.natural)
            detail_forms = (f.detailed, f.detailed_narrow)
            self._show_detail(any(form is f for f in detail_forms))
            shorts = (f.short, f.wrapped, f.wrapped_last, *detail_forms)
            self._shorten(any(form is f for f in shorts))
            natural = form
            # (_wrapped_last is not widened: the room its columns give is the note's.)
            wrapping = [f.wrapped, f.wrapped_long] + [detailed] * (not f.wrapped_last)
            if f.wrapped and any(form is f for f in wrapping):
                natural = self._widen_wrapped(form, chars * least, f.natural, titles=titles)
            widths, fits = self._cut_to_view(natural, chars * least, titles=titles, whole=kept)
            if (
                fits
                and form is f.wrapped
                and f.wrapped_last
                and self._wraps(natural, kept, f.natural)
            ):
                continue  # its rows take more lines anyway: the time under the date (next)
            if fits:
                break
        self._place(natural, widths)
        return fits and titles and (kept == self._whole_first() or not f.natural)

    def _place(self, natural: list[int], widths: dict[int, int]) -> None:
        """The columns at `natural`, the flexible ones at `widths`, their rows as tall as
        their words need."""
        header = self.horizontalHeader()
        for c, width in enumerate(natural):
            if width:
                header.resizeSection(c, widths.get(c, width))
        self._cut_titles(list(widths))
        if self._rows.wrappable:
            # One line each, or the lines wrapped need (the sessions' note two at most).
            columns = (*self._rows.wrappable, *self._rows.wrapped_last)
            fit_rows(self, columns, self._rows.most_lines)
            # Rows of more lines raise the least height (minimumSizeHint): the layouts around
            # must hear it, or they keep the old one and cut a tall row (below).
            self.updateGeometry()

    def _squeeze_in_cell(self, dropped: tuple[int, ...]) -> None:
        """The dropped columns' words in the detail form's cell (_measure_in_cell), which takes
        the room the others leave, broken between words: tried on the usual forms, the name
        kept its set and plan's columns and took 20 lines of 146 px (640 x 480, Spanish)."""
        one_line, wrapped = self._in_cell
        for c in dropped:
            self.setColumnHidden(c, True)
        self._rows.drop(dropped)
        self._rows.cut_titles.clear()
        self._rows.fold_titles(True)
        self._shorten(True)
        self._show_detail(True)
        # The cell as wide as the others leave it, they a line a word: its rows are the
        # tallest anyway (widened to one width, "12 s (hecha en parte)" took 248 px of 596).
        widths, cell = list(wrapped), self._rows.detail_cell
        room = self.viewport().width() - sum(wrapped) + wrapped[cell]
        widths[cell] = max(wrapped[cell], min(one_line[cell], room))
        self._place(widths, {})

    @staticmethod
    def _wraps(widths: list[int], columns: tuple[int, ...], natural: list[int]) -> bool:
        """Whether any of these columns is narrower at `widths` than its one line (`natural`)."""
        return any(widths[c] and widths[c] < natural[c] for c in columns)

    def _cut_titles(self, columns: list[int]) -> None:
        """Cut the titles of these columns that their sections cut ("Comp…": the header clipped
        them at both ends, "mpleti"; its own ElideRight cut "Max / pain" to "Ma…" too)."""
        header, titles = self.horizontalHeader(), self._rows.cut_titles
        titles.clear()
        for c in columns:
            whole = str(self._rows.headerData(c, Qt.Orientation.Horizontal))
            keep = len(whole)
            while header.sectionSizeHint(c) > header.sectionSize(c) and keep > 1:
                keep -= 1
                titles[c] = whole[:keep].rstrip() + "\u2026"
        self._rows.titles_changed()
