"""The history database opened on a thread of its own, so that the window answers meanwhile.

Opening runs SQLite's integrity check and the scan that sets damaged rows aside (issue 13):
about a second on ten years of sessions, which froze the new window when it ran on the GUI
thread. The connection is made on the opening thread and used only by the GUI thread once
the opening has finished (history/schema.py connects with check_same_thread=False for it).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

Store = TypeVar("Store")


class HistoryOpening(Generic[Store]):
    """`open_store(path)` started on a daemon thread; `result()` waits for it."""

    def __init__(self, path: Path, open_store: Callable[[Path], Store]) -> None:
        self.path = path
        self._store: Store | None = None
        self._error: Exception | None = None
        self._finished = threading.Event()
        threading.Thread(
            target=self._open, args=(open_store,), name="history-open", daemon=True
        ).start()

    def _open(self, open_store: Callable[[Path], Store]) -> None:
        try:
            self._store = open_store(self.path)
        except Exception as exc:  # raised again by result(), on the thread that asks
            self._error = exc
        finally:
            self._finished.set()

    @property
    def done(self) -> bool:
        return self._finished.is_set()

    def result(self) -> Store:
        """The opened store (waiting for it), or the exception opening raised."""
        self._finished.wait()
        if self._error is not None:
            raise self._error
        assert self._store is not None
        return self._store
