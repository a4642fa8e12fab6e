"""The history window's sessions pane: the chosen session's heading as it reads on screen."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from hiptimer.core.history.store import open_history
from hiptimer.ui.history.session_words import session_heading
from tests.ui.drawn import drawn_x

T0 = datetime(2026, 3, 3, 8, 0, tzinfo=timezone.utc)
ARABIC = "\u062a\u0645\u0627\u0631\u064a\u0646 \u0627\u0644\u0648\u0631\u0643"


def test_a_routine_titled_in_arabic_keeps_the_sessions_time_after_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The outside tester: the heading read "...: 59 · <title> s · 1 of 4 sets done", as a
    number after an Arabic name takes its direction (https://www.unicode.org/reports/tr9/#W2)."""
    with open_history(tmp_path / "history.sqlite3") as store:
        sid = store.begin_session("rtl", ARABIC, 1, {}, T0)
        store.finish_session(sid, "ended_early", T0 + timedelta(seconds=59))
        session = store.list_sessions()[0]
    document = QTextDocument()
    document.setHtml(session_heading(session))
    text = document.toPlainText()
    assert f"{ARABIC} \u00b7 " in text.replace("\u200e", "") and "59 s" in text
    # A title right to left is drawn from its right edge: "59" after it, then "s".
    assert drawn_x(text, ARABIC) < drawn_x(text, "59") < drawn_x(text, " s \u00b7")
