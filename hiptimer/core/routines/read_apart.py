"""The routine library read on a thread of its own when the user's folder is large, so that
the window answers meanwhile (2,000 files: about a second of CPU, 2-4 s under load)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar, cast

from hiptimer import paths
from hiptimer.core.routines.folder_in_time import NotInTime, in_time
from hiptimer.core.routines.loader import is_routine_file_name

# Up to this many files of the user's are read on the GUI thread, at once: ~0.5 ms of CPU each
# (measured, hip-strengthening copies), so 50 hold the window ~25 ms, or ~100 ms under load,
# and a thread would only delay the list. Past it the window would stop answering.
MANY_FILES = 50

T = TypeVar("T")


def many_user_routines(limit: int = MANY_FILES) -> bool:
    """Whether the user's routine folder holds more than `limit` routine files (only their
    names are listed: ~1 ms for 2,000; a folder that cannot be listed holds none)."""
    folder = paths.user_routines_dir()
    try:  # (a folder that does not answer in time: the catalog names it at once)
        return in_time(folder, lambda: _more_than(folder, limit))
    except (OSError, NotInTime):
        return False


def _more_than(folder: Path, limit: int) -> bool:
    count = 0
    with os.scandir(folder) as entries:
        for entry in entries:
            count += is_routine_file_name(entry.name)
            if count > limit:
                return True
    return False


class ReadApart(Generic[T]):
    """`read()` on a daemon thread (it dies with a quitting app: nothing waits for it).
    `done(self)` is called on that thread once the read has ended, unless stop() came first;
    `result()` waits for it on the thread that asks, and raises what the read raised."""

    def __init__(self, read: Callable[[], T], done: Callable[[ReadApart[T]], None]) -> None:
        self._value: T | None = None
        self._error: Exception | None = None
        self._finished = threading.Event()
        self._stopped = False
        self._lock = threading.Lock()  # done() is called before stop() returns, or never
        threading.Thread(
            target=self._read, args=(read, done), name="routines-read", daemon=True
        ).start()

    def _read(self, read: Callable[[], T], done: Callable[[ReadApart[T]], None]) -> None:
        try:
            self._value = read()
        except Exception as exc:  # raised again by result(), on the thread that asks
            self._error = exc
        finally:
            self._finished.set()
            with self._lock:
                if not self._stopped:
                    done(self)

    @property
    def done(self) -> bool:
        return self._finished.is_set()

    def stop(self) -> None:
        """Nobody wants this read any more (the files changed, or the app quits): `done` is
        not called once this returns. The thread is not waited for."""
        with self._lock:
            self._stopped = True

    def result(self) -> T:
        """What the read returned (waiting for it), or the exception it raised."""
        self._finished.wait()
        if self._error is not None:
            raise self._error
        return cast(T, self._value)  # set by the read, as no error was
