"""A save killed before its rename left its file beside: the next start removes it, once old."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hiptimer import paths
from hiptimer.core import safe_write
from hiptimer.core.stale_temps import STALE_AFTER_S, data_folders, remove_stale_temps

NOW = 1_800_000_000.0


def left(folder: Path, name: str, age_s: float, text: str = "half") -> Path:
    """A file named `name` in `folder`, last changed `age_s` before NOW."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text)
    os.utime(path, (NOW - age_s, NOW - age_s))
    return path


def killed_save(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The file a save leaves beside its target when killed before the rename (its own name)."""
    target = folder / "settings.json"

    def killed(*_args: object) -> None:
        raise SystemExit("killed")  # no except clause tidies a real kill: keep its file

    with monkeypatch.context() as m:
        m.setattr(safe_write.os, "replace", killed)
        m.setattr(safe_write.os, "unlink", lambda _path: None)
        with pytest.raises(SystemExit):
            safe_write.write_atomic(target, "{}")
    (temp,) = folder.glob(".settings.json.*.tmp")
    os.utime(temp, (NOW - STALE_AFTER_S - 1, NOW - STALE_AFTER_S - 1))
    return temp


def test_an_old_file_of_a_killed_save_is_removed_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nothing ever removed them: each kill mid-save left one more hidden file for good.
    stale = killed_save(tmp_path, monkeypatch)
    day = 24 * 3600.0
    kept = [
        # A save of a second copy running now (another window, `hiptimer history export`):
        # its file is young, and its rename would fail if it were taken away.
        left(tmp_path, ".routine.json.0123abcd.tmp", 60),
        left(tmp_path, ".routine.json.0123abcd.tmp.json", day),  # not our name: the user's
        left(tmp_path, "notes.tmp", day),
        left(tmp_path, ".notes.tmp", day),
        left(tmp_path, ".x.0123ABCD.tmp", day),  # we write lowercase hex
        left(tmp_path, ".x.0123abc.tmp", day),
        left(tmp_path, "routine.json", day),
    ]
    os.symlink(kept[-1], tmp_path / ".link.json.0123abcd.tmp")  # a link: never ours
    (tmp_path / ".dir.json.0123abcd.tmp").mkdir()
    removed = remove_stale_temps([tmp_path, tmp_path / "no-such-folder"], now=NOW)
    assert removed == [stale] and not stale.exists()
    assert all(p.exists() for p in kept)
    assert (tmp_path / ".link.json.0123abcd.tmp").is_symlink()
    assert (tmp_path / ".dir.json.0123abcd.tmp").is_dir()


def test_one_changed_in_the_last_hour_or_in_the_future_stays(tmp_path: Path) -> None:
    # The hour is the file's own time: a second copy's export writing for minutes keeps it
    # fresh; a clock set back leaves a time still to come, which is kept rather than guessed.
    young = left(tmp_path, ".history.csv.0a1b2c3d.tmp", STALE_AFTER_S - 1)
    future = left(tmp_path, ".settings.json.0a1b2c3d.tmp", -STALE_AFTER_S * 5)
    assert remove_stale_temps([tmp_path], now=NOW) == []
    assert young.exists() and future.exists()


def test_a_folder_that_cannot_be_written_is_left_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = left(tmp_path, ".settings.json.0a1b2c3d.tmp", STALE_AFTER_S * 2)

    def refused(_self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setattr(Path, "unlink", refused)
    assert remove_stale_temps([tmp_path], now=NOW) == []
    assert stale.exists()


def test_the_data_folders_are_the_ones_our_saves_write_in() -> None:
    assert data_folders() == [paths.data_dir(), paths.user_routines_dir(), paths.drafts_dir()]
