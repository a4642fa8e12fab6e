"""The report's first and last two weeks of pain, held to what its words say they are."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from hiptimer.core.history.store import open_history
from hiptimer.ui.history.report_pdf import write_report
from tests.history_data import STRETCH, Weeks, record
from tests.ui.history.pdf_text import pdf_pages


def test_the_last_two_weeks_are_said_to_end_at_the_last_session_not_the_period(
    tmp_path: Path, qapp: QApplication, weeks: Weeks
) -> None:
    """A new user's report made six weeks after the last session: its *Last 2 weeks* held that
    session's pain while the words called it the last two weeks of the period, which had none."""
    first_day = weeks.today - timedelta(days=70)
    last_day = weeks.today - timedelta(days=42)
    with open_history(tmp_path / "history.sqlite3") as store:
        record(store, STRETCH, first_day, {("hamstring", None): [2]})
        record(store, STRETCH, last_day, {("hamstring", None): [6]})
        out = tmp_path / "report.pdf"
        now = datetime.combine(weeks.today, time(12)).astimezone()
        write_report(store, out, since=first_day, catalog=[STRETCH], now=now)
    first = " ".join(pdf_pages(out)[0].split())
    assert "2.0 / 2 6.0 / 6" in first  # the last window is the last session's, 6 weeks ago
    assert "last two weeks of the period" not in first
    assert "in the two weeks up to its last session, which can be weeks before the period ends" in (
        first
    )
