"""A routine too large to save or export is refused in the language in use, file named."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.catalog import load_catalog
from hiptimer.ui.editor.window import EditorWindow
from tests.ui.editor.editing import BUILTIN_ID, Prompts, line, stand_in_prompts, type_into


@pytest.fixture
def prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    return stand_in_prompts(monkeypatch)


@pytest.fixture
def editor(qtbot: QtBot, spanish: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[EditorWindow]:
    monkeypatch.setattr("hiptimer.core.routines.writer.MAX_FILE_BYTES", 100)  # any is too large
    catalog = load_catalog()
    window = EditorWindow(catalog.find(BUILTIN_ID), catalog)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.undo_stack.setClean()  # no unsaved-changes prompt at teardown


def test_a_save_too_large_is_refused_in_spanish(
    editor: EditorWindow, qtbot: QtBot, prompts: Prompts
) -> None:
    """A new user's 1 MiB routine, a step longer, in Spanish: "No se ha podido guardar la
    rutina: ...: the routine needs 1051989 bytes as a file; at most 1 MiB is kept"."""
    type_into(qtbot, line(editor, "title"), "Larga")
    assert not editor.save()
    [message] = prompts.messages
    assert "No se ha podido guardar la rutina" in message
    assert "bytes como archivo; se guarda como mucho 1 MiB" in message
    assert "the routine needs" not in message


def test_an_export_too_large_is_refused_in_spanish(
    editor: EditorWindow, prompts: Prompts, tmp_path: Path
) -> None:
    target = tmp_path / "larga.json"
    assert not editor.export_to(str(target))
    [message] = prompts.messages
    assert "bytes como archivo; se guarda como mucho 1 MiB" in message
    assert "the routine needs" not in message and not target.exists()
