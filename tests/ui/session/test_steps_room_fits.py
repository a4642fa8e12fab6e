"""Steps in pages in large print: a Down press fits them a few times, not once a rung of the ladder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.ui.session.steps_room import PAUSE_STRETCH, STEPS_STRETCH
from tests.harness import hold
from tests.ui.looks import apply_look
from tests.ui.session.muted_steps import muted_get_ready
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

STEP = "Lie on your back on the mat with both knees bent and your feet flat, hip-width apart."
LONG = " ".join(f"({n}) {STEP}" for n in range(24))  # in parts at 1024 x 600 in large print


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_down_press_on_paged_steps_fits_them_a_few_times(
    qtbot: QtBot, qapp: QApplication, language: str, in_language: None
) -> None:
    """Steps in pages are never large enough for the steps' room, so it walked its whole
    ladder rung by rung on each fit, each rung a layout and a fit of the steps: in a pause
    (this get-ready) 1 + 9 + 13 + 13 rungs a Down press, ~1 s of CPU. Tried by halves, the
    top first, a press fits them a handful of times (the room's answer is the same: the
    screen-fit tours and test_steps_page_size.py hold its sizes)."""
    i18n.use(language)
    apply_look(qapp, "dark", 150)
    exercise = hold("bridge", 30, setup=(LONG, "Come down slowly."), caution="Stop if sharp.")
    a, panel = muted_get_ready(qtbot, exercise, (1024, 600))
    fits: list[int] = []
    panel.fitted.connect(lambda: fits.append(1))
    try:
        per_press = []
        for _ in range(3):
            assert panel.paged
            fits.clear()
            a.key(qtbot, Qt.Key.Key_Down)
            QApplication.processEvents()
            per_press.append(len(fits))
        # A press fits the new page, then the room tries the foot and the top of each ladder
        # (6 fits); rung by rung it was 38: 1 + 9 + 13 + 13 and the page.
        walk = 1 + len(STEPS_STRETCH) + 2 * len(STEPS_STRETCH + PAUSE_STRETCH)
        assert max(per_press) <= walk // 3, per_press
    finally:
        a.window.close()
        a.history.close()
