"""A file put in place, set aside or backed up by a rename has its folder synced, so a power cut
cannot undo the rename."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from hiptimer import paths
from hiptimer.core.history import schema
from hiptimer.core.instance import move_folder_aside
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.routines.drafts import keep_draft, set_aside
from hiptimer.core.routines.user_routines import reset_to_original, save_user_version
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


def watch_folder_syncs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What each fsync synced: a folder, or a file (a copy would sync one)."""
    synced: list[str] = []
    fsync = os.fsync

    def watched(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        fsync(fd)

    monkeypatch.setattr(os, "fsync", watched)
    return synced


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc to name the fd")
def test_a_draft_set_aside_has_both_folders_synced() -> None:
    # drafts.set_aside renamed the draft into drafts/discarded/ and synced nothing: a power
    # cut soon after could bring a discarded draft back to be offered again, or lose it.
    with pytest.MonkeyPatch.context() as monkeypatch:
        draft = keep_draft({"n": 1}, "hips", datetime(2026, 3, 1, 8, 15))
        synced = watch_folder_syncs(monkeypatch)
        moved = set_aside(draft)
    drafts = paths.drafts_dir()
    assert moved == drafts / "discarded" / draft.name and not draft.exists()
    # the new name's folder, then the old one's (which also holds discarded/, just made)
    assert synced == [str(drafts / "discarded"), str(drafts)]


def test_a_draft_set_aside_never_lands_on_a_link_there() -> None:
    draft = keep_draft({"n": 1}, "hips", datetime(2026, 3, 1, 8, 15))
    discarded = paths.drafts_dir() / "discarded"
    discarded.mkdir()
    (discarded / draft.name).symlink_to(discarded / "nowhere")  # a link to nothing
    moved = set_aside(draft)
    assert moved.name == "hips-20260301-081500-2.json"
    assert (discarded / draft.name).is_symlink()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc to name the fd")
def test_a_reset_s_backup_has_its_folder_synced(monkeypatch: pytest.MonkeyPatch) -> None:
    # user_routines._backup renamed the user's version to .bak without a folder sync.
    catalog = load_catalog()
    builtin = catalog.get("daily-hip-stretches")
    assert builtin is not None and builtin.routine is not None
    saved = save_user_version(builtin.routine)
    synced = watch_folder_syncs(monkeypatch)
    [backup] = reset_to_original("daily-hip-stretches")
    assert backup == saved.with_name(saved.name + ".bak") and not saved.exists()
    assert synced == [str(paths.user_routines_dir())]  # a rename: no file copied and synced


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc to name the fd")
def test_a_damaged_history_moved_aside_has_its_folder_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"not a database")
    Path(f"{path}-wal").write_bytes(b"wal")
    synced = watch_folder_syncs(monkeypatch)
    target = schema.move_aside(path)
    assert Path(f"{target}-wal").read_bytes() == b"wal" and not path.exists()
    assert synced and set(synced) == {str(tmp_path)}


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc to name the fd")
def test_a_folder_where_the_lock_goes_moved_aside_has_its_folder_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock = tmp_path / "hiptimer.lock"
    lock.mkdir()
    synced = watch_folder_syncs(monkeypatch)
    moved = move_folder_aside(lock)
    assert moved is not None and moved.is_dir() and synced == [str(tmp_path)]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc to name the fd")
def test_a_backup_copied_where_no_link_can_be_made_is_flushed_and_its_folder_synced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # On a FAT stick os.link fails and the .bak was shutil.copy2'd, never flushed: a power cut
    # soon after the save could leave it empty, the routine it kept written over.
    builtin = load_catalog().get("daily-hip-stretches")
    assert builtin is not None and builtin.routine is not None
    saved = save_user_version(builtin.routine)
    before = saved.read_bytes()

    def no_links(*_args: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    inodes: list[int] = []
    fsync = os.fsync

    def watched(fd: int) -> None:
        inodes.append(os.fstat(fd).st_ino)
        fsync(fd)

    monkeypatch.setattr(os, "fsync", watched)
    save_user_version(builtin.routine)  # over the user's version: its .bak kept first
    backup = saved.with_name(saved.name + ".bak")
    assert backup.read_bytes() == before
    folder = os.stat(paths.user_routines_dir()).st_ino
    assert os.stat(backup).st_ino in inodes  # its bytes flushed
    assert inodes.index(folder) > inodes.index(os.stat(backup).st_ino)  # then its name


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc to name the fd")
def test_a_long_log_renamed_at_the_start_has_its_folder_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # log_file renamed hiptimer.log to hiptimer.log.1 with Path.replace, its folder unsynced.
    from hiptimer import log_file

    log = tmp_path / log_file.LOG_NAME
    log.write_bytes(b"x" * (log_file.MAX_BYTES + 1))
    synced = watch_folder_syncs(monkeypatch)
    try:
        assert log_file.start(tmp_path) == log
    finally:
        log_file.stop()
    assert (tmp_path / "hiptimer.log.1").stat().st_size == log_file.MAX_BYTES + 1
    assert synced == [str(tmp_path)]
