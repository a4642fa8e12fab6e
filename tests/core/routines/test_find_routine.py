"""`hiptimer my-routine.json`: a routine file outside the library's folders is read alone,
without the whole library; anything the library may hold goes through it, as find() does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hiptimer import paths
from hiptimer.core.routines import catalog
from hiptimer.core.routines.catalog import Catalog, find_routine, load_catalog
from hiptimer.core.routines.validation import RoutineError

BRIDGE = {"id": "bridge", "name": "Bridge", "kind": "hold", "hold_s": 30}


def routine_file(path: Path, rid: str, title: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"format": "hiptimer-routine", "version": 1, "id": rid, "title": title}
    path.write_text(json.dumps({**data, "exercises": [BRIDGE]}), encoding="utf-8")
    return path


@pytest.fixture
def library_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the whole library was read."""
    reads: list[int] = []

    def counted() -> Catalog:
        reads.append(1)
        return load_catalog()

    monkeypatch.setattr(catalog, "load_catalog", counted)
    return reads


def test_a_file_from_elsewhere_is_read_alone(tmp_path: Path, library_reads: list[int]) -> None:
    for n in range(3):
        routine_file(paths.user_routines_dir() / f"mine-{n}.json", f"mine-{n}", f"Mine {n}")
    elsewhere = routine_file(tmp_path / "downloads" / "new.json", "new", "New")
    assert find_routine(str(elsewhere)).title == "New"
    assert library_reads == []


def test_a_file_of_the_users_folder_is_found_as_the_library_lists_it(
    library_reads: list[int],
) -> None:
    # Two files with one id: the library gives it to the one named after it, and the other
    # is broken there. Read alone, the other looked like a good routine.
    folder = paths.user_routines_dir()
    routine_file(folder / "same.json", "same", "Same")
    other = routine_file(folder / "copy of same.json", "same", "Copy")
    with pytest.raises(RoutineError, match=r"already used by same\.json"):
        find_routine(str(other))
    assert library_reads == [1]


def test_a_file_a_link_in_the_users_folder_leads_to_is_found_through_the_library(
    tmp_path: Path, library_reads: list[int]
) -> None:
    elsewhere = routine_file(tmp_path / "shared" / "ours.json", "ours", "Ours")
    paths.user_routines_dir().mkdir(parents=True)
    (paths.user_routines_dir() / "ours.json").symlink_to(elsewhere)
    assert find_routine(str(elsewhere)).title == "Ours"
    assert library_reads == [1]  # it may be a library file: as find() decides


def test_an_id_is_found_in_the_library(library_reads: list[int]) -> None:
    assert find_routine("daily-hip-stretches").id == "daily-hip-stretches"
    assert library_reads == [1]
