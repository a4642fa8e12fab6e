"""Tests for format 2 in the editor: a ladder of variants, a load, a ceiling, a pause, with undo."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QMessageBox, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.routines.catalog import Catalog, load_catalog
from hiptimer.core.routines.loader import load_routine
from hiptimer.ui.editor.dose_fields import CeilingField, LoadField
from hiptimer.ui.editor.fields import LineField
from hiptimer.ui.editor.tempo_field import TempoField
from hiptimer.ui.editor.window import EditorWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog()


def open_editor(qtbot: QtBot, catalog: Catalog, routine_id: str) -> EditorWindow:
    window = EditorWindow(catalog.find(routine_id), catalog)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def editor(qtbot: QtBot, catalog: Catalog) -> Iterator[EditorWindow]:
    """The daily stretches: format 1, no ladders; exercise 1 is the hamstring stretch."""
    window = open_editor(qtbot, catalog, "daily-hip-stretches")
    yield window
    window.undo_stack.setClean()


def type_over(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)


def line(window: EditorWindow, key: str) -> QLineEdit:
    field = window.exercise_form.fields[key]
    assert isinstance(field, LineField)
    return field.edit


def click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def ex0(window: EditorWindow) -> dict[str, object]:
    return window.data["exercises"][window.current]  # type: ignore[no-any-return]


def test_build_a_ladder_edit_the_variant_use_it_undo_and_save(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    bar = editor.exercise_form.ladder
    assert not bar.picker.isVisibleTo(editor) and "No harder variants yet" in bar.note.text()

    click(qtbot, bar.add)
    assert editor.variant == 1 and bar.picker.currentIndex() == 1
    assert ex0(editor)["ladder"] == [
        {
            "id": "hamstring-stretch-harder",
            "name": "Hamstring stretch (harder)",
            "sets": 3,
            "hold_s": 60,
        }
    ]
    assert bar.picker.isVisibleTo(editor) and bar.remove.isVisibleTo(editor)
    form = editor.exercise_form
    assert not form.fields["kind"].row.isVisibleTo(form)  # the exercise's, on variant 1 only
    assert not form.fields["rest_after_s"].row.isVisibleTo(form)

    type_over(qtbot, line(editor, "name"), "Long hamstring stretch")
    type_over(qtbot, line(editor, "hold_s"), "90")
    entry = ex0(editor)["ladder"][0]  # type: ignore[index]
    assert (entry["name"], entry["hold_s"]) == ("Long hamstring stretch", 90)
    assert ex0(editor)["hold_s"] == 60  # variant 1 untouched
    assert bar.picker.itemText(1) == "2. Long hamstring stretch"

    click(qtbot, bar.use)
    assert ex0(editor)["rung"] == 1 and not bar.use.isEnabled()
    assert (
        editor.exercises.list.item(0)
        .text()
        .endswith("now Long hamstring stretch: 3 x 90 s each side")
    )

    editor.undo_action.trigger()  # the rung
    assert "rung" not in ex0(editor) and editor.variant == 1
    editor.undo_action.trigger()  # the hold (its keystrokes are one step)
    assert ex0(editor)["ladder"][0]["hold_s"] == 60  # type: ignore[index]
    assert line(editor, "hold_s").text() == "60"
    editor.redo_action.trigger()
    editor.redo_action.trigger()
    assert ex0(editor)["rung"] == 1

    assert editor.save()
    saved = paths.user_routines_dir() / "daily-hip-stretches.json"
    written = json.loads(saved.read_text(encoding="utf-8"))
    assert written["version"] == 2 and written["exercises"][0]["rung"] == 1
    loaded = load_routine(saved).exercises[0]
    assert (loaded.name, loaded.hold_s, loaded.rung) == ("Long hamstring stretch", 90, 1)


def test_picking_another_variant_shows_its_fields_and_undo_returns_to_it(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    bar = editor.exercise_form.ladder
    click(qtbot, bar.add)
    bar.picker.setCurrentIndex(0)
    bar.picker.activated.emit(0)
    assert editor.variant == 0 and line(editor, "name").text() == "Hamstring stretch"
    assert not bar.remove.isVisibleTo(editor)
    type_over(qtbot, line(editor, "sets"), "2")
    bar.picker.activated.emit(1)
    assert line(editor, "sets").text() == "3"  # variant 2 keeps the dose it was given
    editor.undo_action.trigger()
    assert editor.variant == 0 and line(editor, "sets").text() == "3"
    editor.undo_action.trigger()  # adding the variant
    assert "ladder" not in ex0(editor) and editor.variant == 0


def test_removing_the_variant_goes_back_to_the_one_below(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    bar = editor.exercise_form.ladder
    click(qtbot, bar.add)
    click(qtbot, bar.use)
    click(qtbot, bar.remove)
    assert "ladder" not in ex0(editor) and "rung" not in ex0(editor) and editor.variant == 0
    assert editor.is_valid
    editor.undo_action.trigger()
    assert ex0(editor)["rung"] == 1 and editor.variant == 1


def test_a_variant_left_blank_shows_what_it_keeps_from_the_first(
    qtbot: QtBot, catalog: Catalog
) -> None:
    window = open_editor(qtbot, catalog, "hip-strengthening")
    window._selected(1)  # the straight leg raise: a 3 s hold each rep, each side
    window.exercise_form.ladder.picker.activated.emit(1)
    form = window.exercise_form
    assert line(window, "name").text() == "Straight leg raise with an ankle weight"
    assert (
        line(window, "rep_hold_s").text() == ""
        and line(window, "rep_hold_s").placeholderText() == "3"
    )
    cues = form.fields["cues"].inputs[0]
    assert cues.placeholderText() == "same as variant 1"  # type: ignore[attr-defined]
    assert form.fields["sides"].inputs[0].currentData() == "each"  # type: ignore[attr-defined]
    load = form.fields["load"]
    assert isinstance(load, LoadField) and load.amount.text() == "1"
    assert load.unit.currentData() == "kg"


def test_a_load_is_an_amount_and_a_unit_and_a_blank_amount_removes_it(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    load = editor.exercise_form.fields["load"]
    assert isinstance(load, LoadField)
    type_over(qtbot, load.amount, "2.5")
    assert ex0(editor)["load"] == {"amount": 2.5, "unit": "kg"}
    load.unit.setCurrentIndex(load.unit.findData("lb"))
    load.unit.activated.emit(load.unit.currentIndex())
    assert ex0(editor)["load"] == {"amount": 2.5, "unit": "lb"}
    assert editor.exercises.list.item(0).text().endswith("3 x 1 min each side, 2.5 lb")
    type_over(qtbot, load.amount, "0")
    assert "greater than 0" in load.error.text() and not editor.is_valid
    type_over(qtbot, load.amount, "")
    assert "load" not in ex0(editor) and editor.is_valid


def test_a_reader_hears_the_load_s_unit_by_its_label_not_by_its_value(
    editor: EditorWindow,
) -> None:
    """Qt's AT-SPI bridge names a combo box by its current text on Linux ("kg combo box"): its
    label comes from the label relation alone, and the unit had none."""
    load = editor.exercise_form.fields["load"]
    assert isinstance(load, LoadField)
    unit = QAccessible.queryAccessibleInterface(load.unit)
    assert unit is not None
    labels = [
        (label.object(), label.text(QAccessible.Text.Name))
        for label, _relation in unit.relations(QAccessible.RelationFlag.Label)
    ]
    assert len(labels) == 1
    word, said = labels[0]
    assert isinstance(word, QLabel) and word.isVisible() and word.text() == "unit"
    assert said == "Load, unit"


def test_a_ceiling_is_by_kind_and_blank_parts_are_the_dose_as_written(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    ceiling = editor.exercise_form.fields["ceiling"]
    assert isinstance(ceiling, CeilingField)
    assert ceiling.amount_label.text() == "s hold"
    assert (ceiling.sets.placeholderText(), ceiling.amount.placeholderText()) == ("3", "60")
    type_over(qtbot, ceiling.amount, "90")
    assert ex0(editor)["ceiling"] == {"hold_s": 90}
    type_over(qtbot, ceiling.sets, "4")
    assert ex0(editor)["ceiling"] == {"sets": 4, "hold_s": 90}
    type_over(qtbot, ceiling.sets, "21")
    assert "at most 20" in ceiling.error.text()
    type_over(qtbot, ceiling.sets, "")
    type_over(qtbot, ceiling.amount, "")
    assert "ceiling" not in ex0(editor) and editor.is_valid


def test_a_reps_ceiling_is_reps_and_its_placeholder_is_the_top_of_the_range(
    qtbot: QtBot, catalog: Catalog
) -> None:
    window = open_editor(qtbot, catalog, "hip-strengthening")  # the bridge: 3 x 10 (10-15)
    ceiling = window.exercise_form.fields["ceiling"]
    assert isinstance(ceiling, CeilingField)
    assert ceiling.amount_label.text() == "reps" and ceiling.amount.placeholderText() == "15"
    type_over(qtbot, ceiling.amount, "20")
    assert ex0(window)["ceiling"] == {"reps": 20}
    assert "reps_range" in ceiling.error.text()  # above the top of the range
    window.undo_stack.setClean()


def test_a_pause_at_the_bottom_is_a_fourth_tempo_part(qtbot: QtBot, catalog: Catalog) -> None:
    window = open_editor(qtbot, catalog, "hip-strengthening")
    window._selected(0)  # the bridge, paced by its 3 s hold, no tempo
    tempo = window.exercise_form.fields["tempo"]
    assert isinstance(tempo, TempoField)
    check = tempo.inputs[0]
    assert isinstance(check, QCheckBox)
    type_over(qtbot, line(window, "rep_hold_s"), "")
    check.setChecked(True)
    type_over(qtbot, tempo.parts["pause_s"], "2")
    assert ex0(window)["tempo"] == {"lift_s": 2, "hold_s": 0, "lower_s": 2, "pause_s": 2}
    assert window.is_valid
    assert "tempo 2-0-2-2" in window.exercises.list.item(0).text()
    window.undo_stack.setClean()


def test_a_problem_in_another_variant_is_named_and_leads_to_it(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    bar = editor.exercise_form.ladder
    click(qtbot, bar.add)
    type_over(qtbot, line(editor, "hold_s"), "0")
    bar.picker.activated.emit(0)
    assert line(editor, "hold_s").property("invalid") is not True
    assert bar.error.isVisibleTo(editor)
    assert bar.error.text().startswith("Variant 2 (Hamstring stretch (harder)): hold:")
    assert editor.problems.lines() == [
        "\u26a0  Hamstring stretch, variant 2 (Hamstring stretch (harder)): hold: expected a "
        "number of seconds from 0.1 to 3600, got 0"
    ]
    editor.go_to_problem("exercises[0].ladder[0].hold_s")
    assert editor.variant == 1
    assert "seconds from 0.1 to 3600" in editor.exercise_form.fields["hold_s"].error.text()
    assert not bar.error.isVisibleTo(editor)


def test_a_variant_id_must_differ_from_every_exercise_id(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    click(qtbot, editor.exercise_form.ladder.add)
    other = editor.data["exercises"][1]["id"]
    type_over(qtbot, line(editor, "id"), other)
    assert not editor.is_valid
    assert any(f'"{other}" is already used by exercises[0].ladder[0]' in text
               for text in editor.problems.lines())  # fmt: skip


def test_a_routine_without_format_2_fields_is_saved_as_version_1(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    click(qtbot, editor.exercise_form.ladder.add)
    click(qtbot, editor.exercise_form.ladder.remove)
    type_over(qtbot, line(editor, "hold_s"), "45")
    assert editor.save()
    path = Path(paths.user_routines_dir() / "daily-hip-stretches.json")
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1


def test_a_variant_of_a_paced_exercise_shows_the_tempo_it_keeps(
    qtbot: QtBot, catalog: Catalog
) -> None:
    window = open_editor(qtbot, catalog, "fai-mobility-control")
    index = [ex["id"] for ex in window.data["exercises"]].index("tempo-chair-squat")
    window._selected(index)
    click(qtbot, window.exercise_form.ladder.add)
    tempo = window.exercise_form.fields["tempo"]
    assert isinstance(tempo, TempoField) and not tempo.check.isChecked()
    shown = {name: edit.placeholderText() for name, edit in tempo.parts.items()}
    assert shown == {"lift_s": "2", "hold_s": "1", "lower_s": "3", "pause_s": "1"}
    tempo.check.setChecked(True)  # its own tempo starts from the one it kept
    entry = window.data["exercises"][index]["ladder"][0]
    assert entry["tempo"] == {"lift_s": 2, "hold_s": 1, "lower_s": 3, "pause_s": 1}
    window.undo_stack.setClean()


def test_the_exercise_form_fits_a_1024_px_editor_without_scrolling_sideways(
    qtbot: QtBot, catalog: Catalog
) -> None:
    window = open_editor(qtbot, catalog, "hip-strengthening")
    window.resize(1024, 768)
    window._selected(1)
    window.exercise_form.ladder.picker.activated.emit(1)  # the variant with a load
    form = window.exercise_form
    area = next(a for a in window.findChildren(QScrollArea) if a.widget() is form)
    qtbot.waitUntil(lambda: area.viewport().width() < 700)
    assert form.minimumSizeHint().width() <= area.viewport().width()


def ladder_names(window: EditorWindow) -> list[object]:
    ladder = ex0(window)["ladder"]
    assert isinstance(ladder, list)
    return [entry["name"] for entry in ladder]


def test_a_harder_variant_moves_along_the_ladder_undoably_and_is_saved_so(
    editor: EditorWindow, qtbot: QtBot
) -> None:
    bar = editor.exercise_form.ladder
    click(qtbot, bar.add)  # variant 2
    type_over(qtbot, line(editor, "name"), "Long stretch")
    click(qtbot, bar.use)  # sessions do the long stretch
    click(qtbot, bar.add)  # variant 3, after it
    type_over(qtbot, line(editor, "name"), "Strap stretch")
    assert editor.variant == 2 and bar.easier.isEnabled() and not bar.harder.isEnabled()
    click(qtbot, bar.easier)
    assert ladder_names(editor) == ["Strap stretch", "Long stretch"]
    assert editor.variant == 1 and ex0(editor)["rung"] == 2  # the long stretch, still
    assert bar.picker.itemText(2) == "3. Long stretch  (done now)"
    editor.undo_action.trigger()
    assert ladder_names(editor) == ["Long stretch", "Strap stretch"]
    assert ex0(editor)["rung"] == 1
    editor.redo_action.trigger()
    assert editor.save()
    saved = paths.user_routines_dir() / "daily-hip-stretches.json"
    loaded = load_routine(saved).exercises[0]
    assert [rung.name for rung in loaded.ladder] == [
        "Hamstring stretch",
        "Strap stretch",
        "Long stretch",
    ]
    assert loaded.rung == 2 and loaded.name == "Long stretch"
