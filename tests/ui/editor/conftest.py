"""Fixtures of the editor's tests: the main window whose Routines menu opens editors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from hiptimer.core.settings import SettingsStore
from hiptimer.ui.library.items import load_library
from hiptimer.ui.main_window import MainWindow
from tests.ui.sessions import fake_services


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """The main window, shown, its first run done; its editors closed afterwards."""
    settings = SettingsStore()
    settings.update(first_run_done=True)
    w = MainWindow(settings, fake_services(), library=load_library)
    qtbot.addWidget(w)
    w.show()
    yield w
    for editor in list(w.routine_actions.editors):
        editor.close()
    w.close()
