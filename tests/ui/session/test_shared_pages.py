"""Tests of the workout pages shared between tests: kept while unchanged, the guard otherwise."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from hiptimer.core.session.steps import StepKind
from tests.harness import hold, quick_routine
from tests.ui.looks import apply_look
from tests.ui.session.shared_pages import SharedPage, SharedPages
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

STRETCH = quick_routine(
    hold("hamstring-stretch", 10, setup=("Lie face up.", "Draw one knee up.")),
    hold("walk", 60, name="Easy walking"),
)


def get_ready(p: SharedPage) -> None:
    p.driver.start()
    p.until(StepKind.GET_READY)


@pytest.fixture
def shared(qapp: QApplication) -> Iterator[SharedPages]:
    pages = SharedPages()
    yield pages
    pages.close()


def test_a_page_left_as_it_was_is_shown_again_to_the_next_test(
    qapp: QApplication, shared: SharedPages
) -> None:
    apply_look(qapp, "dark", 100)
    first = shared.show(STRETCH, get_ready, (1268, 756))
    assert first.shared.driver.view().step.kind is StepKind.GET_READY
    shared.put_back(first)
    again = shared.show(STRETCH, get_ready, (1012, 724))
    assert again.page is first.page and again.page.size().toTuple() == (1012, 724)
    assert not again.shared.driver.timer_active  # no wake-up between the tests
    shared.put_back(again)
    apply_look(qapp, "dark", 150)  # another look: another page, and only one kept
    large = shared.show(STRETCH, get_ready, (1012, 724))
    assert large.page is not first.page and shared.built == 2
    assert list(shared.pages) == [large.key]
    shared.put_back(large)


def test_with_two_kept_the_least_recently_shown_is_closed_first(qapp: QApplication) -> None:
    pages = SharedPages(kept=2)
    try:
        apply_look(qapp, "dark", 100)
        normal = pages.show(STRETCH, get_ready, (1012, 724))
        apply_look(qapp, "dark", 150)
        large = pages.show(STRETCH, get_ready, (1012, 724))
        apply_look(qapp, "dark", 100)
        assert pages.show(STRETCH, get_ready, (1268, 756)).page is normal.page
        apply_look(qapp, "dark", 125)
        pages.show(STRETCH, get_ready, (1268, 756))
        assert pages.built == 3 and large.key not in pages.pages and normal.key in pages.pages
    finally:
        pages.close()


@pytest.mark.parametrize(
    "change",
    [
        lambda p: p.advance(1.0),
        lambda p: p.driver.next(),
        lambda p: p.page.show_caption("Changed."),
        lambda p: p.page.coaching.highlight(1),
        lambda p: p.page.timer.place_figure(above=not p.page.timer.figure_above),
        lambda p: p.page.setMinimumSize(800, 600),
        lambda p: p.page.hide(),
    ],
    ids=["clock", "step", "caption", "step read", "figure", "minimum size", "hidden"],
)
def test_a_test_that_leaves_the_page_changed_fails_and_the_next_gets_a_new_one(
    qapp: QApplication, shared: SharedPages, change: Callable[[SharedPage], object]
) -> None:
    apply_look(qapp, "dark", 100)
    shown = shared.show(STRETCH, get_ready, (1012, 724))
    change(shown.shared)
    with pytest.raises(pytest.fail.Exception, match="left the shared workout page changed"):
        shared.put_back(shown)
    assert shared.pages == {}
    assert shared.show(STRETCH, get_ready, (1012, 724)).page is not shown.page


def test_a_page_is_shown_only_in_the_look_the_test_set(shared: SharedPages) -> None:
    with pytest.raises(AssertionError, match="set the look"):
        shared.show(STRETCH, get_ready, (1012, 724))
