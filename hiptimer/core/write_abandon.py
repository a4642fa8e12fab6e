"""Abandoning a file being written on another thread: the history window's export, when the
window is closed before it has finished. The file beside the target is removed and the target
is left as it was (safe_write checks here just before it renames)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from contextvars import ContextVar

# The Abandon of the thread that writes (a context variable: each thread starts without one,
# so the command line and every other writer go ahead as before).
_watched: ContextVar[Abandon | None] = ContextVar("hiptimer_write_abandon", default=None)


class Abandoned(Exception):
    """The file was not put in place: its writer was abandoned first."""


class Abandon:
    """Once `abandon()` has returned, no file written under `watching()` is put in place.

    The check and the rename hold one lock, so a rename is either done before abandon()
    returns or never done: nothing is left under the final name after a window closed.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._abandoned = False

    def abandon(self) -> None:
        with self._lock:
            self._abandoned = True

    @property
    def abandoned(self) -> bool:
        return self._abandoned

    @contextlib.contextmanager
    def watching(self) -> Iterator[None]:
        """Files written in this block, on this thread, obey `abandon()`."""
        token = _watched.set(self)
        try:
            yield
        finally:
            _watched.reset(token)

    @contextlib.contextmanager
    def _going_ahead(self) -> Iterator[None]:
        with self._lock:
            if self._abandoned:
                raise Abandoned
            yield


@contextlib.contextmanager
def going_ahead() -> Iterator[None]:
    """Put a written file in place inside this block; raises Abandoned instead if its writer
    was abandoned (and holds abandon() off until the block ends)."""
    watched = _watched.get()
    if watched is None:
        yield
        return
    with watched._going_ahead():
        yield
