"""Keys typed as the window appears, before it takes its keys in its first idle moment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.settings import SettingsStore
from hiptimer.ui.main_window import MainWindow
from tests.harness import hold, quick_routine, short_routine
from tests.ui.sessions import library_of

K = Qt.Key


def shown_first(qtbot: QtBot) -> MainWindow:
    """The window as hiptimer.ui.app shows it, before its first idle moment came."""
    window = MainWindow(
        SettingsStore(), library=library_of(short_routine(), quick_routine(hold())), show_first=True
    )
    qtbot.addWidget(window)
    window.show()
    for _ in range(3):  # idle moments pass (zero timers run): open_services() not called yet
        QApplication.processEvents()
    assert not window.keys.installed
    return window


def test_enter_on_the_safety_notice_before_the_first_idle_moment_accepts_it(
    qtbot: QtBot,
) -> None:
    window = shown_first(qtbot)
    assert window.first_run is not None
    qtbot.keyClick(window, K.Key_Return)  # typed as the notice appeared
    assert window.first_run is None and window.nav.showing(window.library)
    assert SettingsStore().settings.first_run_done
    qtbot.keyClick(window, K.Key_Down)  # and the keys go on working
    assert window.library.list.currentRow() == 1
    window.close()


def test_a_key_before_the_first_idle_moment_does_what_it_does_on_its_screen(
    qtbot: QtBot,
) -> None:
    SettingsStore().update(first_run_done=True)
    window = shown_first(qtbot)
    qtbot.keyClick(window, K.Key_Down)  # the routine below the first
    assert window.keys.installed and window.routine_actions.drops is not None
    assert window.library.list.currentRow() == 1
    window.close()
