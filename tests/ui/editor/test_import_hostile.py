"""Hostile files through Ctrl+O's import: each named with why, nothing half-imported."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from hiptimer import paths
from hiptimer.ui.editor import files
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.widgets import file_dialog


def routine(rid: str = "from-physio", title: str = "From my physio") -> dict[str, Any]:
    return {
        "format": "hiptimer-routine",
        "version": 1,
        "id": rid,
        "title": title,
        "exercises": [{"id": "bridge", "name": "Bridge", "kind": "reps", "reps": 10}],
    }


def five_mb(path: Path) -> None:
    text = json.dumps(routine())
    path.write_text(text[:-1] + " " * (5 << 20) + "}", encoding="utf-8")


def fifo(path: Path) -> None:
    os.mkfifo(path)


def folder(path: Path) -> None:
    path.mkdir()


def loop(path: Path) -> None:
    path.symlink_to(path.name)


def not_json(path: Path) -> None:
    path.write_text("Bridge 10 reps, hold 5 s", encoding="utf-8")


HOSTILE: dict[str, tuple[Callable[[Path], None], str]] = {
    "a 5 MB file": (five_mb, "file is too large: 5243"),
    "a FIFO": (fifo, "is a pipe, not a regular file"),
    "a directory": (folder, "is a folder, not a routine file"),
    "a symlink loop": (loop, "cannot read the file (Too many levels of symbolic links)"),
    "not JSON": (not_json, "not valid JSON: Expecting value at line 1 column 1"),
}


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def record(box: QMessageBox) -> int:
        said.append(f"{box.text()}\n{box.informativeText()}")
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return said


def chosen(monkeypatch: pytest.MonkeyPatch, *picked: Path) -> None:
    names = [str(p) for p in picked]
    monkeypatch.setattr(file_dialog, "get_open_file_names", lambda *a, **k: (names, ""))


def user_files() -> list[str]:
    folder_ = paths.user_routines_dir()
    return sorted(p.name for p in folder_.iterdir()) if folder_.is_dir() else []


def test_every_hostile_file_is_named_with_why_and_the_good_one_beside_them_imports(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    picked = []
    for n, (make, _why) in enumerate(HOSTILE.values()):
        path = tmp_path / f"hostile-{n}.json"
        make(path)
        picked.append(path)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(routine()), encoding="utf-8")
    chosen(monkeypatch, *picked, good)
    window.routine_actions.import_files()  # Ctrl+O
    (dialog,) = shown
    assert dialog.startswith("Nothing was imported from these 5 files:")
    for path, (_make, why) in zip(picked, HOSTILE.values(), strict=True):
        assert f"<b>{path.name}</b></p><ul><li>{why}" in dialog
    assert user_files() == ["from-physio.json"]  # the good one, whole; nothing else
    assert window.library.selected is not None and window.library.selected.id == "from-physio"


def test_a_routine_with_a_built_in_s_id_asks_and_cancel_writes_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    clash = tmp_path / "clash.json"
    clash.write_text(json.dumps(routine("daily-hip-stretches", "Mine")), encoding="utf-8")
    chosen(monkeypatch, clash)
    window.routine_actions.import_files()
    (asked,) = shown
    assert asked.startswith("Import \u201cMine\u201d?\nThe built-in routine \u201cdaily-hip-")
    assert user_files() == []


def test_two_files_with_one_id_in_one_import_keep_the_first_and_name_the_second(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    # The second was asked about as if it clashed with a routine of yours, and Replace wrote
    # the first one, just imported, over (kept as .bak), both listed as imported.
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps(routine()), encoding="utf-8")
    second.write_text(json.dumps(routine(title="Another")), encoding="utf-8")
    chosen(monkeypatch, first, second)
    asked: list[str] = []
    monkeypatch.setattr(files, "ask_clash", lambda _parent, outcome: asked.append(outcome))
    window.routine_actions.import_files()
    assert asked == []
    (dialog,) = shown
    assert dialog.startswith("Nothing was imported from this file:")
    assert (
        "<b>b.json</b></p><ul><li>has the id \u201cfrom-physio\u201d, as a.json imported just "
        "before it: import it on its own to replace that routine or keep both" in dialog
    )
    assert user_files() == ["from-physio.json"]
    assert json.loads((paths.user_routines_dir() / "from-physio.json").read_text())["title"] == (
        "From my physio"
    )
