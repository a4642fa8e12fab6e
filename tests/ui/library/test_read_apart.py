"""A large folder of the user's routines is read on a thread of its own as the window opens:
the window answers meanwhile, the list fills when the read ends (broken files named), keys
typed meanwhile act then, a reload starts the read again, and a quit does not wait for it."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.read_apart import MANY_FILES
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.app import run_app
from hiptimer.ui.library.items import LibraryItem
from hiptimer.ui.main_window import MainWindow
from tests.harness import short_routine
from tests.ui.library.gated_read import ROUTINES, Gated, copies, read_ended, shown
from tests.ui.sessions import fake_services, library_of

K = Qt.Key


def test_the_window_answers_while_a_large_folder_is_read(qtbot: QtBot, gated: Gated) -> None:
    window = shown(qtbot, gated)
    window.open_services(wait=False, listed_only=True)  # the first idle moment: not held
    page = window.library
    assert window.shelf.reading and page.list.count() == 0 and not page.start_button.isEnabled()
    assert page.reading is not None and page.reading.isVisible()  # "Reading your routines…"
    ticked: list[int] = []
    QTimer.singleShot(0, lambda: ticked.append(1))
    qtbot.waitUntil(lambda: ticked == [1])  # the event loop runs while the files are read
    assert page.list.count() == 0
    gated.release.set()
    qtbot.waitUntil(lambda: page.list.count() == len(ROUTINES))
    assert gated.threads == ["routines-read"]  # not the GUI thread
    assert page.start_button.isEnabled() and not page.reading.isVisible()
    assert not window.shelf.reading and not window.shelf.unlisted
    window.close()


def test_keys_typed_while_the_routines_are_read_act_once_they_are_listed(
    qtbot: QtBot, gated: Gated
) -> None:
    window = shown(qtbot, gated)
    window.open_services(wait=False, listed_only=True)
    qtbot.keyClick(window, K.Key_Down)  # the routine below the first ...
    qtbot.keyClick(window, K.Key_Down)  # ... and the one below it
    assert window.library.list.count() == 0 and not window.keys.installed  # nothing held up
    gated.release.set()
    qtbot.waitUntil(lambda: window.keys.installed)
    assert window.library.list.currentRow() == 2  # neither key lost
    window.close()


def test_a_reload_during_the_read_reads_again_and_lists_only_that(
    qtbot: QtBot, gated: Gated
) -> None:
    # A routine imported (Routines menu, or a file dropped) while the folder is read: the
    # read under way may have missed it, so its list must not be the one shown.
    newer = library_of(*ROUTINES, replace(short_routine(), id="imported", title="Imported"))()
    gated.lists.append(newer)
    window = shown(qtbot, gated)
    window.open_services(wait=False, listed_only=True)
    window.shelf.reload()  # as MainWindow._reload_library does
    qtbot.waitUntil(lambda: window.library.list.count() == len(newer))
    gated.release.set()  # the first read ends now, with the folder as it was
    read_ended()
    QApplication.processEvents()  # its queued hand-over, if any, has run
    assert [item.id for item in window.library.items] == [item.id for item in newer]
    window.close()


def test_a_read_that_raised_on_its_thread_is_tried_again(qtbot: QtBot) -> None:
    reads: list[str] = []

    def library() -> list[LibraryItem]:
        reads.append(threading.current_thread().name)
        if len(reads) == 1:  # the routines folder on a disk that was not ready, say
            raise OSError("Input/output error")
        return library_of(*ROUTINES)()

    SettingsStore().update(first_run_done=True)
    window = MainWindow(SettingsStore(), fake_services(), library=library, read_apart=lambda: True, show_first=True)  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    window.open_services(wait=False, listed_only=True)
    qtbot.waitUntil(lambda: not window.shelf.reading)  # ended, and logged
    assert window.library.list.count() == 0 and window.shelf.unlisted
    window.open_services(wait=False)  # the second hand-over (or a key) reads them again
    assert reads == ["routines-read", "MainThread"]
    assert window.library.list.count() == len(ROUTINES)
    window.close()


@pytest.mark.parametrize("apart", [False, True], ids=["small folder", "large folder"])
def test_the_command_lines_routine_is_chosen_as_the_list_fills(
    qtbot: QtBot, gated: Gated, apart: bool
) -> None:
    gated.release.set()
    chosen = ROUTINES[2]
    window = shown(qtbot, gated)
    window.shelf._apart = lambda: apart
    window.shelf.choose_first(chosen)  # as hiptimer.ui.app does with --routine
    window.open_services(wait=False, listed_only=True)
    qtbot.waitUntil(lambda: window.library.list.count() == len(ROUTINES))
    selected = window.library.selected
    assert selected is not None and selected.routine is chosen
    assert not window.keys.installed  # before the keys and the services, not after them
    window.close()


def test_a_large_folder_is_listed_by_the_app_with_its_broken_files_named(qtbot: QtBot) -> None:
    SettingsStore().update(first_run_done=True)
    copies(MANY_FILES + 1)
    seen: list[tuple[bool, list[str], bool]] = []
    reading: list[bool] = []

    def look() -> None:
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        reading.append(window.shelf.reading)
        page = window.library
        if page.list.count() == 0 or not window.keys.installed:
            QTimer.singleShot(10, look)
            return
        rows = [f"{item.title}: {item.problem}" if item.broken else "" for item in page.items]
        seen.append((True in reading, rows, window.keys.installed))
        window.close()

    QTimer.singleShot(0, look)
    assert run_app(services=fake_services()) == 0
    [(read_apart, rows, keys)] = seen
    assert read_apart and keys  # read on its thread; the keys and services came after
    assert len(rows) == 8 + MANY_FILES + 1 + 2  # the built-ins, the copies, the broken files
    assert [row.split(":")[0] for row in rows if row] == ["broken-0.json", "broken-1.json"]
    assert all("not valid JSON" in row for row in rows if row)  # named, and why


@pytest.mark.parametrize("how", ["closed", "Ctrl+Q"])
def test_a_quit_while_the_folder_is_read_does_not_wait_for_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    SettingsStore().update(first_run_done=True)
    copies(MANY_FILES + 1)
    never = threading.Event()
    monkeypatch.setattr(
        "hiptimer.core.routines.catalog.load_catalog", lambda *_args: never.wait(30)
    )
    monkeypatch.setattr("hiptimer.ui.menus.ask_to_quit", lambda *_args, **_kw: True)  # Quit
    closed: list[bool] = []

    def look() -> None:
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not window.shelf.reading:
            QTimer.singleShot(10, look)
            return
        if how == "closed":  # the title bar's X
            closed.append(window.close())
        else:  # typed before the window takes its keys: not held with the routines' keys
            QTest.keyClick(window, K.Key_Q, Qt.KeyboardModifier.ControlModifier)
            closed.append(not window.isVisible())

    QTimer.singleShot(0, look)
    assert run_app(services=fake_services()) == 0  # returned while the read goes on
    assert closed == [True] and not never.is_set()
    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    never.set()
    read_ended()
    QApplication.processEvents()
    # Nothing handed over to the window the app left: its queued call, reaching the window as
    # the test deleted it, aborted one run in ~25 under load (session 22's CI).
    assert window.shelf.reading
