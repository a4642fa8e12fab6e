"""A routine file on a stalled mount is named "could not be read in time", not waited for."""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from hiptimer import paths
from hiptimer.core.routines import catalog, folder_in_time, timely_read
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.routines.loader import read_routine_text
from hiptimer.core.routines.timely_read import NOT_IN_TIME, read_in_time
from hiptimer.core.routines.validation import RoutineError
from hiptimer.core.routines.writer import save_routine

# Far above what a text in memory takes to hand over, even on a loaded machine; the stalled
# reads below are released when the test ends (the app leaves them to the kernel).
BOUND_S = 0.3


@pytest.fixture
def stall() -> Iterator[threading.Event]:
    """Set when the test ends: a stalled read then returns (late, and unused)."""
    release = threading.Event()
    yield release
    release.set()


def stalling(slow: set[str], release: threading.Event) -> timely_read.Read:
    def read(path: Path) -> str:
        if path.name in slow:
            release.wait(10)  # a mount that does not answer
        if path.name == "bad.json":
            raise RoutineError(str(path), [])
        return f"text of {path.name}"

    return read


def late(result: str | Exception) -> bool:
    return isinstance(result, RoutineError) and any(
        p.template == NOT_IN_TIME for p in result.problems
    )


def test_one_stalled_file_is_named_and_the_others_are_read(stall: threading.Event) -> None:
    files = [Path(f"{name}.json") for name in ("a", "slow", "bad", "d")]
    got = read_in_time(files, stalling({"slow.json"}, stall), BOUND_S)
    assert got[0] == "text of a.json" and got[3] == "text of d.json"
    assert late(got[1]) and "did not answer within 0.3 s" in str(got[1])
    assert isinstance(got[2], RoutineError) and not late(got[2])  # its own reason


def test_after_two_stalls_the_files_left_are_not_waited_for(stall: threading.Event) -> None:
    # The mount itself has stalled: a second a file would hold the list for a minute.
    files = [Path(f"{name}.json") for name in ("a", "s1", "s2", "d", "s3")]
    got = read_in_time(files, stalling({"s1.json", "s2.json", "s3.json"}, stall), BOUND_S)
    assert got[0] == "text of a.json"
    assert [late(g) for g in got] == [False, True, True, True, True]


def test_no_files_start_no_reader() -> None:
    before = threading.active_count()
    assert read_in_time([], stalling(set(), threading.Event())) == []
    assert threading.active_count() == before


def test_the_library_lists_a_stalled_file_of_yours_as_not_read_in_time(
    stall: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One file of a small folder on a share that stalls held the library (and the window's
    # first list, on the GUI thread) for as long as it stalled: 5 s -> 5.9 s to list.
    builtin = load_catalog().get("daily-hip-stretches")
    assert builtin is not None and builtin.routine is not None
    folder = paths.user_routines_dir()
    for rid in ("mine-1", "mine-2"):
        mine = dataclasses.replace(builtin.routine, id=rid, title=rid.title(), builtin=False)
        save_routine(mine, str(folder / f"{rid}.json"))

    def read(path: Path) -> str:
        if path.name == "mine-2.json":
            stall.wait(10)
        return read_routine_text(path)

    monkeypatch.setattr(catalog, "read_routine_text", read)
    monkeypatch.setattr(timely_read, "IN_TIME_S", BOUND_S)
    listed = load_catalog()
    mine1, mine2 = listed.get("mine-1"), listed.get("mine-2")
    assert mine1 is not None and not mine1.broken
    assert mine2 is not None and mine2.broken and mine2.title == "mine-2.json"
    assert mine2.error is not None and late(mine2.error)
    assert mine2.unread_in_time and not mine1.unread_in_time
    shipped = listed.get("daily-hip-stretches")
    assert shipped is not None and not shipped.broken  # the built-ins are read as ever


def test_a_routines_folder_that_cannot_be_listed_in_time_is_named_and_the_built_ins_list(
    stall: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A listing of the folder on a stalled share (os.scandir, not a file's read) held the
    # whole library, built-ins and all, for as long as the share stalled.
    folder = paths.user_routines_dir()
    listed: list[Path] = []
    list_files = catalog.routine_files

    def stalling_listing(where: Path) -> tuple[list[Path], RoutineError | None]:
        listed.append(where)
        if where == folder:
            stall.wait(10)
        return list_files(where)

    monkeypatch.setattr(catalog, "routine_files", stalling_listing)
    monkeypatch.setattr(folder_in_time, "IN_TIME_S", BOUND_S)
    first = load_catalog()
    [named] = [e for e in first if e.path == folder]
    assert named.broken and named.unread_folder and named.unread_in_time
    assert named.title == folder.name + os.sep and named.error is not None and late(named.error)
    assert "did not answer within 0.3 s" in str(named.error)
    shipped = first.get("daily-hip-stretches")
    assert shipped is not None and not shipped.broken  # the built-ins are listed as ever
    # While that listing has not come back, the next read names the folder at once rather
    # than stalling beside it (the kept list's stamp, the count, the listing at a start).
    again = load_catalog()
    assert [e.path for e in again if e.unread_folder] == [folder]
    assert listed.count(folder) == 1


def test_a_folder_that_answers_gives_its_answer_or_its_error() -> None:
    folder = Path("answers")
    assert folder_in_time.in_time(folder, lambda: ["a.json"]) == ["a.json"]

    def refused() -> list[str]:
        raise PermissionError("refused")

    with pytest.raises(PermissionError):
        folder_in_time.in_time(folder, refused)
    assert folder_in_time.in_time(folder, lambda: []) == []  # nothing left pending


def test_a_folder_whose_count_stalls_is_read_on_the_gui_thread_as_a_small_one(
    stall: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whether to read apart lists the folder too (read_apart.many_user_routines): the catalog
    # then names it at once, as that listing has not come back.
    from hiptimer.core.routines import read_apart

    monkeypatch.setattr(read_apart, "_more_than", lambda _folder, _limit: stall.wait(10))
    monkeypatch.setattr(folder_in_time, "IN_TIME_S", BOUND_S)
    assert read_apart.many_user_routines() is False
    assert [e.path for e in load_catalog() if e.unread_in_time] == [paths.user_routines_dir()]
