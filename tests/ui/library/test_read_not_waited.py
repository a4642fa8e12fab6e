"""While a large routines folder is read on its thread, nothing waits for it: the first-run
notice's button, History (which takes the library's routines rather than reading every file
again), and the routine the command line names, chosen when the read finds it."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.history.store import open_history
from hiptimer.core.routines import catalog
from hiptimer.core.routines.catalog import Catalog
from hiptimer.core.routines.read_apart import MANY_FILES
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.app import run_app
from hiptimer.ui.history.window import HistoryWindow
from hiptimer.ui.library.items import LibraryItem
from hiptimer.ui.main_window import MainWindow
from tests.ui.library.gated_read import ROUTINES, Gated, copies, shown
from tests.ui.sessions import fake_services, library_of


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The threads that read the routine catalog (load_catalog) from now on."""
    threads: list[str] = []
    real = catalog.load_catalog

    def load_catalog() -> Catalog:
        threads.append(threading.current_thread().name)
        return real()

    monkeypatch.setattr(catalog, "load_catalog", load_catalog)  # (imported where it is used)
    return threads


def test_the_first_run_notices_button_does_not_wait_for_the_read(
    qtbot: QtBot, gated: Gated
) -> None:
    window = shown(qtbot, gated, first_run_done=False)
    window.open_services(wait=False, listed_only=True)
    notice = window.first_run
    assert notice is not None and window.shelf.reading
    notice.button.click()  # waited for the whole read before (seconds with 2,000 files)
    assert window.first_run is None and window.nav.showing(window.library)
    assert window.shelf.reading and SettingsStore().settings.first_run_done
    gated.release.set()
    qtbot.waitUntil(lambda: window.library.list.count() == len(ROUTINES))
    window.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_history_does_not_wait_for_the_read_and_takes_the_librarys_routines(
    qtbot: QtBot, gated: Gated
) -> None:
    store = open_history(paths.history_db_path())
    window = shown(qtbot, gated, services=fake_services(store))
    window.open_services(wait=False, listed_only=True)
    window.open_history()  # (Ctrl+H) returns at once, saying when it opens
    assert window.shelf.reading and window.findChild(HistoryWindow) is None
    assert window.statusBar().currentMessage() == "History opens once your routines are read."
    gated.release.set()
    qtbot.waitUntil(lambda: window.findChild(HistoryWindow) is not None)
    history = window.findChild(HistoryWindow)
    assert history is not None and set(history.routines) == {r.id for r in ROUTINES}
    assert gated.threads == ["routines-read"]  # the folder read once, not again for History
    history.close()
    window.close()
    store.close()


def broken(file_name: str) -> LibraryItem:
    return LibraryItem(file_name[:-5], file_name, None, "line 1: not valid JSON\nsecond")


def test_the_command_lines_routine_is_found_when_the_read_ends(qtbot: QtBot) -> None:
    read = Gated([LibraryItem(r.id, r.title, r) for r in ROUTINES] + [broken("b.json")])
    read.release.set()
    said: list[str] = []
    for spec, chosen in (("r2", "r2"), ("nope", "r0"), ("b", "r0"), ("b.json", "r0")):
        window = shown(qtbot, read)
        read.threads.clear()  # (the first read of each window waits for the release)
        window.shelf.choose_named(spec, said.append)  # as hiptimer.ui.app does
        window.open_services(wait=False, listed_only=True)
        qtbot.waitUntil(lambda w=window: w.library.list.count() == len(ROUTINES) + 1)  # type: ignore[misc]
        selected = window.library.selected
        assert selected is not None and selected.id == chosen, spec
        window.close()
    assert said == [
        "Cannot open routine nope: it is not in your routine library.",
        "Cannot open routine b: line 1: not valid JSON",
        "Cannot open routine b.json: line 1: not valid JSON",
    ]


def test_the_window_does_not_read_the_folder_for_the_command_lines_routine(
    qtbot: QtBot, reads: list[str]
) -> None:
    SettingsStore().update(first_run_done=True)
    copies(MANY_FILES + 1)
    seen: list[str] = []

    def look() -> None:
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        selected = window.library.selected
        if selected is None or not window.keys.installed:
            QTimer.singleShot(10, look)
            return
        seen.append(selected.id)
        window.close()

    QTimer.singleShot(0, look)
    assert run_app(routine="copy-050", services=fake_services()) == 0
    assert seen == ["copy-050"] and reads == ["routines-read"]  # once, on its thread


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_the_editor_takes_the_large_folders_catalog_as_the_list_was_read(
    qtbot: QtBot, reads: list[str]
) -> None:
    copies(MANY_FILES + 1)
    SettingsStore().update(first_run_done=True)
    window = MainWindow(SettingsStore(), fake_services(), show_first=True)
    qtbot.addWidget(window)
    window.show()
    window.open_services(wait=False, listed_only=True)
    qtbot.waitUntil(lambda: window.library.list.count() > MANY_FILES)
    window.library.select("copy-007")
    editor = window.routine_actions.open_editor(window.library.selected.routine)  # type: ignore[union-attr,arg-type]
    assert editor.catalog.get("copy-050") is not None  # the whole library, as listed
    window.routine_actions.new_routine()  # (Ctrl+N) the same
    assert reads == ["routines-read"]  # read once, on its thread: not again for each editor
    for opened in list(window.routine_actions.editors):
        opened.close()
    window.close()


def test_a_large_folder_is_read_again_on_a_thread_the_page_kept_meanwhile(qtbot: QtBot) -> None:
    newer = [
        *library_of(*ROUTINES)(),
        LibraryItem("new", "Imported", replace(ROUTINES[0], id="new")),
    ]
    threads: list[str] = []
    held = threading.Event()

    def read() -> list[LibraryItem]:
        threads.append(threading.current_thread().name)
        if len(threads) == 1:
            return library_of(*ROUTINES)()
        assert held.wait(10), "the test never let the read end"
        return newer

    window = shown(qtbot, read)
    window.open_services(wait=False, listed_only=True)
    qtbot.waitUntil(lambda: window.library.list.count() == len(ROUTINES))
    window.library.select("r1")
    old = window.library
    window.shelf.reload()  # after a session, a save, an import: 2,000 files took 1-2 s
    assert window.library is old and window.nav.showing(old)  # the window answers meanwhile
    held.set()
    qtbot.waitUntil(lambda: window.library is not old)
    page = window.library
    assert [item.id for item in page.items] == [item.id for item in newer]
    assert page.selected is not None and page.selected.id == "r1" and window.nav.showing(page)
    assert threads == ["routines-read", "routines-read"]
    window.close()
