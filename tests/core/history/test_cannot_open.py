"""A history that cannot open on a full disk says the disk is full, not "disk I/O error"."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from hiptimer.core.history import schema as history_schema
from hiptimer.core.history.status import HistoryState
from hiptimer.core.history.store import open_history
from tests.core.history.stored import a_session, a_set, read

SHMSIZE = 10 | (19 << 8)  # SQLITE_IOERR_SHMSIZE: what WAL mode meets on a full disk


def refused(monkeypatch: pytest.MonkeyPatch, db_path: Path, free_bytes: int) -> None:
    """SQLite's "disk I/O error" on opening `db_path`, on a disk with `free_bytes` left: seen
    with HIPTIMER_HOME on a 64 KiB tmpfs (played: a test cannot fill a real disk)."""
    connect, statvfs = history_schema.connect, os.statvfs

    def refuse(path: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if Path(str(path)) == db_path:
            exc = sqlite3.OperationalError("disk I/O error")
            exc.sqlite_errorcode = SHMSIZE  # type: ignore[attr-defined]
            raise exc
        return connect(path, *args, **kwargs)  # type: ignore[no-any-return]

    def room(path: Any) -> Any:
        if Path(os.fspath(path)) == db_path.parent:
            return SimpleNamespace(f_bavail=free_bytes // 4096, f_frsize=4096)
        return statvfs(path)

    monkeypatch.setattr(history_schema, "connect", refuse)
    monkeypatch.setattr(os, "statvfs", room)


def test_a_full_disk_is_named_and_the_sets_wait(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The strip said "cannot open (file): disk I/O error", which names nothing to free."""
    db_path = tmp_path / "history.sqlite3"
    with monkeypatch.context() as m:
        refused(m, db_path, free_bytes=12 * 1024)
        store = open_history(db_path)
        assert store.status.state is HistoryState.NOT_SAVING
        assert store.status.reason == (
            f"cannot open {db_path}: the disk is full, free some space (disk I/O error)"
        )
        store.add_set(a_session(store), a_set())
    assert store.retry()  # space freed: the set waiting is saved
    store.close()
    assert read(db_path, "SELECT count(*) FROM sets") == [(1,)]


def test_an_io_error_with_room_left_keeps_sqlite_s_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = tmp_path / "history.sqlite3"
    refused(monkeypatch, db_path, free_bytes=50 * 1024 * 1024)
    store = open_history(db_path)
    assert store.status.reason == f"cannot open {db_path}: disk I/O error"
    store.close()
