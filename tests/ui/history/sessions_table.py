"""The sessions table model over the shared test history."""

from __future__ import annotations

from pathlib import Path

from hiptimer.core.history.store import open_history
from hiptimer.ui.history.sessions_model import SessionsModel
from tests.history_data import Weeks, fill


def sessions_model(folder: Path, weeks: Weeks) -> SessionsModel:
    """The sessions table of the shared test history."""
    with open_history(folder / "history.sqlite3") as store:
        fill(store, weeks)
        sessions = store.list_sessions()
    model = SessionsModel()
    model.set_rows(sessions)
    return model
