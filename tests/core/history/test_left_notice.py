"""The notice `hiptimer history` leaves for the window: kept until the window's user has seen it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hiptimer.core.history import left_notice
from hiptimer.core.history.store import HistoryStore
from hiptimer.core.safe_read import UnreadableFile
from hiptimer.core.write_abandon import Abandon, Abandoned


def test_forgetting_what_was_shown_keeps_a_notice_left_since(tmp_path: Path) -> None:
    # The command line may run while the window shows the first notice: its new notice is
    # kept for the next window, not removed with the one the user dismissed.
    db = tmp_path / "history.sqlite3"
    left_notice.leave(db, "The history database was damaged.")
    store = left_notice.open_for_window(db)
    assert store.status.notice == (
        "Earlier, hiptimer history said: The history database was damaged."
    )
    left_notice.leave(db, "1 set had a value HipTimer could not use.")
    store.notice_seen()
    assert left_notice.notice_file(db).read_text() == "1 set had a value HipTimer could not use.\n"
    store.notice_seen()  # once: a second OK forgets nothing more
    assert left_notice.notice_file(db).exists()
    store.close()
    store = left_notice.open_for_window(db)
    store.notice_seen()
    assert not left_notice.notice_file(db).exists()
    store.close()


def test_the_notices_left_say_who_said_them() -> None:
    # The window keeps its own notice in the same file, marked as its own.
    text = "Moved aside.\n[window] The history was damaged.\nParts added."
    assert left_notice.words(text) == (
        "Earlier, hiptimer history said: Moved aside. "
        "Earlier, HipTimer said: The history was damaged. "
        "Earlier, hiptimer history said: Parts added."
    )


def test_a_damaged_notice_file_is_moved_aside_not_written_over(tmp_path: Path) -> None:
    """It used to read as "no notice" and be written over by the next one (contract17)."""
    db = tmp_path / "history.sqlite3"
    damaged = b"\xff\xfe not text"
    left_notice.notice_file(db).write_bytes(damaged)
    left_notice.leave(db, "The history database was damaged.")
    (aside,) = tmp_path.glob("history-notice.txt.damaged-*")
    assert aside.read_bytes() == damaged
    store = left_notice.open_for_window(db)
    said = store.status.notice or ""
    assert "Earlier, hiptimer history said: The file " in said and str(aside) in said
    assert said.endswith("The history database was damaged.")
    store.close()


def test_the_window_moves_a_damaged_notice_file_aside_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    left_notice.notice_file(db).mkdir()  # a folder where the file goes
    store = left_notice.open_for_window(db)
    (aside,) = tmp_path.glob("history-notice.txt.damaged-*")
    assert aside.is_dir()
    said = store.status.notice or ""
    assert said.startswith("The file ") and "is a folder" in said and str(aside) in said
    store.notice_seen()
    assert not left_notice.notice_file(db).exists()
    store.close()


def test_a_notice_file_that_cannot_be_read_is_left_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "history.sqlite3"
    left_notice.notice_file(db).write_text("An earlier notice.\n")

    def refused(path: Path, limit: int) -> str:  # root reads any file: the refusal is faked
        raise UnreadableFile("cannot read the file (Permission denied)")

    monkeypatch.setattr(left_notice, "read_small_text", refused)
    left_notice.leave(db, "The history database was damaged.")
    assert left_notice.notice_file(db).read_bytes() == b"An earlier notice.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["history-notice.txt"]


def test_an_opening_abandoned_as_its_notice_is_written_closes_its_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window's opening, abandoned as the app quits (write_abandon), raised from writing
    # its notice with the store it had opened left open on its thread.
    db = tmp_path / "history.sqlite3"
    left_notice.notice_file(db).mkdir()  # moved aside: a notice to keep for the window
    opened: list[HistoryStore] = []

    def open_history(path: Path) -> HistoryStore:
        opened.append(real_open(path))
        abandon.abandon()  # the app quits while the history opens
        return opened[-1]

    real_open, abandon = left_notice.open_history, Abandon()
    monkeypatch.setattr(left_notice, "open_history", open_history)
    with abandon.watching(), pytest.raises(Abandoned):
        left_notice.open_for_window(db)
    with pytest.raises(sqlite3.ProgrammingError, match="closed database"):
        opened[0].list_sessions()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
