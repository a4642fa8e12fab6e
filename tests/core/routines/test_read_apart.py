"""The routine library read on a thread of its own: only for a large folder of the user's,
its result or error handed over once, and nothing handed over after stop()."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from hiptimer import paths
from hiptimer.core.routines.read_apart import MANY_FILES, ReadApart, many_user_routines


def files(count: int, suffix: str = ".json") -> None:
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"r{n}{suffix}").write_text("{}", encoding="utf-8")


def ended() -> None:
    """Wait for every read's thread to end (done() is called on it after the result)."""
    for thread in threading.enumerate():
        if thread.name == "routines-read":
            thread.join(10)


def test_only_a_folder_of_more_than_many_files_is_read_apart(data_home: Path) -> None:
    assert not many_user_routines()  # no folder at all
    files(MANY_FILES)
    files(10, ".txt")  # not routine files: not counted
    assert not many_user_routines()
    files(MANY_FILES + 1, ".JSON")  # any case, as the catalog reads them
    assert many_user_routines()


def test_the_read_runs_on_its_own_thread_and_hands_its_result_over_once() -> None:
    release = threading.Event()
    threads: list[str] = []
    handed: list[ReadApart[list[int]]] = []

    def read() -> list[int]:
        threads.append(threading.current_thread().name)
        assert release.wait(10)
        return [1, 2]

    apart = ReadApart(read, handed.append)
    assert not apart.done and handed == []  # the caller was not held
    release.set()
    assert apart.result() == [1, 2]  # (waits for it)
    assert threads == ["routines-read"] and apart.done
    ended()
    assert handed == [apart]


def test_an_error_is_raised_again_by_result_on_the_thread_that_asks() -> None:
    def read() -> list[int]:
        raise OSError("Input/output error")

    apart = ReadApart(read, lambda _apart: None)
    with pytest.raises(OSError, match="Input/output"):
        apart.result()


def test_nothing_is_handed_over_after_stop() -> None:
    release = threading.Event()
    handed: list[object] = []
    apart = ReadApart(lambda: release.wait(10), handed.append)
    apart.stop()  # the files changed, or the app quits
    release.set()
    assert apart.result() is True
    ended()
    assert handed == []
