"""Windows shared between tests that only look at them: the pool kept per look, and the guard."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, ParamSpec, TypeVar

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

# Kept by tests/conftest.py's delete_closed_widgets, which deletes every other new window.
SHARED = "hiptimer_test_shared"

K = TypeVar("K", bound=Hashable)  # what a test asks for, with the look: one window each
T = TypeVar("T")  # what is kept for a key: its window, with what built it
P = ParamSpec("P")
W = TypeVar("W", bound=QWidget)


def share(window: W) -> W:
    """`window`, new, kept as shared: not deleted after the test, and as small as a test sets."""
    window.setProperty(SHARED, True)
    window.setMinimumSize(1, 1)  # the offscreen screen of the tests is smaller
    return window


@dataclass
class Lent(Generic[K, T]):
    """A shared window as a test gets it, and what it was then (for the guard)."""

    kept: T
    key: K
    before: dict[str, object]


S = TypeVar("S", bound=Lent[Any, Any])  # a module's own Lent, named for what it lends


class SharedPool(Generic[K, T]):
    """One window per key (what a test looks at, in which language and look), built on first
    use and kept for the module's next tests that ask for the same; `kept` at a time, the least
    recently shown closed first (each look change re-polishes every window kept). A module of
    the pool says what a key's window is (`window`), what its tests depend on (`state`), and
    what to stop before a look or a drop (`stop`); its tests get them through `lend`."""

    what: ClassVar[str]  # the failure names it: "the test left the shared {what} changed"
    fixture: ClassVar[str]  # the fixture that lends them: a test without it closes the pool

    def __init__(self, kept: int = 1) -> None:
        self.kept = kept
        self.items: dict[K, T] = {}
        self.built = 0
        _open.append(self)

    def window(self, item: T) -> QWidget:
        raise NotImplementedError

    def state(self, item: T) -> dict[str, object]:
        raise NotImplementedError

    def stop(self, item: T) -> None:
        """What of `item` could change it by itself (a timer) while no test looks."""

    def take(self, key: K, build: Callable[[], T]) -> T:
        """The window kept for `key`, else one `build` makes (its window made by `share`);
        either way the most recently shown from now on."""
        if key not in self.items:
            while len(self.items) >= self.kept:
                self.drop(next(iter(self.items)))
            self.built += 1
            self.items[key] = build()
        item = self.items[key] = self.items.pop(key)
        return item

    def put_back(self, shown: Lent[K, T]) -> None:
        """Keep the window for the next test; fail the test that changed it (and drop it)."""
        self.stop(shown.kept)
        after = self.state(shown.kept)
        changed = sorted(k for k in after if after[k] != shown.before[k])
        if changed:
            self.drop(shown.key)
            pytest.fail(f"the test left the shared {self.what} changed: {changed}")

    def drop(self, key: K) -> None:
        item = self.items.pop(key)
        self.stop(item)
        self.window(item).deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def close_all(self) -> None:
        for key in list(self.items):
            self.drop(key)

    def close(self) -> None:
        self.close_all()
        _open.remove(self)


_open: list[SharedPool[Any, Any]] = []


@pytest.fixture(autouse=True)
def no_idle_shared(request: pytest.FixtureRequest) -> None:
    """Close the shared windows before a test that does not use them: left open, each took
    every look change that test made (~0.2 s of CPU a change for a History window)."""
    for pool in _open:
        if pool.fixture not in request.fixturenames:
            pool.close_all()


def lend(pool: SharedPool[K, T], show: Callable[P, S]) -> Iterator[Callable[P, S]]:
    """A fixture body: `show` for one test, each window it showed checked after the test (the
    guard, `put_back`) and kept for the next."""
    shown: list[S] = []

    def lent(*args: P.args, **kwargs: P.kwargs) -> S:
        shown.append(show(*args, **kwargs))
        return shown[-1]

    yield lent
    for one in shown:
        pool.put_back(one)
