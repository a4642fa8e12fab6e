"""The command line's own messages stay English in any language, a routine file's problems
among them (docs/translating.md, "What stays English"); the library shows the same problems
in the language in use. `validate` printed "archivo no encontrado" beside English lines."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hiptimer.cli.main import main
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.validation import RoutineError


def files(tmp_path: Path) -> list[Path]:
    utf16 = tmp_path / "utf16.json"
    utf16.write_bytes("\ufeff{}".encode("utf-16"))
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    (tmp_path / "folder.json").mkdir()
    return [tmp_path / "missing.json", tmp_path / "folder.json", utf16, fifo]


ENGLISH = [
    "file not found",
    "is a folder, not a routine file",
    "the file is saved as UTF-16; save it as UTF-8",
    "is a pipe, not a regular file",
]


@pytest.mark.usefixtures("data_home")
def test_validate_says_why_a_file_cannot_be_read_in_english_in_spanish(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    paths = files(tmp_path)
    assert main(["validate", *map(str, paths)]) == 2
    out = capsys.readouterr().out
    assert out.splitlines() == [f"{p}: {why}" for p, why in zip(paths, ENGLISH, strict=True)]


@pytest.mark.usefixtures("spanish")
def test_the_library_says_the_same_in_the_language_in_use(tmp_path: Path) -> None:
    shown = []
    for path in files(tmp_path):
        with pytest.raises(RoutineError) as refused:
            load_routine(path)
        shown += refused.value.shown_lines()
    assert shown == [
        f"{tmp_path / 'missing.json'}: archivo no encontrado",
        f"{tmp_path / 'folder.json'}: es una carpeta, no un archivo de rutina",
        f"{tmp_path / 'utf16.json'}: el archivo está guardado en UTF-16; guárdalo en UTF-8",
        f"{tmp_path / 'fifo.json'}: es una tubería (pipe), no un archivo normal",
    ]
