"""Every file dialog of the app, Qt's own as this platform shows it, speaks the app's language."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QFileSystemModel,
    QLabel,
    QLineEdit,
    QMainWindow,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from hiptimer.ui.a11y import install_reader_filter
from hiptimer.ui.editor.routine_actions import RoutineActions
from hiptimer.ui.history.exports import HistoryExports
from hiptimer.ui.history.panes import Filters
from hiptimer.ui.language import apply_language
from hiptimer.ui.widgets.file_dialog import file_dialog
from hiptimer.ui.widgets.file_dialog_words import file_dialog_words
from tests.harness import short_routine
from tests.ui.a11y_checks import accessibility_problems, unnamed_stops
from tests.ui.editor.routine_menu_host import Host

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LABELS = ("lookInLabel", "fileNameLabel", "fileTypeLabel")


def words_of(dialog: QFileDialog) -> list[str]:
    """The labels and the buttons of Qt's own dialog as shown, mnemonics and all."""
    labels = [dialog.findChild(QLabel, name) for name in LABELS]
    box = dialog.findChild(QDialogButtonBox, "buttonBox")
    assert box is not None and all(labels)
    return [label.text() for label in labels if label] + [b.text() for b in box.buttons()]


def shown_words(
    ask: Callable[[], object], read: Callable[[QFileDialog], list[str]] = words_of
) -> list[str]:
    """The words of the file dialog `ask` opens (or what `read` finds in it), which is then
    cancelled."""
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(0, look)  # (not shown yet)
            return
        seen.extend(read(dialog))
        dialog.reject()

    QTimer.singleShot(0, look)
    ask()
    return seen


def window(qtbot: QtBot) -> QMainWindow:
    shown = QMainWindow()
    qtbot.addWidget(shown)
    return shown


def every_dialog(window: QMainWindow) -> dict[str, Callable[[], object]]:
    """The app's file dialogs over `window`: the Routines menu's import and export, the
    history's CSV and PDF exports (the editor's menu calls the same two as the Routines menu)."""
    routines = RoutineActions(Host(chosen=short_routine()), window.menuBar(), window)
    exports = HistoryExports(
        window, None, {}, datetime.now, Filters, lambda _text: None, lambda: 5,  # type: ignore[arg-type]
    )  # fmt: skip
    return {
        "import routine": routines.import_files,
        "export routine": routines.export_selected,
        "export CSV": exports.export_csv,
        "export PDF": exports.export_pdf,
    }


@pytest.mark.usefixtures("spanish")
def test_in_spanish_every_file_dialogs_labels_and_buttons_are_spanish(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Qt's Spanish catalog lacks "Look in:" and "Files of type:": they stayed English.
    monkeypatch.setenv("HOME", str(tmp_path))
    for kind, ask in every_dialog(window(qtbot)).items():
        saving = kind != "import routine"
        accept = "&Guardar" if saving else "&Abrir"
        expected = ["&Buscar en:", "&Nombre del archivo:", "&Tipo de archivo:", accept, "Cancelar"]
        assert sorted(shown_words(ask)) == sorted(expected), kind


MENU = ("qt_rename_action", "qt_delete_action", "qt_show_hidden_action", "qt_new_folder_action")


def qts_own_words(dialog: QFileDialog) -> dict[str, str]:
    """The words of Qt's dialog that no label sets: its right-click menu's items, and its
    tool buttons' tooltips and what a screen reader says of them."""
    found = {}
    for name in MENU:
        action = dialog.findChild(QAction, name)
        assert action is not None, name
        found[name] = action.text()
    for button in dialog.findChildren(QToolButton):
        found[f"{button.objectName()} tip"] = button.toolTip()
        found[f"{button.objectName()} said"] = button.accessibleDescription()
    return found


@pytest.mark.usefixtures("in_language")
def test_in_spanish_the_dialogs_menu_buttons_and_questions_speak_as_the_app_does(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    # Qt's Spanish catalog said "Mostrar los fic&heros ocultos" and "Directorio superior"
    # where the app says archivo and carpeta, asked "¿Está seguro de que quiere borrar...?"
    # where it says tú, and a reader heard the Up button as "r al directorio superior".
    assert apply_language(qapp, "es") == "es"
    dialog = file_dialog(None, "Exportar", str(tmp_path), "*.json", saving=True)
    qtbot.addWidget(dialog)
    words = qts_own_words(dialog)
    assert [words[name] for name in MENU] == [
        "Cambia&r el nombre", "&Borrar", "Mostrar los arc&hivos ocultos", "&Nueva carpeta"
    ]  # fmt: skip
    assert words["newFolderButton tip"] == "Crear una carpeta"
    assert words["toParentButton said"] == "Ir a la carpeta superior"
    every = " ".join(words.values()).lower()
    assert "fichero" not in every and "directorio" not in every, words
    question = QCoreApplication.translate("QFileDialog", "Are you sure you want to delete '%1'?")
    assert question == "¿Seguro que quieres borrar «%1»?"
    for source, ours in file_dialog_words().items():  # each one of ours reaches Qt
        assert QCoreApplication.translate("QFileDialog", source) == ours, source


def test_in_english_the_dialogs_keep_qts_own_words(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    dialogs = every_dialog(window(qtbot))
    assert sorted(shown_words(dialogs["import routine"])) == sorted(
        ["&Look in:", "File &name:", "Files of &type:", "&Open", "Cancel"]
    )
    assert "&Save" in shown_words(dialogs["export CSV"])


def test_a_dialog_is_not_kept_by_its_window_after_its_answer(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (as a static function's dialog, which lives on its caller's stack)
    monkeypatch.setenv("HOME", str(tmp_path))
    parent = window(qtbot)
    shown_words(every_dialog(parent)["export CSV"])
    qtbot.waitUntil(lambda: not parent.findChildren(QFileDialog))


def reader_problems(dialog: QFileDialog) -> list[str]:
    """What a screen reader would miss in the dialog: unnamed Tab stops and containers,
    controls without a name or a description."""
    QApplication.processEvents()
    return unnamed_stops(dialog) + accessibility_problems(dialog)


def test_every_file_dialog_reads_well_to_a_screen_reader(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    # Tab to the files passed Qt's unnamed stack of its list and detail views (Orca 43 says
    # "layered pane"), and its two drop-down lists had no description.
    monkeypatch.setenv("HOME", str(tmp_path))
    names = install_reader_filter(qapp)  # buttons described, as the app does
    try:
        for kind, ask in every_dialog(window(qtbot)).items():
            assert shown_words(ask, reader_problems) == [], kind
    finally:
        qapp.removeEventFilter(names)


def test_a_pipe_typed_or_listed_in_qts_open_dialog_reaches_the_import(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Qt's dialog hid a pipe and dropped one typed by name without a word, so an import of
    it and a good file imported the good one and named nothing (docs/routine-format.md:
    the import names the pipe, *is a pipe, not a regular file*)."""
    os.mkfifo(tmp_path / "pipe.json")
    (tmp_path / "good.json").write_text("{}", encoding="utf-8")
    dialog = file_dialog(None, "Import", str(tmp_path), "Routines (*.json)", saving=False)
    qtbot.addWidget(dialog)
    dialog.show()
    names = dialog.findChild(QLineEdit, "fileNameEdit")
    model = dialog.findChild(QFileSystemModel)
    assert names is not None and model is not None
    folder = model.index(str(tmp_path))
    # Until its folder is listed, Qt takes typed names as they are; after, only listed ones.
    qtbot.waitUntil(lambda: model.rowCount(folder) > 0, timeout=5000)
    names.setText('"pipe.json" "good.json"')
    assert sorted(Path(f).name for f in dialog.selectedFiles()) == ["good.json", "pipe.json"]
