"""Tests of the history read on a thread of its own (an export of the window): the file on a
connection of that thread, or a copy of a history held in memory, as the window shows it."""

from __future__ import annotations

import io
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from hiptimer.core.history.queries import HistoryQueries
from hiptimer.core.history.store import open_history
from tests.core.history.old_files import read_only_mount, version_6_file
from tests.core.history.stored import T0, a_session, a_set

Result = TypeVar("Result")


def on_a_thread(read: Callable[[], Result]) -> Result:
    """What `read` returns, run on a thread of its own (as the window's export runs)."""
    found: list[Result] = []
    thread = threading.Thread(target=lambda: found.append(read()))
    thread.start()
    thread.join()
    return found[0]


def sets_in_csv(reader: HistoryQueries) -> int:
    return reader.export_csv(io.StringIO(newline=""))


def test_another_thread_reads_the_file_on_its_own_connection_and_writes_nothing(
    tmp_path: Path,
) -> None:
    with open_history(tmp_path / "history.sqlite3") as store:
        store.add_set(a_session(store), a_set())
        open_reader = store.reader()

        def read() -> tuple[int, int]:
            with open_reader() as reader:
                with pytest.raises(sqlite3.OperationalError, match="readonly"):
                    reader._conn.execute("DELETE FROM sets")
                return len(reader.list_sessions()), sets_in_csv(reader)

        assert on_a_thread(read) == (1, 1)
        assert len(store.list_sessions()) == 1


def test_a_read_only_folders_history_is_read_with_this_runs_sessions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The history read into memory (read_only_copy) and this run's session beside it: the
    # window lists both, and its export must write both.
    listed = len(version_6_file(tmp_path / "history.sqlite3"))
    read_only_mount(monkeypatch, tmp_path)
    store = open_history(tmp_path / "history.sqlite3")
    assert store.status.read_only is not None  # read_only_copy's, with this run's beside
    sets_before, later = sets_in_csv(store), T0.replace(year=2030)
    sid = a_session(store, later)
    store.add_set(sid, a_set(start=later))
    open_reader = store.reader()  # copied now, on the window's thread
    store.add_set(sid, a_set(number=2, start=later))  # after: not in it

    def read() -> list[int]:
        with open_reader() as reader:
            return [len(reader.list_sessions()), sets_in_csv(reader)]

    assert on_a_thread(read) == [listed + 1, sets_before + 1]
    assert len(store.list_sessions()) == listed + 1  # the store's own still answers
