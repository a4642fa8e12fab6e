"""The count of a self-paced set is the largest thing on the workout screen, steps shown or not."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.session.steps import StepKind
from tests.harness import quick_routine, reps
from tests.ui.looks import apply_look
from tests.ui.main_app import make_app
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

BRIDGE = reps(
    "bridge",
    5,
    name="Bridge with a hold",
    setup=(
        "Lie on your back, knees bent, feet flat.",
        "Press through your heels and lift your hips.",
        "Lower slowly.",
    ),
    caution="Stop if your back hurts.",
)
SAID = (
    "Bridge with a hold. Five reps. Press Enter or click for each rep, Backspace to take one back."
)


@pytest.mark.parametrize("steps", [False, True], ids=["count-alone", "steps-shown"])
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", [100, 150])
@pytest.mark.parametrize("size", [(1280, 800), (1024, 600)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_rep_count_is_the_largest_thing_on_the_screen(
    qtbot: QtBot,
    qapp: QApplication,
    size: tuple[int, int],
    text_size: int,
    language: str,
    steps: bool,
    in_language: None,
) -> None:
    """With the steps shown (I) at 1024 x 600 in large print the "0 / 5" was 28 px, under
    the set line and the name (30 px), the key hint (25 px, two lines) and the spoken words'
    caption (23 px): the key hint (its words are on the Count rep button) gives it its room."""
    i18n.use(language)
    apply_look(qapp, "dark", text_size)
    a = make_app(qtbot, quick_routine(BRIDGE))
    a.window.resize(*size)
    a.key(qtbot, Qt.Key.Key_Return)
    a.until(StepKind.WORK)
    page = a.window.session.page if a.window.session is not None else None
    assert page is not None
    if steps:
        page.toggle_steps()
    page.show_caption(SAID)
    QApplication.processEvents()
    assert page.coaching.isVisible() is steps
    count = page.big.pixel_size()
    labels = [w for w in page.findChildren(QLabel) if w.isVisible() and w.text()]
    buttons = [b for b in page.findChildren(QAbstractButton) if b.isVisible()]
    words = [(w.font().pixelSize(), w.text()) for w in labels if w is not page.big]
    words += [(b.font().pixelSize(), b.text()) for b in buttons]
    assert count >= 1.5 * max(words)[0], (count, max(words))
    assert page.caption.font().pixelSize() < count
    a.window.close()
