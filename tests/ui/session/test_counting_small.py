"""Counting reps in a 640 x 480 window (an old netbook, a VNC window): every button whole, the
count still the largest thing on the page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.session.steps import StepKind
from tests.harness import quick_routine, reps
from tests.ui.fit_checks import TEXT_AIR, text_room
from tests.ui.looks import apply_look
from tests.ui.main_app import make_app
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

ROOM = (628, 436)  # a 640 x 480 screen less the window's frame (screen_fit.FRAME_ALLOWANCE)
BRIDGE = reps("bridge", 3, sets=2, name="Bridge with a three-second hold at the top",
              setup=("Lie on your back, knees bent.", "Lift your hips."))  # fmt: skip


@pytest.mark.parametrize(("language", "text_size"), [("en", 100), ("es", 150)])
def test_the_count_s_buttons_are_whole_at_640_x_480(
    qtbot: QtBot, qapp: QApplication, language: str, text_size: int, in_language: None
) -> None:
    """Eleven buttons in one row, or two, at 11 px still cut: "Objetivo −1 [-]" 60 px in 32,
    "Undo" 29 in 16. In three rows they are whole, inside the page, and the count's key hint
    folds (its words are on Count rep) so that the count stays larger than the set line."""
    i18n.use(language)
    apply_look(qapp, "dark", text_size)
    a = make_app(qtbot, quick_routine(BRIDGE))
    a.window.resize(*ROOM)
    a.key(qtbot, Qt.Key.Key_Return)
    a.until(StepKind.WORK)
    session = a.window.session
    assert session is not None
    page = session.page
    QApplication.processEvents()
    buttons = [b for b in page.controls.buttons.values() if b.isVisible()]
    assert len(buttons) == 11
    for button in buttons:
        words = button.text().replace("&", "")
        need = max(button.fontMetrics().horizontalAdvance(line) for line in words.split("\n"))
        assert need <= text_room(button) + TEXT_AIR, words
        assert button.font().pixelSize() >= 14  # control_bar.LEAST_PX: read from the mat
        placed = QRect(button.mapTo(page, QPoint(0, 0)), button.size())
        assert page.rect().contains(placed), words
    count = page.big.pixel_size()
    assert count >= 2 * page.set_line.font().pixelSize()
    a.window.close()
