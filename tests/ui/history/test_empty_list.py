"""The history window with nothing to list says why, rather than "No session chosen."."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history.store import open_history
from hiptimer.ui.history.window import HistoryWindow
from tests.history_data import HIPS, STRETCH

NOW = datetime(2030, 1, 2, 9, 30, tzinfo=timezone.utc)


def test_a_new_user_is_told_sets_will_appear_here(qtbot: QtBot, tmp_path: Path) -> None:
    with open_history(tmp_path / "history.sqlite3") as store:
        window = HistoryWindow(store, [HIPS, STRETCH], wall=lambda: NOW)
        qtbot.addWidget(window)
        window.set_filters(None, None, None)
        assert window.sessions_pane.heading.text() == (
            "No sessions yet. Each set is saved here as soon as you finish it."
        )


def test_filters_that_leave_out_every_session_say_so(qtbot: QtBot, tmp_path: Path) -> None:
    with open_history(tmp_path / "history.sqlite3") as store:
        sid = store.begin_session(HIPS.id, HIPS.title, 1, {}, NOW - timedelta(days=400))
        store.finish_session(sid, "completed", NOW - timedelta(days=400, seconds=-60))
        window = HistoryWindow(store, [HIPS, STRETCH], wall=lambda: NOW)
        qtbot.addWidget(window)
        window.set_filters(None, date(2029, 12, 1), date(2030, 1, 2))
        assert window.sessions_pane.heading.text().startswith("No sessions for this routine")
        window.set_filters(None, None, None)
        assert window.sessions_pane.sessions.rowCount() == 1


def test_the_empty_list_is_explained_in_spanish(qtbot: QtBot, tmp_path: Path) -> None:
    i18n.use("es")
    with open_history(tmp_path / "history.sqlite3") as store:
        window = HistoryWindow(store, [HIPS, STRETCH], wall=lambda: NOW)
        qtbot.addWidget(window)
        window.set_filters(None, None, None)
        assert window.sessions_pane.heading.text().startswith("Aún no hay sesiones")
