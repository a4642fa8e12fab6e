"""Tests for the routine library: loading both folders, broken files, edits of built-ins, find()."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from hiptimer import paths
from hiptimer.core.routines.catalog import Catalog, load_catalog
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import estimated_seconds
from hiptimer.core.routines.validation import RoutineError


def routine_data(rid: str, title: str, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "hiptimer-routine",
        "version": 1,
        "id": rid,
        "title": title,
        "exercises": [{"id": "bridge", "name": "Bridge", "kind": "hold", "hold_s": 30}],
    }
    data.update(extra)
    return data


def write(folder: Path, name: str, content: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_text(json.dumps(content), encoding="utf-8")
    return path


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    """A built-in folder with three routines (file names not in title order) and an empty user one."""
    builtin, user = tmp_path / "builtin", tmp_path / "user"
    write(builtin, "a-zebra.json", routine_data("zebra", "Zebra walk"))
    write(builtin, "b-apple.json", routine_data("apple", "apple stretches"))
    write(builtin, "c-mango.json", routine_data("mango", "Mango mobility", based_on=""))
    user.mkdir()
    return builtin, user


def catalog(dirs: tuple[Path, Path]) -> Catalog:
    return load_catalog(*dirs)


def test_builtins_come_in_title_order_then_user_routines(dirs: tuple[Path, Path]) -> None:
    _, user = dirs
    write(user, "mine.json", routine_data("mine", "Aardvark (mine)"))
    write(user, "other.json", routine_data("other", "My other routine"))
    entries = catalog(dirs).entries()
    assert [e.id for e in entries] == ["apple", "mango", "zebra", "mine", "other"]
    assert [e.builtin for e in entries] == [True, True, True, False, False]
    assert all(e.routine is not None and e.routine.builtin == e.builtin for e in entries)


def test_numbered_titles_come_in_number_order(dirs: tuple[Path, Path]) -> None:
    # 500 routines "Tiny 1" to "Tiny 500" were listed 1, 10, 100, 101 ... (contract16).
    _, user = dirs
    for n in (10, 2, 1, 100, 9):
        write(user, f"phase-{n}.json", routine_data(f"phase-{n}", f"Phase {n}: hips"))
    write(user, "phase.json", routine_data("phase", "Phase"))
    users = [e.id for e in catalog(dirs).entries() if not e.builtin]
    assert users == ["phase", "phase-1", "phase-2", "phase-9", "phase-10", "phase-100"]


def test_entries_carry_title_path_and_estimate(dirs: tuple[Path, Path]) -> None:
    entry = catalog(dirs).entries()[0]
    assert (entry.id, entry.title, entry.path.name) == ("apple", "apple stretches", "b-apple.json")
    assert entry.routine is not None and entry.error is None and not entry.broken
    assert entry.estimated_s == estimated_seconds(entry.routine) == 40


def test_missing_folders_make_an_empty_catalog(tmp_path: Path) -> None:
    empty = load_catalog(tmp_path / "no-builtins", tmp_path / "no-user")
    assert empty.entries() == [] and len(empty) == 0 and empty.ids() == []


def test_default_folders_come_from_paths(data_home: Path, tmp_path: Path) -> None:
    write(data_home / "routines", "mine.json", routine_data("mine", "Mine"))
    cat = load_catalog(builtin_dir=tmp_path / "none")
    assert cat.ids() == ["mine"]
    assert cat.user_dir == paths.user_routines_dir()
    assert load_catalog().builtin_dir == paths.builtin_routines_dir()


def test_a_broken_user_file_is_an_entry_and_stops_nothing(dirs: tuple[Path, Path]) -> None:
    _, user = dirs
    write(user, "good.json", routine_data("good", "Good"))
    write(user, "bad.json", routine_data("bad-one", "Bad", exercises=[]))
    cat = catalog(dirs)
    (bad,) = cat.broken()
    assert bad.broken and bad.routine is None and bad.estimated_s is None
    assert (bad.id, bad.title, bad.builtin) == ("bad-one", "bad.json", False)
    assert bad.error is not None
    assert bad.error.lines() == [
        f"{user / 'bad.json'}: exercises: a routine needs at least one exercise"
    ]
    assert cat.ids() == ["apple", "mango", "zebra", "good"]
    assert cat.entries()[-1] is bad  # broken files come after the user's good ones


@pytest.mark.parametrize(
    ("name", "shown"),
    [("\u202eevil-nosj.json", "\\u202eevil-nosj.json"), ("bell\x07x.json", "bell\\x07x.json")],
)
def test_a_broken_file_s_name_is_shown_with_its_controls_and_direction_marks_escaped(
    dirs: tuple[Path, Path], name: str, shown: str
) -> None:
    """The library listed "(nekorb)   nosj.json-live", and its problem "... :NOSJ dilav ton":
    an RLO in a file's name ran on into our words; a bell drew a box. Shown as the command line
    prints them, the name is what the file is called, not what it pretends to be."""
    _, user = dirs
    write(user, name, b"{ broken")
    (entry,) = catalog(dirs).broken()
    assert entry.title == shown
    assert entry.error is not None
    (line,) = entry.error.shown_lines()
    assert line.startswith(f"{user / shown}: not valid JSON")
    assert entry.error.source == str(user / name)  # the file itself, as it is named


@pytest.mark.parametrize(
    "content",
    [b"", b"\xff\xfe{", b"[" * 100_000, b"[1, 2]", b'{"id": "x"', b'{"id": 5}', b"9" * 5000],
)
def test_any_bad_user_file_is_listed_as_broken(dirs: tuple[Path, Path], content: bytes) -> None:
    _, user = dirs
    write(user, "weird.json", content)
    (entry,) = catalog(dirs).broken()
    assert entry.id == "weird"  # the file name when no usable id can be read
    assert isinstance(entry.error, RoutineError)


def test_a_50_mb_file_is_a_broken_entry_that_names_itself_and_says_too_large(
    dirs: tuple[Path, Path],
) -> None:
    """Its line said "file is 52428800 bytes; at most 1 MiB is read": right, but it never
    said the file was too large (contract17). A sparse file: nothing is written to disk."""
    _, user = dirs
    write(user, "good.json", routine_data("good", "Good"))
    with (user / "huge.json").open("wb") as f:
        f.truncate(50 << 20)
    cat = catalog(dirs)
    (entry,) = cat.broken()
    assert cat.entries()[-1] is entry and entry.error is not None
    assert entry.error.lines() == [
        f"{user / 'huge.json'}: file is too large: 52428800 bytes; at most 1 MiB is read"
    ]
    assert cat.get("good") is not None  # the rest of the library reads as before


def test_odd_things_named_json_are_broken_entries(dirs: tuple[Path, Path]) -> None:
    _, user = dirs
    (user / "folder.json").mkdir()
    os.mkfifo(user / "pipe.json")
    (user / "loop.json").symlink_to(user / "loop.json")
    (user / "dangling.json").symlink_to(user / "nowhere.json")
    broken = catalog(dirs).broken()
    assert sorted(e.path.name for e in broken) == [
        "dangling.json",
        "folder.json",
        "loop.json",
        "pipe.json",
    ]


def test_files_not_ending_in_json_are_ignored(dirs: tuple[Path, Path]) -> None:
    _, user = dirs
    write(user, "notes.txt", "hello")
    write(user, ".mine.json.abc.tmp", routine_data("tmp", "Temp"))
    assert len(catalog(dirs)) == 3


def test_a_broken_builtin_is_listed_too(dirs: tuple[Path, Path]) -> None:
    builtin, _ = dirs
    write(builtin, "oops.json", "{")
    cat = catalog(dirs)
    (entry,) = cat.broken()
    assert entry.builtin and entry.path.name == "oops.json"
    assert cat.ids() == ["apple", "mango", "zebra"]


def test_the_users_edit_replaces_the_builtin_in_its_place(dirs: tuple[Path, Path]) -> None:
    _, user = dirs
    edited = routine_data("mango", "My mango", based_on="mango", revision=2)
    write(user, "mango.json", edited)
    cat = catalog(dirs)
    entries = cat.entries()
    assert [e.id for e in entries] == ["apple", "mango", "zebra"]
    mine = entries[1]
    assert mine.title == "My mango" and not mine.builtin and mine.overrides_builtin
    assert mine.path == user / "mango.json"
    assert cat.find("mango").title == "My mango"
    original = cat.original("mango")
    assert original.title == "Mango mobility" and original.builtin
    assert cat.has_original("mango") and not cat.has_original("mine")


def test_the_original_is_reachable_by_path(dirs: tuple[Path, Path]) -> None:
    builtin, user = dirs
    write(user, "mango.json", routine_data("mango", "My mango", based_on="mango"))
    routine = catalog(dirs).find(str(builtin / "c-mango.json"))
    assert routine.title == "Mango mobility" and routine.builtin


def test_original_of_an_unknown_id(dirs: tuple[Path, Path]) -> None:
    with pytest.raises(LookupError, match=r'no built-in routine "nope"; built-ins: .*apple'):
        catalog(dirs).original("nope")


def test_a_broken_edit_does_not_hide_the_builtin(dirs: tuple[Path, Path]) -> None:
    _, user = dirs
    write(user, "mango.json", routine_data("mango", "My mango", revision=0))
    cat = catalog(dirs)
    assert cat.find("mango").title == "Mango mobility"
    (broken,) = cat.broken()
    assert broken.id == "mango" and not broken.builtin
    assert [e.id for e in cat.entries()] == ["apple", "mango", "zebra", "mango"]


@pytest.mark.parametrize(
    ("kept", "refused"),
    [
        (("first.json", "Alpha"), ("second.json", "Beta")),  # neither named after it: by title
        # docs/routine-format.md: a routine file is named after its id; a copy beside it,
        # even one whose title comes first, does not take the routine's place.
        (("same.json", "Zulu"), ("copy.json", "Alpha")),
    ],
)
def test_two_user_files_with_one_id(
    dirs: tuple[Path, Path], kept: tuple[str, str], refused: tuple[str, str]
) -> None:
    _, user = dirs
    for name, title in (kept, refused):
        write(user, name, routine_data("same", title))
    cat = catalog(dirs)
    assert cat.find("same").title == kept[1]
    (dup,) = cat.broken()
    assert dup.path.name == refused[0]
    assert dup.error is not None
    assert dup.error.lines() == [
        f'{user / refused[0]}: id: the id "same" is already used by {kept[0]}'
    ]


def test_two_user_files_with_one_id_are_named_in_the_language_in_use(
    dirs: tuple[Path, Path], spanish: None
) -> None:
    """A new user in Spanish read the library's broken line half in English: *copy.json: id:
    the id "same" is already used by same.json*."""
    _, user = dirs
    write(user, "same.json", routine_data("same", "Zulu"))
    write(user, "copy.json", routine_data("same", "Alpha"))
    (dup,) = catalog(dirs).broken()
    assert dup.error is not None
    assert dup.error.shown_lines() == [
        f'{user / "copy.json"}: id: el id "same" ya lo usa same.json'
    ]
    assert dup.error.lines() == [
        f'{user / "copy.json"}: id: the id "same" is already used by same.json'
    ]


# ---------------------------------------------------------------- find


def test_find_by_id_file_name_and_path(dirs: tuple[Path, Path], tmp_path: Path) -> None:
    builtin, _ = dirs
    cat = catalog(dirs)
    assert cat.find("apple").id == "apple"
    assert cat.find("b-apple.json").id == "apple"
    assert cat.find("b-apple").id == "apple"
    assert cat.find(builtin / "b-apple.json").builtin
    elsewhere = write(tmp_path / "elsewhere", "x.json", routine_data("outside", "Outside"))
    routine = cat.find(str(elsewhere))
    assert routine.id == "outside" and routine.path == str(elsewhere) and not routine.builtin


def test_find_a_relative_path(
    dirs: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "here", "local.json", routine_data("local", "Local"))
    monkeypatch.chdir(tmp_path / "here")
    assert catalog(dirs).find("local.json").id == "local"
    assert catalog(dirs).find("./local.json").id == "local"


def test_find_an_unknown_id_lists_the_ids(dirs: tuple[Path, Path]) -> None:
    with pytest.raises(LookupError) as info:
        catalog(dirs).find("banana")
    assert str(info.value) == (
        'routine "banana" not found (no routine with that id); available ids: apple, mango, zebra'
    )


def test_find_a_missing_file(dirs: tuple[Path, Path], tmp_path: Path) -> None:
    with pytest.raises(LookupError, match=r'"[^"]*nope\.json" not found \(no such file\)'):
        catalog(dirs).find(str(tmp_path / "nope.json"))


def test_find_in_an_empty_catalog(tmp_path: Path) -> None:
    with pytest.raises(LookupError, match=r"available ids: \(none\)"):
        load_catalog(tmp_path / "a", tmp_path / "b").find("x")


def test_find_a_broken_routine_raises_its_error(dirs: tuple[Path, Path], tmp_path: Path) -> None:
    _, user = dirs
    write(user, "bad.json", routine_data("bad", "Bad", version=3))
    cat = catalog(dirs)
    for spec in ("bad", "bad.json", str(user / "bad.json")):
        with pytest.raises(RoutineError, match="newer HipTimer"):
            cat.find(spec)
    outside = write(tmp_path / "out", "broken.json", "[")
    with pytest.raises(RoutineError, match="not valid JSON"):
        cat.find(str(outside))


# ---------------------------------------------------------------- the shipped routines

BUILTIN_FILES = sorted(paths.builtin_routines_dir().glob("*.json"))


@pytest.mark.parametrize("path", BUILTIN_FILES, ids=[p.stem for p in BUILTIN_FILES])
def test_each_builtin_routine_is_valid(path: Path) -> None:
    routine = load_routine(path, builtin=True)
    assert routine.id == path.stem, "a built-in's file is named after its id"
    assert routine.active_exercises
    assert 0 < estimated_seconds(routine) < 3 * 3600


def test_the_shipped_catalog_has_no_broken_entries() -> None:
    cat = load_catalog()
    assert cat.broken() == []
    assert len(set(cat.ids())) == len(cat.ids()) == len(BUILTIN_FILES)
    titles = [e.title.casefold() for e in cat.entries()]
    assert titles == sorted(titles)


def test_a_json_suffix_in_any_case_is_a_routine_file(dirs: tuple[Path, Path]) -> None:
    """A `Stretch.JSON` the user wrote is listed, and found by its name as a .json one is,
    on every platform (a case-sensitive glob missed it on Linux only)."""
    _, user = dirs
    write(user, "Stretch.JSON", routine_data("stretch", "Stretch"))
    write(user, "Walk.Json", routine_data("walk", "Walk"))
    cat = catalog(dirs)
    assert {"stretch", "walk"} <= set(cat.ids())
    assert cat.find("Stretch").id == "stretch"
    assert cat.find("Stretch.JSON").id == "stretch"
    assert cat.find("Walk.Json").id == "walk"
    assert cat.find(str(user / "Stretch.JSON")).id == "stretch"


def test_a_file_name_lookup_keeps_the_case_of_the_name(dirs: tuple[Path, Path]) -> None:
    """Only the suffix's case is free: `stretch` does not name `Stretch.JSON` (on Linux both
    could exist side by side)."""
    _, user = dirs
    write(user, "Stretch.JSON", routine_data("my-stretch", "Stretch"))
    with pytest.raises(LookupError):
        catalog(dirs).find("stretch")


def test_an_entry_is_a_value_that_cannot_change(dirs: tuple[Path, Path]) -> None:
    """What the library relies on of an entry (a NamedTuple since session 24, a frozen
    dataclass before): equal and hashed by value, a changed copy made with _replace."""
    entry = catalog(dirs).entries()[0]
    twin = entry._replace()
    assert twin == entry and twin is not entry and hash(twin) == hash(entry)
    assert entry._replace(overrides_builtin=not entry.overrides_builtin) != entry
    with pytest.raises(AttributeError):
        entry.title = "Renamed"  # type: ignore[misc]
