"""The first-run safety notice as a screen reader gives it."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from hiptimer.ui.first_run import FirstRunPage


def test_the_only_tab_stop_reads_the_whole_notice(qtbot: QtBot) -> None:
    # The notice (see a clinician, ask after surgery, stop above the limit) is in labels
    # that Tab never reaches; the button was described by "Key: Enter" alone.
    page = FirstRunPage(pain_limit=4)
    qtbot.addWidget(page)
    button = QAccessible.queryAccessibleInterface(page.button)
    assert button is not None
    said = button.text(QAccessible.Text.Description)
    assert said.startswith("Before you start: See a doctor or physiotherapist")
    assert "Stop if pain climbs above 4/10" in said
    assert "not medical advice." in said and said.endswith("Key: Enter")
