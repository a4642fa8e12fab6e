"""A file put in place by a rename has its folder synced, so a power cut cannot undo the rename."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from hiptimer.core.safe_write import move_aside, replacing_bytes, replacing_text, write_atomic

Synced = list[tuple[str, str]]  # what was synced, and what the file held by then


def watch_fsync(monkeypatch: pytest.MonkeyPatch, path: Path) -> Synced:
    """Each fsync's file (or folder), and the text at `path` then."""
    synced: Synced = []
    fsync = os.fsync

    def watched(fd: int) -> None:
        held = path.read_text() if path.exists() else ""
        synced.append((os.readlink(f"/proc/self/fd/{fd}"), held))
        fsync(fd)

    monkeypatch.setattr(os, "fsync", watched)
    return synced


def _text(path: Path) -> None:
    with replacing_text(path) as fh:
        fh.write("new")


def _bytes(path: Path) -> None:
    with replacing_bytes(path) as fh:  # the exports: the CSV by the CLI, the PDF report
        fh.write(b"new")


WRITERS: list[Callable[[Path], None]] = [lambda p: write_atomic(p, "new"), _text, _bytes]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc to name the fd")
@pytest.mark.parametrize("write", WRITERS, ids=["write_atomic", "text", "bytes"])
def test_the_folder_is_synced_after_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: Callable[[Path], None]
) -> None:
    # The file was synced before its rename, the folder never: on ext4 a power cut soon
    # after a save could bring back the old routine, settings or export.
    path = tmp_path / "settings.json"
    path.write_text("old")
    synced = watch_fsync(monkeypatch, path)
    write(path)
    assert path.read_text() == "new"
    assert synced[-1] == (str(tmp_path), "new")  # the folder, once the new file is in place
    assert len(synced) == 2  # the file beside, then the folder: nothing more


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc to name the fd")
def test_a_file_moved_aside_has_its_folder_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    path.write_text("[")
    synced = watch_fsync(monkeypatch, path)
    aside = move_aside(path, datetime(2026, 12, 7, 15, 0))
    assert synced == [(str(tmp_path), "")] and aside.read_text() == "["


@pytest.mark.parametrize("refusal", [errno.EACCES, errno.EINVAL])
def test_a_folder_that_cannot_be_opened_or_synced_is_passed_over_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refusal: int
) -> None:
    # Windows opens no folder (EACCES); some network and FUSE file systems refuse fsync on
    # one (EINVAL). The rename is done; the save is not reported as failed for it.
    path = tmp_path / "settings.json"
    opened, fsync = os.open, os.fsync

    def open_no_folder(name: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(name) == tmp_path and refusal == errno.EACCES:
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return opened(name, flags, *args, **kwargs)

    def no_folder_sync(fd: int) -> None:
        if refusal == errno.EINVAL and os.path.isdir(f"/proc/self/fd/{fd}"):
            raise OSError(errno.EINVAL, "Invalid argument")
        fsync(fd)

    monkeypatch.setattr(os, "open", open_no_folder)
    monkeypatch.setattr(os, "fsync", no_folder_sync)
    write_atomic(path, "new")
    assert path.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]
