"""Tests of the report's list of routine titles written right to left: each title is isolated,
so the ", " between two of them stays in the line's direction."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

from hiptimer.core.history.export import gather_report
from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.ui.history.report_charts import font
from hiptimer.ui.history.report_pdf import write_report
from tests.history_data import Weeks, at
from tests.ui.history.pdf_text import pdf_text

FIRST, SECOND = "\u05d0\u05d1\u05d2", "\u05d3\u05d4\u05d5"  # Hebrew letters: sorted, FIRST first


@pytest.fixture
def store(tmp_path: Path, qapp: QApplication) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def two_hebrew_routines(store: HistoryStore, weeks: Weeks) -> None:
    for n, title in enumerate((SECOND, FIRST)):
        start = at(weeks.today, 8 + n)
        sid = store.begin_session(f"r{n}", title, 1, {}, start, sets_planned=1)
        store.add_set(sid, StoredSet("bridge", "Bridge", 1, start, start + timedelta(seconds=30)))
        store.finish_session(sid, "completed", start + timedelta(minutes=1))


def x_of(text: str, index: int) -> float:
    """Where the letter at `index` of `text` is drawn on a line read left to right, as the
    report's header line is."""
    layout = QTextLayout(text, font(10))
    option = QTextOption()
    option.setTextDirection(QApplication.layoutDirection())
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    # PySide6 gives (x, the cursor position) for C++'s in-out argument; its stub says object.
    x, _ = cast(tuple[float, int], line.cursorToX(index))
    return x


def test_the_comma_between_two_right_to_left_titles_stays_between_them_in_our_order(
    store: HistoryStore, weeks: Weeks
) -> None:
    # "Routine: אבג, דהו" was drawn "Routine: דהו ,אבג": the two titles and the ", " between
    # them made one right-to-left run, so the list read back to front.
    two_hebrew_routines(store, weeks)
    line = "Routine: " + gather_report(store, {}, weeks.week1, weeks.today).routines
    first, comma, second = line.index(FIRST), line.index(","), line.index(SECOND)
    # A right-to-left title's first letter is its right edge: the first title, then the
    # comma, then the second, from left to right, as the list of an English line reads.
    assert x_of(line, first) < x_of(line, comma) < x_of(line, second)


def test_the_report_writes_both_titles(store: HistoryStore, weeks: Weeks, tmp_path: Path) -> None:
    two_hebrew_routines(store, weeks)
    out = tmp_path / "report.pdf"
    write_report(store, out, catalog=[])
    text = pdf_text(out)
    assert FIRST in text and SECOND in text
