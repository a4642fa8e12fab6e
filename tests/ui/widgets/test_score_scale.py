"""The 0-10 scale's buttons: a focus ring seen on every fill and page, in every look."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui import theme
from hiptimer.ui.pain_colours import pain_fill, pain_ink
from hiptimer.ui.palette import DARK, HIGH_CONTRAST, LIGHT, Palette
from hiptimer.ui.session.pain_prompt import PainPrompt
from hiptimer.ui.widgets.score_scale import FOCUS_RING, INNER_RING, RatingButton, ScoreScale
from tests.ui.contrast import contrast


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


def scales(qtbot: QtBot) -> Iterator[list[RatingButton]]:
    """The pain prompt's buttons, then a check-in scale's, each shown at a laptop's size."""
    prompt = PainPrompt(pain_limit=5)
    qtbot.addWidget(prompt)
    prompt.resize(1200, 600)
    prompt.show()
    yield prompt.scale_buttons
    scale = ScoreScale("Pain", {})
    qtbot.addWidget(scale)
    scale.fit(80, 16)
    scale.show()
    yield scale.buttons


def width_of(colour: str, colours: list[str]) -> int:
    """How many pixels from the edge inward are of this colour, in a row."""
    return len(list(itertools.takewhile(lambda c: c == colour, colours)))


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize("look", [DARK, LIGHT, HIGH_CONTRAST], ids=lambda p: p.name)
def test_the_ring_is_six_pixels_of_the_focus_colour_and_the_number_stays_put(
    qtbot: QtBot, look: Palette
) -> None:
    """From 2 m on a mat the focus colour's 4 px hardly showed: 6 now, the number's ink
    inside it as before, and the number neither moves nor shrinks as the ring comes."""
    theme.use(look)
    try:
        for buttons in scales(qtbot):
            for n, button in enumerate(buttons):
                button.clearFocus()
                assert not button.hasFocus()
                before = button.grab().toImage()
                size = button.size()
                button.setFocus(Qt.FocusReason.TabFocusReason)
                qtbot.waitUntil(button.hasFocus)
                colours = ring(button)
                focus = QColor(look.focus).name().upper()
                assert width_of(focus, colours) >= FOCUS_RING == 6, (look.name, n, colours)
                inner = colours[width_of(focus, colours) :]
                assert width_of(pain_ink(n).upper(), inner) >= INNER_RING, (look.name, n)
                assert button.size() == size
                after = button.grab().toImage()
                k = FOCUS_RING + INNER_RING + 1  # inside both rings
                middle = button.rect().adjusted(k, k, -k, -k)
                assert after.copy(middle) == before.copy(middle), (look.name, n)
    finally:
        theme.use(DARK)
