"""The Qt-free part of one copy per data folder: the folder's key, the request, odd locks."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hiptimer.core.instance import LOCK_MAX_BYTES, Request, clear_foreign_lock, instance_key


def test_the_key_is_the_same_for_every_path_to_one_folder(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "data")
    key = instance_key(tmp_path / "data")
    assert instance_key(tmp_path / "link") == key
    assert instance_key(tmp_path / "data" / ".." / "data") == key
    assert instance_key(tmp_path) != key
    assert len(key) < 40  # a Unix socket path has room for about 100 bytes, /tmp/ included


def test_a_request_survives_the_wire_and_junk_is_harmless() -> None:
    request = Request("/some/routine.json", True)
    assert Request.decode(request.encode()) == request
    assert Request.decode(Request(quiet=True).encode()) == Request(quiet=True)
    assert Request.decode(b"\xff not json") == Request()
    assert Request.decode(b'["a list"]') == Request()
    assert Request.decode(b'{"routine": 5, "start": "yes"}') == Request()
    assert Request.decode(b"[" * 100_000) == Request()  # too deep is junk, not a crash


@given(st.binary(max_size=2000))
def test_any_bytes_decode_to_some_request(raw: bytes) -> None:
    got = Request.decode(raw)
    assert got.routine is None or isinstance(got.routine, str)
    assert isinstance(got.start, bool)


def test_a_lock_hiptimer_wrote_is_left_for_the_lock_to_judge(tmp_path: Path) -> None:
    lock = tmp_path / "hiptimer.lock"
    assert clear_foreign_lock(lock)  # nothing there
    lock.write_text("12345\npython3\nhost\n")
    assert clear_foreign_lock(lock)
    assert lock.read_text() == "12345\npython3\nhost\n"


def test_a_fifo_at_the_locks_place_is_removed_not_read(tmp_path: Path) -> None:
    # Reading it would block until a writer came: the app never opened (issue 13 style).
    lock = tmp_path / "hiptimer.lock"
    os.mkfifo(lock)
    done = threading.Event()

    def clear() -> None:
        clear_foreign_lock(lock)
        done.set()

    threading.Thread(target=clear, daemon=True).start()
    assert done.wait(5), "clearing a FIFO blocked"
    assert not lock.exists()


def test_a_link_to_a_device_or_a_huge_file_is_removed(tmp_path: Path) -> None:
    lock = tmp_path / "hiptimer.lock"
    lock.symlink_to("/dev/zero")
    started = time.monotonic()
    assert clear_foreign_lock(lock)
    assert not lock.is_symlink() and time.monotonic() - started < 1
    lock.write_bytes(b"1" * (LOCK_MAX_BYTES + 1))
    assert clear_foreign_lock(lock)
    assert not lock.exists()


def test_a_folder_at_the_locks_place_means_no_lock(tmp_path: Path) -> None:
    (tmp_path / "hiptimer.lock").mkdir()
    assert not clear_foreign_lock(tmp_path / "hiptimer.lock")
    assert (tmp_path / "hiptimer.lock").is_dir()  # not ours to delete


def test_a_request_is_a_value_that_cannot_change() -> None:
    """What the single-instance port relies on (a NamedTuple since session 24, a frozen
    dataclass before): equal and hashed by value, read by name, kept as it is."""
    asked = Request("hips", start=True)
    assert asked == Request.decode(asked.encode()) and hash(asked) == hash(Request("hips", True))
    assert Request() == Request(None, False, False) and asked != Request("hips")
    assert (asked.routine, asked.start, asked.quiet) == ("hips", True, False)
    with pytest.raises(AttributeError):
        asked.start = False  # type: ignore[misc]
