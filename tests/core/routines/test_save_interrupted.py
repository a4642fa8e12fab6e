"""The editor's save killed at each step: the routine's file is the old one whole, or the new.

A SIGKILL cannot be caught, so it is simulated: the step raises, and nothing the saving code
would do to tidy up afterwards runs (os.unlink does nothing), as after a kill.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from hiptimer import paths
from hiptimer.core import safe_write
from hiptimer.core.routines import user_routines
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.user_routines import (
    ClashChoice,
    ImportStatus,
    import_routine,
    save_and_reload,
)

BUILTIN_ID = "daily-hip-stretches"


class Killed(BaseException):
    """The process stopped here (a BaseException: no `except Exception` goes on after it)."""


def killed(*_args: Any, **_kw: Any) -> None:
    raise Killed


def retitled(routine: Routine, title: str) -> Routine:
    return routine.__class__(**{**routine.__dict__, "title": title})


def a_user_routine() -> Path:
    path = paths.user_routines_dir() / "mine.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "format": "hiptimer-routine",
        "version": 1,
        "id": "mine",
        "title": "Old",
        "exercises": [{"id": "bridge", "name": "Bridge", "kind": "reps", "reps": 10}],
    }
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


class HalfWritten:
    """A text file that takes the first half of what it is given, onto the disk, then the
    process stops."""

    def __init__(self, fd: int, *_args: Any, **_kw: Any) -> None:
        self._fd = fd

    def __enter__(self) -> HalfWritten:
        return self

    def __exit__(self, *_exc: object) -> None:
        pass

    def write(self, text: str) -> int:
        data = text.encode("utf-8")
        os.write(self._fd, data[: len(data) // 2])
        raise Killed


STEPS = {
    "the write, half done": lambda mp: mp.setattr(safe_write, "open", HalfWritten, raising=False),
    "the fsync": lambda mp: mp.setattr(safe_write.os, "fsync", killed),
    "the rename": lambda mp: mp.setattr(safe_write.os, "replace", killed),
}


@pytest.mark.parametrize("step", list(STEPS))
def test_a_user_routine_killed_mid_save_keeps_its_old_file_whole(
    step: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = a_user_routine()
    before = path.read_bytes()
    routine = load_routine(path)
    with monkeypatch.context() as mp:
        mp.setattr(os, "unlink", lambda *a, **k: None)  # a killed process tidies nothing
        STEPS[step](mp)
        with pytest.raises(Killed):
            save_and_reload(retitled(routine, "New"))
    assert path.read_bytes() == before
    entry = load_catalog().get("mine")  # the library: the old routine, and no stray entry
    assert entry is not None and entry.routine is not None and entry.routine.title == "Old"
    assert [e.id for e in load_catalog().entries() if not e.builtin] == ["mine"]
    assert save_and_reload(retitled(load_routine(path), "New")).title == "New"  # saves again


@pytest.mark.parametrize("step", [*STEPS, "the backup"])
def test_a_builtin_killed_mid_save_over_a_broken_file_keeps_that_file(
    step: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An edited built-in saved where a broken file has its id: the broken file is kept as
    # .bak. It was renamed to .bak first, then the new file written: a kill between the two
    # left neither at the routine's name.
    target = paths.user_routines_dir() / f"{BUILTIN_ID}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("{ not json", encoding="utf-8")
    original = load_catalog().original(BUILTIN_ID)
    with monkeypatch.context() as mp:
        mp.setattr(os, "unlink", lambda *a, **k: None)
        if step == "the backup":
            mp.setattr(user_routines, "write_atomic", killed)
        else:
            STEPS[step](mp)
        with pytest.raises(Killed):
            save_and_reload(retitled(original, "New"))
    assert target.read_text(encoding="utf-8") == "{ not json"
    saved = save_and_reload(retitled(original, "New"))
    assert saved.title == "New"
    assert target.with_name(target.name + ".bak").read_text(encoding="utf-8") == "{ not json"


@pytest.mark.parametrize("step", list(STEPS))
def test_an_import_replacing_a_routine_killed_midway_keeps_the_old_one(
    step: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = a_user_routine()
    before = path.read_bytes()
    source = tmp_path / "download.json"
    source.write_text(before.decode().replace('"Old"', '"Imported"'), encoding="utf-8")
    with monkeypatch.context() as mp:
        mp.setattr(os, "unlink", lambda *a, **k: None)
        STEPS[step](mp)
        with pytest.raises(Killed):
            import_routine(source, ClashChoice.REPLACE)
    assert path.read_bytes() == before
    assert import_routine(source, ClashChoice.REPLACE).status is ImportStatus.IMPORTED
    assert load_routine(path).title == "Imported"
