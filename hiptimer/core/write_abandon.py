"""Abandoning a file being written on another thread: the history window's export, when the
window is closed (or the app quits) before it has finished. The file beside the target is
removed at once and the target is left as it was (safe_write checks here just before it
renames), and the export stops soon (it asks stop_if_abandoned between sessions or pages)."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

# The Abandon of the thread that writes (a context variable: each thread starts without one,
# so the command line and every other writer go ahead as before).
_watched: ContextVar[Abandon | None] = ContextVar("hiptimer_write_abandon", default=None)


# Every Abandon watching a write now, for abandon_all() as the app quits.
_live: set[Abandon] = set()
_live_lock = threading.Lock()


class Abandoned(Exception):
    """The file was not put in place: its writer was abandoned first (raised from the rename,
    or earlier by stop_if_abandoned, when the writer stops short)."""


class Abandon:
    """Once `abandon()` has returned, no file written under `watching()` is put in place.

    The check and the rename hold one lock, so a rename is either done before abandon()
    returns or never done: nothing is left under the final name after a window closed.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._abandoned = False
        self._beside: set[Path] = set()  # the files being written, not yet in place

    def abandon(self) -> None:
        """From now on nothing is put in place, and a file being written beside its target
        is removed now: an app that quits kills the writer's daemon thread before it can."""
        with self._lock:
            self._abandoned = True
            for temp in self._beside:
                with contextlib.suppress(OSError):  # the writer's fd keeps the data till closed
                    os.unlink(temp)
            self._beside.clear()

    @property
    def abandoned(self) -> bool:
        return self._abandoned

    @contextlib.contextmanager
    def watching(self) -> Iterator[None]:
        """Files written in this block, on this thread, obey `abandon()`."""
        token = _watched.set(self)
        with _live_lock:
            _live.add(self)
        try:
            yield
        finally:
            with _live_lock:
                _live.discard(self)
            _watched.reset(token)

    @contextlib.contextmanager
    def _unless_abandoned(self) -> Iterator[None]:
        """Holds the lock through the block, so abandon() waits for it to end; raises
        Abandoned instead if abandon() came first."""
        with self._lock:
            if self._abandoned:
                raise Abandoned
            yield

    @contextlib.contextmanager
    def _writing(self, temp: Path) -> Iterator[None]:
        with self._unless_abandoned():
            self._beside.add(temp)
        try:
            yield
        finally:
            with self._lock:
                self._beside.discard(temp)


@contextlib.contextmanager
def going_ahead() -> Iterator[None]:
    """Put a written file in place inside this block; raises Abandoned instead if its writer
    was abandoned (and holds abandon() off until the block ends)."""
    watched = _watched.get()
    if watched is None:
        yield
        return
    with watched._unless_abandoned():
        yield


@contextlib.contextmanager
def writing_beside(temp: Path) -> Iterator[None]:
    """`temp` is written (beside its target) in this block: its writer's abandon() removes it
    at once. Raises Abandoned if the writer was abandoned already."""
    watched = _watched.get()
    if watched is None:
        yield
        return
    with watched._writing(temp):
        yield


def stop_if_abandoned() -> None:
    """Raise Abandoned if this thread's writer was abandoned: an export whose window closed
    stops here rather than read and draw the rest of the history for nothing."""
    abandon = _watched.get()
    if abandon is not None and abandon.abandoned:
        raise Abandoned


def abandon_all() -> None:
    """The app quits: abandon every write still watched. Their daemon threads die with the
    process, so the files they wrote beside their targets are removed here."""
    with _live_lock:
        live = list(_live)
    for abandon in live:
        abandon.abandon()
