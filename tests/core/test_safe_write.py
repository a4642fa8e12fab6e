"""Tests for safe_write: a file is replaced whole or not at all; links and pipes stay what they are."""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest

from hiptimer.core.safe_write import (
    MissingFolderError,
    replacing_bytes,
    replacing_text,
    write_atomic,
)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_file_is_replaced_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_text("old")
    target.chmod(0o640)
    with replacing_text(target) as fh:
        fh.write("new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert _names(tmp_path) == ["export.csv"]


def test_a_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        with replacing_bytes(tmp_path / "new.wav") as fh:
            fh.write(b"RIFF")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.wav").stat().st_mode) == 0o644  # not mkstemp's 0600


def test_a_failure_keeps_the_old_file_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError), replacing_text(target) as fh:
        fh.write("half")
        raise RuntimeError("the database went away")
    assert target.read_text() == "old"
    assert _names(tmp_path) == ["export.csv"]


def test_a_link_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    real = tmp_path / "shared" / "settings.json"
    real.write_text("{}")
    link = tmp_path / "settings.json"
    link.symlink_to(real)
    with replacing_text(link) as fh:
        fh.write('{"muted": true}')
    assert link.is_symlink()
    assert real.read_text() == '{"muted": true}'
    assert _names(tmp_path / "shared") == ["settings.json"]


def test_a_pipe_is_written_in_place_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    deadline = time.monotonic() + 10
    while True:  # the reader opens its end in its own time
        try:
            with replacing_text(fifo) as fh:
                fh.write("a,b\r\n")
            break
        except OSError:
            assert time.monotonic() < deadline, "the reader never opened the pipe"
            time.sleep(0.01)
    reader.join(10)
    assert received == [b"a,b\r\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert _names(tmp_path) == ["pipe.csv"]


def test_a_pipe_with_no_reader_fails_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(OSError, match="nothing is reading"), replacing_text(fifo) as fh:
        fh.write("never")
    assert time.monotonic() - started < 2
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError), replacing_text(tmp_path) as fh:
        fh.write("x")
    assert _names(tmp_path) == []


def test_a_file_named_through_proc_is_written_in_place(tmp_path: Path) -> None:
    # /dev/stdout redirected to a file: renaming over it would leave the shell's file behind.
    target = tmp_path / "redirected.csv"
    target.write_text("older and longer")
    with target.open("r+") as held:
        inode = os.fstat(held.fileno()).st_ino
        with replacing_text(f"/proc/self/fd/{held.fileno()}") as fh:
            fh.write("new")
        assert target.stat().st_ino == inode and target.read_text() == "new"
    assert _names(tmp_path) == ["redirected.csv"]


def test_a_file_where_the_data_folder_goes_is_named_as_the_problem(tmp_path: Path) -> None:
    # `--data-dir` given a file: the strips said "cannot open .../history.sqlite3: File
    # exists" and "cannot save settings to ...: File exists".
    from hiptimer.core.history.store import open_history
    from hiptimer.core.safe_write import make_folder
    from hiptimer.core.settings import SettingsStore

    blocker = tmp_path / "data"
    blocker.write_text("")
    for folder in (blocker, blocker / "routines"):
        with pytest.raises(NotADirectoryError, match=f"^.*{blocker} is a file, not a folder$"):
            make_folder(folder)
    store = open_history(blocker / "history.sqlite3")
    try:
        assert f"{blocker} is a file, not a folder" in (store.status.message or "")
    finally:
        store.close()
    settings = SettingsStore(blocker / "settings.json")
    assert not settings.save()
    assert f"{blocker} is a file, not a folder" in (settings.save_error or "")
    assert blocker.read_text() == ""  # nothing written over it
    make_folder(tmp_path / "new" / "deeper")  # and an ordinary folder is still made
    assert (tmp_path / "new" / "deeper").is_dir()


def test_a_file_in_a_folder_that_is_not_there_is_refused_naming_the_folder(tmp_path: Path) -> None:
    # A save dialog saves only into a folder that is there: an export to "usb/new/x.csv"
    # said "No such file or directory" (CSV, PDF) or made the folders (routines).
    folder = tmp_path / "usb" / "new"
    for writing in (replacing_text, replacing_bytes):
        with pytest.raises(MissingFolderError) as refused, writing(folder / "x.csv"):
            pass
        assert refused.value.folder == folder
        assert refused.value.strerror == f"the folder {folder} does not exist"
    assert _names(tmp_path) == []
    write_atomic(folder / "own.json", "{}")  # the app's own files make their folders
    assert _names(folder) == ["own.json"]
