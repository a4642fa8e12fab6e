"""The history read on a connection of its own, for a thread other than the window's: an
export runs there while the window goes on answering (SQLite connections stay on the thread
that uses them)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from hiptimer.core.history import schema as history_schema
from hiptimer.core.history.queries import HistoryQueries


class HistoryReader(HistoryQueries):
    """Every query of the history (HistoryQueries), on `conn`; writes nothing."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> HistoryReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._conn.close()


def file_reader(path: Path) -> HistoryReader:
    """The history file read as it is now, with its -wal file; query_only: no write by
    mistake. The store that opened it has made and mended it, so nothing is checked again."""
    conn = history_schema.connect(path)
    conn.execute("PRAGMA query_only = ON")
    return HistoryReader(conn)


def memory_reader(conn: sqlite3.Connection) -> Callable[[], HistoryReader]:
    """A copy of an in-memory history as it is now (a read-only folder's history read into
    memory, with this run's sessions: what the window shows), for another thread to read."""
    copy = history_schema.connect(":memory:")
    conn.backup(copy)
    return lambda: HistoryReader(copy)
