"""Settings on a small screen and a wide short one, in Spanish large print: nothing cut at its
right edge, and the groups side by side where one column would scroll."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.settings import Settings
from hiptimer.ui.settings.dialog import SettingsDialog
from tests.ui.settings.recording_speech import RecordingSpeech
from tests.ui.small_screen import cut_or_squeezed, on_screen

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def opened(qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog(Settings(), RecordingSpeech())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    return dialog


@pytest.mark.parametrize("language", ["es", "en"])
def test_at_800_x_600_nothing_is_cut_at_the_right(
    qtbot: QtBot,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    language: str,
) -> None:
    # Spanish: the body needed 866 px and had 774 ("160 palabras/m", the caution's check box
    # cut); English needed 794.
    screen = QRect(0, 0, 800, 600)
    on_screen(monkeypatch, request, qapp, screen, language)
    dialog = opened(qtbot)
    assert cut_or_squeezed(dialog, screen) == []
    # As wide as the screen allows, not Qt's two thirds of it: the names show whole.
    assert dialog.width() >= 780
    assert dialog.rate_value.width() >= dialog.rate_value.minimumSizeHint().width()


def test_at_1366_x_768_the_groups_go_side_by_side(
    qtbot: QtBot,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    # One column scrolled: twice its narrowest (852 px) was wider than the screen.
    screen = QRect(0, 0, 1366, 768)
    on_screen(monkeypatch, request, qapp, screen)
    dialog = opened(qtbot)
    assert dialog.columns.two
    assert cut_or_squeezed(dialog, screen) == []
    # Side by side, nothing scrolls: the pain limit's advice in thirteen lines made its
    # column 25 px taller than the dialog, the Look group cut at the foot (seen in the
    # screen-fit tour's picture), 60 px left empty under the first column.
    bar = dialog.scroller.verticalScrollBar()
    assert bar.maximum() == 0, f"{dialog.scroller.viewport().height()} px shown"
