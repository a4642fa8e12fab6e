"""Data-folder trouble shown in the window: a damaged, unwritable or newer history, or settings."""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from hiptimer import log_file, paths
from hiptimer.cli.main import main as cli_main
from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history import schema as history_schema
from hiptimer.core.history.status import HistoryState, HistoryStatus
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.plan import state_file
from hiptimer.core.plan.reminders import ReminderState
from hiptimer.core.session.steps import StepKind
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.keys import Mode
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.services import ports
from hiptimer.ui.services.ports import Services, open_services
from hiptimer.ui.services.status_banner import RETRY_MS, reason_text, unsaved_words
from tests.core.history.damaged_files import damage, sound_history
from tests.core.history.flaky_disk import FlakyConnection, flaky_connections
from tests.core.history.old_files import version_6_file
from tests.harness import hold, quick_routine
from tests.read_only import fake_read_only
from tests.ui.sessions import (
    advance_until,
    fake_services,
    library_of,
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.usefixtures("no_timer_left", "quit_anyway")

K = Qt.Key
NOT_SAVING = "History can't be saved right now: disk I/O error. Your ratings are kept in memory"


def window_on(
    qtbot: QtBot, services: Services, settings: SettingsStore | None = None
) -> MainWindow:
    if settings is None:
        settings = SettingsStore()
        settings.update(first_run_done=True)
    clock = FakeClock()
    window = MainWindow(
        settings, services, clock=clock, wall=FakeWall(clock),
        library=library_of(quick_routine(hold("stretch", hold_s=3, sets=2))),
    )  # fmt: skip
    window.fake_clock = clock  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.show()
    return window


def until(window: MainWindow, kind: StepKind) -> None:
    clock = window.fake_clock  # type: ignore[attr-defined]
    session = window.session
    assert session is not None
    advance_until(window, clock, lambda: session.driver.engine.step.kind is kind)


def answer(monkeypatch: pytest.MonkeyPatch, *buttons: QMessageBox.StandardButton) -> list[str]:
    """Answer the next message boxes with these buttons, in turn; returns what they said."""
    said: list[str] = []
    queue = list(buttons)

    def fake_exec(box: QMessageBox) -> int:
        said.append(f"{box.text()} {box.informativeText()}")
        assert box.defaultButton().text() == "&Keep the app open"
        return queue.pop(0).value

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return said


@pytest.fixture
def quit_anyway(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question no test answered (a failed test closing its window) quits: never hangs."""
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes.value)


def rows(sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(paths.history_db_path()) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture
def flaky(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[FlakyConnection]]:
    yield flaky_connections(monkeypatch)


def test_a_damaged_history_is_announced_with_where_it_went(qtbot: QtBot) -> None:
    db = paths.history_db_path()
    db.parent.mkdir(parents=True)
    db.write_bytes(os.urandom(3 * 4096))
    store = open_history(db)
    window = window_on(qtbot, fake_services(store))
    banner = window.banner
    (moved,) = db.parent.glob("history.sqlite3.corrupt-*[0-9]")
    (text,) = banner.texts()
    assert str(moved) in text and "a new, empty history was started" in text
    assert banner.isVisible() and not banner.timer.isActive()
    assert banner.notice.button is not None
    banner.notice.button.click()
    assert banner.texts() == [] and not banner.isVisible()
    window.close()
    store.close()


def test_a_history_opened_after_the_window_still_says_what_it_mended(qtbot: QtBot) -> None:
    # The window shows before the history opens (hiptimer.ui.app): the notice of rows set
    # aside (issue 13, fault 6) was read before there was one, and never shown.
    db = paths.history_db_path()
    with open_history(db) as store:
        sid = store.begin_session("quick-test", "Quick", 1, {}, FakeWall(FakeClock())())
        store.finish_session(sid, "completed", FakeWall(FakeClock())())
    conn = sqlite3.connect(db)
    conn.execute("UPDATE sessions SET doses_json = '{bad'")
    conn.commit()
    conn.close()
    services = Services(opener=lambda s: setattr(s, "history", open_history(db)))
    window = window_on(qtbot, services)
    assert window.banner.texts() == []
    window.open_services()
    (text,) = window.banner.texts()
    assert "sessions row 1 (doses_json is not a JSON object)" in text
    assert window.banner.notice.button is not None
    window.banner.notice.button.click()
    window.banner.refresh()  # said once: OK means gone
    assert window.banner.texts() == []
    window.close()
    services.shutdown()


def test_unsaved_sets_keep_a_banner_up_until_a_retry_saves_them(
    qtbot: QtBot, flaky: list[FlakyConnection], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_history(paths.history_db_path())
    window = window_on(qtbot, fake_services(store))
    banner = window.banner
    assert not banner.isVisible()
    qtbot.keyClick(window, K.Key_Return)
    (conn,) = flaky
    conn.broken = True  # the disk fills up during the first set
    until(window, StepKind.PAIN)
    qtbot.keyClick(window, K.Key_3)
    assert store.status.pending == 2  # the set and its rating
    (text,) = banner.texts()
    assert text.startswith(NOT_SAVING) and text.endswith("and saving will be retried.")
    assert banner.isVisible() and banner.timer.isActive() and banner.timer.interval() == RETRY_MS
    assert rows("SELECT count(*) FROM sets") == [(0,)]

    banner.timer.timeout.emit()  # 30 s later, still broken: nothing lost
    assert store.status.pending == 2 and banner.isVisible()
    conn.broken = False
    banner.timer.timeout.emit()
    assert store.status.pending == 0 and store.status.saving
    assert not banner.isVisible() and not banner.timer.isActive()
    assert window.statusBar().currentMessage() == "History is being saved again."
    assert rows("SELECT set_number, pain FROM sets") == [(1, 3)]
    window.close()
    store.close()


def test_quitting_with_unsaved_history_asks_first(
    qtbot: QtBot, flaky: list[FlakyConnection], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_history(paths.history_db_path())
    window = window_on(qtbot, fake_services(store))
    qtbot.keyClick(window, K.Key_Return)
    flaky[0].broken = True
    until(window, StepKind.PAIN)
    qtbot.keyClick(window, K.Key_4)
    said = answer(monkeypatch, QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    window.close()
    assert window.isVisible() and window.session is not None  # kept open, the session goes on
    assert said[0].startswith("Not saved yet in your history: 1 set and 1 pain rating.")
    assert "Saving fails: disk I/O error." in said[0]
    window.close()
    assert not window.isVisible() and len(said) == 2
    assert not window.banner.timer.isActive()
    flaky[0].broken = False
    store.close()  # saves what waited, now that the disk works again
    assert rows("SELECT pain FROM sets") == [(4,)]
    assert rows("SELECT end_reason FROM sessions") == [("ended_early",)]


def test_no_question_when_everything_is_saved(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_history(paths.history_db_path())
    window = window_on(qtbot, fake_services(store))
    said = answer(monkeypatch)
    window.close()
    assert said == [] and not window.isVisible()
    store.close()


@pytest.fixture
def quiet_services(monkeypatch: pytest.MonkeyPatch) -> None:
    """open_services with no voice, beeps or screen-saver control: only the history is real."""
    for module in (
        "hiptimer.ui.services.speech",
        "hiptimer.ui.services.sounds",
        "hiptimer.ui.services.inhibit",
    ):
        monkeypatch.setitem(sys.modules, module, None)  # importing it raises ImportError


def test_a_newer_history_is_left_alone_and_sessions_still_run(
    qtbot: QtBot, quiet_services: None
) -> None:
    db = paths.history_db_path()
    db.parent.mkdir(parents=True)
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {history_schema.SCHEMA_VERSION + 1}")
    before = db.read_bytes()
    services = open_services(muted=True, voice="", rate=160, volume=1.0)
    off = services.history_status
    assert services.history is None and off is not None and off.state is HistoryState.OFF
    assert off.path == db and "newer" in off.reason
    window = window_on(qtbot, services)
    (text,) = window.banner.texts()
    assert text.startswith(f"History is off: The history database {db} was made by a newer")
    assert text.endswith("Sessions still work, but they are not recorded.")
    qtbot.keyClick(window, K.Key_Return)
    for rating in (K.Key_1, K.Key_2):
        until(window, StepKind.PAIN)
        qtbot.keyClick(window, rating)
    assert window.nav.key_mode() is Mode.SUMMARY
    assert window.banner.isVisible()
    window.close()
    services.shutdown()
    assert db.read_bytes() == before


def test_a_newer_history_is_said_in_spanish(
    qtbot: QtBot, quiet_services: None, spanish: None
) -> None:
    db = paths.history_db_path()
    db.parent.mkdir(parents=True)
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {history_schema.SCHEMA_VERSION + 1}")
    services = open_services(muted=True, voice="", rate=160, volume=1.0)
    window = window_on(qtbot, services)
    (text,) = window.banner.texts()
    assert text.startswith(f"Historial desactivado: El historial {db} lo creó un HipTimer más")
    assert text.endswith("Las sesiones funcionan, pero no se registran.")
    window.close()
    services.shutdown()


def test_an_unusable_data_folder_still_opens_with_the_warnings(
    qtbot: QtBot, quiet_services: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A file where the folder should be: nothing can be created in it (even by root).
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    monkeypatch.setenv(paths.ENV_HOME, str(blocker / "home"))
    settings = SettingsStore()
    services = open_services(muted=True, voice="", rate=160, volume=1.0)
    assert isinstance(services.history, HistoryStore)
    window = window_on(qtbot, services, settings)
    banner = window.banner
    assert window.nav.key_mode() is Mode.FIRST_RUN
    (text,) = banner.texts()
    folder = blocker / "home"
    assert text.startswith(f"History can't be saved right now: the data folder {folder} cannot")
    qtbot.keyClick(window, K.Key_Return)  # I understand: the settings cannot remember it
    assert window.nav.key_mode() is Mode.LIBRARY
    _history_text, settings_text = banner.texts()
    assert settings_text == (
        f"Cannot save settings to {blocker / 'home' / 'settings.json'}: {blocker} is a file, "
        "not a folder. Your settings apply until you quit."
    )
    qtbot.keyClick(window, K.Key_Return)
    until(window, StepKind.PAIN)
    qtbot.keyClick(window, K.Key_5)
    assert services.history.status.pending == 3  # the session, the set and its rating
    said = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    window.close()
    assert len(said) == 1 and not window.isVisible()
    services.shutdown()


def test_the_reason_is_shown_as_people_read_it() -> None:
    assert reason_text("database or disk is full") == "database or disk is full"
    assert reason_text("Something else.") == "Something else"
    errno = "cannot open /x/history.sqlite3: [Errno 20] Not a directory: '/x'"
    assert reason_text(errno) == "cannot open /x/history.sqlite3: Not a directory"


def test_a_damaged_settings_file_is_said_once_until_ok(qtbot: QtBot) -> None:
    path = paths.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"pain_limit": 3', encoding="utf-8")
    settings = SettingsStore()
    settings.update(first_run_done=True)
    window = window_on(qtbot, fake_services(), settings)
    (text,) = window.banner.texts()
    assert "settings file could not be used" in text and ".damaged-" in text
    assert window.banner.notice.button is not None
    window.banner.notice.button.click()
    assert window.banner.texts() == []


def test_a_read_only_data_folder_prints_no_raw_log_lines_beside_the_window_s_words(
    qtbot: QtBot,
    quiet_services: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """At start-up on a read-only folder the terminal showed 'WARNING:hiptimer.core.history.
    store:History database unavailable, using memory: ...' and 'WARNING:hiptimer.core.plan.
    state_file:Cannot save .../reminders-today.json: Read-only file system' beside the lock's
    words, for what the strip says (fit10). The log file, where there is one, keeps them; a
    failure the window does not explain is still printed. Read-only as in the test below:
    one fake for the strip's words and the reminders' log line (tidy13)."""
    folder = paths.history_db_path().parent
    read_only_mount(monkeypatch, folder)
    logs = tmp_path / "logs"
    logs.mkdir()
    log_file.start(logs)
    try:
        services = open_services(muted=True, voice="", rate=160, volume=1.0)
        window = window_on(qtbot, services)
        assert not state_file.save_state(folder / state_file.FILE_NAME, ReminderState())
        (text,) = window.banner.texts()
        assert f"the data folder {folder} is read-only" in text
        logging.getLogger("hiptimer.test").warning("Speech is off: no player")
        printed = capsys.readouterr().err
        assert "using memory" not in printed and "reminders-today.json" not in printed
        assert "Speech is off: no player" in printed
        kept = (logs / log_file.LOG_NAME).read_text(encoding="utf-8")
        assert "History database unavailable, using memory" in kept
        assert "Cannot save" in kept and "reminders-today.json: Read-only file system" in kept
        window.close()
        services.shutdown()
    finally:
        log_file.stop()


def read_only_mount(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """`folder` on a read-only mount: access(2) says so (safe_write.read_only_folder, which
    the strip and the log ask), and what writes there is refused: SQLite opens only its
    in-memory stand-in, the reminders' state file gets EROFS. As root only a read-only mount
    refuses writes, so all of it is played."""
    folder.mkdir(parents=True, exist_ok=True)
    fake_read_only(monkeypatch, folder)
    connect = history_schema.connect

    def refuse(path: object, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if path == ":memory:":  # where the sets wait meanwhile
            return connect(path, *args, **kwargs)  # type: ignore[no-any-return]
        raise sqlite3.OperationalError("unable to open database file")

    def refused(path: Path) -> Any:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(history_schema, "connect", refuse)
    monkeypatch.setattr(state_file, "replacing_text", refused)


def test_a_read_only_data_folder_is_named_as_such_with_what_to_do(
    qtbot: QtBot, quiet_services: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a read-only mount SQLite says only 'unable to open database file' (its -shm file
    cannot be made); the strip says the folder is read-only and what to do."""
    folder = paths.history_db_path().parent
    read_only_mount(monkeypatch, folder)
    services = open_services(muted=True, voice="", rate=160, volume=1.0)
    window = window_on(qtbot, services)
    (text,) = window.banner.texts()
    assert text == (
        f"History can't be saved right now: the data folder {folder} is read-only. Your "
        "ratings are kept in memory and saving will be retried: make the folder writable "
        "before you quit, or next time start HipTimer with --data-dir and a folder you can "
        "write."
    )
    window.close()
    services.shutdown()


@pytest.mark.parametrize("under", [False, True], ids=["the-folder", "a-parent"])
def test_a_file_where_the_data_folder_goes_is_named_as_such_with_what_to_do(
    qtbot: QtBot, quiet_services: None, monkeypatch: pytest.MonkeyPatch, under: bool
) -> None:
    """$HIPTIMER_HOME (or --data-dir) naming a file: the window opens and runs without saving
    (the commands refuse it, README); the strip said only "cannot open .../history.sqlite3:
    ... is a file, not a folder", never that the data folder was the trouble."""
    blocker = paths.data_dir().parent / "a-file"
    blocker.write_text("")
    folder = blocker / "data" if under else blocker
    monkeypatch.setenv(paths.ENV_HOME, str(folder))
    services = open_services(muted=True, voice="", rate=160, volume=1.0)
    window = window_on(qtbot, services)
    saving, settings = window.banner.texts()
    why = f"cannot be made, as {blocker} is a file" if under else "is a file"
    assert saving == (
        f"History can't be saved right now: the data folder {folder} {why}, not a folder. Your "
        "ratings are kept in memory and saving will be retried: move that file away before "
        "you quit, or next time start HipTimer with --data-dir and a folder you can write."
    )
    assert settings.endswith(
        f"{blocker} is a file, not a folder. Your settings apply until you quit."
    )
    assert blocker.read_text() == ""
    window.close()
    services.shutdown()


def banner_of_a_window_opened(qtbot: QtBot, *, ok: bool = True) -> list[str]:
    """What the banner of a window whose history opens as the app opens it
    (ports._open_history) says; its notice is dismissed (OK) unless `ok` is False, and the
    window is closed and its history with it."""
    services = fake_services()
    services.opener = lambda s: ports._open_history(s, later=False)
    window = window_on(qtbot, services)
    window.open_services()
    said = window.banner.texts()
    button = window.banner.notice.button
    if ok and button is not None and button.isVisible():
        button.click()
    window.close()
    assert services.history is not None
    services.history.close()
    return said


def damaged_history() -> Path:
    db = paths.history_db_path()
    db.parent.mkdir(parents=True)
    db.write_bytes(os.urandom(3 * 4096))
    return db


def test_a_damaged_history_moved_aside_by_the_command_line_is_said_in_the_window(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    # `hiptimer history` moved the file aside and said so on stderr only: the window opened
    # later never said a word of it.
    db = damaged_history()
    assert cli_main(["history", "list"]) == 0
    (moved,) = db.parent.glob("history.sqlite3.corrupt-*[0-9]")
    assert str(moved) in capsys.readouterr().err
    (text,) = banner_of_a_window_opened(qtbot)
    assert text.startswith("Earlier, hiptimer history said: The history database")
    assert str(moved) in text and "a new, empty history was started" in text
    # Said once: the next command, and the next window, say nothing of it.
    assert cli_main(["history", "list"]) == 0 and capsys.readouterr().err == ""
    assert banner_of_a_window_opened(qtbot) == []


def test_a_table_added_back_names_the_history_and_where_its_old_rows_went(
    qtbot: QtBot,
) -> None:
    # The strip said "The history lacked corrections; HipTimer added it.": a user with two
    # data folders could not tell which history, nor find the rows of the table it replaced.
    db = paths.history_db_path()
    sound_history(db)
    for sql in ("DROP TABLE corrections", "CREATE TABLE corrections (x)"):
        damage(db, sql)
    damage(db, "INSERT INTO corrections VALUES (7)")
    (text,) = banner_of_a_window_opened(qtbot)
    assert text.startswith(
        f"The history {db} lacked corrections; HipTimer added it. The row that was under "
        "corrections is kept in that file's set_aside table."
    )


def test_a_notice_left_by_the_command_line_waits_until_it_is_dismissed(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    # history-notice.txt was removed as the window read it: a window killed (or closed)
    # before anyone pressed OK lost the only word of where the old history went.
    db = damaged_history()
    assert cli_main(["history", "list"]) == 0
    capsys.readouterr()
    left = db.with_name("history-notice.txt")
    (first,) = banner_of_a_window_opened(qtbot, ok=False)
    assert first.startswith("Earlier, hiptimer history said:") and left.exists()
    assert banner_of_a_window_opened(qtbot) == [first]  # said again; OK this time
    assert not left.exists()
    assert banner_of_a_window_opened(qtbot) == []  # and then said no more


def test_a_damaged_history_the_window_moved_aside_is_said_again_until_it_is_dismissed(
    qtbot: QtBot,
) -> None:
    # The window's own notice was held only in memory: a window killed (or closed) before
    # anyone pressed OK lost the only word of where the old history went.
    db = damaged_history()
    kept = db.with_name("history-notice.txt")
    (first,) = banner_of_a_window_opened(qtbot, ok=False)
    assert first.startswith("The history database") and kept.exists()
    (moved,) = db.parent.glob("history.sqlite3.corrupt-*[0-9]")
    assert banner_of_a_window_opened(qtbot) == [f"Earlier, HipTimer said: {first}"]  # OK now
    assert str(moved) in first and not kept.exists()
    assert banner_of_a_window_opened(qtbot) == []  # and then said no more


def test_a_damaged_history_the_window_moved_aside_is_not_said_again_by_either(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged_history()
    (text,) = banner_of_a_window_opened(qtbot)
    assert text.startswith("The history database") and "a new, empty history" in text
    assert cli_main(["history", "list"]) == 0 and capsys.readouterr().err == ""
    assert banner_of_a_window_opened(qtbot) == []


@pytest.mark.parametrize("trouble", ["read-only", "a file", "full"])
def test_quitting_with_waiting_sets_says_what_to_do_as_the_strip_does(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, trouble: str
) -> None:
    """On a read-only folder the question said 'Saving fails: attempt to write a readonly
    database ... Free some space or fix the disk', under a strip that named the folder as
    read-only and said to make it writable (seen in the real window on a read-only mount)."""
    from PySide6.QtWidgets import QWidget

    from hiptimer.ui.services.status_banner import ask_to_quit

    folder = tmp_path / "data"
    if trouble == "a file":
        folder.write_text("")
    else:
        folder.mkdir()
    if trouble == "read-only":
        fake_read_only(monkeypatch, folder)
    reason = {"read-only": "attempt to write a readonly database", "full": "disk is full"}
    status = HistoryStatus(
        HistoryState.NOT_SAVING, folder / "history.sqlite3", reason.get(trouble, "cannot open"), 3
    )
    said = answer(monkeypatch, QMessageBox.StandardButton.No)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert not ask_to_quit(parent, status)
    (text,) = said
    assert text.startswith("3 changes to your history are not saved yet. Saving fails: ")
    expected = {
        "read-only": f"the data folder {folder} is read-only. They are kept only while HipTimer "
        "is open, and saved as soon as the folder can be written. Make it writable, or quit "
        "and lose them.",
        "a file": f"the data folder {folder} is a file, not a folder. They are kept only while "
        "HipTimer is open, and saved as soon as that file is moved away. Move it, or quit and "
        "lose them.",
        "full": "disk is full. They are kept only while HipTimer is open, and saved as soon as "
        "the disk takes them again. Free some space or fix the disk, or quit and lose them.",
    }[trouble]
    assert text.endswith(expected)


@pytest.mark.parametrize(
    ("pending", "sets", "ratings", "said"),
    [
        (8, 3, 3, "Not saved yet in your history: 3 sets, 3 pain ratings and 2 other changes."),
        (1, 0, 1, "Not saved yet in your history: 1 pain rating."),
        (2, 0, 0, "2 changes to your history are not saved yet."),
    ],
)
def test_the_quit_question_counts_what_waits_as_a_person_would(
    pending: int, sets: int, ratings: int, said: str
) -> None:
    """A three-set session done while the disk refused was '8 changes to your history are
    not saved yet': its start, three sets, three ratings and its end, as the store counts."""
    status = HistoryStatus(
        HistoryState.NOT_SAVING, Path("h.sqlite3"), "full", pending, None, None, sets, ratings
    )
    assert unsaved_words(status) == said


def test_the_quit_question_names_a_k_on_the_pain_question() -> None:
    """A K waiting in memory was one of '2 other changes' with the session's end; lost, the
    history reads its set as never asked (docs/history.md)."""
    status = HistoryStatus(
        HistoryState.NOT_SAVING, Path("h.sqlite3"), "full", 2, None, None, pending_no_ratings=1
    )
    said = "Not saved yet in your history: 1 set marked \u201cno rating\u201d and 1 other change."
    assert unsaved_words(status) == said


def test_an_answer_replaced_while_waiting_is_not_an_other_change() -> None:
    """A rating then K on one set, and the session's end: the K is named, the rating it
    replaced is counted nowhere (it read "1 pain rating, 1 set marked ... and 1 other
    change", or as an other change once the set was counted once)."""
    status = HistoryStatus(
        HistoryState.NOT_SAVING, Path("h.sqlite3"), "full", 3, None, None,
        pending_no_ratings=1, pending_answers_replaced=1,
    )  # fmt: skip
    said = "Not saved yet in your history: 1 set marked \u201cno rating\u201d and 1 other change."
    assert unsaved_words(status) == said


def test_an_old_history_in_a_read_only_data_folder_is_shown_and_the_strip_says_why(
    qtbot: QtBot, quiet_services: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upgraded HipTimer on a read-only folder cannot migrate the file: the history was
    empty with no word why. It is shown as it is, and the strip says why it is not saved."""
    db = paths.history_db_path()
    db.parent.mkdir(parents=True, exist_ok=True)
    before = version_6_file(db)
    folder = db.parent
    read_only_mount(monkeypatch, folder)
    services = open_services(muted=True, voice="", rate=160, volume=1.0)
    window = window_on(qtbot, services)
    saving, notice = window.banner.texts()
    assert saving.startswith(f"History can't be saved right now: the data folder {folder} is")
    assert notice.startswith(f"The history in {folder} is shown as it is, read-only: this ")
    assert isinstance(services.history, HistoryStore)
    assert services.history.list_sessions() == before
    window.close()
    services.shutdown()


def test_the_read_only_words_go_once_the_folder_can_be_written_and_the_history_saved(
    qtbot: QtBot, quiet_services: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """user22, as a user who is not root: a folder made writable mid-run, "Try again now",
    and the history was saved ("History is being saved again"), but the strip still said
    "The history in ... is shown as it is, read-only: ... new sessions are not saved there
    until it can be written" until OK was pressed: words no longer true, over a saved
    history. They go with the read-only copy; the rest of the notice stays until OK."""
    db = paths.history_db_path()
    db.parent.mkdir(parents=True, exist_ok=True)
    before = version_6_file(db)
    folder = db.parent
    with monkeypatch.context() as read_only:
        read_only_mount(read_only, folder)
        services = open_services(muted=True, voice="", rate=160, volume=1.0)
        window = window_on(qtbot, services)
        window.banner.also_say("Today's reminders were moved aside.")
        saving, notice = window.banner.texts()
        assert saving.startswith("History can't be saved right now: the data folder ")
        assert notice.startswith(f"The history in {folder} is shown as it is, read-only: ")
    window.banner.retry()  # the folder can be written now: "Try again now"
    assert isinstance(services.history, HistoryStore)
    assert services.history.status.saving and services.history.list_sessions() == before
    assert window.banner.texts() == ["Today's reminders were moved aside."]
    window.close()
    services.shutdown()


def test_settings_kept_in_memory_are_saved_once_the_folder_can_be_written(
    qtbot: QtBot, quiet_services: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """user22, as a user who is not root: the strip asks to make a read-only folder writable
    before quitting, and once it was, "Try again now" saved the history but never the
    settings changed meanwhile (their row stayed, and they were lost at quit). They are tried
    again with the history now; a file HipTimer could not read is still never saved over."""
    from hiptimer.core import settings as settings_module

    folder = paths.history_db_path().parent
    with monkeypatch.context() as read_only:
        read_only_mount(read_only, folder)

        def refused(path: Path, text: str) -> None:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))

        read_only.setattr(settings_module, "write_atomic", refused)
        settings = SettingsStore()
        services = open_services(muted=True, voice="", rate=160, volume=1.0)
        window = window_on(qtbot, services, settings)
        settings.update(first_run_done=True, pain_limit=4)
        window.banner.refresh()
        assert any(t.startswith("Cannot save settings to ") for t in window.banner.texts())
    window.banner.retry()  # the folder can be written now: "Try again now"
    assert window.banner.texts() == []
    assert SettingsStore().settings.pain_limit == 4
    window.close()
    services.shutdown()
