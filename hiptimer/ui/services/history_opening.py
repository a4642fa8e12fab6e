"""The history database opened on a thread of its own, so that the window answers meanwhile.

Opening runs SQLite's integrity check and the scan that sets damaged rows aside (issue 13):
about a second on ten years of sessions, which froze the new window when it ran on the GUI
thread. The connection is made on the opening thread and used only by the GUI thread once
the opening has finished (history/schema.py connects with check_same_thread=False for it).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from hiptimer.core.write_abandon import Abandon


class Closable(Protocol):
    def close(self) -> None: ...


Store = TypeVar("Store", bound=Closable)


class HistoryOpening(Generic[Store]):
    """`open_store(path)` started on a daemon thread; `result()` waits for it, `abandon()`
    does not (the app quits: the store is closed by the thread when it has opened)."""

    def __init__(self, path: Path, open_store: Callable[[Path], Store]) -> None:
        self.path = path
        self._store: Store | None = None
        self._error: Exception | None = None
        self._finished = threading.Event()
        # Its writes (a notice file, a backup before migrating) obey abandon(): one still
        # beside its target is removed then, as the thread dies with the quitting app.
        self._abandon = Abandon()
        self._lock = threading.Lock()  # the store is either taken by result() or closed
        threading.Thread(
            target=self._open, args=(open_store,), name="history-open", daemon=True
        ).start()

    def _open(self, open_store: Callable[[Path], Store]) -> None:
        try:
            with self._abandon.watching():
                store = open_store(self.path)
            with self._lock:
                if self._abandon.abandoned:
                    with contextlib.suppress(Exception):  # nobody will ask for it
                        store.close()
                else:
                    self._store = store
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

    def abandon(self) -> None:
        """Nobody will ask for the store: close it once it has opened (now, if it has), and
        stop its writes (abandon_all does too, as the app quits). Never waits for it."""
        with self._lock:
            self._abandon.abandon()
            store, self._store = self._store, None
        if store is not None:
            with contextlib.suppress(Exception):
                store.close()
