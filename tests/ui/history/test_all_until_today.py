"""*All* shows the period its figures count: from the first session to today."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history.store import open_history
from hiptimer.ui.history.window import TAB_ADHERENCE, HistoryWindow
from tests.history_data import HIPS, record

TODAY = date(2026, 12, 8)
LAST = date(2026, 10, 26)


def test_all_ends_today_as_its_adherence_does_not_on_the_last_session(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A new user's *All*: "From 27 Mar 2026 to 26 Oct 2026" above an Adherence tab counting
    38 weeks to 8 Dec and shading "7 Dec - 8 Dec"; the PDF it exports runs to 8 Dec too."""
    store = open_history(tmp_path / "history.sqlite3")
    record(store, HIPS, LAST - timedelta(days=14), {("bridge", None): [2]})
    record(store, HIPS, LAST, {("bridge", None): [3]})
    wall = FakeWall(FakeClock(), datetime.combine(TODAY, time(10)).astimezone())
    window = HistoryWindow(store, [HIPS], wall=wall)
    qtbot.addWidget(window)
    window.destroyed.connect(store.close)
    window.show()
    window.apply_preset(None)
    window.tabs.setCurrentIndex(TAB_ADHERENCE)
    assert window.since_edit.date() == QDate(2026, 10, 12)  # the first session's day
    assert window.until_edit.date() == QDate(2026, 12, 8)  # was the last session's, 26 Oct
    pane = window.adherence_pane
    assert pane is not None and "7 Dec" in pane.chart.note.text()  # the figures' own end
