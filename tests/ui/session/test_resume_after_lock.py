"""An interrupted session offered once the history, locked at start, is reachable again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history import schema as history_schema
from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.keys import Action, Mode
from hiptimer.ui.main_window import MainWindow
from tests.harness import hold, quick_routine
from tests.ui.sessions import (
    advance,
    fake_services,
    library_of,
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.usefixtures("no_timer_left")

ROUTINE = quick_routine(hold("stretch", hold_s=3, sets=3))


def killed_after_one_set() -> int:
    """A session of ROUTINE that stopped after its first set (the window was killed)."""
    wall = FakeWall(FakeClock())
    with open_history(paths.history_db_path()) as store:
        sid = store.begin_session(ROUTINE.id, ROUTINE.title, 1, {}, wall(), sets_planned=3)
        store.add_set(sid, StoredSet("stretch", "stretch", 1, wall(), wall(), None))
    return sid


def opened_while_locked(monkeypatch: pytest.MonkeyPatch) -> HistoryStore:
    """The history as the window gets it while another program holds BEGIN EXCLUSIVE on
    the file: a stand-in in memory, saying why (SQLite's busy wait of 5 s left out)."""

    def locked(path: Path) -> history_schema.Opened:
        raise sqlite3.OperationalError("database is locked")

    with monkeypatch.context() as lock:
        lock.setattr(history_schema, "open_database", locked)
        store = open_history(paths.history_db_path())
    assert not store.status.saving and "database is locked" in store.status.reason
    return store


def window_on(qtbot: QtBot, store: HistoryStore) -> tuple[MainWindow, FakeClock]:
    settings = SettingsStore()
    settings.update(first_run_done=True, muted=True)
    clock = FakeClock()
    window = MainWindow(
        settings, fake_services(store), clock=clock, wall=FakeWall(clock),
        library=library_of(ROUTINE),
    )  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    return window, clock


def test_the_offer_comes_when_the_history_reconnects_on_the_library(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen: the strip said "database is locked", then "History is being saved again", and
    # the killed session was never offered: the next session kept it as partial.
    sid = killed_after_one_set()
    store = opened_while_locked(monkeypatch)
    window, _clock = window_on(qtbot, store)
    assert window.banner.isVisible() and not window.resume.showing
    assert window.nav.showing(window.library)
    window.banner.timer.timeout.emit()  # the lock is gone: the strip's retry reaches the file
    assert store.status.saving and window.banner.isHidden()
    assert window.statusBar().currentMessage() == "History is being saved again."
    assert window.resume.showing and window.nav.current is window.resume.page
    window.perform(Action.RESUME_SESSION)
    assert window.session is not None and window.session.controller.session_id == sid
    window.close()
    store.close()


def test_a_session_started_meanwhile_goes_first_and_the_offer_follows_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    killed_after_one_set()
    store = opened_while_locked(monkeypatch)
    window, clock = window_on(qtbot, store)
    window.perform(Action.START)
    assert window.session is not None
    window.banner.timer.timeout.emit()
    assert store.status.saving and not window.resume.showing  # the session keeps the screen
    while window.summary is None:  # the session runs out, each set rated 2
        if window.nav.key_mode() is Mode.PAIN:
            qtbot.keyClick(window, Qt.Key.Key_2)
        advance(window, clock, 0.5)
    window.perform(Action.LIBRARY)
    assert window.resume.showing and window.nav.current is window.resume.page
    window.perform(Action.KEEP_PARTIAL)
    window.close()
    store.close()
