"""A routines folder with links to devices, a file or the folder itself out of reach: each named,
the rest of the library listed (a settings file linked to a device: tests/core/test_settings.py)."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest

from hiptimer.core.routines.catalog import Catalog, load_catalog

DEVICES = [d for d in ("/dev/zero", "/dev/urandom") if Path(d).exists()]


def a_routine(folder: Path, rid: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{rid}.json"
    exercise = {"id": "bridge", "name": "Bridge", "kind": "hold", "hold_s": 30}
    data = {"format": "hiptimer-routine", "version": 1, "id": rid, "title": rid.title()}
    path.write_text(json.dumps({**data, "exercises": [exercise]}), encoding="utf-8")
    return path


def problems(catalog: Catalog) -> dict[str, list[str]]:
    """Each broken entry's title, and what the library says of it (in the language in use)."""
    return {e.title: e.error.shown_lines() if e.error else [] for e in catalog.broken()}


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    builtin, user = tmp_path / "builtin", tmp_path / "user"
    a_routine(builtin, "shipped")
    a_routine(user, "mine")
    return builtin, user


@pytest.mark.skipif(not DEVICES, reason="no /dev/zero nor /dev/urandom")
def test_a_link_to_a_device_is_named_with_where_it_leads(folders: tuple[Path, Path]) -> None:
    # "is not a regular file" named nothing a person could find: in a file manager the link
    # looks like any routine file.
    builtin, user = folders
    for device in DEVICES:
        (user / f"{Path(device).name}.json").symlink_to(device)
    catalog = load_catalog(builtin, user)
    assert [e.id for e in catalog.entries() if not e.broken] == ["shipped", "mine"]
    assert problems(catalog) == {
        f"{Path(d).name}.json": [f"{user}/{Path(d).name}.json: links to {d}, a device, not a "
                                 "regular file"]
        for d in DEVICES
    }  # fmt: skip


def test_a_file_out_of_reach_is_named_and_the_rest_listed(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    builtin, user = folders
    locked = a_routine(user, "locked")
    opened = os.open

    def refused(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path) == locked:  # mode 000 or another user's (root reads it all the same)
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return opened(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refused)
    catalog = load_catalog(builtin, user)
    assert [e.id for e in catalog.entries() if not e.broken] == ["shipped", "mine"]
    assert problems(catalog) == {
        "locked.json": [f"{locked}: cannot read the file (Permission denied)"]
    }


@pytest.mark.parametrize(
    ("refusal", "why"),
    [(errno.EACCES, "Permission denied"), (errno.EIO, "Input/output error")],
)
def test_a_routines_folder_that_cannot_be_read_is_named_and_the_built_ins_listed(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, refusal: int, why: str
) -> None:
    # A routines folder at mode 000 (or on a mount gone bad) listed the built-ins alone, as if
    # the user had no routine at all: not a word of why theirs were gone.
    builtin, user = folders
    listed = Path.iterdir

    def refused(folder: Path) -> Any:
        if folder == user:
            raise OSError(refusal, os.strerror(refusal), str(folder))
        return listed(folder)

    monkeypatch.setattr(Path, "iterdir", refused)
    catalog = load_catalog(builtin, user)
    assert [e.id for e in catalog.entries() if not e.broken] == ["shipped"]
    said = f"{user}: cannot read the folder ({why}): the routines in it are not listed"
    assert problems(catalog) == {f"user{os.sep}": [said]}
    assert load_catalog(builtin, user.parent / "not-there").broken() == []  # none yet: quiet
