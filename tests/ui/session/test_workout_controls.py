"""Tests for the workout's buttons on a 1024 x 600 screen in large print: read from the mat,
whole, and the count still by far the largest thing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.ui import theme
from hiptimer.ui.widgets.control_bar import TIGHT_PADDING_X
from tests.ui.session.large_print import Page, second_set_counted
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

NETBOOK = (1012, 500)  # the page on a 1024 x 600 screen: less the frame and the menu bar
READ_FROM_THE_MAT = 18  # px: the body text's size at 100 %, the least at 150 %
LEAST_PX = 14  # the least for any words read from the mat
NARROW = (788, 500)  # the page on an 800 x 600 screen


@pytest.mark.parametrize("language", ["en", "es"])
def test_at_1024_x_600_in_large_print_the_buttons_read_from_the_mat(
    qtbot: QtBot, app_look: QApplication, language: str
) -> None:
    # In Spanish the eleven buttons were 11 px in one row (13 px in English): two rows of
    # two lines would have taken the count half its size, so the keys go beside the words.
    i18n.use(language)
    theme.apply(app_look, "high-contrast", 150)
    p = second_set_counted(qtbot, NETBOOK)
    try:
        buttons = p.buttons()
        boxes = whole_and_apart(p, READ_FROM_THE_MAT)
        assert {b.text().count("[") for b in buttons if b.isEnabled()} == {1}  # keys still shown
        # The count, read from the mat, stays by far the largest; the cue larger than them.
        px = max(b.font().pixelSize() for b in buttons)
        assert p.page.big.pixel_size() >= 100 and p.page.big.pixel_size() >= 5 * px
        assert p.page.caption.font().pixelSize() >= px
        above = [p.page.time_left, p.page.progress, p.page.caption, p.page.big]
        assert all(p.box(w).bottom() < min(b.top() for b in boxes) for w in above)
    finally:
        p.driver.stop()


@pytest.mark.parametrize(
    ("size", "scale"),
    [(NETBOOK, 100), (NARROW, 100), (NARROW, 150)],
    ids=["1024", "800", "800-150"],
)
@pytest.mark.parametrize("language", ["en", "es"])
def test_on_a_small_screen_the_buttons_words_are_never_under_the_least(
    qtbot: QtBot, app_look: QApplication, language: str, size: tuple[int, int], scale: int
) -> None:
    # The size asked for follows the page's height: 12 px at 100 % on 1024 x 600 (the words
    # of eleven buttons, seen under Xvfb from 2 m), and in large print on 800 x 600 two rows
    # in Spanish were 13 px. Now at least 14 px, in two rows where one would be smaller.
    i18n.use(language)
    theme.apply(app_look, "dark", scale)
    p = second_set_counted(qtbot, size)
    try:
        whole_and_apart(p, LEAST_PX)
        assert p.page.big.pixel_size() >= 100  # the count keeps by far the most room
    finally:
        p.driver.stop()


def whole_and_apart(p: Page, least_px: int) -> list[QRect]:
    """Each button shown at `least_px` or more, whole on the page with all its words, none
    over another: their boxes on the page."""
    buttons = p.buttons()
    boxes = [p.box(b) for b in buttons]
    page = p.page.contentsRect()
    for button, box in zip(buttons, boxes, strict=True):
        name = button.accessibleName()
        assert button.font().pixelSize() >= least_px, name
        assert page.contains(box), name  # whole, on the page
        metrics = QFontMetrics(button.font())
        words = max(metrics.horizontalAdvance(line) for line in button.text().split("\n"))
        assert words + 2 * TIGHT_PADDING_X <= box.width(), name  # no word or key cut off
        assert box.height() >= button.sizeHint().height(), name
        assert not any(box.intersects(other) for other in boxes if other != box), name
    return boxes
