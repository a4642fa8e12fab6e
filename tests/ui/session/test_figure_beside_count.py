"""A lying figure beside the count in a set: the line over the count does not take its room."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n, paths
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.translation import translated
from hiptimer.core.session.steps import StepKind
from tests.harness import hold, quick_routine
from tests.ui.looks import apply_look
from tests.ui.session.large_print import Page
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

NETBOOK, LOW = (1012, 500), (788, 519)  # the page on a 1024 x 600 and an 800 x 600 screen
# The figure's drawn height, the count's size (px) as it was before: the figure 42 px tall at
# 1024 x 600 in Spanish large print and 24 px at 800 x 600, the count 141 px and 170 px.
LOOKS = [
    (NETBOOK, "es", 150, 141),
    (NETBOOK, "en", 100, 168),
    (LOW, "es", 100, 110),
]
LEAST_FIGURE = (
    90  # px: a lying figure's ~2.5 cm read from the mat, the count's height at least half
)


@pytest.mark.parametrize(("size", "language", "text_size", "count_px"), LOOKS)
def test_a_lying_figure_keeps_its_room_beside_a_wide_line_over_the_count(
    qtbot: QtBot,
    app_look: QApplication,
    size: tuple[int, int],
    language: str,
    text_size: int,
    count_px: int,
) -> None:
    # "Serie 1 de 2  DERECHA  Quedan 1:43 en esta serie" over the count took 820 of the 980 px
    # at 1024 x 600 in large print: the count's column was as wide as it, and the side-lying
    # leg raise's figure had 133 px of width, 42 px of height, in a set (Xvfb, session 27).
    i18n.use(language)  # English again after the test (tests/conftest.py)
    apply_look(app_look, "dark", text_size)
    path = paths.builtin_routines_dir() / "hip-strengthening.json"
    found = translated(load_routine(path, builtin=True), language).exercises
    lying = next(replace(ex, enabled=True) for ex in found if ex.id == "side-lying-abduction")
    p = Page(qtbot, quick_routine(lying, hold("walk", 60, name="Easy walking")), size)
    try:
        p.driver.start()
        p.until(StepKind.WORK)
        p.advance(0.5)
        p.settle()
        page, figure = p.page, p.page.figure
        assert figure.isVisible() and not page.coaching.isVisible()
        drawn = figure.drawn_height(figure.size())
        assert drawn >= LEAST_FIGURE, drawn
        assert page.big.pixel_size() >= count_px  # the count kept its size, or near
        line = page.set_line, page.side, page.rep_line
        words = page.set_line, page.rep_line  # the side's pill fits its word to its width
        assert all(w.width() >= w.sizeHint().width() for w in words), [
            (w.text(), w.width(), w.sizeHint().width()) for w in words
        ]  # whole
        count, fig = p.box(page.big), p.box(figure)
        assert not count.intersects(fig)
        assert all(not p.box(w).intersects(fig) for w in line if w.isVisible())
    finally:
        p.driver.stop()
