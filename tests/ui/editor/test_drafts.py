"""The editor offers a routine's kept drafts back: open them as unsaved changes, or discard them."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.routines.catalog import Catalog, load_catalog
from hiptimer.core.routines.drafts import DamagedDraft, keep_draft
from hiptimer.core.routines.writer import routine_to_data
from hiptimer.paths import kept_drafts
from hiptimer.ui.editor.draft_words import damaged_text
from hiptimer.ui.editor.window import EditorWindow
from tests.ui.editor.editing import BUILTIN_ID, Answer, Prompts

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
WHEN = datetime(2026, 3, 1, 8, 15, 0)


@pytest.fixture(autouse=True)
def prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    """No test can hang on a modal dialog; "Save your changes?" answers as told."""
    fake = Prompts()
    monkeypatch.setattr(QMessageBox, "question", fake.question)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: fake.messages.append(str(a[2])))
    return fake


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog()


def edited(catalog: Catalog, title: str = "My stretches") -> dict[str, Any]:
    data = routine_to_data(catalog.find(BUILTIN_ID))
    data["title"] = title
    data["exercises"][0]["hold_s"] = 45
    return data


def open_editor(qtbot: QtBot, catalog: Catalog) -> EditorWindow:
    editor = EditorWindow(catalog.find(BUILTIN_ID), catalog)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def in_folder(name: str) -> list[str]:
    folder = paths.drafts_dir() / name
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_opening_a_draft_brings_its_changes_back_unsaved_and_saving_sets_it_aside(
    qtbot: QtBot, catalog: Catalog
) -> None:
    # Before: the editor said nothing; the user had to find the file by hand.
    draft = keep_draft(edited(catalog), BUILTIN_ID, WHEN)
    editor = open_editor(qtbot, catalog)
    offer = editor.draft_offer
    assert offer.isVisible() and editor.focusWidget() is offer.open_button  # Enter answers it
    assert offer.text.text() == (
        "Unsaved changes to \u201cMy stretches\u201d from Sun 1 Mar 2026 08:15 were kept."
    )
    assert not editor.is_modified  # nothing is loaded until the user says so

    offer.open_button.click()
    assert not offer.isVisible()
    assert editor.is_modified and editor.isWindowModified() and editor.save_button.isEnabled()
    assert editor.data["title"] == "My stretches" and editor.data["exercises"][0]["hold_s"] == 45
    assert kept_drafts() == [draft]  # still kept until saved: a crash now loses nothing
    editor.undo_stack.undo()  # one step back: the routine as saved
    assert not editor.is_modified and editor.data["title"] != "My stretches"
    editor.undo_stack.redo()

    assert editor.save()
    assert kept_drafts() == [] and in_folder("discarded") == [draft.name]  # never deleted
    assert editor.routine.title == "My stretches"


def test_discard_moves_the_draft_aside_and_offers_the_older_one(
    qtbot: QtBot, catalog: Catalog
) -> None:
    older = keep_draft(edited(catalog, "Older"), BUILTIN_ID, WHEN)
    newer = keep_draft(edited(catalog, "Newer"), BUILTIN_ID, WHEN.replace(hour=9))
    keep_draft(edited(catalog, "Another's"), "hip-strengthening", WHEN)  # not this routine's
    editor = open_editor(qtbot, catalog)
    offer = editor.draft_offer
    assert offer.text.text().startswith("Unsaved changes to \u201cNewer\u201d from ")
    assert offer.text.text().endswith("Another copy is kept too.")

    offer.discard_button.click()
    assert in_folder("discarded") == [newer.name]
    moved = json.loads((paths.drafts_dir() / "discarded" / newer.name).read_text("utf-8"))
    assert moved["title"] == "Newer"  # moved whole, not deleted
    assert offer.isVisible() and offer.text.text().startswith("Unsaved changes to \u201cOlder")
    offer.discard_button.click()
    assert not offer.isVisible() and not editor.is_modified
    assert in_folder("discarded") == sorted([newer.name, older.name])
    assert [p.name for p in kept_drafts()] == ["hip-strengthening-20260301-081500.json"]


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ('{"title": "Half', "not valid JSON"),
        ("[1, 2]", "not routine data (a JSON object was expected)"),
        ("{" + " " * (1 << 20) + "}", "file is too large: 1048578 bytes; at most 1 MiB is read"),
    ],
    ids=["broken", "not-an-object", "oversized"],
)
def test_a_damaged_draft_is_named_moved_aside_and_never_loaded(
    qtbot: QtBot, catalog: Catalog, content: str, why: str
) -> None:
    path = paths.drafts_dir() / f"{BUILTIN_ID}-20260301-081500.json"
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    editor = open_editor(qtbot, catalog)
    offer = editor.draft_offer
    moved = paths.drafts_dir() / "damaged" / path.name
    assert offer.isVisible() and not offer.open_button.isVisible()
    assert offer.text.text().startswith(f"The kept changes in {path} could not be read ({why}")
    assert offer.text.text().endswith(f"The file was moved to {moved}.")
    assert moved.read_text(encoding="utf-8") == content and kept_drafts() == []
    assert not editor.is_modified  # nothing of it was loaded
    offer.ok_button.click()
    assert not offer.isVisible()


def test_a_draft_opened_then_discarded_on_close_is_set_aside(
    qtbot: QtBot, catalog: Catalog, prompts: Prompts
) -> None:
    draft = keep_draft(edited(catalog), BUILTIN_ID, WHEN)
    editor = open_editor(qtbot, catalog)
    editor.draft_offer.open_button.click()
    prompts.answer = Answer.Cancel  # "Save your changes?" Cancel: nothing happens to it
    assert not editor.close() and kept_drafts() == [draft]
    prompts.answer = Answer.Discard
    assert editor.close()
    assert kept_drafts() == [] and in_folder("discarded") == [draft.name]


def test_a_system_quit_with_a_draft_open_keeps_one_draft_of_everything(
    qtbot: QtBot, catalog: Catalog
) -> None:
    first = keep_draft(edited(catalog), BUILTIN_ID, WHEN)
    editor = open_editor(qtbot, catalog)
    editor.draft_offer.open_button.click()
    editor.edit({**editor.data, "title": "Later still"}, "Edit title")
    kept = editor.close_for_system()
    assert kept is not None and kept_drafts() == [kept]  # the old one is inside the new one
    assert json.loads(kept.read_text(encoding="utf-8"))["title"] == "Later still"
    assert in_folder("discarded") == [first.name]


def test_the_offer_shows_a_title_as_text(qtbot: QtBot, catalog: Catalog) -> None:
    keep_draft(edited(catalog, "<b>Mine</b> & yours"), BUILTIN_ID, WHEN)
    editor = open_editor(qtbot, catalog)
    assert editor.draft_offer.text.textFormat() == editor.draft_offer.text.textFormat().PlainText
    assert "\u201c<b>Mine</b> & yours\u201d" in editor.draft_offer.text.text()


def test_the_offer_names_a_title_with_an_override_as_one_line_in_our_direction(
    qtbot: QtBot, catalog: Catalog
) -> None:
    """An RLO left open in the title turned "from <time> were kept" around after it."""
    keep_draft(edited(catalog, "\u202eMine\x07\nmore"), BUILTIN_ID, WHEN)
    editor = open_editor(qtbot, catalog)
    text = editor.draft_offer.text.text()
    assert "\u201c\u202eMine more\u202c\u201d from " in text


def test_a_damaged_draft_s_file_is_named_with_its_direction_marks_escaped() -> None:
    """A file put in drafts/ by hand may be called anything: an RLO in its name turned "could
    not be read" and "was moved to" around, as in the library's list of broken files."""
    folder = paths.drafts_dir()
    path, moved = folder / "\u202eevil.json", folder / "damaged" / "\u202eevil.json"
    text = damaged_text(DamagedDraft(path, "not JSON", moved))
    assert text == (
        f"The kept changes in {folder}/\\u202eevil.json could not be read (not JSON). "
        f"The file was moved to {folder}/damaged/\\u202eevil.json."
    )


def test_a_draft_that_cannot_be_discarded_is_named_with_its_marks_escaped(
    qtbot: QtBot, catalog: Catalog, prompts: Prompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    """user22: a draft put in drafts/ by hand may be called anything; when it could not be
    moved aside (a drafts folder the user may not write to), "Not discarded" named it raw: an
    RLO turned "could not be moved" around, a bell drew a box, and the path came twice."""
    path = paths.drafts_dir() / "\u202eevil\x07.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**edited(catalog), "id": BUILTIN_ID}), "utf-8")

    def refused(where: Any, folder: str = "") -> Any:
        raise PermissionError(13, "Permission denied", str(where))

    monkeypatch.setattr("hiptimer.ui.editor.drafts.set_aside", refused)
    editor = open_editor(qtbot, catalog)
    editor.draft_offer.discard_button.click()
    assert prompts.messages == [
        f"{path.parent}/\\u202eevil\\x07.json could not be moved: Permission denied"
    ]
    assert path.exists() and editor.draft_offer.isVisible()  # still offered, nothing lost
