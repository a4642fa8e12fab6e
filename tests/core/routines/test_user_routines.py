"""Tests for the user's routines on disk: saving edits of built-ins, kept doses, reset and import."""

from __future__ import annotations

import dataclasses
import itertools
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from hiptimer import paths
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.routines.loader import load_routine, routine_from_data
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.saved_now import keep_session_doses
from hiptimer.core.routines.user_routines import (
    ClashChoice,
    ImportStatus,
    apply_doses,
    dose_changes,
    import_routine,
    reset_to_original,
    save_user_version,
)
from hiptimer.core.routines.validation import RoutineError

BUILTIN_ID = "daily-hip-stretches"


def builtin() -> Routine:
    return load_catalog().original(BUILTIN_ID)


def user_dir() -> Path:
    return paths.user_routines_dir()


def routine_data(rid: str = "mine", title: str = "My routine", **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "hiptimer-routine",
        "version": 1,
        "id": rid,
        "title": title,
        "exercises": [{"id": "bridge", "name": "Bridge", "kind": "reps", "reps": 10}],
    }
    data.update(extra)
    return data


def write_json(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def with_first_hold(routine: Routine, hold_s: float) -> Routine:
    first = routine.exercises[0]
    return routine.replace_exercise(first.with_dose(hold_s=hold_s))


# -- saving -----------------------------------------------------------------------------


def test_an_edited_builtin_is_saved_as_the_users_version_that_overrides_it() -> None:
    original = builtin()
    before = Path(original.path).read_bytes()
    path = save_user_version(with_first_hold(original, 45))

    assert path == user_dir() / f"{BUILTIN_ID}.json"
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["id"] == BUILTIN_ID
    assert saved["based_on"] == BUILTIN_ID
    assert saved["revision"] == original.revision + 1
    assert Path(original.path).read_bytes() == before  # the built-in file is untouched

    entry = load_catalog().get(BUILTIN_ID)
    assert entry is not None and entry.routine is not None
    assert entry.overrides_builtin and not entry.builtin
    assert entry.routine.exercises[0].hold_s == 45


def test_a_user_routine_is_saved_in_place_with_its_revision_raised(tmp_path: Path) -> None:
    path = write_json(user_dir() / "odd-name.json", routine_data(revision=4, based_on="x"))
    routine = load_routine(path)
    assert save_user_version(routine) == path
    saved = load_routine(path)
    assert (saved.revision, saved.based_on) == (5, "x")
    assert sorted(p.name for p in user_dir().iterdir()) == ["odd-name.json"]


def test_a_new_routine_s_first_save_is_its_first_revision() -> None:
    # Ctrl+N's routine has no file yet: it said "Saved revision 2" on its first save.
    new = routine_from_data(routine_data("brand-new"), "<editor>")
    path = save_user_version(dataclasses.replace(new, path=""))
    assert path == user_dir() / "brand-new.json"
    assert load_routine(path).revision == 1
    save_user_version(load_routine(path))  # saved again, in place: the second
    assert load_routine(path).revision == 2


@pytest.mark.parametrize("there", ["another routine", "a broken file"])
def test_a_new_routine_never_writes_over_a_file_with_its_id(there: str) -> None:
    # Ctrl+N's routine given the id of a routine of yours (or of a broken file): saving wrote
    # over that file without a backup.
    path = user_dir() / "brand-new.json"
    write_json(path, routine_data("brand-new", "Mine") if there == "another routine" else "{ not")
    before = path.read_bytes()
    new = routine_from_data(routine_data("brand-new"), "<editor>")
    with pytest.raises(FileExistsError, match="already in your routines folder") as refused:
        save_user_version(dataclasses.replace(new, path="", title="Something else"))
    # What to do is something the user can do: the editor has no routine id to change.
    assert "Routine details" not in str(refused.value)
    assert "move or rename that file" in str(refused.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in user_dir().iterdir()) == ["brand-new.json"]


def test_saving_a_builtin_over_a_broken_file_of_its_id_keeps_that_file_as_a_backup() -> None:
    broken = write_json(user_dir() / f"{BUILTIN_ID}.json", "{ not json")
    save_user_version(builtin())
    assert (user_dir() / f"{BUILTIN_ID}.json.bak").read_text(encoding="utf-8") == "{ not json"
    assert load_routine(broken).based_on == BUILTIN_ID


def test_a_newer_builtin_never_overwrites_the_users_version(tmp_path: Path) -> None:
    save_user_version(with_first_hold(builtin(), 45))
    shipped = tmp_path / "newer-builtins"
    shutil.copytree(paths.builtin_routines_dir(), shipped)
    newer = json.loads((shipped / f"{BUILTIN_ID}.json").read_text(encoding="utf-8"))
    newer["revision"] = 7
    newer["exercises"][0]["hold_s"] = 90
    write_json(shipped / f"{BUILTIN_ID}.json", newer)

    catalog = load_catalog(shipped, user_dir())
    shown = catalog.find(BUILTIN_ID)
    assert shown.exercises[0].hold_s == 45 and not shown.builtin
    assert catalog.original(BUILTIN_ID).exercises[0].hold_s == 90


# -- reset ------------------------------------------------------------------------------


def test_reset_to_original_moves_the_users_version_aside() -> None:
    path = save_user_version(with_first_hold(builtin(), 45))
    backups = reset_to_original(BUILTIN_ID)
    assert backups == [path.with_name(path.name + ".bak")]
    assert not path.exists()
    assert load_routine(backups[0]).exercises[0].hold_s == 45
    shown = load_catalog().get(BUILTIN_ID)
    assert shown is not None and shown.builtin and shown.routine is not None
    assert shown.routine.exercises[0].hold_s == 60


def test_a_second_reset_keeps_the_first_backup() -> None:
    # Each reset's backup gets a free name: the second one wrote over the first's .bak.
    first = save_user_version(with_first_hold(builtin(), 45))
    reset_to_original(BUILTIN_ID)
    save_user_version(with_first_hold(builtin(), 50))
    assert reset_to_original(BUILTIN_ID) == [first.with_name(first.name + ".bak-2")]
    kept = [load_routine(first.with_name(first.name + x)) for x in (".bak", ".bak-2")]
    assert [r.exercises[0].hold_s for r in kept] == [45, 50]


def test_reset_finds_the_users_version_by_id_not_file_name() -> None:
    other = write_json(user_dir() / "my-copy.json", routine_data(BUILTIN_ID, based_on=BUILTIN_ID))
    assert reset_to_original(BUILTIN_ID) == [other.with_name("my-copy.json.bak")]


def test_reset_without_a_users_version_does_nothing() -> None:
    assert reset_to_original(BUILTIN_ID) == []


def test_reset_refuses_a_routine_that_is_not_built_in() -> None:
    write_json(user_dir() / "mine.json", routine_data())
    with pytest.raises(LookupError, match="no built-in"):
        reset_to_original("mine")
    assert (user_dir() / "mine.json").exists()


# -- keeping a session's doses ---------------------------------------------------------


def test_dose_changes_lists_hold_reps_and_range_changes_by_name() -> None:
    live = with_first_hold(builtin(), 45)
    assert [str(c) for c in dose_changes(builtin(), live)] == [
        "Hamstring stretch: hold 60 s \u2192 45 s"
    ]
    data = routine_data()
    data["exercises"][0]["reps_range"] = [10, 15]
    base = routine_from_data(data)
    bridge = base.exercises[0].with_dose(reps=8, reps_range=(8, 15))
    assert [str(c) for c in dose_changes(base, base.replace_exercise(bridge))] == [
        "Bridge: reps 10 \u2192 8",
        "Bridge: rep range 10-15 \u2192 8-15",
    ]


def test_apply_doses_takes_only_dose_fields_from_the_live_routine() -> None:
    base = builtin()
    live = with_first_hold(base, 45)
    first = live.exercises[0]
    live = live.replace_exercise(first.with_dose(name="Renamed", sets=1))
    kept = apply_doses(base, live)
    assert kept.exercises[0].hold_s == 45
    assert kept.exercises[0].name == "Hamstring stretch" and kept.exercises[0].sets == 3


def test_keep_session_doses_saves_the_users_version() -> None:
    kept = keep_session_doses(builtin(), with_first_hold(builtin(), 45))
    assert Path(kept.path) == user_dir() / f"{BUILTIN_ID}.json"
    assert (kept.based_on, kept.revision, kept.builtin) == (BUILTIN_ID, 2, False)
    assert kept.exercises[0].hold_s == 45
    again = keep_session_doses(kept, with_first_hold(kept, 40))
    assert (again.revision, again.exercises[0].hold_s) == (3, 40)


def test_doses_kept_for_a_file_opened_from_elsewhere_are_written_into_that_file(
    tmp_path: Path,
) -> None:
    """`hiptimer my-routine.json` is not an import: "Keep for next time" rewrote that file where
    it was (indented, its revision raised), which no doc said, and put nothing in the
    routines folder (docs/routine-format.md, README)."""
    hold = {"id": "stretch", "name": "Stretch", "kind": "hold", "hold_s": 3}
    path = write_json(tmp_path / "mine" / "my-routine.json", routine_data(exercises=[hold]))
    opened = load_routine(path)
    kept = keep_session_doses(opened, with_first_hold(opened, 8))
    assert Path(kept.path) == path
    again = load_routine(path)
    assert (again.revision, again.exercises[0].hold_s) == (2, 8)
    assert path.read_text(encoding="utf-8").startswith('{\n  "format"')  # indented
    assert not user_dir().exists() or not any(user_dir().iterdir())


def test_a_raised_dose_kept_writes_no_ceiling_and_a_lowered_one_keeps_it_where_it_was() -> None:
    data = routine_data()
    data["exercises"] = [{"id": "clam", "name": "Clam", "kind": "hold", "sets": 2, "hold_s": 4}]
    base = load_routine(write_json(user_dir() / "mine.json", data))
    raised = keep_session_doses(base, with_first_hold(base, 6))
    written = json.loads(Path(raised.path).read_text(encoding="utf-8"))
    # A ceiling left out rises with the dose: nothing to write, so the file stays version 1.
    assert (written["version"], "ceiling" in written["exercises"][0]) == (1, False)
    lowered = keep_session_doses(raised, with_first_hold(raised, 3))
    written = json.loads(Path(lowered.path).read_text(encoding="utf-8"))
    assert written["exercises"][0]["ceiling"] == {"sets": 2, "hold_s": 6}


def test_a_whole_number_of_seconds_kept_is_written_as_one() -> None:
    # The session's + and - give 25.0; the file and the editor's Hold field read "25.0".
    kept = keep_session_doses(builtin(), with_first_hold(builtin(), 25.0))
    first = json.loads(Path(kept.path).read_text(encoding="utf-8"))["exercises"][0]
    assert (repr(first["hold_s"]), first["ceiling"]) == ("25", {"sets": 3, "hold_s": 60})
    half = keep_session_doses(kept, with_first_hold(kept, 27.5))
    assert json.loads(Path(half.path).read_text(encoding="utf-8"))["exercises"][0]["hold_s"] == 27.5


def test_keep_session_doses_without_changes_writes_nothing() -> None:
    assert keep_session_doses(builtin(), builtin()) == builtin()
    assert not user_dir().exists()


# -- import -----------------------------------------------------------------------------


def test_import_copies_a_valid_file_into_the_users_folder(tmp_path: Path) -> None:
    source = write_json(tmp_path / "downloads" / "whatever.json", routine_data())
    outcome = import_routine(source)
    assert outcome.status is ImportStatus.IMPORTED
    assert outcome.path == user_dir() / "mine.json"
    assert load_routine(outcome.path).title == "My routine"
    assert source.exists()  # a copy, not a move
    assert load_catalog().get("mine") is not None


def test_import_of_a_broken_file_writes_nothing(tmp_path: Path) -> None:
    data = routine_data()
    data["exercises"][0]["reps"] = 0
    data["exercises"].append({"id": "x", "name": "", "kind": "hold"})
    source = write_json(tmp_path / "bad.json", data)
    with pytest.raises(RoutineError) as info:
        import_routine(source)
    wheres = [p.where for p in info.value.problems]
    assert "exercises[0].reps" in wheres and "exercises[1].name" in wheres
    assert not user_dir().exists() or not any(user_dir().iterdir())


def test_import_with_an_id_clash_asks_first_and_writes_nothing(tmp_path: Path) -> None:
    existing = write_json(user_dir() / "mine.json", routine_data(title="Old"))
    source = write_json(tmp_path / "new.json", routine_data(title="New"))
    outcome = import_routine(source)
    assert outcome.status is ImportStatus.CLASH
    assert outcome.clash_paths == (existing,) and not outcome.clash_builtin
    assert load_routine(existing).title == "Old"
    assert sorted(p.name for p in user_dir().iterdir()) == ["mine.json"]


def test_import_replace_puts_the_new_routine_in_the_old_ones_file(tmp_path: Path) -> None:
    existing = write_json(user_dir() / "mine.json", routine_data(title="Old"))
    source = write_json(tmp_path / "new.json", routine_data(title="New"))
    outcome = import_routine(source, ClashChoice.REPLACE)
    assert outcome.path == existing
    assert load_routine(existing).title == "New"
    assert load_routine(existing.with_name("mine.json.bak")).title == "Old"


def test_import_keep_both_gives_a_new_id(tmp_path: Path) -> None:
    write_json(user_dir() / "mine.json", routine_data(title="Old"))
    write_json(user_dir() / "other.json", routine_data("mine-2", title="Taken"))
    source = write_json(tmp_path / "new.json", routine_data(title="New"))
    outcome = import_routine(source, ClashChoice.KEEP_BOTH)
    assert (outcome.routine.id, outcome.routine.title) == ("mine-3", "New (3)")
    assert outcome.path == user_dir() / "mine-3.json"
    assert {"mine", "mine-2", "mine-3"} <= set(load_catalog().ids())


def test_import_of_a_builtins_id_is_a_clash_too(tmp_path: Path) -> None:
    data = json.loads((paths.builtin_routines_dir() / f"{BUILTIN_ID}.json").read_text("utf-8"))
    source = write_json(tmp_path / "shared.json", data)
    outcome = import_routine(source)
    assert outcome.status is ImportStatus.CLASH and outcome.clash_builtin
    replaced = import_routine(source, ClashChoice.REPLACE)
    assert replaced.path == user_dir() / f"{BUILTIN_ID}.json"
    entry = load_catalog().get(BUILTIN_ID)
    assert entry is not None and entry.overrides_builtin


def test_import_never_overwrites_a_file_with_a_different_id_of_the_same_name(
    tmp_path: Path,
) -> None:
    write_json(user_dir() / "mine.json", routine_data("something-else"))
    outcome = import_routine(write_json(tmp_path / "mine.json", routine_data()))
    assert outcome.status is ImportStatus.IMPORTED
    assert outcome.path == user_dir() / "mine-2.json"
    assert load_routine(user_dir() / "mine.json").id == "something-else"


def _near_the_limit(target_bytes: int) -> dict[str, Any]:
    """A valid routine whose compact JSON is about `target_bytes`: many short setup lines,
    so indenting it adds a lot (issue 13, fault 3)."""
    line = "Keep the knee over the ankle and breathe out slowly as you lift."  # 64 chars
    exercise = {"kind": "hold", "hold_s": 30, "setup": [line] * 50}
    data: dict[str, Any] = routine_data()
    exercises: list[dict[str, Any]] = []
    while len(json.dumps({**data, "exercises": exercises}, separators=(",", ":"))) < target_bytes:
        n = len(exercises)
        exercises.append({"id": f"ex-{n}", "name": f"Exercise {n}", **exercise})
        if n >= 99:
            break
    data["exercises"] = exercises
    return data


def test_a_large_valid_import_stays_loadable_and_its_id_is_kept(tmp_path: Path) -> None:
    data = _near_the_limit(340_000)
    # Pad the setup lines until the compact file is just under 1 MiB: indenting adds the same
    # bytes whatever the lines say, and takes it past 1 MiB. Each pad adds its length (ASCII,
    # nothing escaped), so the size is counted, not dumped again after each pad.
    size = len(json.dumps(data, separators=(",", ":")).encode())
    pad = " Slowly."
    for ex in data["exercises"]:
        ex["setup"] = list(ex["setup"])  # one list each (_near_the_limit shares one)
    lines = [(ex["setup"], i) for ex in data["exercises"] for i in range(len(ex["setup"]))]
    for setup, i in itertools.cycle(lines):
        if size + len(pad) > 1000 * 1024:
            break
        setup[i] += pad
        size += len(pad)
    compact = json.dumps(data, separators=(",", ":")).encode()
    assert len(compact) == size
    assert len(compact) <= 1024 * 1024 < len(json.dumps(data, indent=2).encode())
    source = tmp_path / "big.json"
    source.write_bytes(compact)
    outcome = import_routine(source)
    assert outcome.status is ImportStatus.IMPORTED
    assert outcome.path.stat().st_size <= 1024 * 1024
    assert load_routine(outcome.path).id == "mine"  # not listed as broken
    again = import_routine(source)  # the id is seen, so a second import is a clash
    assert again.status is ImportStatus.CLASH
    assert load_catalog().get("mine") is not None


def test_a_file_too_large_to_read_still_claims_its_id(tmp_path: Path) -> None:
    # Written past 1 MiB by a HipTimer before the limit was kept on writing: the library
    # lists it (broken) under its file name, and an import must not take that id again.
    legacy = user_dir() / "mine.json"
    write_json(legacy, json.dumps(routine_data(), indent=2) + " " * (1024 * 1024))
    source = write_json(tmp_path / "other.json", routine_data(title="Another one"))
    outcome = import_routine(source)
    assert outcome.status is ImportStatus.CLASH and outcome.clash_paths == (legacy,)
    kept = import_routine(source, ClashChoice.KEEP_BOTH)
    assert kept.routine.id == "mine-2"
    assert legacy.stat().st_size > 1024 * 1024  # untouched


def test_a_routine_too_large_to_write_replaces_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = write_json(user_dir() / "mine.json", routine_data())
    before = old.read_bytes()
    source = write_json(tmp_path / "new.json", routine_data(title="Newer"))
    mine = save_user_version(with_first_hold(builtin(), 40))
    saved = mine.read_bytes()
    # Every routine is now too large to write: the writer's size check refuses it.
    monkeypatch.setattr("hiptimer.core.routines.writer.MAX_FILE_BYTES", 100)
    with pytest.raises(RoutineError, match="at most 1 MiB"):
        import_routine(source, ClashChoice.REPLACE)
    assert old.read_bytes() == before  # still in place, not moved to .bak
    with pytest.raises(RoutineError, match="at most 1 MiB"):
        save_user_version(with_first_hold(builtin(), 45))
    assert mine.read_bytes() == saved
    assert sorted(p.name for p in user_dir().iterdir()) == sorted(["mine.json", mine.name])
