"""Tests for the library's details of a routines folder that cannot be read: named a folder."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from hiptimer import i18n, paths
from hiptimer.core.routines import catalog, timely_read
from hiptimer.ui.library.details import details_html
from hiptimer.ui.library.items import LibraryItem, load_library


def unread(monkeypatch: pytest.MonkeyPatch) -> LibraryItem:
    """The library's line for the user's routines folder, refused (mode 000)."""
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    listed = Path.iterdir

    def refused(path: Path) -> Any:
        if path == folder:
            raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return listed(path)

    monkeypatch.setattr(Path, "iterdir", refused)
    (item,) = [i for i in load_library() if i.broken]
    return item


@pytest.mark.parametrize(
    ("language", "said", "not_said"),
    [
        ("en", "This routines folder cannot be read:", "routine file is broken"),
        ("es", "No se puede leer esta carpeta de rutinas:", "archivo de rutina está dañado"),
    ],
)
def test_an_unread_routines_folder_is_named_a_folder_not_a_broken_file(
    monkeypatch: pytest.MonkeyPatch, language: str, said: str, not_said: str
) -> None:
    # The new routines/ line's details read "This routine file is broken and cannot be
    # started:" over "cannot read the folder (Permission denied)": it is no file.
    i18n.use(language)  # English again after the test (tests/conftest.py)
    item = unread(monkeypatch)
    assert item.folder and item.title == f"routines{os.sep}"
    text = details_html(item)
    assert said in text and not_said not in text


def test_a_broken_file_is_still_called_one(monkeypatch: pytest.MonkeyPatch) -> None:
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "torn.json").write_text("{", encoding="utf-8")
    (item,) = [i for i in load_library() if i.broken]
    assert not item.folder
    assert "This routine file is broken and cannot be started:" in details_html(item)


def test_a_file_not_read_in_time_is_not_called_broken(monkeypatch: pytest.MonkeyPatch) -> None:
    # A file on a share that stalled read "This routine file is broken" over "could not be read
    # in time": nothing wrong is known of the file, and it is read again next time.
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "far.json").write_text("{}", encoding="utf-8")
    release = threading.Event()
    read = catalog.read_routine_text

    def stalled(path: Path) -> str:
        if path.name == "far.json":
            release.wait(10)  # a mount that does not answer, released as the test ends
        return read(path)

    monkeypatch.setattr(catalog, "read_routine_text", stalled)
    monkeypatch.setattr(timely_read, "IN_TIME_S", 0.3)
    try:
        (item,) = [i for i in load_library() if i.broken]
    finally:
        release.set()
    assert item.late and not item.folder
    text = details_html(item)
    assert "could not be read in time and cannot be started yet:" in text
    assert "broken" not in text
