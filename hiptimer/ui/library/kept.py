"""Work handed to a thread, kept until it cannot be the thread's last reference (no Qt)."""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class LastTwo(Generic[T]):
    """The last two things started on threads of their own (LibraryReading: the library's
    reads, the rows' lengths). The rule, stated once: what a thread emits from is never left to
    that thread alone, or Python frees it there as the thread ends (a QObject freed off its
    own thread); the one before the last is kept too, as the last may be replaced while the
    one before still ends. The one before that is let go: another whole read or computation
    has begun since, and it ended long before."""

    def __init__(self) -> None:
        self._kept: list[T] = []

    def add(self, started: T) -> T:
        """Keep `started` (and the one before it); returned, for `x = kept.add(Work())`."""
        self._kept = [*self._kept[-1:], started]
        return started

    @property
    def last(self) -> T | None:
        """The last one started, or None."""
        return self._kept[-1] if self._kept else None
