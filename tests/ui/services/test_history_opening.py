"""The history opens on a thread of its own: the window answers meanwhile, and whatever needs
the history (a session, the resume offer, the banner) gets it once it has opened."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history.schema import HistoryError
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.safe_write import replacing_text
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.keys import Action
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.services.history_opening import HistoryOpening
from hiptimer.ui.services.ports import Services, SilentSpeaker
from tests.harness import quick_routine, short_routine
from tests.ui.sessions import (
    FakeBeeper,
    FakeSpeech,
    advance_until,
    library_of,
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.usefixtures("no_timer_left")


class Gate:
    """An opener that waits until the test lets it finish, like a slow integrity check."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()
        self.thread: str | None = None
        self.store: HistoryStore | None = None

    def __call__(self, path: Path) -> HistoryStore:
        self.thread = threading.current_thread().name
        self.started.set()
        assert self.release.wait(10), "the test never let the opening finish"
        self.store = open_history(path)
        return self.store


class WritingGate(Gate):
    """An opener that waits while it writes a file, as opening writes its notice file."""

    def __call__(self, path: Path) -> HistoryStore:
        try:
            with replacing_text(path.with_name("history-notice.txt")) as fh:
                fh.write("[window] mended\n")
                return super().__call__(path)
        except BaseException:  # as open_for_window closes the store when its notice fails
            if self.store is not None:
                self.store.close()
            raise


@pytest.fixture
def gate() -> Iterator[Gate]:
    opener = Gate()
    yield opener
    opener.release.set()  # a failed test must not leave the thread waiting


def slow_services(gate: Gate) -> Services:
    def opener(services: Services) -> None:
        services.speech, services.beeper = FakeSpeech(), FakeBeeper()
        services.open_history_later(HistoryOpening(paths.history_db_path(), gate))

    return Services(opener=opener)


def test_the_store_is_opened_on_another_thread_and_waited_for_when_asked(gate: Gate) -> None:
    services = slow_services(gate)
    assert services.open_now()
    assert gate.started.wait(5) and gate.thread == "history-open"
    assert not services.history_ready
    threading.Timer(0.05, gate.release.set).start()
    store = services.history  # waits for the opening
    assert isinstance(store, HistoryStore) and services.history_ready
    store.begin_session("r", "R", 1, {}, FakeWall(FakeClock())())  # usable on this thread
    services.shutdown()


def test_a_history_that_cannot_open_is_off_with_its_reason(tmp_path: Path) -> None:
    def newer(path: Path) -> HistoryStore:
        raise HistoryError(f"{path} was written by a newer HipTimer")

    services = Services()
    services.open_history_later(HistoryOpening(tmp_path / "h.sqlite3", newer))
    assert services.history is None
    assert services.history_off is not None and "newer HipTimer" in services.history_off.reason
    assert any("newer HipTimer" in problem for problem in services.problems)


def window_on(services: Services, qtbot: QtBot, clock: FakeClock) -> MainWindow:
    SettingsStore().update(first_run_done=True, muted=True)
    window = MainWindow(
        SettingsStore(), services, clock=clock, wall=FakeWall(clock),
        library=library_of(short_routine(), quick_routine()), show_first=True,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_window_answers_while_the_history_opens_and_is_ready_after(
    qtbot: QtBot, gate: Gate
) -> None:
    window = window_on(slow_services(gate), qtbot, FakeClock())
    window.open_services(wait=False)  # as the first idle moment does: no waiting
    assert gate.started.wait(5)
    assert window.guidance is None  # what needs the history waits for it
    ticked: list[int] = []
    QTimer.singleShot(0, lambda: ticked.append(1))
    qtbot.waitUntil(lambda: ticked == [1])  # the event loop runs
    qtbot.waitUntil(lambda: window.keys.installed)
    qtbot.keyClick(window, Qt.Key.Key_Down)  # and keys are handled
    assert window.library.list.currentRow() == 1
    assert window.guidance is None
    gate.release.set()
    qtbot.waitUntil(lambda: window.guidance is not None)  # the services are ready now
    assert window.services.history_ready and window.banner.isHidden()
    window.close()


def test_a_session_started_while_the_history_opens_waits_for_it_and_records_its_sets(
    qtbot: QtBot, gate: Gate
) -> None:
    clock = FakeClock()
    window = window_on(slow_services(gate), qtbot, clock)
    window.open_services(wait=False)
    assert gate.started.wait(5)
    threading.Timer(0.1, gate.release.set).start()
    window.start_session(short_routine())  # waits for the opening, as before it blocked
    session = window.session
    assert session is not None and window.guidance is not None
    engine = session.driver.engine
    advance_until(window, clock, lambda: engine.view().awaiting_pain)
    qtbot.waitUntil(lambda: window.keys.installed)
    qtbot.keyClick(window, Qt.Key.Key_3)
    with sqlite3.connect(paths.history_db_path()) as conn:  # written as the set was rated
        assert conn.execute("SELECT set_number, pain FROM sets").fetchall() == [(1, 3)]
    window.close()


def an_interrupted_session_of(routine_id: str, title: str) -> int:
    """A session of this routine that stopped after one set (the app was killed)."""
    from hiptimer.core.history.queries import StoredSet

    wall = FakeWall(FakeClock())
    with open_history(paths.history_db_path()) as store:
        sid = store.begin_session(routine_id, title, 1, {}, wall(), sets_planned=5)
        store.add_set(sid, StoredSet("clam-hold", "Clamshell hold", 1, wall(), wall(), "right"))
    return sid


@pytest.mark.parametrize("start", ["--start", "Enter in the library"])
def test_a_start_while_the_history_opens_offers_the_interrupted_session_first(
    qtbot: QtBot, gate: Gate, start: str
) -> None:
    # `hiptimer --routine X --start` (and Enter, pressed as the window appeared) began X anew
    # while the history opened, behind the offer to resume X's interrupted session: Enter on
    # the offer then went on in the new session, and the interrupted one stayed unfinished.
    routine = short_routine()
    sid = an_interrupted_session_of(routine.id, routine.title)
    window = window_on(slow_services(gate), qtbot, FakeClock())
    window.open_services(wait=False)  # as the first idle moment does
    assert gate.started.wait(5)
    threading.Timer(0.1, gate.release.set).start()
    if start == "--start":  # waits for the services without holding the window
        window.open_routine(routine, start=True)
        qtbot.waitUntil(lambda: window.resume.showing)
    else:
        window.start_session(routine)
    assert window.session is None and window.resume.showing  # asked first
    window.resume.perform(Action.RESUME_SESSION)
    assert window.session is not None and window.session.controller.session_id == sid
    with sqlite3.connect(paths.history_db_path()) as conn:
        assert conn.execute("SELECT id FROM sessions").fetchall() == [(sid,)]
    window.close()


def test_a_window_closed_while_the_history_opens_never_reads_the_closed_store(
    qtbot: QtBot, gate: Gate
) -> None:
    # Quitting right after the start (or bench/history_scale.py's window_stall) shut the
    # services down while the window's poll for the opening was still queued: the poll then
    # found the history "ready", and _services_ready read the store shutdown() had closed
    # (a traceback from choose_returning -> last_routine: "Cannot operate on a closed
    # database"). Every later event loop of the process ran that poll.
    services = slow_services(gate)
    window = window_on(services, qtbot, FakeClock())
    window.open_services(wait=False)  # the poll is queued: the history is not ready
    assert gate.started.wait(5) and not services.history_ready
    gate.release.set()
    window.close()  # (does not wait for the opening: nothing of this run waits to be written)
    services.shutdown()  # as app.run does once the event loop has ended: waits, then closes
    assert services.history is None  # nothing gets the closed store any more
    qtbot.waitUntil(lambda: not window._services_wait)  # the queued poll has run ...
    assert window.guidance is None  # ... and found nothing to start on a closed history


@pytest.mark.parametrize("how", ["closed", "ended by the system"])
def test_a_window_closed_while_the_history_opens_closes_at_once(
    qtbot: QtBot, gate: Gate, how: str
) -> None:
    # A big history still opening: the close asked it whether writes were waiting, which
    # held the GUI thread until it had opened (nothing of this run can wait before then).
    services = slow_services(gate)
    window = window_on(services, qtbot, FakeClock())
    window.open_services(wait=False)
    assert gate.started.wait(5)
    if how == "closed":
        assert window.close()
    else:
        window.closing.end_by_system()
    assert not window.isVisible()
    assert not gate.release.is_set() and not services.history_ready  # it did not wait
    gate.release.set()
    services.shutdown()  # as app.run does once the event loop has ended: waits, then closes
    assert services.history is None
    qtbot.waitUntil(lambda: not window._services_wait)  # the queued poll ends on shut-down


def test_a_window_closed_while_the_history_opens_starts_nothing_when_it_has_opened(
    qtbot: QtBot, gate: Gate
) -> None:
    # The editor kept the app running after the main window closed: once the history had
    # opened, the window's poll ran _services_ready for a window that was gone (the resume
    # offer, the morning check-in, the reminders and their tray icon).
    services = slow_services(gate)
    window = window_on(services, qtbot, FakeClock())
    window.open_services(wait=False)
    assert gate.started.wait(5)
    assert window.close()
    gate.release.set()
    qtbot.waitUntil(lambda: services.history_ready and not window._services_wait)
    assert window.guidance is None and window.reminders.coordinator is None
    window.show()  # shown again (a second start): it starts now
    qtbot.waitUntil(lambda: window.guidance is not None)
    window.close()
    services.shutdown()


@pytest.mark.parametrize("opener", [Gate, WritingGate])
def test_shutdown_leaves_a_history_still_opening_and_its_thread_closes_it(
    qtbot: QtBot, opener: type[Gate]
) -> None:
    # The window gone, the app's exit still waited for the opening: a second or more of
    # integrity check on ten years of sessions, after the user had quit. Nothing entered
    # can be lost (nothing of this run was written before it opened), and the file it was
    # writing is removed, as an abandoned export's is: the thread dies with the app.
    folder = paths.data_dir()
    folder.mkdir(parents=True)
    gate = opener()
    services = slow_services(gate)
    assert services.open_now()
    assert gate.started.wait(5)
    opening = services._opening
    assert opening is not None
    services.shutdown()
    assert not opening.done  # not waited for
    assert services.history is None
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []  # no file beside
    gate.release.set()  # had the app not exited yet, the opening ends ...
    qtbot.waitUntil(lambda: opening.done)
    assert gate.store is not None
    with pytest.raises(sqlite3.ProgrammingError, match="closed database"):
        gate.store.list_sessions()  # ... and its thread closes what it opened
    assert not (folder / "history-notice.txt").exists()  # nor put in place after the quit
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


def test_services_shut_down_before_they_opened_never_open(gate: Gate) -> None:
    # A start_session or the first idle moment's open_services queued behind the app's end
    # would have opened the voice's thread and the history anew, never to be closed.
    services = slow_services(gate)
    services.shutdown()
    assert not services.open_now()
    assert not gate.started.is_set() and services.history is None
    assert isinstance(services.speech, SilentSpeaker)
