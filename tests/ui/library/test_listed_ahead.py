"""The library painted as the last start listed it, before any routine file is read; nothing
starts from that listing (docs/performance.md, session 26)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.routines.model import Routine
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.library.listing import LISTED_AHEAD_BELOW
from hiptimer.ui.library.search import SHOWN_FROM
from hiptimer.ui.main_window import MainWindow

K = Qt.Key


def own_routine(title: str, hold_s: int, *, hours: float = 1) -> Path:
    """A routine of the user's (listed after the built-ins), written `hours` ago."""
    data = json.loads((paths.builtin_routines_dir() / "desk-micro-break.json").read_text())
    data.update(id="aaa-mine", title=title)
    data["exercises"][0]["hold_s"] = hold_s
    path = paths.user_routines_dir() / "aaa-mine.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    then = path.stat().st_mtime - hours * 3600
    os.utime(path, (then, then))
    return path


def shown(qtbot: QtBot, started: list[Routine], monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The window as hiptimer.ui.app shows it, after its first idle moment (the list), before
    the list's paint hands over the rest; Start records the routine it would start."""
    monkeypatch.setattr(MainWindow, "start_session", lambda _self, r: started.append(r))
    window = MainWindow(SettingsStore(), show_first=True)
    qtbot.addWidget(window)
    window.show()
    window.open_services(wait=False, listed_only=True)  # as the first idle moment does
    return window


def kept_once(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A returning user's start, with a routine of theirs ("A hold of mine", 20 s), that reads
    the files and keeps the list (as the list's paint hands over); the rows it showed."""
    SettingsStore().update(first_run_done=True)
    own_routine("A hold of mine", 20)
    window = shown(qtbot, [], monkeypatch)
    assert window.library.read_first is None  # nothing kept yet: read from the files
    rows = [window.library.list.item(n).text() for n in range(window.library.list.count())]
    details = window.library.details.toHtml()
    window.shelf.keep_listing()
    window.close()
    assert (paths.cache_dir() / "library.json").is_file()
    again = shown(qtbot, [], monkeypatch)
    assert again.library.read_first is not None  # painted from the listing
    assert [again.library.list.item(n).text() for n in range(len(rows))] == rows
    assert again.library.details.toHtml() == details and again.library.start_button.isEnabled()
    again.close()
    return rows


def test_the_list_kept_is_painted_first_and_start_reads_the_file_as_it_is_then(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept_once(qtbot, monkeypatch)
    started: list[Routine] = []
    window = shown(qtbot, started, monkeypatch)
    assert window.library.read_first is not None and window.library.items == []
    os.utime(own_routine("A hold of mine", 45))  # changed after the list was painted ahead
    last = window.library.list.count() - 1
    window.library.list.setCurrentRow(last)  # (a click as it is painted: kept once read)
    qtbot.mouseClick(window.library.start_button, Qt.MouseButton.LeftButton)
    assert [r.title for r in started] == ["A hold of mine"]
    assert started[0].exercises[0].hold_s == 45  # the file as it is now, read before the start
    assert window.library.read_first is None and not window.shelf.unlisted
    assert window.library.list.currentRow() == last
    window.close()


def test_keys_pressed_right_after_the_show_act_on_the_routines_read_from_their_files(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = kept_once(qtbot, monkeypatch)
    started: list[Routine] = []
    window = shown(qtbot, started, monkeypatch)
    assert window.library.read_first is not None and not window.keys.installed
    qtbot.keyClick(window, K.Key_Down)  # before the window took its keys: the files read
    assert window.keys.installed and window.library.read_first is None
    assert window.library.list.currentRow() == 1
    qtbot.keyClick(window, K.Key_Return)
    assert [r.title for r in started] == [window.library.items[1].title]
    assert [window.library.list.item(n).text() for n in range(len(rows))] == rows
    window.close()


def test_the_next_hand_over_reads_the_files_and_draws_the_figures(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept_once(qtbot, monkeypatch)
    window = shown(qtbot, [], monkeypatch)
    assert window.library.read_first is not None
    window.library.read_first()  # as hiptimer.ui.app's second hand-over does
    window.library.draw_pictures()
    assert window.library.items and window.library.read_first is None
    assert "figure:" in window.library.details.toHtml()
    window.close()


def test_a_file_changed_since_the_list_was_kept_is_read_before_the_first_paint(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept_once(qtbot, monkeypatch)
    own_routine("A longer hold of mine", 20)  # (a size, a time)
    window = shown(qtbot, [], monkeypatch)
    assert window.library.read_first is None  # not painted from a stale listing
    last = window.library.list.item(window.library.list.count() - 1).text()
    assert last.startswith("A longer hold of mine")
    window.close()


def test_a_routine_file_written_just_before_the_read_is_not_kept(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file system's times move in steps: a rewrite of the same size in the same step as the
    # read would not be seen by the next start (listing_cache.SETTLED_NS).
    SettingsStore().update(first_run_done=True)
    own_routine("A hold of mine", 20, hours=0)
    window = shown(qtbot, [], monkeypatch)
    window.shelf.keep_listing()
    window.close()
    assert not (paths.cache_dir() / "library.json").exists()


def test_the_command_lines_routine_is_never_painted_ahead(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept_once(qtbot, monkeypatch)
    monkeypatch.setattr(MainWindow, "start_session", lambda _self, r: None)
    window = MainWindow(SettingsStore(), show_first=True)
    qtbot.addWidget(window)
    window.shelf.choose_named("desk-micro-break", window.show_problem)
    window.show()
    window.open_services(wait=False, listed_only=True)
    assert window.library.read_first is None
    assert window.library.selected is not None and window.library.selected.id == "desk-micro-break"
    window.close()
    QApplication.processEvents()


def test_a_list_that_shows_its_search_field_is_never_painted_ahead() -> None:
    assert LISTED_AHEAD_BELOW == SHOWN_FROM  # the field would come only with the files


def test_a_hand_edited_listing_shows_markup_in_a_title_as_its_characters(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Format 1 kept the details as HTML: a cache edited by hand, its stamps left as they were,
    # put its markup in the details pane (bold, a picture loaded from a file).
    from hiptimer.core.routines.catalog import load_catalog

    kept_once(qtbot, monkeypatch)
    first = load_catalog().entries()[0].title
    hostile = "<b>Bold</b><img src='file:///etc/hostname'> & co"
    cache = paths.cache_dir() / "library.json"
    text = cache.read_text(encoding="utf-8")
    assert first in text
    cache.write_text(text.replace(first, json.dumps(hostile)[1:-1]), encoding="utf-8")
    window = shown(qtbot, [], monkeypatch)
    assert window.library.read_first is not None  # painted from the edited listing
    shown_text = window.library.details.toPlainText()
    assert shown_text.startswith(hostile)  # the characters, not bold text and a picture
    window.close()


def test_a_routines_folder_that_stalls_is_not_stamped_and_nothing_is_painted_ahead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The kept list's stamp lists the user's folder before anything is painted: on a share
    # that stalled it held the first paint as long as the share did.
    import threading

    from hiptimer.core.routines import folder_in_time
    from hiptimer.ui.library import listing

    release = threading.Event()
    monkeypatch.setattr(listing, "stamp", lambda *_args: release.wait(10))
    monkeypatch.setattr(folder_in_time, "IN_TIME_S", 0.3)
    try:
        assert listing.listing_stamp() is None  # no listing trusted: the files are read
    finally:
        release.set()
