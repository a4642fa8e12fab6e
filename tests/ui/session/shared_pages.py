"""Workout pages shared between tests that only look at them, and the guard that they do."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget

from hiptimer import i18n
from hiptimer.core.routines.model import Routine
from hiptimer.ui import theme
from hiptimer.ui.session.workout_page import WorkoutPage
from tests.ui import looks
from tests.ui.sessions import DriverOnFakeClock

# Kept by tests/conftest.py's delete_closed_widgets, which deletes every other new window
# (the property tests/ui/history/shared_windows.py gives its windows).
SHARED = "hiptimer_test_shared"


class SharedPage(DriverOnFakeClock):
    """A muted workout page on a fake clock, kept (shown, its driver's timer stopped) between
    the tests that look at the same moment of the same routine in the same language and look."""

    def __init__(self, r: Routine) -> None:
        super().__init__(r)
        self.page = WorkoutPage(self.driver, muted=True)
        self.page.setProperty(SHARED, True)
        self.page.setMinimumSize(1, 1)  # the offscreen screen of the tests is smaller

    def settle(self) -> None:
        QApplication.processEvents()  # the layout requests the resizes posted

    def box(self, widget: QWidget) -> QRect:
        return QRect(widget.mapTo(self.page, QPoint(0, 0)), widget.size())


# Brings a new page's session on its fake clock to the moment the tests look at: a frozen
# dataclass (or a module-level function), so that its repr names the moment for the key.
Reach = Callable[[SharedPage], None]
Key = tuple[str, str, str, str, float]  # routine, moment, language, look, text size


def state(p: SharedPage) -> dict[str, object]:
    """What the tests of a shared page depend on, beyond the size and look each one sets: the
    session's moment on its clock, and what a test may change on the page without it."""
    page = p.page
    return {
        "view": p.driver.view(),
        "clock": p.clock.now(),
        "caption": page.caption.text(),
        "steps shown": page.coaching.isVisibleTo(page),
        "step spoken": page.coaching.spoken,
        "steps heading": page.coaching.heading.text(),
        "figure above": page.timer.figure_above,
        "pain choice": page.pain.asking_choice,
        "minimum": page.minimumSize().toTuple(),
        "visible": page.isVisible(),
    }


@dataclass
class Shown:
    """A shared page as a test gets it, at its size, and what it was then."""

    shared: SharedPage
    key: Key
    before: dict[str, object]

    @property
    def page(self) -> WorkoutPage:
        return self.shared.page


class SharedPages:
    """One workout page per (routine, moment, language, look, text size), built on first use
    and kept for the module's next tests that ask for the same; `kept` at a time, the least
    recently shown closed first (each look change re-polishes every one kept)."""

    def __init__(self, kept: int = 1) -> None:
        self.kept = kept
        self.pages: dict[Key, SharedPage] = {}
        self.built = 0
        _open.append(self)

    def show(self, r: Routine, reach: Reach, size: tuple[int, int]) -> Shown:
        """The page of `r` at the moment `reach` brings it to, in the language and look in
        use, shown at `size` and laid out. The test sets its look first (apply_look)."""
        assert looks.set_by_this_test(), "set the look (apply_look) before showing a shared page"
        look = theme.current()
        key = (repr(r), repr(reach), i18n.language(), look.name, theme.text_scale())
        if key not in self.pages:
            while len(self.pages) >= self.kept:
                self.drop(next(iter(self.pages)))
            self.built += 1
            p = self.pages[key] = SharedPage(r)
            p.page.resize(*size)
            p.page.show()
            reach(p)
        p = self.pages[key] = self.pages.pop(key)  # the most recently shown last
        p.page.resize(*size)
        p.page.show()
        # As in the app: the resize laid out, then the session's next wake-up on the clock
        # (not moved) draws the moment again at the new size, and that is laid out.
        for _ in range(3):
            p.settle()
            p.driver.poll()
        p.driver.stop()  # a moment a test looks at: no wake-up of its own meanwhile
        p.settle()
        return Shown(p, key, state(p))

    def put_back(self, shown: Shown) -> None:
        """Keep the page for the next test; fail the test that changed it (and drop it)."""
        shown.shared.driver.stop()
        after = state(shown.shared)
        changed = sorted(k for k in after if after[k] != shown.before[k])
        if changed:
            self.drop(shown.key)
            pytest.fail(f"the test left the shared workout page changed: {changed}")

    def drop(self, key: Key) -> None:
        p = self.pages.pop(key)
        p.driver.stop()
        p.page.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def close_pages(self) -> None:
        for key in list(self.pages):
            self.drop(key)

    def close(self) -> None:
        self.close_pages()
        _open.remove(self)


_open: list[SharedPages] = []


@pytest.fixture(scope="module")
def shared_pages(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[SharedPages]:
    """The module's shared pages: SHARED_PAGES_KEPT of them at a time (1 unless it says)."""
    pages = SharedPages(getattr(request.module, "SHARED_PAGES_KEPT", 1))
    yield pages
    pages.close()


@pytest.fixture(autouse=True)
def no_idle_shared_page(request: pytest.FixtureRequest) -> None:
    """Close the shared pages before a test that does not use them: left open, each would
    take every look change that test made."""
    if "shared_page" not in request.fixturenames:
        for pages in _open:
            pages.close_pages()


ShowShared = Callable[[Routine, Reach, tuple[int, int]], Shown]


@pytest.fixture
def shared_page(shared_pages: SharedPages) -> Iterator[ShowShared]:
    """show(routine, reach, size): a shared page, checked after the test and kept for the next."""
    shown: list[Shown] = []

    def show(r: Routine, reach: Reach, size: tuple[int, int]) -> Shown:
        shown.append(shared_pages.show(r, reach, size))
        return shown[-1]

    yield show
    for one in shown:
        shared_pages.put_back(one)
