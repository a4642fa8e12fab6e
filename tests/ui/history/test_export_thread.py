"""Tests of the history window's exports on a thread of their own: the window answers while
one runs, says so, lets no second one start, and says how it ended as it did before."""

from __future__ import annotations

import errno
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.history import csv_export
from hiptimer.core.history.queries import HistoryQueries
from hiptimer.core.history.store import open_history
from hiptimer.ui.history.window import HistoryWindow
from tests.history_data import HIPS, STRETCH, Weeks, fill
from tests.ui.history.held_export import held, save_as


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, weeks: Weeks) -> Iterator[HistoryWindow]:
    """The window on six weeks of sessions (21 sets in its default three months)."""
    with open_history(tmp_path / "history.sqlite3") as store:
        fill(store, weeks)
        shown = HistoryWindow(store, [HIPS, STRETCH])
        qtbot.addWidget(shown)
        shown.show()
        yield shown


def buttons_enabled(window: HistoryWindow) -> list[bool]:
    return [window.csv_button.isEnabled(), window.pdf_button.isEnabled()]


@pytest.mark.parametrize("kind", ["csv", "pdf"])
def test_the_window_answers_while_an_export_runs(
    window: HistoryWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    # Ten years of sets froze the window 1.0-1.8 s: no repaint, and a click waited.
    writer = held(monkeypatch, kind)
    out = tmp_path / f"history.{kind}"
    save_as(monkeypatch, out)
    getattr(window, f"{kind}_button").click()  # returns while the export waits
    assert writer.started.wait(60)
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    QApplication.processEvents()
    assert fired == [True]  # the event loop runs
    assert window.status.accessibleName() == "Exporting\u2026"
    assert buttons_enabled(window) == [False, False]
    window.exports.export_pdf()  # a shortcut or a queued click: no second export
    assert not out.exists()
    writer.go_on.set()
    window.exports.finish()
    assert buttons_enabled(window) == [True, True]
    said = window.status.accessibleName()
    if kind == "csv":
        assert said == f"Saved 21 sets to {out}."
        assert out.read_text(encoding="utf-8-sig").count("\n") == 22
    else:
        assert said == f"Saved a 1-page report to {out}."
        assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.suffix == f".{kind}"] == [out.name]


@pytest.mark.parametrize(
    ("kind", "error", "why"),
    [
        ("csv", PermissionError(errno.EACCES, "Permission denied"), "Permission denied"),
        ("pdf", PermissionError(errno.EACCES, "Permission denied"), "Permission denied"),
        ("csv", sqlite3.OperationalError("disk I/O error"), "disk I/O error"),
    ],
)
def test_a_failed_export_on_its_thread_says_what_it_said_before(
    window: HistoryWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    error: Exception,
    why: str,
) -> None:
    out = tmp_path / f"history.{kind}"
    held(monkeypatch, kind, error).go_on.set()
    save_as(monkeypatch, out)
    getattr(window, f"{kind}_button").click()
    window.exports.finish()
    assert window.status.accessibleName() == f"Could not write {out}: {why}"
    assert buttons_enabled(window) == [True, True]


@pytest.mark.parametrize("kind", ["csv", "pdf"])
def test_closing_the_window_mid_export_leaves_no_file(
    window: HistoryWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    writer = held(monkeypatch, kind)
    out = tmp_path / "out" / f"history.{kind}"
    out.parent.mkdir()
    save_as(monkeypatch, out)
    getattr(window, f"{kind}_button").click()
    assert writer.started.wait(60)
    window.close()  # at once: the export is abandoned, not waited for
    writer.go_on.set()  # it writes it all, then finds the window gone
    window.exports.finish()
    assert list(out.parent.iterdir()) == []  # nothing under the name, nothing beside it
    # "Exporting…" stayed in the status line, with both buttons back, when it reopened.
    assert window.status.accessibleName() == stopped(out)
    assert buttons_enabled(window) == [True, True]


def stopped(out: Path) -> str:
    return f"The export to {out} stopped when the window closed: nothing was saved."


def test_a_filter_changed_mid_export_leaves_exporting_said_until_it_ends(
    window: HistoryWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The session count replaced "Exporting…" while the buttons stayed greyed.
    writer = held(monkeypatch, "csv")
    out = tmp_path / "h.csv"
    save_as(monkeypatch, out)
    window.csv_button.click()
    assert writer.started.wait(60)
    window.routine.setCurrentIndex(window.routine.findData(HIPS.id))
    window.apply_preset(None)  # all time
    assert window.filters.routine_id == HIPS.id
    assert window.status.accessibleName() == "Exporting\u2026"
    assert buttons_enabled(window) == [False, False]
    writer.go_on.set()
    window.exports.finish()
    # What was shown when the export began: the filters were taken then.
    assert window.status.accessibleName() == f"Saved 21 sets to {out}."
    window.apply_preset(7)  # no export running: the count again
    assert window.status.accessibleName().endswith(f"{len(window.shown)} sessions")


@pytest.mark.usefixtures("spanish")
def test_in_spanish_the_status_says_exporting(
    window: HistoryWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = held(monkeypatch, "csv")
    save_as(monkeypatch, tmp_path / "h.csv")
    window.csv_button.click()
    assert window.status.accessibleName() == "Exportando\u2026"
    writer.go_on.set()
    window.exports.finish()
    assert window.status.accessibleName() == f"21 series guardadas en {tmp_path / 'h.csv'}."


def test_the_focus_comes_back_to_the_export_button_afterwards(
    window: HistoryWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A greyed button hands the focus on: after Enter on *Export CSV...* a keyboard user
    # found the focus elsewhere once the export had ended.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    writer = held(monkeypatch, "csv")
    save_as(monkeypatch, tmp_path / "h.csv")
    window.csv_button.setFocus()
    window.csv_button.click()
    assert not window.csv_button.hasFocus()
    writer.go_on.set()
    window.exports.finish()
    assert window.csv_button.hasFocus()
    # Moved on meanwhile (to the first day of the period, say): left there.
    writer = held(monkeypatch, "csv")
    window.csv_button.click()
    window.since_edit.setFocus()
    writer.go_on.set()
    window.exports.finish()
    assert window.since_edit.hasFocus()


class HeldAfterFirst:
    """Counts what an export reads: `wrap` makes it wait after its first read (a session's
    rows, or the report's sessions) until the test lets it go on."""

    def __init__(self) -> None:
        self.reads: list[int] = []  # rows (CSV) or sessions (report) per read
        self.started, self.go_on = threading.Event(), threading.Event()

    def wrap(self, read: Callable[..., Any]) -> Callable[..., Any]:
        def reading(*args: Any, **kwargs: Any) -> Any:
            got = read(*args, **kwargs)
            if threading.current_thread() is threading.main_thread():
                return got  # the window's own reads
            self.reads.append(len(args[1]) if read.__name__ == "lines" else len(got))
            if len(self.reads) == 1:
                self.started.set()
                assert self.go_on.wait(60), "the test never let the export go on"
            return got

        reading.__name__ = read.__name__
        return reading


@pytest.mark.parametrize("kind", ["csv", "pdf"])
def test_an_export_abandoned_after_its_first_read_reads_no_more(
    window: HistoryWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    kind: str,
) -> None:
    # It ran on unseen to its end: ten years read (1-2 s of CPU) for a file then removed.
    held = HeldAfterFirst()
    later: list[str] = []  # the report's reads after its sessions, on the export's thread

    def counted(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread() is not threading.main_thread():
                later.append(name)
            return real(*args, **kwargs)

        return call

    if kind == "csv":
        real_maker = csv_export.line_maker
        monkeypatch.setattr(csv_export, "line_maker", lambda *a: held.wrap(real_maker(*a)))
    else:
        monkeypatch.setattr(
            HistoryQueries, "list_sessions", held.wrap(HistoryQueries.list_sessions)
        )
        for name in ("test_results", "morning_series", "corrections"):
            monkeypatch.setattr(HistoryQueries, name, counted(name, getattr(HistoryQueries, name)))
    out = tmp_path / "out" / f"history.{kind}"
    out.parent.mkdir()
    save_as(monkeypatch, out)
    getattr(window, f"{kind}_button").click()
    assert held.started.wait(60)
    window.close()
    held.go_on.set()
    window.exports.finish()
    assert len(held.reads) == 1 and 0 < held.reads[0] < 21  # one session's sets, or the list
    assert later == []
    assert list(out.parent.iterdir()) == []
    assert window.status.accessibleName() == stopped(out)  # no error said
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
