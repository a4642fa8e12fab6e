"""A chart's key, under the chart, in rows that wrap: every name reads whole.

QtCharts' own legend (QLegend) lays its names in one row and cuts each to a few letters when
the chart is narrow ('3-5 accep…', 'over 5 too…' in a 1190 px window); it has no way to wrap
(https://doc.qt.io/qt-6/qlegend.html: alignment, no rows), so the charts hide it and show this.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from hiptimer.ui.history.chart_axes import chart_font
from hiptimer.ui.theme import current
from hiptimer.ui.widgets.plain import escape

SQUARE = "\u25a0"  # a pain band, a bar, a square marker
LINE = "\u2501\u2501"  # a line (one was a short dash)
DASHED = "\u2505\u2505"  # a dashed line
DOTTED = "\u2508\u2508"  # a dotted line
DOT = "\u25cf"  # a round marker
TRIANGLE = "\u25b2"  # a triangle marker
FONT_PX = 14  # as QtCharts' legend was (charts._styled_chart)
MARK_PX = 18  # a mark of the words' size was a speck ('━' a short dash) from the mat


class KeyEntry(NamedTuple):
    """One name in a chart's key, with the mark (one of the symbols above) and its colour."""

    mark: str
    colour: str
    words: str


class ChartKey(QLabel):
    """The names of a chart's series, each with its mark; a name never breaks across lines
    (its spaces are no-break ones), the key does between names.

    Signals: none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[KeyEntry] = []
        self.setTextFormat(Qt.TextFormat.RichText)  # our words, each escaped (key_html)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setFont(chart_font(FONT_PX))
        look = current()
        self.setStyleSheet(
            f"QLabel {{ color: {look.chart_text}; background: {look.chart_back};"
            " padding: 0px 6px 6px 6px; }"
        )
        self.hide()

    def set_entries(self, entries: Sequence[KeyEntry]) -> None:
        """Show these names (none: no key)."""
        self.entries = list(entries)
        self.setText(key_html(self.entries))
        self.setAccessibleName(", ".join(e.words for e in self.entries))
        self.setVisible(bool(self.entries))


def key_html(entries: Sequence[KeyEntry]) -> str:
    """The key as rich text: 'mark name' pairs, joined where a line may break."""
    parts = [
        f'<span style="color:{e.colour}; font-size:{MARK_PX}px">{e.mark}</span>\u00a0'
        + escape(e.words).replace(" ", "\u00a0")
        for e in entries
    ]
    return "\u00a0\u00a0 ".join(parts)
