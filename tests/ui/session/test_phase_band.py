"""Tests for the phase band in large print: the word read first from the mat never gets smaller."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.routines.model import SideMode
from hiptimer.core.session.steps import StepKind
from hiptimer.ui import theme
from tests.harness import hold, quick_routine
from tests.ui.session.large_print import SMALL, WIDE, Page, Size
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

# The page on an 800 x 600 and a 1024 x 600 screen (menu bar, frame).
LOW = (788, 519)
NETBOOK = (1012, 500)


def band(qtbot: QtBot, qapp: QApplication, text_size: int, size: Size) -> dict[StepKind, int]:
    """The phase word's pixel size in the get-ready (steps shown) and in a set, at `text_size`
    per cent on a page of `size`."""
    theme.apply(qapp, "light", text_size)
    steps = ("Lie on your side, knees bent.", "Lift the top knee.", "Lower it slowly.")
    clam = hold("clam", 30, name="Side-lying clamshell", sides=SideMode.EACH, setup=steps)
    p = Page(qtbot, quick_routine(clam, hold("walk", 60, name="Easy walking")), size)
    seen: dict[StepKind, int] = {}
    try:
        p.driver.start()
        for kind in (StepKind.GET_READY, StepKind.WORK):
            p.until(kind)
            p.settle()
            seen[kind] = p.page.banner.pixel_size()
            word = p.page.banner
            ink = word.fontMetrics().tightBoundingRect(word.text()).height()
            assert ink <= word.contentsRect().height() * 0.9, (kind, text_size, size)  # whole
    finally:
        p.driver.stop()
    return seen


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [WIDE, SMALL, NETBOOK, LOW], ids=str)
def test_large_print_never_makes_the_phase_word_smaller(
    qtbot: QtBot, app_look: QApplication, size: Size, language: str
) -> None:
    # At 1280 x 800 in large print the word was ~20 px in a 38 px band, against ~30 px in a
    # 50 px band at 100 %: the exercise's name, larger, took the band's room.
    i18n.use(language)  # English again after the test (tests/conftest.py)
    normal = band(qtbot, app_look, 100, size)
    for text_size in (125, 150):
        large = band(qtbot, app_look, text_size, size)
        for kind, px in normal.items():
            assert large[kind] >= px, (kind, text_size, large[kind], px)
