"""Tests for run_app: the routine named on the command line, started at once, and the exit."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import time
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
from PySide6.QtCore import QLockFile, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history.store import open_history
from hiptimer.core.instance import LOCK_NAME
from hiptimer.core.settings import SettingsStore
from hiptimer.ui import single_instance
from hiptimer.ui.app import run_app
from hiptimer.ui.keys import Action, Mode
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.second_start import resolve_routine
from tests.harness import short_routine
from tests.ui.sessions import (
    FakeSpeech,
    fake_services,
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.usefixtures("no_timer_left")


def _window() -> MainWindow:
    # The one on screen: an earlier test's window may wait to be deleted.
    [window] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    return window


def test_run_app_opens_a_routine_by_id_starts_it_and_returns_on_close(qtbot: QtBot) -> None:
    SettingsStore().update(first_run_done=True)
    clock = FakeClock()
    services = fake_services()
    seen: list[object] = []

    def look_and_close() -> None:
        window = _window()
        if window.session is None and len(seen) < 500:  # opened once the window is painted
            seen.append(None)
            QTimer.singleShot(10, look_and_close)
            return
        seen[:] = []
        seen.append(window.nav.key_mode())
        seen.append(window.windowTitle())
        assert window.session is not None
        seen.append(window.session.driver.engine.routine.id)
        seen.append(QApplication.windowIcon().isNull())  # set after the first paint
        window.close()

    QApplication.setWindowIcon(QIcon())  # an earlier test's run_app set it
    QTimer.singleShot(0, look_and_close)
    code = run_app(
        "daily-hip-stretches", start=True, clock=clock, wall=FakeWall(clock), services=services
    )
    assert code == 0
    assert seen[0] is Mode.WORKOUT
    assert str(seen[1]).endswith("Hamstring stretch \u2014 HipTimer")
    assert seen[2] == "daily-hip-stretches"
    assert seen[3] is False  # the title bar's icon came, a moment after the window
    assert isinstance(services.speech, FakeSpeech) and services.speech.shut


def test_the_window_s_warnings_are_kept_in_the_data_folder_s_log(qtbot: QtBot) -> None:
    SettingsStore().update(first_run_done=True)
    QTimer.singleShot(0, lambda: _window().close())
    assert run_app("no-such-routine", services=fake_services()) == 0
    log = (paths.data_dir() / "hiptimer.log").read_text(encoding="utf-8")
    assert "WARNING hiptimer.ui.main_window: Cannot open routine no-such-routine" in log


def test_a_folder_where_the_lock_goes_is_moved_aside_and_the_window_says_where(
    qtbot: QtBot,
) -> None:
    SettingsStore().update(first_run_done=True)
    (paths.data_dir() / LOCK_NAME).mkdir()
    said: list[str] = []

    def look() -> None:
        said.append(_window().statusBar().currentMessage())
        _window().close()

    QTimer.singleShot(0, look)
    assert run_app(services=fake_services()) == 0
    [moved] = paths.data_dir().glob(f"{LOCK_NAME}.folder-*")
    assert said == [f"A folder was where HipTimer keeps its lock: it was moved to {moved}."]


def test_an_unknown_routine_opens_the_library_and_says_why(qtbot: QtBot) -> None:
    said: list[str] = []
    assert resolve_routine("no-such-routine", said.append) is None
    assert "no-such-routine" in said[0] and "daily-hip-stretches" in said[0]
    routine = short_routine()
    assert resolve_routine(routine, said.append) is routine
    assert resolve_routine(None, said.append) is None


def test_a_copy_that_does_not_answer_gets_a_read_only_window_that_offers_nothing(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another copy runs a session on this folder (its end is empty) and holds the lock, but
    # never answers. Issue 13 saw the second copy call that live session interrupted and
    # resume it, writing a set twice.
    SettingsStore().update(first_run_done=True)
    db = paths.history_db_path()
    with open_history(db) as store:
        started = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
        store.begin_session("daily-hip-stretches", "Daily hip stretches", 1, {}, started)
    held = QLockFile(str(paths.data_dir() / LOCK_NAME))
    assert held.tryLock(0)
    paths.drafts_dir().mkdir(parents=True)
    damaged = paths.drafts_dir() / "my-routine-20260302-080000.json"
    damaged.write_text("{ not json", encoding="utf-8")  # a start would move it aside
    monkeypatch.setattr(single_instance, "STARTING_S", 0.2)
    clock = FakeClock()
    store = open_history(db)
    services = fake_services(store)  # what the window would record into
    seen: dict[str, object] = {}
    tries: list[int] = []

    def look_and_close() -> None:
        window = _window()
        tries.append(1)
        if window.session is None and len(tries) < 500:  # the routine opens after first paint
            QTimer.singleShot(10, look_and_close)
            return
        seen["offered"] = window.resume.showing
        seen["banner"] = " ".join(window.banner.texts())
        seen["session"] = window.session is not None
        seen["reminding"] = window.reminders.coordinator is not None
        window.close()

    QTimer.singleShot(0, look_and_close)
    try:
        code = run_app(
            "daily-hip-stretches", start=True, clock=clock, wall=FakeWall(clock), services=services
        )
    finally:
        held.unlock()
        store.close()
    assert code == 0
    assert "already running" in capsys.readouterr().err
    assert [p.name for p in paths.drafts_dir().iterdir()] == [damaged.name]  # left as it was
    assert seen["offered"] is False
    # What happened, in words, and what to do: the other copy may only have been busy, and
    # "close it, then start HipTimer again" did not say which window, nor to use the other.
    assert (
        "History is off: another HipTimer is running on this data folder and did not answer in"
        " time (busy, or stuck). Use that one (its window, or its icon in the tray) and close"
        " this window; if it does not respond, quit it, then start HipTimer again."
    ) in str(seen["banner"])
    assert seen["session"] is True  # the routine runs, unrecorded
    # The other copy reminds: this one would remind again, of routines done today too (it
    # has no history), and write the other's reminders-today.json.
    assert seen["reminding"] is False
    assert not (paths.data_dir() / "reminders-today.json").exists()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT ended_at, end_reason FROM sessions").fetchall() == [
            (None, None)
        ]
        assert conn.execute("SELECT count(*) FROM sets").fetchone() == (0,)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_sigterm_while_the_end_question_is_open_ends_the_session_for_the_system(
    qtbot: QtBot,
) -> None:
    # A logout while the user is being asked "End this session now?": the question's own
    # event loop must not keep the session from ending, nor the app from quitting.
    SettingsStore().update(first_run_done=True)
    clock = FakeClock()
    store = open_history(paths.history_db_path())
    returned: list[bool] = []

    def ask() -> None:
        QTimer.singleShot(200, lambda: os.kill(os.getpid(), signal.SIGTERM))
        _window().perform(Action.END)  # Esc: the modal question, until the signal ends it
        returned.append(True)

    QTimer.singleShot(0, ask)
    try:
        code = run_app(
            "daily-hip-stretches", start=True, clock=clock, wall=FakeWall(clock),
            services=fake_services(store),
        )  # fmt: skip
    finally:
        store.close()
    assert code == 0 and returned == [True]
    with sqlite3.connect(paths.history_db_path()) as conn:
        [(reason, ended)] = conn.execute("SELECT end_reason, ended_at FROM sessions").fetchall()
    assert reason == "interrupted" and ended is not None  # ended by the system


class EditsThenSigterm:
    """Opens the routine editor on a new routine once the session runs, leaves its exercise
    out (an unsaved edit), then sends SIGTERM; with `asking`, from inside the "Unsaved
    changes" question that closing the editor opened. A guard answers Discard to any question
    still open after 5 s, so that a failure ends the test rather than hanging it."""

    def __init__(self, *, asking: bool) -> None:
        self.asking = asking
        self.edited: dict[str, object] = {}
        self.left_open: list[str] = []
        self.guard = QTimer()
        self.guard.setInterval(5000)
        self.guard.timeout.connect(self._answer_left_open)

    def run(self) -> int:
        QTimer.singleShot(0, self._edit)
        store = open_history(paths.history_db_path())
        try:
            return run_app(
                "daily-hip-stretches", start=True, clock=(clock := FakeClock()),
                wall=FakeWall(clock), services=fake_services(store),
            )  # fmt: skip
        finally:
            self.guard.stop()
            store.close()

    def _edit(self) -> None:
        window = _window()
        if window.session is None:  # the routine starts after the first paint
            QTimer.singleShot(10, self._edit)
            return
        window.routine_actions.new_routine()  # Ctrl+N
        [editor] = window.routine_actions.editors
        editor.exercises.list.item(0).setCheckState(Qt.CheckState.Unchecked)  # "tick something"
        assert editor.is_modified
        self.edited = editor.data
        self.guard.start()
        if self.asking:  # Ctrl+W: "Save your changes?" waits for an answer, then the signal
            QTimer.singleShot(100, lambda: os.kill(os.getpid(), signal.SIGTERM))
            editor.close()
        else:
            os.kill(os.getpid(), signal.SIGTERM)

    def _answer_left_open(self) -> None:
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.isVisible():
                self.left_open.append(box.text())
                button = box.button(QMessageBox.StandardButton.Discard)
                button.click() if button is not None else box.reject()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
@pytest.mark.parametrize("asking", [False, True], ids=["editing", "asked-to-save"])
def test_sigterm_keeps_the_editors_unsaved_routine_as_a_draft_and_quits(
    qtbot: QtBot, asking: bool
) -> None:
    # The audit: Ctrl+N, an exercise left out, `kill -TERM`: "Unsaved changes" stayed open
    # and HipTimer kept running (a logout would hang on it).
    SettingsStore().update(first_run_done=True)
    run = EditsThenSigterm(asking=asking)
    assert run.run() == 0
    assert run.left_open == []  # no question was left for nobody to answer
    [draft] = paths.drafts_dir().glob("*.json")
    assert draft.name.startswith("my-routine-")
    assert json.loads(draft.read_text(encoding="utf-8")) == run.edited  # as typed, unsaved
    assert not paths.user_routines_dir().exists()  # never saved as a routine without asking
    with sqlite3.connect(paths.history_db_path()) as conn:
        assert conn.execute("SELECT end_reason FROM sessions").fetchall() == [("interrupted",)]

    # The next start names the draft above its pages, and its button opens the editor, which
    # offers the draft back: Open them brings the edits back, unsaved.
    shown: list[str] = []
    reopened: list[dict[str, object]] = []

    def look_open_and_close() -> None:
        window = _window()
        shown.extend(window.notice.shown)
        window.notice.action.click()  # Open in the editor
        [editor] = window.routine_actions.editors
        offered = editor.draft_offer.offered
        assert offered is not None and offered.path == draft
        editor.draft_offer.open_button.click()
        if editor.is_modified:
            reopened.append(editor.data)
        editor.undo_stack.setClean()
        editor.close()
        window.close()

    QTimer.singleShot(0, look_open_and_close)
    assert run_app(services=fake_services()) == 0
    assert len(shown) == 1 and str(draft) in shown[0]
    assert shown[0].startswith("Unsaved changes to \u201cMy routine\u201d from ")
    assert reopened == [run.edited]


def test_the_window_icon_has_the_small_sizes_a_title_bar_and_taskbar_use(
    qapp: QApplication,
) -> None:
    from hiptimer.ui.app_setup import WINDOW_ICON_PX, window_icon

    icon = window_icon(paths.icons_dir() / "hicolor")
    assert sorted(size.width() for size in icon.availableSizes()) == sorted(WINDOW_ICON_PX)
    assert not icon.pixmap(32, 32).isNull()


def test_a_start_removes_what_a_killed_save_left_once_the_list_is_shown(qtbot: QtBot) -> None:
    # A save killed before its rename left `.settings.json.XXXXXXXX.tmp` for good.
    SettingsStore().update(first_run_done=True)
    old = time.time() - 2 * 3600
    left = [paths.data_dir() / ".settings.json.0a1b2c3d.tmp"]
    left.append(paths.user_routines_dir() / ".mine.json.0a1b2c3d.tmp")
    young = paths.data_dir() / ".reminders-today.json.0a1b2c3d.tmp"  # another copy's, now
    for path in [*left, young]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{")
    for path in left:
        os.utime(path, (old, old))
    seen: list[bool] = []

    def look() -> None:
        if any(p.exists() for p in left) and len(seen) < 500:  # once the list is painted
            seen.append(False)
            QTimer.singleShot(10, look)
            return
        seen.append(True)
        _window().close()

    QTimer.singleShot(0, look)
    assert run_app(services=fake_services()) == 0
    assert seen[-1] is True and not any(p.exists() for p in left)
    assert young.exists()


def test_a_start_with_drafts_lists_their_folder_once(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every start asks paths.kept_drafts() before its first paint; when it names drafts, the
    # notice reads those, and does not list the folder again.
    from hiptimer.core.routines.drafts import keep_draft
    from hiptimer.ui.app import _tell_kept_drafts

    keep_draft({"title": "Mine"}, "my-routine", datetime(2026, 3, 1, 8, 15))
    listings: list[list[Path]] = []
    listing = paths.kept_drafts

    def counted() -> list[Path]:
        listings.append(listing())
        return listings[-1]

    shown: list[str] = []
    notice = SimpleNamespace(show_notice=lambda heading, *_: shown.append(heading))
    monkeypatch.setattr(paths, "kept_drafts", counted)
    _tell_kept_drafts(cast("MainWindow", SimpleNamespace(notice=notice)))
    assert len(listings) == 1
    [heading] = shown
    assert heading.startswith("Unsaved changes to \u201cMine\u201d from ")


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no stacking
def test_quitting_mid_export_leaves_nothing_beside_the_file_chosen(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The export's daemon thread died with the app and left a hidden .NAME.XXXXXXXX.tmp.
    import threading

    from hiptimer.core.safe_write import replacing_text
    from hiptimer.ui.history import exports
    from hiptimer.ui.history.window import HistoryWindow
    from hiptimer.ui.widgets import file_dialog

    SettingsStore().update(first_run_done=True)
    out = tmp_path / "out" / "sets.csv"
    out.parent.mkdir()
    out.write_text("an older export")
    monkeypatch.setattr(file_dialog, "get_save_file_name", lambda *a, **k: (str(out), ""))
    writing, go_on, ended = threading.Event(), threading.Event(), threading.Event()

    def export_csv(reader: object, path: Path, *filters: object) -> int:
        try:
            with replacing_text(path) as fh:  # as the real one writes, held half-way
                fh.write("half of ten years")
                writing.set()
                assert go_on.wait(60), "the test never let the export go on"
            return 1
        finally:
            ended.set()

    monkeypatch.setattr(exports, "export_csv", export_csv)
    store = open_history(paths.history_db_path())
    looked: list[int] = []

    def export_then_quit() -> None:
        window = _window()
        window.open_history()
        history = window.findChild(HistoryWindow)
        assert history is not None
        history.csv_button.click()
        assert writing.wait(60)
        looked.append(len(list(out.parent.iterdir())))  # the file chosen, one beside
        window.closing.quit_app()  # File > Quit

    QTimer.singleShot(0, export_then_quit)
    assert run_app(services=fake_services(store)) == 0
    assert looked == [2]
    assert [p.name for p in out.parent.iterdir()] == ["sets.csv"]  # the thread still writes
    assert out.read_text() == "an older export"
    go_on.set()
    assert ended.wait(60)
    assert [p.name for p in out.parent.iterdir()] == ["sets.csv"]
    assert out.read_text() == "an older export"
