"""The Routines menu: edit, new, import, export, and routine files dropped on the window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QDragEnterEvent, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QTextEdit
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.writer import routine_to_data
from hiptimer.ui.editor.routine_actions import RoutineActions, blank_routine
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.widgets import file_dialog
from hiptimer.ui.widgets.spoken_status import SpokenStatusBar
from tests.harness import short_routine
from tests.ui.contrast import contrast
from tests.ui.editor.editing import BUILTIN_ID, drop_event, line, type_into
from tests.ui.editor.routine_menu_host import Host


def routine_file(folder: Path) -> Path:
    path = folder / "shared-by-physio.json"
    data = routine_to_data(short_routine())
    data["id"], data["title"] = "from-physio", "From my physio"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def user_routine_ids() -> list[str]:
    return [load_routine(p).id for p in sorted(paths.user_routines_dir().glob("*.json"))]


def selected_id(window: MainWindow) -> str | None:
    item = window.library.selected
    return item.id if item is not None else None


def test_a_new_routine_starts_with_the_exercise_new_adds() -> None:
    """Its first exercise was 3 x 30 s with the English id "stretch", New's 1 x 30 s
    "new-exercise": one blank exercise, whichever way it comes."""
    from hiptimer.core.routines.writer import exercise_to_data
    from hiptimer.ui.editor.data_ops import blank_exercise

    [first] = blank_routine(set()).exercises
    assert exercise_to_data(first) == blank_exercise(set())


def test_blank_routines_never_reuse_an_id() -> None:
    assert blank_routine(set()).id == "my-routine"
    second = blank_routine({"my-routine", "my-routine-2"})
    assert (second.id, second.title) == ("my-routine-3", "My routine 3")


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_a_new_routine_never_takes_the_name_of_a_file_in_the_routines_folder(
    window: MainWindow,
) -> None:
    # my-routine.json holding another routine (its id "from-physio"): Ctrl+N's routine was
    # "my-routine", whose save is refused (that file is never written over), and the editor
    # has no field to give it another id: the new routine could not be saved at all.
    paths.user_routines_dir().mkdir(parents=True, exist_ok=True)
    mine = paths.user_routines_dir() / "my-routine.json"
    routine_file(paths.user_routines_dir()).rename(mine)
    before = mine.read_bytes()
    window.routine_actions.new_routine()  # Ctrl+N
    editor = window.routine_actions.editors[-1]
    assert editor.routine.id == "my-routine-2"
    assert editor.save()
    assert load_routine(paths.user_routines_dir() / "my-routine-2.json").title == "My routine 2"
    assert mine.read_bytes() == before


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_edit_opens_the_editor_on_the_selected_routine(window: MainWindow) -> None:
    from hiptimer.ui.editor.window import EditorWindow

    assert window.library.select("daily-hip-stretches")
    window.routine_actions.edit_selected()
    editor = window.routine_actions.editors[-1]
    assert isinstance(editor, EditorWindow)
    assert editor.routine.id == "daily-hip-stretches"


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_a_new_routine_is_not_said_to_be_saved_until_it_is(window: MainWindow) -> None:
    from hiptimer.ui.editor.window import EditorWindow

    window.routine_actions.new_routine()  # Ctrl+N
    editor = window.routine_actions.editors[-1]
    assert isinstance(editor, EditorWindow)
    assert editor.banner.text() == "A new routine, not saved yet."  # was "saved in ."


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_a_new_routine_s_first_save_is_revision_1(window: MainWindow, qtbot: QtBot) -> None:
    window.routine_actions.new_routine()  # Ctrl+N
    editor = window.routine_actions.editors[-1]
    type_into(qtbot, line(editor, "title"), "Knees")
    assert editor.save()
    path = paths.user_routines_dir() / "my-routine.json"
    assert editor.statusBar().currentMessage() == f"Saved revision 1 to {path}"  # was 2
    assert isinstance(editor.statusBar(), SpokenStatusBar)  # a screen reader says it too
    banner = editor.banner.text().replace("\u200b", "")  # break points in the long path
    assert banner == f"Your routine (revision 1), saved in {path}."
    type_into(qtbot, line(editor, "title"), "Knees and hips")
    assert editor.save() and load_routine(path).revision == 2


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_a_new_routine_saves_with_ctrl_s_before_any_edit(window: MainWindow) -> None:
    # The README: a new routine (Ctrl+N) "is saved as <id>.json", Ctrl+S saves the routine.
    # Its Save (button, menu item and Ctrl+S) waited for a first edit, so Ctrl+N, Ctrl+S
    # saved nothing: a dead key on a routine the banner calls "not saved yet".
    window.routine_actions.new_routine()  # Ctrl+N
    editor = window.routine_actions.editors[-1]
    assert not editor.is_modified
    assert editor.save_action.isEnabled() and editor.save_button.isEnabled()
    assert editor.save_action.shortcut().toString() == "Ctrl+S"
    editor.save_action.trigger()
    path = paths.user_routines_dir() / "my-routine.json"
    assert load_routine(path).title == "My routine"
    # Saved: nothing more to save until an edit.
    assert not editor.save_action.isEnabled() and not editor.save_button.isEnabled()


def test_edit_or_export_of_a_broken_file_says_it_is_broken(window: MainWindow) -> None:
    # Ctrl+E "edit the chosen routine" on a broken file said "Choose a routine in the library
    # first.", with one chosen: it names the file and why it cannot open.
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mine.json").write_text("{not json", encoding="utf-8")
    window._reload_library()
    rows = [item.title for item in window.library.items]
    window.library.list.setCurrentRow(rows.index("mine.json"))
    assert window.library.selected is not None and window.library.selected.broken
    said = (
        "mine.json is broken, so it cannot be edited or exported here: fix the file in a "
        "text editor (the library lists its problems)."
    )
    window.routine_actions.edit_selected()  # Ctrl+E
    assert window.statusBar().currentMessage() == said
    assert window.routine_actions.editors == []
    window.routine_actions.export_selected()  # Ctrl+Shift+S
    assert window.statusBar().currentMessage() == said


def test_import_from_the_menu_adds_the_routine_to_the_library(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = routine_file(tmp_path)
    monkeypatch.setattr(file_dialog, "get_open_file_names", lambda *a, **k: ([str(source)], ""))
    window.routine_actions.import_files()
    assert "from-physio" in user_routine_ids()
    assert selected_id(window) == "from-physio"


def test_a_refused_file_s_every_problem_is_in_the_dialog_s_details(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # docs/routine-format.md: "HipTimer lists all of them, not just the first". The dialog
    # showed 15 and "... and 3 more", and nothing on screen said what the 3 were.
    data = routine_to_data(short_routine())
    data["exercises"] = [
        {"id": f"e{n}", "name": "", "kind": "hold", "hold_s": 5} for n in range(18)
    ]
    source = tmp_path / "eighteen.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(file_dialog, "get_open_file_names", lambda *a, **k: ([str(source)], ""))
    shown: list[QMessageBox] = []

    def record(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    window.routine_actions.import_files()
    (box,) = shown
    assert "... and 3 more" in box.informativeText()
    details = box.detailedText().splitlines()
    assert len(details) == 18
    assert details[-1] == f"{source}: exercises[17].name: must not be empty"
    # And readable: the ink was on Qt's white field, white on white (seen under Xvfb).
    shown_text = box.findChild(QTextEdit)
    assert shown_text is not None
    box.ensurePolished()
    shown_text.ensurePolished()
    colours = shown_text.palette()
    ink, field = colours.color(QPalette.ColorRole.Text), colours.color(QPalette.ColorRole.Base)
    assert contrast(ink.name(), field.name()) >= 4.5


def test_export_writes_a_valid_copy(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "copy.json"
    monkeypatch.setattr(file_dialog, "get_save_file_name", lambda *a, **k: (str(target), ""))
    window.library.select("hip-strengthening")
    window.routine_actions.export_selected()
    assert load_routine(target).id == "hip-strengthening"


def test_export_takes_the_routines_own_pictures_along(tmp_path: Path) -> None:
    from hiptimer.ui.editor.files import export_routine
    from tests.core.routines.pictures import PNG, routine_with_pictures

    routine = load_routine(routine_with_pictures(tmp_path / "mine"))
    (tmp_path / "usb").mkdir()
    export_routine(routine, tmp_path / "usb" / "copy.json")
    assert (tmp_path / "usb" / "pics" / "bridge.png").read_bytes() == PNG
    assert (tmp_path / "usb" / "pics" / "one.png").exists()


def test_a_routine_file_dropped_on_the_window_is_imported(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    source = routine_file(tmp_path)
    enter = drop_event([source], QDragEnterEvent)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, drop_event([source]))
    qtbot.waitUntil(lambda: selected_id(window) == "from-physio")
    assert "from-physio" in user_routine_ids()


def test_the_menu_needs_no_main_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    host = Host()
    actions = RoutineActions(host, window.menuBar(), window)
    actions.export_selected()
    assert host.problems == ["Choose a routine in the library first."]
    host.chosen = short_routine()
    target = tmp_path / "copy.json"
    monkeypatch.setattr(file_dialog, "get_save_file_name", lambda *a, **k: (str(target), ""))
    actions.export_selected()
    assert load_routine(target).id == short_routine().id
    assert host.messages == [f"Exported {short_routine().title} to {target}"]
    source = routine_file(tmp_path)
    monkeypatch.setattr(file_dialog, "get_open_file_names", lambda *a, **k: ([str(source)], ""))
    with qtbot.waitSignal(actions.routine_changed) as changed:
        actions.import_files()
    assert changed.args[0].id == "from-physio"


def test_export_into_a_folder_that_is_not_there_is_refused_naming_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A path typed in the save dialog naming new folders made them all (usb/new/copy.json),
    # where the CSV and PDF exports refused it: a save dialog saves into a folder that is there.
    window = QMainWindow()
    qtbot.addWidget(window)
    host = Host(chosen=short_routine())
    actions = RoutineActions(host, window.menuBar(), window)
    target = tmp_path / "usb" / "new" / "copy.json"
    monkeypatch.setattr(file_dialog, "get_save_file_name", lambda *a, **k: (str(target), ""))
    actions.export_selected()
    folder = tmp_path / "usb" / "new"
    assert host.problems == [f"Could not write {target}: the folder {folder} does not exist"]
    assert host.messages == [] and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("stretch", "stretch.json"),
        ("stretch.v2", "stretch.v2.json"),
        ("Stretch.JSON", "Stretch.JSON"),  # never doubled: any case is a routine file
        ("walk.Json", "walk.Json"),
    ],
)
def test_an_exported_routine_file_ends_in_json_whatever_name_is_typed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, written: str
) -> None:
    # Neither dialog adds the suffix: "stretch" was written as it was, so the import dialog's
    # filter hid it and the library did not read it (docs/routine-format.md).
    window = QMainWindow()
    qtbot.addWidget(window)
    host = Host(chosen=short_routine())
    actions = RoutineActions(host, window.menuBar(), window)
    monkeypatch.setattr(
        file_dialog, "get_save_file_name", lambda *a, **k: (str(tmp_path / typed), "")
    )
    actions.export_selected()
    assert [p.name for p in tmp_path.iterdir()] == [written]
    assert load_routine(tmp_path / written).id == short_routine().id
    assert host.messages == [f"Exported {short_routine().title} to {tmp_path / written}"]


@pytest.mark.parametrize(("answer", "replaced"), [("Cancel", False), ("Yes", True)])
def test_exporting_over_a_file_the_dialog_did_not_name_asks_first(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: str, replaced: bool
) -> None:
    # The dialog asked about replacing "stretch", not the "stretch.json" written.
    from PySide6.QtWidgets import QMessageBox

    from hiptimer.ui.editor.file_dialogs import ask_export_path

    (tmp_path / "stretch.json").write_text("{}", encoding="utf-8")
    asked: list[str] = []

    def question(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    typed = [str(tmp_path / "stretch")]
    monkeypatch.setattr(file_dialog, "get_save_file_name", lambda *a, **k: (typed[0], ""))
    window = QMainWindow()
    qtbot.addWidget(window)
    chosen = ask_export_path(window, "stretch")
    assert chosen == (str(tmp_path / "stretch.json") if replaced else "")
    assert len(asked) == 1
    assert "A file named \u201cstretch.json\u201d already exists in" in asked[0]
    typed[0] = str(tmp_path / "stretch.json")  # named in the dialog: it asked already
    assert ask_export_path(window, "stretch") == typed[0]
    assert len(asked) == 1


ROUTINE_NAMES = ["Stretch.JSON", "Walk.Json", "walk.json"]


def dialog_filters(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, object]]:
    """The name filter and options each routine file dialog asks for: import and export, from
    the Routines menu and from the editor."""
    from hiptimer.core.routines.catalog import load_catalog
    from hiptimer.ui.editor.window import EditorWindow

    asked: list[tuple[str, str, object]] = []

    def ask(kind: str, answer: object) -> object:
        def dialog(*args: object, **kwargs: object) -> tuple[object, str]:
            asked.append((f"{kind}: {args[1]}", str(args[3]), kwargs.get("options")))
            return answer, ""

        return dialog

    monkeypatch.setattr(file_dialog, "get_open_file_names", ask("open", []))
    monkeypatch.setattr(file_dialog, "get_save_file_name", ask("save", ""))
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = RoutineActions(Host(chosen=short_routine()), window.menuBar(), window)
    actions.import_files()
    actions.export_selected()
    catalog = load_catalog()
    editor = EditorWindow(catalog.find(BUILTIN_ID), catalog)
    qtbot.addWidget(editor)
    editor.choose_import()
    editor.choose_export()
    assert len(asked) == 4
    return asked


def test_every_routine_file_dialog_shows_routine_files_ending_in_json_in_any_case(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GTK's dialog and the desktop portal's match the pattern case-sensitively (a glob), so
    # "*.json" hid Stretch.JSON there while the library lists it (docs/routine-format.md);
    # the export dialogs kept "*.json" after the import dialogs were fixed.
    from fnmatch import fnmatchcase

    from PySide6.QtWidgets import QFileDialog as Dialog

    asked = dialog_filters(qtbot, monkeypatch)
    for kind, name_filter, options in asked:
        assert name_filter.startswith("HipTimer routines ("), kind
        patterns = name_filter[name_filter.index("(") + 1 : -1].split()
        for name in ROUTINE_NAMES:
            assert any(fnmatchcase(name, p) for p in patterns), (kind, name_filter, name)
        for name in ("notes.txt", "walk.json.bak", "json"):
            assert not any(fnmatchcase(name, p) for p in patterns), (kind, name_filter, name)
        assert options == Dialog.Option.HideNameFilterDetails, kind  # the label, not the glob
    assert len({(kind, name_filter) for kind, name_filter, _options in asked}) == 2  # one helper


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_qts_own_import_dialog_lists_routine_files_in_any_case(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QComboBox, QListView

    for name in [*ROUTINE_NAMES, "notes.txt"]:
        (tmp_path / name).write_text("{}", encoding="utf-8")
    _kind, name_filter, _options = dialog_filters(qtbot, monkeypatch)[0]  # the menu's import
    dialog = QFileDialog(None, "Import routine files", str(tmp_path), name_filter)
    dialog.setOptions(
        QFileDialog.Option.DontUseNativeDialog | QFileDialog.Option.HideNameFilterDetails
    )
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.findChild(QListView, "listView")
    assert view is not None

    def listed() -> list[str]:
        model, root = view.model(), view.rootIndex()
        return sorted(model.index(row, 0, root).data() for row in range(model.rowCount(root)))

    qtbot.waitUntil(lambda: listed() == sorted(ROUTINE_NAMES))
    combo = dialog.findChild(QComboBox, "fileTypeCombo")
    assert combo is not None and combo.currentText() == "HipTimer routines"
    dialog.close()
