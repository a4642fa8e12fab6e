"""How wide a history table's columns are in each of its model's forms (RowsTable in views.py
measures them with these as it fits its columns, and chooses among them)."""

from __future__ import annotations

from hiptimer.ui.history.column_room import ColumnRoom
from hiptimer.ui.widgets.wrapped_cells import (
    two_lines_wide,
    widest_cell,
    widest_kept,
    widest_word,
)


class ColumnMeasure(ColumnRoom):
    """The measuring of RowsTable (views.py): each form's widths (natural, folded, short,
    wrapped, on two lines, in the detail form, joined), and the model's forms shown or not
    (_shorten, _show_detail) as it measures them and as it chooses. Signals: QTableView's."""

    _whole_cells: dict[tuple[int, bool], int]  # measured_all's, by form
    _detail_shown: bool

    def _measure_joined(self) -> tuple[int, int]:
        """The model's joined column's width with its title on one line, and folded; (0, 0)
        for a model with none."""
        if not self._rows.joined:
            return 0, 0
        into = self._rows.joined[0]
        self._join(True)
        widths = []
        for folded in (False, True):
            self._rows.fold_titles(folded)
            self.resizeColumnToContents(into)
            widths.append(self.horizontalHeader().sectionSize(into))
        self._join(False)
        return widths[0], widths[1]

    def _join(self, join: bool) -> None:
        """The model's joined columns as one, the second hidden, or apart."""
        self._rows.join(join)
        for c in self._rows.joined[1:]:
            self.setColumnHidden(c, join)

    def _wrap(self, widths: list[int]) -> list[int]:
        """`widths` with each wrappable column shown as narrow as its title or its longest word;
        [] for a model with none (nothing to try)."""
        if not self._rows.wrappable:
            return []
        wrapped, header = list(widths), self.horizontalHeader()
        for c in self._rows.wrappable:
            if wrapped[c]:
                title = header.sectionSizeHint(c)
                wrapped[c] = min(wrapped[c], max(title, widest_word(self, c)))
        return wrapped

    def _detail_widths(self, wrapped: list[int]) -> tuple[list[int], list[int]]:
        """`wrapped` with the in_detail columns folded into the wrapped_last ones, those on
        two lines, and so with those a line a word; [] for a model with none (only those
        columns change: measuring the whole form again cost a ten-year list ~0.3 s of CPU)."""
        if not self._rows.in_detail:
            return [], []
        header = self.horizontalHeader()
        self._show_detail(True)
        widths = [0 if c in self._rows.in_detail else w for c, w in enumerate(wrapped)]
        narrow = list(widths)  # a line a word: before the note's title is cut (_squeeze_to_view)
        for c in self._rows.wrapped_last:
            if widths[c]:
                widths[c] = max(header.sectionSizeHint(c), two_lines_wide(self, c))
                narrow[c] = min(widths[c], max(header.sectionSizeHint(c), widest_kept(self, c)))
        self._show_detail(False)
        return widths, narrow

    def _wrapped_detail(self, wrapped: list[int]) -> list[int]:
        """`wrapped` in the detail form, for a model whose detail goes into a wrappable column
        (the sets' name); [] for one with none."""
        if not self._rows.in_detail or not wrapped:
            return []
        self._show_detail(True)
        widths = self._wrap(self._measure(folded=True, short=self._rows.has_short_form))
        self._show_detail(False)
        return widths

    def _measure_in_cell(self) -> tuple[list[int], list[int]]:
        """The widths in the detail form with the dropped_when_narrow columns' words in its
        cell too (the sets' choice and change after the plan), on one line and wrapped; ([],
        []) for a model that shows them elsewhere (the sessions' note)."""
        dropped = tuple(c for c in self._rows.dropped_when_narrow if not self.isColumnHidden(c))
        if not self._rows.dropped_in_detail or not dropped:
            return [], []
        for c in dropped:
            self.setColumnHidden(c, True)
        self._rows.drop(dropped)
        self._show_detail(True)
        one_line = self._measure(folded=True, short=True)
        wrapped = self._wrap(one_line)  # "Adjustment:" may be its widest word
        self._show_detail(False)
        self._rows.drop(())
        for c in dropped:
            self.setColumnHidden(c, False)
        return one_line, wrapped

    def _in_two_lines(self, widths: list[int]) -> list[int]:
        """`widths` with the wrapped_last columns as narrow as their title or their cells on
        two lines (measured in the form `widths` has, the short one)."""
        narrow, header = list(widths), self.horizontalHeader()
        for c in self._rows.wrapped_last:
            if narrow[c]:
                narrow[c] = min(narrow[c], max(header.sectionSizeHint(c), two_lines_wide(self, c)))
        return narrow

    def _measure(self, folded: bool, short: bool = False) -> list[int]:
        self._rows.fold_titles(folded)
        self._shorten(short)
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        last = header.count() - 1
        for c in self._rows.measured_all:  # never cut, so measured on every row
            if (c, short) not in self._whole_cells:  # the same texts under folded titles
                self._whole_cells[c, short] = widest_cell(self, c, self._rows.texts(c))
            header.resizeSection(c, max(header.sectionSize(c), self._whole_cells[c, short]))
        natural = [
            0 if header.isSectionHidden(c) else header.sectionSize(c) for c in range(last + 1)
        ]
        if last not in self._rows.flexible:
            natural[last] = header.sectionSizeHint(last)
        return natural

    def _shorten(self, short: bool) -> None:
        """The model's short form or its usual one, and the columns it joins to another in the
        short form (the sets' side, in the name) hidden or shown again."""
        self._rows.shorten(short)
        for c in self._rows.joined_when_short:
            self.setColumnHidden(c, short or (c in self._rows.optional and self._rows.is_empty(c)))

    def _show_detail(self, detail: bool) -> None:
        """The model's detail form or not, and the columns it folds in hidden or shown again."""
        if detail == self._detail_shown:
            return
        self._detail_shown = detail
        self._rows.show_detail(detail)
        for c in self._rows.in_detail:
            self.setColumnHidden(c, detail)
