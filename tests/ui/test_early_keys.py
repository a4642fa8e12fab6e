"""Keys typed as the window appears, before it takes its keys in its first idle moment."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
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


def test_a_key_between_the_filled_list_and_its_paint_does_what_it_does(qtbot: QtBot) -> None:
    # The window takes its keys once the filled list is painted (hiptimer.ui.app): its filter
    # held that paint off. A key typed while the list waits for it still moves the choice.
    SettingsStore().update(first_run_done=True)
    window = shown_first(qtbot)
    window.open_services(wait=False, listed_only=True)  # as the first idle moment does
    assert window.library.list.count() == 2 and window.library.start_button.isEnabled()
    assert not window.keys.installed  # (nor the menus' shortcuts)
    assert all(not action.shortcuts() for action in window.findChildren(QAction))
    qtbot.keyClick(window, K.Key_Down)
    assert window.keys.installed and window.library.list.currentRow() == 1
    qtbot.keyClick(window, K.Key_Up)  # and through the window's filter from then on
    assert window.library.list.currentRow() == 0
    window.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the keys window, offscreen
def test_a_menu_shortcut_before_the_first_idle_moment_does_what_its_item_does(
    qtbot: QtBot,
) -> None:
    # The menu items get their shortcuts with the window's keys (no QKeySequence before the
    # first paint): one typed before that is not lost.
    from hiptimer.ui.key_help import KeysWindow

    SettingsStore().update(first_run_done=True)
    window = shown_first(qtbot)
    assert all(not action.shortcuts() for action in window.findChildren(QAction))
    qtbot.keyClick(window, K.Key_F1)  # Help > Keyboard shortcuts
    keys = window.findChild(KeysWindow)
    assert keys is not None and keys.isVisible()
    named = {action.text(): action.shortcuts() for action in window.findChildren(QAction)}
    assert [s.toString() for s in named["&Quit"]] == ["Ctrl+Q"]  # and every item has its own
    keys.close()
    window.close()


def test_the_menus_items_are_made_with_the_keys_or_when_a_menu_opens(qtbot: QtBot) -> None:
    # The bar's titles are in the first paint; the Session, View and Help items are made
    # when the window takes its keys, or as a menu is first opened, whichever comes first.
    SettingsStore().update(first_run_done=True)
    window = shown_first(qtbot)
    menus = {m.title(): m for m in window.menuBar().findChildren(QMenu)}
    assert [a.text() for a in window.menuBar().actions()] == [
        "&File", "&Session", "&View", "&Routines", "&Help",
    ]  # fmt: skip
    assert [menus[t].actions() for t in ("&Session", "&View", "&Help")] == [[], [], []]
    menus["&Help"].aboutToShow.emit()  # opened (by Alt+H, the mouse, a screen reader)
    assert len(menus["&Session"].actions()) == 8
    assert menus["&Help"].actions()[0].text() == "&Keyboard shortcuts\u2026"
    assert not window.keys.installed
    window.keys.install()  # made once, not again
    assert len(menus["&Session"].actions()) == 8 and len(menus["&View"].actions()) == 3
    window.close()


def test_the_menus_items_come_with_the_keys(qtbot: QtBot) -> None:
    SettingsStore().update(first_run_done=True)
    window = shown_first(qtbot)
    window.open_services()  # the first idle moment's: the list, then the keys
    items = {a.text(): a.shortcuts() for a in window.findChildren(QAction)}
    assert [s.toString() for s in items["&History and reports\u2026"]] == ["Ctrl+H"]
    assert items["&Keyboard shortcuts\u2026"][0].toString() == "F1"
    window.close()
