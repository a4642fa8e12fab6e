"""Steps shown a page (or a part) at a time are each as large as that page fits, up to the steps' size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.ui.session.coaching_look import PAGED_PX
from hiptimer.ui.session.coaching_panel import MIN_PX
from hiptimer.ui.session.steps_room import STEPS_SHARE
from tests.harness import hold
from tests.ui.looks import apply_look
from tests.ui.session.muted_steps import muted_get_ready, whole
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

LONG = " ".join(
    f"({n}) Lie on your back on the mat with both knees bent and your feet flat, hip-width apart."
    for n in range(12)
)  # about 1,100 characters: twice that in parts at 1024 x 600 in large print
SHORT = ("Press through both heels and lift your hips.", "Come down slowly.")


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [(1280, 800), (1024, 600)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_each_page_of_steps_is_as_large_as_it_fits_and_reads_from_the_mat(
    qtbot: QtBot, qapp: QApplication, size: tuple[int, int], language: str, in_language: None
) -> None:
    """Cut into pages and parts at 14 px, every page showed at 14 px, the short last part and
    the page of two short steps too, with room for 24: each is fitted to its own room now,
    never over the steps' normal largest size, whole.

    And in large print: cut into parts that each fit at 14 px, the long step's parts showed
    at 14 px at 1280 x 800 (only its last, shorter one larger): small from the mat. They are
    cut where they fit at PAGED_PX, 18 px, the body text's 100 % size: more parts, each read
    whole from the mat, and every part still reached with the Down arrow.

    (One walk through the pages for both: they were two tests of the same exercise, size,
    language and look, pressing the same keys; each Down here re-fits a long step in large
    print, ~16 s of the suite's CPU walked twice.)"""
    i18n.use(language)
    apply_look(qapp, "dark", 150)
    long = LONG * (3 if size == (1280, 800) else 2)  # the steps have three quarters of the row
    exercise = hold("bridge", 30, setup=(long, *SHORT), caution="Stop if it is sharp.")
    a, panel = muted_get_ready(qtbot, exercise, size)
    try:
        cap = a.window.session.page.height() * STEPS_SHARE * 1.5 if a.window.session else 0
        sizes: dict[str, float] = {}
        seen = []
        for _ in range(30):
            assert panel.paged
            shown = [label for label in panel.steps if label.isVisible()]
            assert all(whole(label) for label in shown) and whole(panel.caution)
            heading = panel.heading  # on one line, whole
            assert heading.fontMetrics().horizontalAdvance(heading.text()) <= heading.width()
            assert MIN_PX <= panel.font_px <= cap
            assert all(label.font().pixelSize() == int(panel.font_px) for label in shown)
            assert panel.font_px >= PAGED_PX, (panel.heading.text(), panel.font_px)
            assert panel.caution.font().pixelSize() >= PAGED_PX
            sizes[panel.heading.text()] = panel.font_px
            seen.append(panel.heading.text())
            if panel.steps[1].isVisible():
                break
            a.key(qtbot, Qt.Key.Key_Down)
            QApplication.processEvents()
        assert panel.steps[1].isVisible(), seen  # every part was reached, then the rest
        assert len(sizes) >= 3, sizes  # two parts of the long step at least, then the rest
        assert len(seen) >= 3, seen
        assert panel.font_px > MIN_PX + 4, sizes  # two short steps: as large as they fit
        last = list(sizes.values())[-2]
        assert last > MIN_PX, sizes  # the long step's last part, shorter than the others
    finally:
        a.window.close()
        a.history.close()
