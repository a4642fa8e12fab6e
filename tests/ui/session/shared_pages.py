"""Workout pages shared between tests that only look at them, and the guard that they do."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget

from hiptimer import i18n
from hiptimer.core.routines.model import Routine
from hiptimer.ui import theme
from hiptimer.ui.session.workout_page import WorkoutPage
from tests.ui import looks
from tests.ui.sessions import DriverOnFakeClock
from tests.ui.shared_pool import Lent, SharedPool, lend, share


class SharedPage(DriverOnFakeClock):
    """A muted workout page on a fake clock, kept (shown, its driver's timer stopped) between
    the tests that look at the same moment of the same routine in the same language and look."""

    def __init__(self, r: Routine) -> None:
        super().__init__(r)
        self.page = share(WorkoutPage(self.driver, muted=True))

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


class Shown(Lent[Key, SharedPage]):
    """A shared page as a test gets it, at its size, and what it was then."""

    @property
    def shared(self) -> SharedPage:
        return self.kept

    @property
    def page(self) -> WorkoutPage:
        return self.kept.page


class SharedPages(SharedPool[Key, SharedPage]):
    """One workout page per (routine, moment, language, look, text size), `kept` at a time
    (tests/ui/shared_pool.py)."""

    what = "workout page"
    fixture = "shared_page"

    @property
    def pages(self) -> dict[Key, SharedPage]:
        return self.items

    def window(self, item: SharedPage) -> QWidget:
        return item.page

    def state(self, item: SharedPage) -> dict[str, object]:
        return state(item)

    def stop(self, item: SharedPage) -> None:
        item.driver.stop()

    def show(self, r: Routine, reach: Reach, size: tuple[int, int]) -> Shown:
        """The page of `r` at the moment `reach` brings it to, in the language and look in
        use, shown at `size` and laid out. The test sets its look first (apply_look)."""
        assert looks.set_by_this_test(), "set the look (apply_look) before showing a shared page"
        key = (repr(r), repr(reach), i18n.language(), theme.current().name, theme.text_scale())
        p = self.take(key, lambda: self.build(r, reach, size))
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

    @staticmethod
    def build(r: Routine, reach: Reach, size: tuple[int, int]) -> SharedPage:
        p = SharedPage(r)
        p.page.resize(*size)
        p.page.show()
        reach(p)
        return p


@pytest.fixture(scope="module")
def shared_pages(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[SharedPages]:
    """The module's shared pages: SHARED_PAGES_KEPT of them at a time (1 unless it says)."""
    pages = SharedPages(getattr(request.module, "SHARED_PAGES_KEPT", 1))
    yield pages
    pages.close()


ShowShared = Callable[[Routine, Reach, tuple[int, int]], Shown]


@pytest.fixture
def shared_page(shared_pages: SharedPages) -> Iterator[ShowShared]:
    """show(routine, reach, size): a shared page, checked after the test and kept for the next."""
    yield from lend(shared_pages, shared_pages.show)
