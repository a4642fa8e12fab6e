"""How far a history table's columns may be cut, and how wide its wrapping ones may grow, in
the room its view has (RowsTable chooses among its measured forms with these)."""

from __future__ import annotations

from PySide6.QtWidgets import QStyle

from hiptimer.ui.history.column_forms import Forms
from hiptimer.ui.history.cut_tips import CutTips
from hiptimer.ui.history.sessions_model import SessionsModel
from hiptimer.ui.history.sets_model import SetsModel
from hiptimer.ui.widgets.wrapped_cells import widest_level

LEAST_CHARS = 5  # a cut column keeps, where the view is too narrow, this many (with the "…")
BESIDE_LINES = 2  # a table beside the note wraps its words to about this many lines at most


class ColumnRoom(CutTips):
    """The room arithmetic of RowsTable (views.py), which measures the widths it works on:
    `_forms` (column_forms.py); and the widths it tells its splitter (least_width,
    whole_width). Signals: QTableView's."""

    _rows: SessionsModel | SetsModel
    _forms: Forms

    def _whole_first(self) -> tuple[int, ...]:
        """The model's columns kept whole while wrappable columns can give way."""
        return self._rows.whole_first if self._forms.wrapped else ()

    def _widen_wrapped(
        self, wrapped: list[int], least: int, natural: list[int], *, titles: bool
    ) -> list[int]:
        """The wrapped widths, the wrappable columns given what room the view has beyond the
        flexible columns' floors, towards their one line, all to one width as far as it goes:
        "12 s / (hecha en parte)" in three lines rather than four. Given in turn, the names
        took it all and "lo dejó por hoy" and the adjustment took a line a word."""
        floors = self._floors(wrapped, least, titles=titles, whole=self._whole_first())
        spare = self.viewport().width() - sum(floors.get(c, w) for c, w in enumerate(wrapped))
        result = list(wrapped)
        # A column of few lines at most (the sessions' note) gets room after the others, which
        # read whole: at 1024 x 768 in Spanish the note's room left the sets done four lines.
        capped = self._rows.most_lines
        for later in (False, True):
            columns = [c for c in self._rows.wrappable if wrapped[c] and (c in capped) is later]
            grown = self._grown(wrapped, natural, columns, spare)
            spare -= sum(grown.values()) - sum(wrapped[c] for c in columns)
            result = [grown.get(c, w) for c, w in enumerate(result)]
        return result

    @staticmethod
    def _grown(
        wrapped: list[int], natural: list[int], columns: list[int], spare: int
    ) -> dict[int, int]:
        """These columns widened to one width, towards their one line (`natural`), by `spare`
        px at most."""

        def widened(level: int) -> dict[int, int]:
            return {c: max(wrapped[c], min(natural[c], level)) for c in columns}

        level = widest_level(
            lambda level: sum(widened(level).values()) - sum(wrapped[c] for c in columns) <= spare,
            max(natural, default=0),
        )
        return widened(level)

    def _cut_to_view(
        self, natural: list[int], least: int, *, titles: bool, whole: tuple[int, ...] = ()
    ) -> tuple[dict[int, int], bool]:
        """The flexible columns' widths with the others whole, each cut as far as the view
        needs but to no less than a third of it or `least` px and, with `titles`, its title;
        and whether they fit the view (else they are at their floors, and it scrolls)."""
        flexible = [c for c in self._rows.flexible if natural[c]]
        floors = self._floors(natural, least, titles=titles, whole=whole)

        def widths(level: int) -> dict[int, int]:
            return {c: max(floors[c], min(natural[c], level)) for c in flexible}

        room = self.viewport().width() - (sum(natural) - sum(natural[c] for c in flexible))
        level = widest_level(
            lambda level: sum(widths(level).values()) <= room, max(natural, default=0)
        )
        return widths(level), sum(floors.values()) <= room

    def _floors(
        self, natural: list[int], least: int, *, titles: bool, whole: tuple[int, ...] = ()
    ) -> dict[int, int]:
        """How far each flexible column shown may be cut: to a third of its width or `least`
        px, and with `titles` no narrower than its title; the `whole` ones not at all."""
        header = self.horizontalHeader()
        title = (lambda c: header.sectionSizeHint(c)) if titles else (lambda c: 0)
        return {
            c: natural[c]
            if c in whole
            else max(min(natural[c] // 3, least), title(c), header.minimumSectionSize())
            for c in self._rows.flexible
            if natural[c]
        }

    def least_width(self) -> int:
        """The narrowest this table is without scrolling sideways (fit_columns measured it):
        its other columns whole under folded titles (in their short form), its flexible ones
        cut as far as they go, its frame and a vertical scroll bar (a long session's sets
        scroll down); with columns to keep whole first, the narrowest its words read whole
        in, broken between them into about BESIDE_LINES lines at most: beside the note at
        1280 x 800 a long name took seven lines, and the table showed two sets."""
        f = self._forms
        narrowest = f.short or f.folded
        if not narrowest:
            return 0
        if self._whole_first():  # no cell of more than about BESIDE_LINES lines
            wrapping = self._rows.wrappable
            widths = [
                max(w, -(-f.natural[c] // BESIDE_LINES)) if w and c in wrapping else w
                for c, w in enumerate(f.wrapped)
            ]
            return self._edges() + sum(widths)
        least = self.fontMetrics().averageCharWidth() * LEAST_CHARS
        floors = self._floors(narrowest, least, titles=False)
        return self._edges() + sum(floors.get(c, w) for c, w in enumerate(narrowest))

    def whole_width(self) -> int:
        """How wide this table is with every cell and title whole (fit_columns measured it)."""
        natural = self._forms.natural
        return self._edges() + sum(natural) if natural else 0

    def _edges(self) -> int:
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return 2 * self.frameWidth() + bar
