"""The library's list kept for the next start: used only for the very files it was made from."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hiptimer.core.routines import listing_cache
from hiptimer.core.routines.listing_cache import Listing, read, settled, stamp, write

LISTING = Listing(
    [("Hips   \u00b7 3 min", False), ("broken.json   (broken)", True)], {"title": "Hips"}
)
KEY = "en|look"


def aged(path: Path, text: str, *, hours: float = 1) -> Path:
    """`path` written with `text`, its times `hours` ago (settled: listing_cache.SETTLED_NS)."""
    path.write_text(text, encoding="utf-8")
    then = path.stat().st_mtime - hours * 3600
    os.utime(path, (then, then))
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    routines = tmp_path / "routines"
    routines.mkdir()
    aged(routines / "hips.json", '{"id": "hips"}')
    aged(routines / "broken.json", "{")
    return routines


def kept(tmp_path: Path, folder: Path) -> Path:
    path = tmp_path / "cache" / "library.json"
    stamped = stamp([folder])
    assert stamped is not None and write(path, KEY, stamped, LISTING)
    return path


def test_the_listing_is_read_back_for_the_same_files_key_and_version(
    tmp_path: Path, folder: Path
) -> None:
    path = kept(tmp_path, folder)
    assert read(path, KEY, stamp([folder])) == LISTING
    assert not list(path.parent.glob("*.part"))  # written beside, then renamed over


@pytest.mark.parametrize(
    "change",
    ["size", "mtime", "mode", "inode", "added", "added in any case", "removed", "folder removed"],
)
def test_a_routine_file_changed_added_or_removed_since_makes_it_stale(
    tmp_path: Path, folder: Path, change: str
) -> None:
    path = kept(tmp_path, folder)
    hips = folder / "hips.json"
    before = hips.stat()
    if change == "size":
        aged(hips, '{"id": "hipss"}')
    elif change == "mtime":  # same size, same inode: only its time says it was rewritten
        os.utime(hips, ns=(before.st_atime_ns, before.st_mtime_ns + 1))
    elif change == "mode":  # now unreadable (or readable again): its ctime alone says so
        hips.chmod(0o000)
    elif change == "inode":  # replaced whole (an editor's save): same size and time
        aged(folder / "new.tmp", '{"id": "hipz"}')
        os.replace(folder / "new.tmp", hips)
        os.utime(hips, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert (hips.stat().st_size, hips.stat().st_mtime_ns) == (
            before.st_size,
            before.st_mtime_ns,
        )
    elif change == "added":
        aged(folder / "more.json", "{}")
    elif change == "added in any case":
        aged(folder / "More.JSON", "{}")
    elif change == "removed":
        (folder / "broken.json").unlink()
    else:
        for f in folder.iterdir():
            f.unlink()
        folder.rmdir()
    assert read(path, KEY, stamp([folder])) is None


def test_a_file_that_is_no_routine_changes_nothing(tmp_path: Path, folder: Path) -> None:
    path = kept(tmp_path, folder)
    aged(folder / "notes.txt", "mine")
    assert read(path, KEY, stamp([folder])) == LISTING


def test_another_version_format_or_key_makes_it_stale(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = kept(tmp_path, folder)
    assert read(path, "es|look", stamp([folder])) is None  # another language or look
    monkeypatch.setattr(listing_cache, "__version__", "99.0")
    assert read(path, KEY, stamp([folder])) is None
    monkeypatch.undo()
    monkeypatch.setattr(listing_cache, "FORMAT", listing_cache.FORMAT + 1)
    assert read(path, KEY, stamp([folder])) is None


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\xff\xfe not text",
        b'{"format": 1, "rows": [',  # cut short by a crash (it is not synced)
        b"[]",
        b"null",
        b"too long",
    ],
)
def test_a_damaged_listing_is_ignored_and_replaced_by_the_next_one(
    tmp_path: Path, folder: Path, damage: bytes
) -> None:
    # Nothing to tell the user, nothing to move aside: it holds nothing of theirs, only what
    # the files say, and the list is read from the files instead (as before it existed).
    path = kept(tmp_path, folder)
    path.write_bytes(b" " * (listing_cache.MAX_BYTES + 1) if damage == b"too long" else damage)
    assert read(path, KEY, stamp([folder])) is None
    stamped = stamp([folder])
    assert stamped is not None and write(path, KEY, stamped, LISTING)
    assert read(path, KEY, stamp([folder])) == LISTING


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("rows", []),
        ("rows", [["Hips", "no"]]),
        ("rows", "Hips"),
        ("details", None),
        ("details", "<h2>Hips</h2>"),  # format 1's HTML, under format 2
    ],
)
def test_a_listing_of_the_wrong_shape_is_ignored(
    tmp_path: Path, folder: Path, field: str, value: object
) -> None:
    path = kept(tmp_path, folder)
    data = json.loads(path.read_text(encoding="utf-8"))
    data[field] = value
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read(path, KEY, stamp([folder])) is None


def test_no_listing_larger_than_its_bound_is_written(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "library.json"
    stamped = stamp([folder])
    assert stamped is not None
    long = Listing(LISTING.rows, {"title": "x" * listing_cache.MAX_BYTES})
    assert not write(path, KEY, stamped, long) and not path.exists()


def test_a_folder_of_many_files_is_not_stamped(tmp_path: Path, folder: Path) -> None:
    for n in range(listing_cache.MAX_FILES):
        (folder / f"r{n}.json").touch()
    assert stamp([folder]) is None  # (a long list: read as before, on its thread)
    assert read(tmp_path / "library.json", KEY, None) is None


def test_a_link_that_leads_nowhere_leaves_no_stamp(tmp_path: Path, folder: Path) -> None:
    # Not "the folder is not there": a file added beside it later would go unseen.
    (folder / "gone.json").symlink_to(tmp_path / "nowhere.json")
    assert stamp([folder]) is None


def test_a_single_file_is_stamped_missing_or_not(tmp_path: Path, folder: Path) -> None:
    words = tmp_path / "hiptimer.mo"
    missing = stamp([folder], [words])
    aged(words, "catalog")
    assert missing is not None and stamp([folder], [words]) != missing


def test_a_file_changed_just_before_the_read_is_not_settled(folder: Path) -> None:
    stamped = stamp([folder])
    assert stamped is not None and settled(stamped)
    (folder / "hips.json").write_text('{"id": "hips"}', encoding="utf-8")  # now
    fresh = stamp([folder])
    assert fresh is not None and not settled(fresh)


def test_a_folder_that_cannot_be_written_keeps_nothing_and_raises_nothing(
    tmp_path: Path, folder: Path
) -> None:
    (tmp_path / "cache").write_text("a file where the folder goes", encoding="utf-8")
    stamped = stamp([folder])
    assert stamped is not None
    assert not write(tmp_path / "cache" / "library.json", KEY, stamped, LISTING)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")
def test_a_pipe_in_the_cache_never_blocks_the_start_or_the_keep(
    tmp_path: Path, folder: Path
) -> None:
    # A FIFO at library.json blocked open() before the first paint, for as long as nothing
    # wrote to it; one at library.json.part blocked the keep, on the GUI thread.
    path = tmp_path / "cache" / "library.json"
    path.parent.mkdir()
    os.mkfifo(path)
    assert read(path, KEY, stamp([folder])) is None
    os.mkfifo(path.with_name("library.json.part"))
    stamped = stamp([folder])
    assert stamped is not None and write(path, KEY, stamped, LISTING)
    assert read(path, KEY, stamp([folder])) == LISTING


def test_a_link_at_the_part_name_is_not_written_through(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "cache" / "library.json"
    path.parent.mkdir()
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("mine", encoding="utf-8")
    path.with_name("library.json.part").symlink_to(elsewhere)
    stamped = stamp([folder])
    assert stamped is not None and write(path, KEY, stamped, LISTING)
    assert elsewhere.read_text(encoding="utf-8") == "mine"
