"""Tests for the routine editor: typing, validation beside fields, undo, save, import, drop, reset."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QDragEnterEvent,
)
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from hiptimer import i18n, paths
from hiptimer.core.clock import FakeClock
from hiptimer.core.history.store import open_history
from hiptimer.core.routines.catalog import Catalog, RoutineEntry, load_catalog
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.user_routines import ClashChoice
from hiptimer.core.session.events import SetCompleted, StepStarted
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.editor import files, window_exercises
from hiptimer.ui.editor.fields import ChoiceField
from hiptimer.ui.editor.files import RoutineDropFilter
from hiptimer.ui.editor.keep_doses import KeepDosesDialog, offer_to_keep_doses
from hiptimer.ui.editor.picker import ExercisePicker
from hiptimer.ui.editor.window import EditorWindow
from tests.harness import advance_until, fake_engine
from tests.ui.a11y_checks import unnamed_stops
from tests.ui.editor.editing import BUILTIN_ID, Answer, Prompts, drop_event, line, type_into
from tests.ui.widgets.wheel import wheel_down

# The offscreen platform says so whenever a shown window's size limits change; harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    """No test can hang on a modal dialog."""
    fake = Prompts()
    monkeypatch.setattr(QMessageBox, "question", fake.question)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: fake.exec(box))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: fake.messages.append(str(a[2])))
    return fake


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def editor(qtbot: QtBot, catalog: Catalog) -> Iterator[EditorWindow]:
    window = EditorWindow(catalog.find(BUILTIN_ID), catalog)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.undo_stack.setClean()  # no unsaved-changes prompt at teardown


def ids(editor: EditorWindow) -> list[str]:
    return [ex["id"] for ex in editor.data["exercises"]]


def pick(routine_id: str, exercise_id: str) -> Callable[..., dict[str, Any] | None]:
    """A stand-in for the picker dialog that selects in a real ExercisePicker."""

    def choose(catalog: Catalog, parent: QWidget | None = None) -> dict[str, Any] | None:
        picker = ExercisePicker(catalog, parent)
        try:
            assert picker.select(routine_id, exercise_id)
            return picker.chosen()
        finally:
            picker.deleteLater()

    return choose


def user_file() -> Path:
    return paths.user_routines_dir() / f"{BUILTIN_ID}.json"


def routine_file(folder: Path, rid: str = "imported", **extra: Any) -> Path:
    data: dict[str, Any] = {
        "format": "hiptimer-routine",
        "version": 1,
        "id": rid,
        "title": "Imported routine",
        "exercises": [{"id": "march", "name": "March", "kind": "reps", "reps": 8}],
    }
    data.update(extra)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{rid}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def user_files() -> list[str]:
    folder = paths.user_routines_dir()
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# -- the main flow ------------------------------------------------------------------------


def test_edit_a_builtin_add_reorder_undo_and_save_the_users_version(
    editor: EditorWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    builtin_path = Path(editor.routine.path)
    builtin_bytes = builtin_path.read_bytes()
    assert editor.routine.builtin and not editor.save_button.isEnabled()

    type_into(qtbot, line(editor, "hold_s"), "45")
    assert editor.data["exercises"][0]["hold_s"] == 45
    assert editor.undo_stack.count() == 1  # the keystrokes merged into one step
    assert editor.save_button.isEnabled() and editor.isWindowModified()

    monkeypatch.setattr(window_exercises, "pick_exercise", pick("hip-strengthening", "bridge"))
    qtbot.mouseClick(editor.exercises.add_from, Qt.MouseButton.LeftButton)
    assert ids(editor)[:2] == ["hamstring-stretch", "bridge"]
    assert editor.current == 1 and editor.exercises.list.currentRow() == 1

    editor.exercises.list.setFocus()
    qtbot.keyClick(editor.exercises.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.exercises.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert ids(editor)[3] == "bridge" and editor.current == 3
    qtbot.keyClick(editor.exercises.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert ids(editor)[2] == "bridge"
    assert editor.exercises.list.item(2).text().startswith("3. Bridge")

    editor.undo_action.trigger()
    assert ids(editor)[3] == "bridge" and editor.current == 3
    editor.redo_action.trigger()
    assert ids(editor)[2] == "bridge" and editor.current == 2

    with qtbot.waitSignal(editor.saved) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    routine = saved.args[0]
    assert isinstance(routine, Routine) and Path(routine.path) == user_file()
    written = json.loads(user_file().read_text(encoding="utf-8"))
    assert (written["id"], written["based_on"], written["revision"]) == (BUILTIN_ID, BUILTIN_ID, 2)
    assert builtin_path.read_bytes() == builtin_bytes
    assert not editor.isWindowModified() and not editor.save_button.isEnabled()
    assert editor.reset_button.isVisibleTo(editor)

    entry = load_catalog().get(BUILTIN_ID)
    assert entry is not None and entry.routine is not None and entry.overrides_builtin
    assert entry.routine.exercises[0].hold_s == 45
    assert [ex.id for ex in entry.routine.exercises][2] == "bridge"


def test_saving_again_saves_in_place_and_raises_the_revision(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    type_into(qtbot, line(editor, "hold_s"), "45")
    assert editor.save()
    type_into(qtbot, line(editor, "title"), "My stretches")
    assert editor.save()
    saved = load_routine(user_file())
    assert (saved.title, saved.revision, saved.based_on) == ("My stretches", 3, BUILTIN_ID)
    assert user_files() == [f"{BUILTIN_ID}.json"]


def test_a_name_edited_in_spanish_stays_as_written_and_the_rest_follows_the_language(
    spanish: None, qtbot: QtBot
) -> None:
    catalog = load_catalog()
    window = EditorWindow(catalog.find(BUILTIN_ID), catalog)
    qtbot.addWidget(window)
    window.show()
    assert line(window, "title").edit.text() == "Estiramientos diarios de cadera"
    type_into(qtbot, line(window, "name"), "Mi estiramiento")
    type_into(qtbot, line(window, "hold_s"), "45")
    assert window.save()
    written = json.loads(user_file().read_text(encoding="utf-8"))
    assert written["title"] == "Daily hip stretches"  # the built-in's words, kept in English
    i18n.use("en")
    english = load_catalog().find(BUILTIN_ID)
    assert english.title == "Daily hip stretches"
    names = [ex.name for ex in english.exercises[:2]]
    assert names == ["Mi estiramiento", "Kneeling hip flexor stretch"]  # the user's own words
    assert english.exercises[0].hold_s == 45
    i18n.use("es")
    spanish_names = [ex.name for ex in load_catalog().find(BUILTIN_ID).exercises[:2]]
    assert spanish_names == ["Mi estiramiento", "Estiramiento del flexor de la cadera de rodillas"]


def test_ctrl_z_in_a_field_undoes_the_editor_step(editor: EditorWindow, qtbot: QtBot) -> None:
    hold = line(editor, "hold_s")
    type_into(qtbot, hold, "45")
    type_into(qtbot, line(editor, "sets"), "2")
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    line(editor, "sets").edit.setFocus()
    qtbot.keyClick(line(editor, "sets").edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.data["exercises"][0]["sets"] == 3 and line(editor, "sets").edit.text() == "3"
    assert editor.data["exercises"][0]["hold_s"] == 45
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(line(editor, "sets").edit, Qt.Key.Key_Z, modifiers)
    assert editor.data["exercises"][0]["sets"] == 2


def test_a_list_button_greyed_under_the_keyboard_leaves_the_focus_beside_it(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    # Move down pressed until the exercise is last, or Delete until none is left, greyed
    # the focused button and Qt handed the focus to the editor's tab bar at the top: a
    # keyboard user, and a screen reader, lost their place in the list.
    panel = editor.exercises
    editor.activateWindow()
    panel.list.setCurrentRow(len(editor.data["exercises"]) - 2)
    panel.down.setFocus()
    qtbot.keyClick(panel.down, Qt.Key.Key_Space)  # now the last: Move down greys
    assert not panel.down.isEnabled() and panel.up.hasFocus()  # Space again moves it back
    panel.delete.setFocus()
    while editor.data["exercises"]:
        qtbot.keyClick(panel.delete, Qt.Key.Key_Space)
        if editor.data["exercises"]:
            assert panel.delete.hasFocus()  # the next exercise is chosen: Delete stays
    assert not panel.delete.isEnabled() and panel.add_new.hasFocus()  # none left: New


# -- validation beside the fields ----------------------------------------------------------


def test_a_zero_hold_shows_its_error_beside_the_field_and_disables_save(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    hold = line(editor, "hold_s")
    type_into(qtbot, hold, "0")
    assert "seconds from 0.1 to 3600" in hold.error.text()
    assert hold.error.isVisibleTo(editor) and hold.error.parent() is hold.row
    assert (
        hold.error.mapTo(editor, hold.error.rect().topLeft()).x()
        > hold.edit.mapTo(editor, hold.edit.rect().topRight()).x()
    )  # beside the input, to its right
    assert hold.edit.property("invalid") is True
    assert not editor.save_button.isEnabled() and not editor.save_action.isEnabled()
    assert any("Hamstring stretch: hold: expected" in text for text in editor.problems.lines())
    assert "\u26a0" in editor.exercises.list.item(0).text()

    type_into(qtbot, hold, "45")
    assert hold.error.text() == "" and hold.edit.property("invalid") is False
    assert editor.save_button.isEnabled()


def test_a_screen_reader_hears_a_fields_problem_with_the_field(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    # Orca read "Hold text. 0 selected. Seconds per set and side." on an invalid hold: the
    # red words beside it could only be seen.
    hold = line(editor, "hold_s")

    def description() -> str:
        iface = QAccessible.queryAccessibleInterface(hold.edit)
        assert iface is not None
        return iface.text(QAccessible.Text.Description)

    before = description()
    type_into(qtbot, hold, "0")
    assert (
        description().startswith(hold.error.text()) and "seconds from 0.1 to 3600" in description()
    )
    assert description().endswith(before)  # what the field is for, after the problem
    type_into(qtbot, hold, "45")
    assert description() == before
    assert hold.descriptions == [before]  # the form gave it to the field


def test_a_problem_typed_into_a_field_is_announced_once_as_it_appears(
    editor: EditorWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The problem was only in the field's description, which a screen reader reads as the
    # focus comes: typing "0" into Hold showed the red words and said nothing.
    heard: list[str] = []
    real = QAccessible.updateAccessibility

    def record(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            heard.append(event.message())
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    hold, sets = line(editor, "hold_s"), line(editor, "sets")
    type_into(qtbot, hold, "0")
    said = hold.error.text()
    assert heard == [said] and "seconds from 0.1 to 3600" in said
    qtbot.keyClicks(hold.edit, "0")  # "00": the same problem, not said again
    type_into(qtbot, hold, "45")  # mended: nothing to say
    sets.set_problems([("", "expected a whole number")])  # not where the focus is
    assert heard == [said]


def test_both_inputs_of_a_pair_say_its_problem_then_what_they_are_for(
    editor: EditorWindow,
) -> None:
    pair = editor.exercise_form.fields["reps_range"]
    assert len(pair.inputs) == 2 and all(pair.descriptions)
    pair.set_problems([("[0]", "must be at least 1")])
    for widget, plain in zip(pair.inputs, pair.descriptions, strict=True):
        assert widget.accessibleDescription() == f"lowest: must be at least 1. {plain}"
    pair.set_problems([])
    assert [w.accessibleDescription() for w in pair.inputs] == pair.descriptions


def test_an_empty_name_or_title_is_an_error_beside_it(editor: EditorWindow, qtbot: QtBot) -> None:
    name = line(editor, "name")
    type_into(qtbot, name, "")
    assert name.error.text() == "must not be empty"
    assert not editor.save_button.isEnabled()
    title = line(editor, "title")
    type_into(qtbot, title, "")
    assert title.error.text() == "must not be empty"
    assert "\u26a0" in editor.tabs.tabText(1)
    assert len(editor.problems.lines()) == 2


def test_the_validator_is_the_loaders_so_odd_input_is_named(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    type_into(qtbot, line(editor, "sets"), "2.5")
    assert line(editor, "sets").error.text().startswith("expected a whole number")
    type_into(qtbot, line(editor, "sets"), "abc")
    assert 'got "abc"' in line(editor, "sets").error.text()


def test_problems_in_another_exercise_are_listed_and_lead_to_it(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    editor.exercises.list.setCurrentRow(2)
    type_into(qtbot, line(editor, "hold_s"), "")
    editor.exercises.list.setCurrentRow(0)
    assert line(editor, "hold_s").error.text() == ""
    assert "\u26a0" in editor.exercises.list.item(2).text()
    editor.go_to_problem("exercises[2].hold_s")
    assert editor.current == 2
    assert line(editor, "hold_s").error.text() == "required number is missing"


def test_switching_kind_shows_the_reps_fields(editor: EditorWindow) -> None:
    form = editor.exercise_form
    combo = form.fields["kind"].inputs[0]
    combo.setCurrentIndex(1)  # type: ignore[attr-defined]
    combo.activated.emit(1)  # type: ignore[attr-defined]
    ex = editor.data["exercises"][0]
    assert ex["kind"] == "reps" and ex["reps"] == 10 and "hold_s" not in ex
    assert form.fields["reps"].row.isVisibleTo(form)
    assert not form.fields["hold_s"].row.isVisibleTo(form)
    assert editor.is_valid
    tempo = form.fields["tempo"].inputs[0]
    tempo.setChecked(True)  # type: ignore[attr-defined]
    assert editor.data["exercises"][0]["tempo"] == {
        "lift_s": 2,
        "hold_s": 0,
        "lower_s": 2,
        "pause_s": 0,
    }


def test_a_blank_rest_falls_back_to_the_routine_default(editor: EditorWindow, qtbot: QtBot) -> None:
    rest = line(editor, "rest_after_s")
    assert rest.edit.placeholderText() == "30"
    type_into(qtbot, rest, "45")
    assert editor.data["exercises"][0]["rest_after_s"] == 45
    type_into(qtbot, rest, "")
    assert "rest_after_s" not in editor.data["exercises"][0]


def test_multi_line_fields_are_one_item_per_line(editor: EditorWindow) -> None:
    cues = editor.exercise_form.fields["cues"].inputs[0]
    cues.setPlainText("Breathe slowly.\n\nNo bouncing.\n")  # type: ignore[attr-defined]
    assert editor.data["exercises"][0]["cues"] == ["Breathe slowly.", "No bouncing."]


def test_untick_duplicate_and_delete(editor: EditorWindow, qtbot: QtBot) -> None:
    editor.exercises.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert editor.data["exercises"][1]["enabled"] is False
    assert "(left out)" in editor.exercises.list.item(1).text()
    qtbot.mouseClick(editor.exercises.duplicate, Qt.MouseButton.LeftButton)
    assert ids(editor)[2] == "hip-flexor-stretch-2"
    assert editor.data["exercises"][2]["name"].endswith("(copy)")
    qtbot.mouseClick(editor.exercises.delete, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.exercises.add_new, Qt.MouseButton.LeftButton)
    assert editor.data["exercises"][3]["id"] == "new-exercise" and editor.is_valid
    editor.exercises.list.order_changed.emit([4, 0, 1, 2, 3])  # what a drag reports
    assert ids(editor)[0] == "piriformis-stretch"


# -- closing with unsaved changes ---------------------------------------------------------


def test_a_window_deleted_with_unsaved_edits_raises_nothing(qtbot: QtBot, catalog: Catalog) -> None:
    window = EditorWindow(catalog.find(BUILTIN_ID), catalog)
    type_into(qtbot, line(window, "hold_s"), "45")
    assert window.is_modified
    with qtbot.waitSignal(window.destroyed):
        window.deleteLater()


def test_closing_with_unsaved_changes_asks(
    editor: EditorWindow, qtbot: QtBot, prompts: Prompts
) -> None:
    type_into(qtbot, line(editor, "hold_s"), "45")
    prompts.answer = Answer.Cancel
    assert not editor.close()
    assert editor.isVisible() and prompts.questions[0].startswith("Unsaved changes")
    prompts.answer = Answer.Save
    assert editor.close()
    assert load_routine(user_file()).exercises[0].hold_s == 45


def test_discarding_on_close_writes_nothing(
    editor: EditorWindow, qtbot: QtBot, prompts: Prompts
) -> None:
    type_into(qtbot, line(editor, "hold_s"), "0")
    prompts.answer = Answer.Discard
    assert editor.close()
    assert "cannot be saved until the problems" in prompts.questions[0]
    assert user_files() == []


def test_closing_without_changes_does_not_ask(editor: EditorWindow, prompts: Prompts) -> None:
    assert editor.close() and prompts.questions == []


def test_esc_closes_the_editor_as_ctrl_w_does_asking_first(
    editor: EditorWindow, qtbot: QtBot, prompts: Prompts
) -> None:
    # The README: "Esc leaves", and the history window closes on Esc; the editor took only
    # Ctrl+W, so Esc did nothing there (seen under Xvfb, keyboard only).
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    field = line(editor, "hold_s")
    type_into(qtbot, field, "45")
    prompts.answer = Answer.Cancel
    qtbot.keyClick(field.edit, Qt.Key.Key_Escape)
    assert editor.isVisible() and prompts.questions[0].startswith("Unsaved changes")
    prompts.answer = Answer.Discard
    qtbot.keyClick(field.edit, Qt.Key.Key_Escape)
    assert not editor.isVisible() and user_files() == []


# -- reset, export, import, drop -----------------------------------------------------------


def test_reset_to_original_brings_the_builtin_back(
    editor: EditorWindow, qtbot: QtBot, prompts: Prompts
) -> None:
    type_into(qtbot, line(editor, "hold_s"), "45")
    assert editor.save()
    prompts.answer = Answer.Reset
    with qtbot.waitSignal(editor.saved) as shown:
        assert editor.reset_to_original()
    assert shown.args[0].builtin and editor.routine.builtin
    assert editor.data["exercises"][0]["hold_s"] == 60
    assert user_files() == [f"{BUILTIN_ID}.json.bak"]
    assert not editor.reset_button.isVisibleTo(editor)
    entry = load_catalog().get(BUILTIN_ID)
    assert entry is not None and entry.builtin


def test_export_writes_the_edits_anywhere_without_touching_the_library(
    editor: EditorWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    type_into(qtbot, line(editor, "hold_s"), "45")
    target = tmp_path / "stretches.json"
    assert editor.export_to(str(target))
    assert load_routine(target).exercises[0].hold_s == 45
    assert user_files() == [] and editor.isWindowModified()


def test_export_into_a_folder_that_is_not_there_is_refused_naming_it(
    editor: EditorWindow, tmp_path: Path, prompts: Prompts
) -> None:
    # It made the folders, where the CSV and PDF exports refused the path (docs: README).
    target = tmp_path / "share" / "stretches.json"
    assert not editor.export_to(str(target))
    folder = tmp_path / "share"
    [message] = prompts.messages
    assert f"Could not write {target}: the folder {folder} does not exist" in message
    assert list(tmp_path.iterdir()) == []


def test_a_routine_too_large_to_export_says_so_and_writes_nothing(
    editor: EditorWindow, tmp_path: Path, prompts: Prompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("hiptimer.core.routines.writer.MAX_FILE_BYTES", 100)  # any is too large
    target = tmp_path / "stretches.json"
    assert not editor.export_to(str(target))  # a RoutineError once escaped the slot
    assert "at most 1 MiB" in prompts.messages[0] and not target.exists()


def test_import_of_a_valid_file_opens_it(editor: EditorWindow, tmp_path: Path) -> None:
    source = routine_file(tmp_path / "downloads")
    result = editor.import_files([source])
    assert [r.id for r in result.imported] == ["imported"] and result.ok
    assert user_files() == ["imported.json"]
    assert editor.routine.id == "imported" and not editor.routine.builtin


def test_import_of_an_invalid_file_lists_its_errors_and_writes_nothing(
    editor: EditorWindow, tmp_path: Path, prompts: Prompts
) -> None:
    source = routine_file(tmp_path, exercises=[{"id": "x", "name": "", "kind": "hold"}])
    result = editor.import_files([source])
    assert result.imported == [] and len(result.refused) == 1
    assert user_files() == []
    assert "imported.json" in prompts.messages[0]
    assert "exercises[0].name: must not be empty" in prompts.messages[0]
    assert "exercises[0].hold_s: required number is missing" in prompts.messages[0]
    assert editor.routine.id == BUILTIN_ID


def test_an_id_clash_asks_and_can_keep_both(
    editor: EditorWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = routine_file(tmp_path)
    editor.import_files([source])
    asked: list[str] = []

    def keep_both(_parent: QWidget | None, outcome: Any) -> ClashChoice:
        asked.append(outcome.routine.id)
        return ClashChoice.KEEP_BOTH

    monkeypatch.setattr(files, "ask_clash", keep_both)
    result = editor.import_files([source])
    assert asked == ["imported"] and result.imported[0].id == "imported-2"
    assert user_files() == ["imported-2.json", "imported.json"]
    monkeypatch.setattr(files, "ask_clash", lambda *_: None)
    assert editor.import_files([source]).skipped == [source]


def test_dropping_a_routine_file_on_the_editor_imports_it(
    editor: EditorWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    source = routine_file(tmp_path)
    target = editor.exercises.list.viewport()
    enter = drop_event([source], QDragEnterEvent)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(editor.imported) as imported:
        QApplication.sendEvent(target, drop_event([source]))
    assert [r.id for r in imported.args[0]] == ["imported"]
    assert user_files() == ["imported.json"] and editor.routine.id == "imported"


def test_the_drop_filter_refuses_a_broken_file_and_other_drags(
    qtbot: QtBot, tmp_path: Path, prompts: Prompts
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    drops = RoutineDropFilter(host)
    drops.install(host)
    assert host.acceptDrops()
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    assert not drops.eventFilter(host, drop_event([text], QDragEnterEvent))
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "hiptimer-routine", "version": 1,', encoding="utf-8")
    result = drops.handle_drop(drop_event([broken]), host)
    assert result.imported == [] and "not valid JSON" in prompts.messages[0]
    assert user_files() == []


# -- keeping a session's doses -------------------------------------------------------------


def test_offer_to_keep_doses_lists_the_changes_and_saves_on_keep(
    catalog: Catalog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = catalog.find(BUILTIN_ID)
    clock = FakeClock()
    engine = fake_engine(base, clock)
    engine.start()
    clock.advance(base.rests.get_ready_s + 1)
    engine.update()
    assert engine.step.kind is StepKind.WORK
    for _ in range(3):
        engine.adjust(-1)  # 60 s -> 45 s
    shown: list[str] = []

    def answer(result: QDialog.DialogCode) -> Callable[[KeepDosesDialog], int]:
        def exec_(dialog: KeepDosesDialog) -> int:
            shown.append(dialog.changes.text())
            return result.value

        return exec_

    monkeypatch.setattr(KeepDosesDialog, "exec", answer(QDialog.DialogCode.Rejected))
    assert offer_to_keep_doses(None, base, engine.live_routine()) is None
    assert shown == ["\u2022  Hamstring stretch: hold 60 s \u2192 45 s"] and user_files() == []

    monkeypatch.setattr(KeepDosesDialog, "exec", answer(QDialog.DialogCode.Accepted))
    kept = offer_to_keep_doses(None, base, engine.live_routine())
    assert kept is not None and Path(kept.path) == user_file()
    assert (kept.exercises[0].hold_s, kept.revision, kept.based_on) == (45, 2, BUILTIN_ID)
    assert offer_to_keep_doses(None, kept, kept) is None and len(shown) == 2


# -- the edited routine in a session -------------------------------------------------------


def test_the_edited_routine_runs_with_the_new_hold(
    editor: EditorWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    type_into(qtbot, line(editor, "hold_s"), "45")
    assert editor.save()
    routine = load_catalog().find(BUILTIN_ID)
    clock = FakeClock()
    engine = fake_engine(routine, clock)
    events: list[object] = []
    engine.subscribe(events.append)
    engine.start()
    advance_until(
        clock, lambda: any(isinstance(e, SetCompleted) for e in events), engine.update, step=0.5
    )
    work = next(e for e in events if isinstance(e, StepStarted) and e.step.kind is StepKind.WORK)
    done = next(e for e in events if isinstance(e, SetCompleted))
    assert work.duration_s == 45
    assert done.at - work.at == pytest.approx(45)
    assert done.record.planned_hold_s == 45 and done.record.actual_hold_s == 45

    db = tmp_path / "history.sqlite3"
    with open_history(db) as store:
        session = store.begin_session(
            routine.id, routine.title, routine.revision, {}, done.record.started_at
        )
        store.add_set(session, done.record)
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT routine_revision FROM sessions").fetchall()
        sets = conn.execute("SELECT planned_hold_s, actual_hold_s FROM sets").fetchall()
    finally:
        conn.close()
    assert rows == [(2,)] and sets == [(45, 45)]


def test_the_editor_in_spanish(qtbot: QtBot, catalog: Catalog, spanish: None) -> None:
    window = EditorWindow(catalog.find(BUILTIN_ID), catalog)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle().startswith("Editar rutina — ")
    # The offscreen screen leaves the tabs 316 px: the exercise's tab may end in "…", or
    # both read short ("Ejercicio 1", "Rutina"), their whole titles their accessible names.
    assert window.tab_titles.full_title(1) == "Datos de la rutina"
    assert window.tabs.tabText(1) in ("Datos de la rutina", "Rutina")
    assert window.tabs.tabBar().accessibleTabName(1) == "Datos de la rutina"
    assert window.tab_titles.full_title(0).startswith("Ejercicio 1: ")
    assert window.banner.text().startswith("Rutina de serie: se queda como viene.")
    assert [window.save_button.text(), window.close_button.text()] == ["Guardar", "Cerrar"]
    assert window.problems.status.text().endswith("Sin problemas: la rutina es válida.")
    kind = window.exercise_form.fields["kind"]
    assert isinstance(kind, ChoiceField)
    assert [kind.combo.itemText(i) for i in range(2)] == [
        "Mantener un tiempo",
        "Repeticiones contadas",
    ]
    hold = line(window, "hold_s")
    type_into(qtbot, hold, "7,5")  # a decimal comma where Spanish writes one
    assert window.data["exercises"][0]["hold_s"] == 7.5 and hold.error.text() == ""
    assert window.undo_stack.undoText() == "Editar mantener"
    window.undo_stack.undo()
    assert hold.edit.text() == str(window.data["exercises"][0]["hold_s"]).replace(".", ",")
    name = line(window, "name")
    type_into(qtbot, name, "")
    assert name.error.text() == "no puede quedar vacío"  # the validator's words, in Spanish
    assert window.problems.lines() == ["\u26a0  Ejercicio 1: nombre: no puede quedar vacío"]
    assert window.problems.status.text().startswith("1 problema que corregir")
    window.undo_stack.setClean()


def test_every_tab_stop_of_the_editor_has_a_name(editor: EditorWindow) -> None:
    # Orca said "layered pane" at a Tab stop between the exercise's tab and its first
    # field: the scroll area around the form; then, with the area out of the Tab chain, as
    # Tab went from that tab to the first field: the tab widget's page stack.
    assert unnamed_stops(editor) == []
    editor.tabs.setCurrentIndex(1)  # the routine's details
    assert unnamed_stops(editor) == []


def test_the_wheel_scrolls_the_form_past_the_kind_without_changing_it(
    editor: EditorWindow,
) -> None:
    # The exercise form scrolls; a wheel turned with the pointer over Kind (or the load's
    # unit) as the form slid under it made a timed hold counted reps.
    kind = editor.exercise_form.fields["kind"]
    assert isinstance(kind, ChoiceField)
    before = editor.data["exercises"][0]["kind"]
    wheel_down(kind.combo)
    assert editor.data["exercises"][0]["kind"] == before
    assert kind.combo.currentIndex() == 0 and not editor.is_modified


def test_the_list_s_short_buttons_are_named_in_full_and_reached_by_tab(
    editor: EditorWindow,
) -> None:
    # Short words in two rows leave the form its room at 1024 px in large print (fit10): a
    # screen reader still hears what each does, and Tab still reaches each.
    panel = editor.exercises
    buttons = (panel.add_new, panel.add_from, panel.duplicate, panel.delete, panel.up, panel.down)
    assert [b.text() for b in buttons] == [
        "New", "From a routine\u2026", "Duplicate", "Delete", "\u2191", "\u2193",
    ]  # fmt: skip
    assert [b.accessibleName() or b.text() for b in buttons] == [
        "New exercise", "Add from a routine\u2026", "Duplicate", "Delete", "Move up", "Move down",
    ]  # fmt: skip
    assert panel.up.toolTip() == "Move up (key: Ctrl+Up)"
    assert all(b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in buttons)


def test_a_title_another_routine_has_is_an_error_beside_the_title(
    qtbot: QtBot, catalog: Catalog
) -> None:
    """A new routine saved as 'Daily hip stretches' made two of them in the library, the
    history's routine filter and the weekly plan, told apart by nothing (seen in the real
    window). The built-in edited keeps its own title."""
    from hiptimer.ui.editor.routine_actions import blank_routine

    new = EditorWindow(blank_routine({e.id for e in catalog}), catalog)
    qtbot.addWidget(new)
    title = line(new, "title")
    type_into(qtbot, title, " daily HIP  stretches ")
    assert title.error.text() == (
        "another routine is called “Daily hip stretches”: the lists could not tell them apart"
    )
    assert not new.save_button.isEnabled()
    type_into(qtbot, title, "Daily hip stretches, shorter")
    assert title.error.text() == "" and new.save_button.isEnabled()
    builtin = EditorWindow(catalog.find(BUILTIN_ID), catalog)
    qtbot.addWidget(builtin)
    assert line(builtin, "title").error.text() == "" and builtin.is_valid
    # A routine that has the title already (a file saved before, or the built-in beside such
    # a file) is not held up for it: only a title typed here is checked.
    mine = dataclasses.replace(
        catalog.find("desk-micro-break"), id="mine", title="Daily hip stretches"
    )
    ahead = Catalog(list(catalog), [RoutineEntry("mine", mine.title, Path("x.json"), False, mine)])
    for routine in (mine, catalog.find(BUILTIN_ID)):
        again = EditorWindow(routine, ahead)
        qtbot.addWidget(again)
        assert line(again, "title").error.text() == "" and again.is_valid


def test_alternating_sides_on_a_hold_names_the_choice_the_form_offers(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    """'use "each"' named the file's word, not the Sides list's 'Each side in turn'."""
    sides = editor.exercise_form.fields["sides"]
    assert isinstance(sides, ChoiceField)
    alternating = sides.combo.findData("alternating")
    sides.combo.setCurrentIndex(alternating)
    sides.combo.activated.emit(alternating)  # as a choice in the list does
    assert sides.error.text() == (
        'a hold cannot alternate sides within a set; use "each" (Each side in turn)'
    )


def test_new_puts_the_cursor_in_the_new_exercise_s_name_in_view(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    """With the form scrolled down to Setup and Caution, New focused the new exercise's name
    field out of sight: the form stayed where it was (seen in the real window)."""
    editor.resize(1100, 560)
    area = editor.tabs.widget(0)
    assert isinstance(area, QScrollArea)
    QApplication.processEvents()
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    assert area.verticalScrollBar().value() > 0
    qtbot.mouseClick(editor.exercises.add_new, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    name = editor.exercise_form.fields["name"].inputs[0]
    assert QApplication.focusWidget() is name
    top = name.mapTo(area.viewport(), QPoint(0, 0)).y()
    assert top >= 0 and top + name.height() <= area.viewport().height()
