"""The PDF report's sections: a sessions table's cell as it reads when drawn."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from hiptimer.core.history.export import ReportData, gather_report
from hiptimer.core.history.store import open_history
from hiptimer.core.routines.model import Routine
from hiptimer.ui.history.report_sections import session_rows
from tests.harness import hold
from tests.ui.drawn import drawn_x

T0 = datetime(2026, 3, 3, 8, 0, tzinfo=timezone.utc)
ARABIC = "\u062a\u0645\u0627\u0631\u064a\u0646 \u0627\u0644\u0648\u0631\u0643"


def test_a_routine_titled_in_arabic_keeps_its_sets_after_it(qtbot: QtBot, tmp_path: Path) -> None:
    """The outside tester: with two routines in the report, a session's Sets cell is
    "<title>: 0 of 0 sets ...", and the number after the Arabic title took its direction
    (https://www.unicode.org/reports/tr9/#W2), the cell too (it starts right to left)."""
    with open_history(tmp_path / "history.sqlite3") as store:
        for routine_id, title in (("rtl", ARABIC), ("plain", "Plain")):
            sid = store.begin_session(routine_id, title, 1, {}, T0, sets_planned=4)
            store.finish_session(sid, "ended_early", T0 + timedelta(seconds=59))
        sessions = store.list_sessions()
    rows = session_rows(cast(ReportData, SimpleNamespace(sessions=sessions, titles={})))
    cell = next(row[1] for row in rows if ARABIC in row[1])
    document = QTextDocument()
    document.setPlainText(cell)
    assert document.firstBlock().textDirection() is Qt.LayoutDirection.LeftToRight
    number = next(i for i, char in enumerate(cell) if char.isdigit())
    assert drawn_x(cell, ARABIC) < drawn_x(cell, cell[number:])  # <title>: 0 of 4 ...


def test_each_session_names_its_routine_as_the_first_page_does(tmp_path: Path) -> None:
    """user25: sessions done in English, the report made in Spanish: the first page named the
    built-in "Micropausa en el escritorio" (as the library does now), the sessions table
    "Desk micro-break: 2 de 4 series hechas" (as recorded). A routine renamed since is the
    same case; one gone from the library keeps the name its newest session recorded."""
    with open_history(tmp_path / "history.sqlite3") as store:
        for routine_id, title in (("desk", "Desk micro-break"), ("gone", "Old one")):
            sid = store.begin_session(routine_id, title, 1, {}, T0, sets_planned=2)
            store.finish_session(sid, "completed", T0 + timedelta(seconds=59))
        now = Routine("desk", "Micropausa en el escritorio", (hold("circles"),))
        data = gather_report(store, {"desk": now}, now=T0 + timedelta(hours=1))
    assert "Micropausa en el escritorio" in data.routines
    cells = sorted(row[1] for row in session_rows(data))
    assert cells[0].startswith("Micropausa en el escritorio: ")
    assert "Desk micro-break" not in " ".join(cells)
    assert cells[1].startswith("Old one: ")
