"""The report's pages: a cursor that writes lines, paragraphs and tables down A4 pages."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPdfWriter

from hiptimer.core.write_abandon import stop_if_abandoned
from hiptimer.ui.history.report_charts import INK, MUTED, font
from hiptimer.ui.history.report_text import wrap

MAX_PAGES = 6  # a year's report; longer periods say what they leave to the CSV
DPI = 300
MARGIN_MM = 14
TABLE_PT = 8  # a table's text, and a key under a table (read with it, at its size)


class Pages:
    """A cursor running down A4 pages: text, tables and charts, at most MAX_PAGES."""

    mm: float

    def __init__(self, painter: QPainter, writer: QPdfWriter) -> None:
        self.p = painter
        self.writer = writer
        self.mm = DPI / 25.4
        size = writer.pageLayout().fullRectPixels(DPI)
        self.left = MARGIN_MM * self.mm
        self.width = size.width() - 2 * self.left
        self.top = MARGIN_MM * self.mm
        self.bottom = size.height() - MARGIN_MM * self.mm
        self.y = self.top
        self.page = 1

    def room(self, height: float) -> bool:
        """Make room for `height` (on a new page if need be); False when out of pages."""
        return self.y + height <= self.bottom or self._next_page()

    def gap(self, mm: float) -> None:
        self.y += mm * self.mm

    def line(self, text: str, points: float = 9, bold: bool = False, muted: bool = False) -> bool:
        """One line of text (elided to the width); False when it did not fit."""
        f = font(points, bold)
        fm = QFontMetricsF(f, self.writer)
        if not self.room(fm.height()):
            return False
        self.p.setFont(f)
        self.p.setPen(MUTED if muted else INK)
        shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, self.width)
        self.p.drawText(QRectF(self.left, self.y, self.width, fm.height()), 0, shown)
        self.y += fm.height()
        return True

    def paragraph(
        self, text: str, points: float = 9, max_lines: int = 20, muted: bool = False
    ) -> bool:
        lines = wrap(text, QFontMetricsF(font(points), self.writer), self.width)
        if len(lines) > max_lines:
            lines = [*lines[: max_lines - 1], lines[max_lines - 1] + " \u2026"]
        return all(self.line(line, points, muted=muted) for line in lines)

    def new_page(self) -> bool:
        """Go on at the top of the next page (False when out of pages)."""
        return self.y == self.top or self._next_page()

    def _next_page(self) -> bool:
        """Begin a page, at its top, unless the report has its most pages (False)."""
        if self.page >= MAX_PAGES:
            return False
        stop_if_abandoned()  # a long report stops between pages once its window has closed
        self.writer.newPage()
        self.page += 1
        self.y = self.top
        return True

    def heading(self, text: str, keep_with: float = 0) -> bool:
        """A section's title, never alone at the foot of a page: with room for two lines
        under it, or for `keep_with` (a table's header and first row, table_start)."""
        fm = QFontMetricsF(font(11, bold=True), self.writer)
        if not self.room(max(fm.height() * 3, 3 * self.mm + fm.height() + keep_with)):
            return False
        self.gap(3)
        return self.line(text, 11, bold=True)

    def table_start(
        self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
    ) -> float:
        """The height of a table's header with its first row, which go on a page together."""
        return sum(self._row_heights([headers, *rows[:1]], widths))

    def rows_fitting(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        below: float,
    ) -> int:
        """How many of the rows fit on this page with `below` (a line that goes with the
        table) under them; at least one, as a header never goes alone."""
        head, *heights = self._row_heights([headers, *rows], widths)
        room = self.bottom - self.y - head - below
        fitting = 0
        while fitting < len(heights) and heights[fitting] <= room:
            room -= heights[fitting]
            fitting += 1
        return max(1, fitting)

    def line_height(self, points: float = 9) -> float:
        return QFontMetricsF(font(points), self.writer).height()

    def _row_heights(self, rows: Sequence[Sequence[str]], widths: Sequence[float]) -> list[float]:
        """Each row's height, its cells wrapped to their columns (the first row in bold)."""
        heights = []
        for i, row in enumerate(rows):
            fm = QFontMetricsF(font(TABLE_PT, bold=i == 0), self.writer)
            cells = zip(row, self._inner(widths), strict=True)
            heights.append(fm.height() * (max(len(wrap(t, fm, w)) for t, w in cells) + 0.45))
        return heights

    def fitted(
        self, widths: Sequence[float], rows: Sequence[Sequence[str]], column: int, giver: int
    ) -> tuple[float, ...]:
        """`widths` with `column` wide enough for its widest cell on one line, the room taken
        from `giver`: a fixed 11 % wrapped '31 May 2027' to two lines under '4 Jun 2027'."""
        fm = QFontMetricsF(font(TABLE_PT), self.writer)
        widest = max(fm.horizontalAdvance(row[column]) for row in rows)
        need = (widest + 2.5 * self.mm) * sum(widths) / self.width  # padding, and a margin
        extra = max(0.0, need - widths[column])
        out = list(widths)
        out[column] += extra
        out[giver] -= extra
        return tuple(out)

    def _inner(self, widths: Sequence[float]) -> list[float]:
        scale = self.width / sum(widths)
        return [w * scale - 2 * self.mm for w in widths]

    def table(
        self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
    ) -> int:
        """Columns of these relative widths, each cell wrapped to its column (never cut);
        returns how many rows fitted. A page break within the table begins the next page with
        the header again: the sessions' rows on pages 3 and 4 were figures without their
        columns' names."""
        # The header goes with the first row whole: a header alone at a page's foot
        # left the report's sessions table headless on the next page.
        if not self.room(self.table_start(headers, rows, widths)):
            return 0
        head = self._cells(headers, widths, bold=True)
        self._draw_row(head, widths, "#E3E8EC", bold=True)
        done = 0
        for i, row in enumerate(rows, start=1):
            cells = self._cells(row, widths, bold=False)
            if self.y + self._height(cells) > self.bottom:
                if not self._next_page():
                    break
                self._draw_row(head, widths, "#E3E8EC", bold=True)
            self._draw_row(cells, widths, "#F3F5F7" if i % 2 == 0 else None, bold=False)
            done += 1
        return done

    def _cells(self, row: Sequence[str], widths: Sequence[float], *, bold: bool) -> list[list[str]]:
        """Each cell's text wrapped to its column's inner width."""
        fm = QFontMetricsF(font(TABLE_PT, bold=bold), self.writer)
        return [wrap(text, fm, w) for text, w in zip(row, self._inner(widths), strict=True)]

    def _height(self, cells: Sequence[Sequence[str]]) -> float:
        """A row's height: its tallest cell's lines and a little room."""
        line_h = QFontMetricsF(font(TABLE_PT), self.writer).height()
        return line_h * (max(len(c) for c in cells) + 0.45)

    def _draw_row(
        self,
        cells: Sequence[Sequence[str]],
        widths: Sequence[float],
        shade: str | None,
        *,
        bold: bool,
    ) -> None:
        """One row at the cursor, on its shade (None: the page), and the cursor under it."""
        line_h = QFontMetricsF(font(TABLE_PT), self.writer).height()
        row_h = self._height(cells)
        if shade is not None:
            self.p.fillRect(QRectF(self.left, self.y, self.width, row_h), shade)
        self.p.setFont(font(TABLE_PT, bold=bold))
        self.p.setPen(INK)
        scale = self.width / sum(widths)
        x = self.left
        for lines, w in zip(cells, widths, strict=True):
            top = self.y + line_h * 0.225
            for text in lines:
                cell = QRectF(x + 1 * self.mm, top, w * scale - 2 * self.mm, line_h)
                self.p.drawText(cell, Qt.AlignmentFlag.AlignVCenter, text)
                top += line_h
            x += w * scale
        self.y += row_h
