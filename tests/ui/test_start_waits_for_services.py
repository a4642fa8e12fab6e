"""`hiptimer --routine X --start` while the history still opens: X is chosen at once and its
Start says it is starting, the window answers, and X starts once the services are ready; a
Start pressed meanwhile is not lost."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.services.history_opening import HistoryOpening
from hiptimer.ui.services.ports import Services
from tests.harness import hold, quick_routine, short_routine
from tests.ui.sessions import FakeBeeper, FakeSpeech, library_of

FIRST = replace(short_routine(), id="first", title="First")
ASKED = replace(quick_routine(hold()), id="asked", title="Asked")


@pytest.fixture
def opened() -> Iterator[threading.Event]:
    """Set to let the history finish opening (its integrity check on ten years, say)."""
    release = threading.Event()
    yield release
    release.set()


def window_opening(qtbot: QtBot, release: threading.Event) -> MainWindow:
    def open_slowly(path: Path) -> HistoryStore:
        assert release.wait(10), "the test never let the history open"
        return open_history(path)

    def opener(services: Services) -> None:
        services.speech, services.beeper = FakeSpeech(), FakeBeeper()
        services.open_history_later(HistoryOpening(paths.history_db_path(), open_slowly))

    SettingsStore().update(first_run_done=True, muted=True)
    window = MainWindow(
        SettingsStore(), Services(opener=opener), library=library_of(FIRST, ASKED), show_first=True
    )
    qtbot.addWidget(window)
    window.show()
    window.open_services(wait=False, listed_only=True)  # listed, as the first idle moment does
    window.open_services(wait=False)  # the services open; the history on its thread
    return window


def started(qtbot: QtBot, window: MainWindow) -> str:
    """The id of the routine whose session starts (waiting for it)."""
    qtbot.waitUntil(lambda: window.session is not None)
    assert window.session is not None
    return window.session.driver.engine.routine.id


def test_the_routine_is_chosen_and_says_it_is_starting_until_the_services_are_ready(
    qtbot: QtBot, opened: threading.Event
) -> None:
    window = window_opening(qtbot, opened)
    window.open_routine(ASKED, start=True)  # returns: the window is not held for the history
    page = window.library
    assert page.selected is not None and page.selected.routine is ASKED
    assert page.start_button.text() == "Starting\u2026" and window.session is None
    ticked: list[int] = []
    QTimer.singleShot(0, lambda: ticked.append(1))
    qtbot.waitUntil(lambda: ticked == [1])  # the event loop runs meanwhile
    opened.set()
    assert started(qtbot, window) == "asked"
    assert page.start_button.text().startswith("Start ")  # (its words back, for later)
    window.close()


def test_a_start_pressed_while_it_waits_is_the_one_that_starts(
    qtbot: QtBot, opened: threading.Event
) -> None:
    window = window_opening(qtbot, opened)
    window.open_routine(ASKED, start=True)
    window.library.select("first")
    qtbot.keyClick(window, Qt.Key.Key_Return)  # Enter on another routine, while it waits
    assert window.session is None  # not held for the history either ...
    opened.set()
    assert started(qtbot, window) == "first"  # ... and not lost
    window.close()


def test_start_says_it_is_starting_from_the_moment_the_list_fills(qtbot: QtBot) -> None:
    # The command line's --start: between the filled list and the services there was a
    # plain Start on the chosen routine, as if it waited for a press.
    SettingsStore().update(first_run_done=True, muted=True)
    window = MainWindow(SettingsStore(), library=library_of(FIRST, ASKED), show_first=True)
    qtbot.addWidget(window)
    window.show()
    window.shelf.choose_first(ASKED, start=True)  # as hiptimer.ui.app does
    window.open_services(wait=False, listed_only=True)
    page = window.library
    assert page.selected is not None and page.selected.routine is ASKED
    assert page.start_button.text() == "Starting\u2026"
    window.open_routine(ASKED, start=True)  # the services are ready (opened already)
    assert started(qtbot, window) == "asked"
    assert page.start_button.text().startswith("Start ")  # for when the library is back
    window.close()
