"""The pain question's limit line and scale words never under 14 px, however little room it has."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.ui.session.pain_prompt import LEGIBLE_PX, PainPrompt
from hiptimer.ui.widgets.layout_fit import fits_whole
from tests.ui.looks import apply_look


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("height", [260, 300, 333])
def test_at_150_percent_on_1024_x_600_the_limit_line_stays_legible(
    qtbot: QtBot, qapp: QApplication, height: int, language: str, in_language: None
) -> None:
    """At 150 % the page gives the question 992 x 260-333 px on a 1024 x 600 screen (less
    with a dose note): the panel shrank to 60 % and the limit's line and the scale's words
    were 11-12 px. They keep 14 px now: the gaps close and the line wraps instead, and the
    panel is still whole."""
    i18n.use(language)
    apply_look(qapp, "dark", 150)
    prompt = PainPrompt(pain_limit=5)
    qtbot.addWidget(prompt)
    prompt.setMinimumSize(1, 1)
    prompt.resize(992, height)
    prompt.show()
    prompt.ask_rating(None)
    QApplication.processEvents()
    assert prompt.limit_label.text()
    for label in (prompt.limit_label, *prompt.findChildren(type(prompt.limit_label))):
        if label.isVisible() and label.text():
            assert label.font().pixelSize() >= LEGIBLE_PX, label.text()
    panel = prompt.panel
    layout = panel.layout()
    assert layout is not None and fits_whole(layout, prompt)
    limit = prompt.limit_label
    assert limit.height() >= limit.heightForWidth(limit.width())  # its lines whole
