"""A history file the user may not read or write: the reason says so, not SQLite's bare words."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from hiptimer.core.history import schema as history_schema
from hiptimer.core.history.status import HistoryState
from hiptimer.core.history.store import open_history
from tests.core.history.stored import a_session, a_set, read


def not_yours(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    """`db_path` with no permission for this user (chmod 000, or another user's 600): access(2)
    says so and SQLite opens it not. Played: root ignores permissions."""
    access, connect = os.access, history_schema.connect

    def fake_access(path: Any, mode: int, **kwargs: Any) -> bool:
        return False if Path(os.fspath(path)) == db_path else access(path, mode, **kwargs)

    def refuse(path: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if Path(str(path)) == db_path:
            raise sqlite3.OperationalError("unable to open database file")
        return connect(path, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(os, "access", fake_access)
    monkeypatch.setattr(history_schema, "connect", refuse)


def test_a_history_file_without_permission_is_named_as_such_and_keeps_the_sets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """user22, as a user who is not root: a history.sqlite3 left at mode 000 (or another
    user's) gave the strip and `hiptimer history` only SQLite's "cannot open (file): unable to
    open database file", which names no problem a person can fix. It now says the file may
    not be read by this user (or written: SQLite's 'attempt to write a readonly database'); the sets wait and are saved once it may."""
    db_path = tmp_path / "history.sqlite3"
    with open_history(db_path) as store:
        store.add_set(a_session(store), a_set())
    with monkeypatch.context() as m:
        not_yours(m, db_path)
        store = open_history(db_path)
        assert store.status.state is HistoryState.NOT_SAVING
        assert store.status.reason == (
            f"cannot open {db_path}: you have no permission to read it "
            "(unable to open database file)"
        )
        store.add_set(a_session(store), a_set())
    assert store.retry()
    store.close()
    assert read(db_path, "SELECT count(*) FROM sets") == [(2,)]
