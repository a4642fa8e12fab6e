"""The library as the window opens: never an empty list that says nothing while the routines
are read, a read that failed tried again, and the list filled behind a modal box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from hiptimer.core.settings import SettingsStore
from hiptimer.ui.app import run_app
from hiptimer.ui.library.items import LibraryItem
from hiptimer.ui.library.shelf import LibraryShelf
from hiptimer.ui.main_window import MainWindow
from tests.harness import short_routine
from tests.ui.sessions import fake_services, library_of


def shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The window as hiptimer.ui.app shows it, before its first idle moment."""
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def the_window() -> MainWindow:
    """The one on screen (an earlier test's window may wait to be deleted)."""
    [window] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    return window


def test_the_empty_list_says_the_routines_are_being_read_until_they_are(qtbot: QtBot) -> None:
    SettingsStore().update(first_run_done=True)
    window = MainWindow(SettingsStore(), library=library_of(short_routine()), show_first=True)
    page = shown(qtbot, window).library
    assert page.list.count() == 0 and not page.start_button.isEnabled()
    assert page.reading is not None and page.reading.isVisible()  # not "no routines"
    assert page.reading.text() == "Reading your routines\u2026"
    window.open_services(wait=False, listed_only=True)  # the first idle moment
    assert page.list.count() == 1 and page.start_button.isEnabled()
    assert not page.reading.isVisible()
    window.close()


def test_a_read_of_the_routines_that_failed_is_tried_again(qtbot: QtBot) -> None:
    SettingsStore().update(first_run_done=True)
    reads: list[int] = []

    def library() -> list[LibraryItem]:
        reads.append(1)
        if len(reads) == 1:  # the routines folder on a disk that was not ready, say
            raise OSError("Input/output error")
        return library_of(short_routine())()

    window = shown(qtbot, MainWindow(SettingsStore(), library=library, show_first=True))
    with pytest.raises(OSError):  # (in the app, PySide prints it and the loop goes on)
        window.open_services(wait=False, listed_only=True)
    assert window.library.list.count() == 0
    window.open_services(wait=False)  # the second hand-over, or a key typed
    assert len(reads) == 2  # the list was left empty for good: never read again
    assert window.library.list.count() == 1 and window.library.start_button.isEnabled()
    window.close()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_list_is_filled_behind_a_modal_box_opened_before_the_first_idle_moment(
    qtbot: QtBot,
) -> None:
    SettingsStore().update(first_run_done=True)
    seen: list[tuple[int, bool]] = []

    def modal() -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "HipTimer", "A box")
        tries: list[int] = []

        def look() -> None:  # inside the box's own event loop
            page = the_window().library
            if page.list.count() == 0 and len(tries) < 500:
                tries.append(1)
                QTimer.singleShot(10, look)
                return
            seen.append((page.list.count(), page.start_button.isEnabled()))
            box.done(0)

        QTimer.singleShot(0, look)
        box.exec()
        the_window().close()

    QTimer.singleShot(0, modal)  # before the window was ever idle
    assert run_app(services=fake_services()) == 0
    [(listed, start)] = seen
    assert listed > 0 and start


@pytest.mark.qt_no_exception_capture  # the read's error goes where the app's would: stderr
def test_a_read_that_raised_in_the_first_idle_moment_is_tried_at_the_second(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    SettingsStore().update(first_run_done=True)
    real_items = LibraryShelf.items
    reads: list[int] = []

    def items(shelf: LibraryShelf) -> list[LibraryItem]:
        reads.append(1)
        if len(reads) == 1:  # the routines folder on a disk that was not ready, say
            raise OSError("Input/output error")
        return real_items(shelf)

    monkeypatch.setattr(LibraryShelf, "items", items)
    seen: list[tuple[int, bool, bool]] = []
    looks: list[int] = []

    def look() -> None:
        window = the_window()
        page = window.library
        if (page.list.count() == 0 or not window.keys.installed) and len(looks) < 500:
            looks.append(1)
            QTimer.singleShot(10, look)
            return
        seen.append((page.list.count(), page.start_button.isEnabled(), window.keys.installed))
        window.close()

    QTimer.singleShot(0, look)
    assert run_app(services=fake_services()) == 0
    assert len(reads) == 2  # the first raised; the second hand-over read them again
    [(listed, start, keys)] = seen
    assert listed > 0 and start and keys  # the services, keys and socket came all the same
