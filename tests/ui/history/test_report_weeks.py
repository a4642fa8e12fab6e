"""The PDF report's sessions per week: a week the period cuts short reads as such."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from hiptimer.core.history.store import open_history
from hiptimer.ui.history.report_pdf import write_report
from tests.history_data import HIPS, record
from tests.ui.history.pdf_text import pdf_text

TUESDAY = date(2026, 11, 17)
MONDAY = date(2026, 12, 7)  # the day the report is made: its week has begun, no more


def test_this_weeks_bar_says_it_is_this_week_so_far(qapp: QApplication, tmp_path: Path) -> None:
    """Made on a Monday, the report ended with an empty bar for the week begun that day: read
    as "none done this week". The weeks the period cuts short (its first, begun on a Tuesday,
    and this one) are shaded and named under the chart, with what the average counts."""
    with open_history(tmp_path / "history.sqlite3") as store:
        for back in (0, 2, 5, 7, 9, 12, 14, 16, 19):  # none yet on the Monday
            record(store, HIPS, MONDAY - timedelta(days=back + 1), {("bridge", None): [2]})
        out = tmp_path / "report.pdf"
        now = datetime.combine(MONDAY, time(9)).astimezone()
        write_report(store, out, TUESDAY, MONDAY, "hips", [HIPS], now=now)
    text = " ".join(pdf_text(out).split())
    assert (
        "Shaded: weeks the period cuts short (17 Nov – 22 Nov; 7 Dec), sessions on those days"
        " only; the average counts full weeks." in text
    ), text
