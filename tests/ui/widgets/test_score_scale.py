"""The 0-10 scale's buttons: a focus ring seen on every fill and page, in every look."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui import theme
from hiptimer.ui.pain_colours import pain_fill
from hiptimer.ui.palette import DARK, HIGH_CONTRAST, LIGHT, Palette
from hiptimer.ui.session.pain_prompt import PainPrompt
from hiptimer.ui.widgets.score_scale import ScoreScale
from tests.ui.test_palette import contrast


def ring(button: QPushButton) -> list[str]:
    """The colours from the button's left edge inward, up to its own fill."""
    image = button.grab().toImage()
    fill, y = pain_fill(int(button.accessibleName() or button.text())), button.height() // 2
    colours = []
    for x in range(button.width() // 3):
        colour = image.pixelColor(x, y).name().upper()
        if colour == fill:
            break
        colours.append(colour)
    return colours


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize("look", [DARK, LIGHT, HIGH_CONTRAST], ids=lambda p: p.name)
@pytest.mark.parametrize("where", ["pain prompt", "check-in scale"])
def test_tab_on_a_scale_button_shows_a_ring_apart_from_its_fill_and_the_page(
    qtbot: QtBot, look: Palette, where: str
) -> None:
    # The dark theme's yellow ring (#FFD54F) on the amber 3-5 (#F2B01E) hardly showed from
    # the mat, nor the high contrast cyan. No one colour is 3:1 from both the amber and the
    # dark page, so the ring has two: the focus colour outside, the number's ink inside.
    theme.use(look)
    shown: QWidget
    try:
        if where == "pain prompt":
            prompt = PainPrompt(pain_limit=5)
            qtbot.addWidget(prompt)
            prompt.resize(1200, 600)
            buttons, shown = prompt.scale_buttons, prompt
        else:
            scale = ScoreScale("Pain", {})
            qtbot.addWidget(scale)
            scale.fit(80, 16)
            buttons, shown = scale.buttons, scale
        shown.show()
        for n, button in enumerate(buttons):
            button.setFocus(Qt.FocusReason.TabFocusReason)
            qtbot.waitUntil(button.hasFocus)
            colours = ring(button)
            fill = pain_fill(n)
            assert colours, (look.name, n)
            assert contrast(colours[0], look.page) >= 3, (look.name, n, colours)
            assert contrast(colours[-1], fill) >= 3, (look.name, n, colours)
    finally:
        theme.use(DARK)
