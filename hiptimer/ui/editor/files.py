"""Routine files in and out: import (with id clashes asked about), export, and dropped files."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractScrollArea, QMessageBox, QWidget

from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.pictures import copy_pictures
from hiptimer.core.routines.user_routines import (
    ClashChoice,
    ImportOutcome,
    ImportStatus,
    import_routine,
)
from hiptimer.core.routines.validation import Problem, RoutineError
from hiptimer.core.routines.writer import export_routine_file
from hiptimer.i18n import _, n_
from hiptimer.ui.editor.style import editor_style_sheet
from hiptimer.ui.widgets.plain import escape, plain_box

MAX_LINES_PER_FILE = 15


@dataclass
class ImportResult:
    """What happened to each file offered for import."""

    imported: list[Routine] = field(default_factory=list)  # as saved in the user's folder
    refused: list[RoutineError] = field(default_factory=list)  # broken files, every problem
    skipped: list[Path] = field(default_factory=list)  # id clashes the user cancelled

    @property
    def ok(self) -> bool:
        return not self.refused


def export_routine(routine: Routine, path: str | os.PathLike[str]) -> None:
    """Save a copy of a routine anywhere (atomically), with its own pictures beside it at the
    same relative paths; the library is not changed. A folder that is not there is refused
    (MissingFolderError), not made."""
    export_routine_file(routine, path)
    if routine.path:  # the editor's unsaved edits have no folder to find pictures in
        copy_pictures(routine, routine.path, str(path))


def import_routine_files(
    paths: Iterable[str | os.PathLike[str]], parent: QWidget | None = None
) -> ImportResult:
    """Import routine files into the user's folder, asking about id clashes.

    Each file is validated first; a broken one is refused with its problems listed in a
    dialog, and nothing of it is written.
    """
    result = ImportResult()
    batch: dict[str, Path] = {}  # the id each file of this import had, and the file
    for path in paths:
        try:
            outcome = import_routine(path)
            file_id = outcome.routine.id
            if outcome.status is ImportStatus.CLASH:
                if (first := batch.get(file_id)) is not None:
                    result.refused.append(_same_id_twice(path, file_id, first))
                    continue
                choice = ask_clash(parent, outcome)
                if choice is None:
                    result.skipped.append(Path(path))
                    continue
                outcome = import_routine(path, choice)
            batch[file_id] = Path(path)
        except RoutineError as exc:
            result.refused.append(exc)
            continue
        except OSError as exc:
            why = exc.strerror or exc
            message = _("could not copy it into your routines ({why})").format(why=why)
            result.refused.append(RoutineError(str(path), [Problem("", message)]))
            continue
        result.imported.append(outcome.routine)
    if result.refused:
        show_import_errors(parent, result.refused)
    return result


def _same_id_twice(path: str | os.PathLike[str], routine_id: str, first: Path) -> RoutineError:
    """Two files of one import with one id: the second would replace the first just imported
    (or ask whether to), so it is refused, and imported on its own it asks as any clash."""
    message = _(
        "has the id \u201c{id}\u201d, as {file} imported just before it: import it on its "
        "own to replace that routine or keep both"
    ).format(id=routine_id, file=first.name)
    return RoutineError(str(path), [Problem("", message)])


def ask_clash(parent: QWidget | None, outcome: ImportOutcome) -> ClashChoice | None:
    """Replace the routine with the same id, keep both, or cancel (None)."""
    routine = outcome.routine
    if outcome.clash_paths:
        details = _(
            "Your routines already have one with the id \u201c{id}\u201d.\n\nReplace it (the "
            "old file is kept as a .bak backup), or keep both (the imported one gets a new id)."
        )
    else:
        details = _(
            "The built-in routine \u201c{id}\u201d has the same id.\n\nReplace shows the "
            "imported one in its place; Reset to original brings it back. Or keep both (the "
            "imported one gets a new id)."
        )
    box = plain_box(QMessageBox(parent))  # names the routine
    box.setStyleSheet(editor_style_sheet())  # readable wherever it is shown from
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Import routine"))
    box.setText(_("Import \u201c{routine}\u201d?").format(routine=routine.title))
    box.setInformativeText(details.format(id=routine.id))
    replace_button = box.addButton(_("&Replace"), QMessageBox.ButtonRole.AcceptRole)
    keep_button = box.addButton(_("Keep &both"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is replace_button:
        return ClashChoice.REPLACE
    if clicked is keep_button:
        return ClashChoice.KEEP_BOTH
    return None


def import_error_text(errors: list[RoutineError]) -> str:
    """Every problem of every refused file, as HTML: the file name, then one problem a line."""
    parts = []
    for error in errors:
        lines = [p.shown_line() for p in error.problems[:MAX_LINES_PER_FILE]]
        more = len(error.problems) - len(lines)
        if more > 0:
            lines.append(_("... and {n} more").format(n=more))
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        parts.append(f"<p><b>{escape(Path(error.source).name)}</b></p><ul>{items}</ul>")
    return "".join(parts)


def import_error_details(errors: list[RoutineError]) -> str:
    """Every problem of every refused file, one a line after the file's path, as plain text:
    the list above stops at MAX_LINES_PER_FILE a file, and a file has to be mended whole."""
    return "\n".join(line for error in errors for line in error.shown_lines())


def show_import_errors(parent: QWidget | None, errors: list[RoutineError]) -> None:
    """A dialog naming each file that was not imported and everything wrong with it."""
    box = QMessageBox(parent)
    box.setStyleSheet(editor_style_sheet())
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Routine not imported"))
    count = len(errors)
    box.setText(
        n_(
            "Nothing was imported from this file:",
            "Nothing was imported from these {n} files:",
            count,
        ).format(n=count)
    )
    box.setInformativeText(import_error_text(errors))
    if any(len(error.problems) > MAX_LINES_PER_FILE for error in errors):
        box.setDetailedText(import_error_details(errors))  # "... and 3 more" were nowhere
    box.exec()


def routine_paths(mime: QMimeData) -> list[Path]:
    """The local .json files among dragged data (empty when there are none)."""
    if not mime.hasUrls():
        return []
    files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in files if p.suffix.lower() == ".json"]


class RoutineDropFilter(QObject):
    """Accepts routine files dropped on the widgets it is installed on, and imports them.

    Install with `install(widget)`. Drags without .json files pass through untouched
    (so a list's own drag-to-reorder keeps working).
    Signals: imported(list) with the routines imported from a drop (none: not emitted).
    """

    imported = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last_result: ImportResult | None = None

    def install(self, widget: QWidget) -> None:
        """Watch a widget (a scroll area's viewport too, where its drags arrive)."""
        targets = [widget]
        if isinstance(widget, QAbstractScrollArea):
            targets.append(widget.viewport())
        for target in targets:
            target.setAcceptDrops(True)
            target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, (QDragEnterEvent, QDragMoveEvent)):
            if routine_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
            return False
        if isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
            if not routine_paths(event.mimeData()):
                return False
            event.acceptProposedAction()
            files = routine_paths(event.mimeData())
            parent = watched.window() if isinstance(watched, QWidget) else None
            # Import after the drop returns: the drag source waits until the drop is
            # handled, and the import may ask a question or list errors in a modal dialog.
            QTimer.singleShot(0, self, lambda: self.import_files(files, parent))
            return True
        return False

    def handle_drop(self, event: QDropEvent, parent: QWidget | None = None) -> ImportResult:
        """Import the routine files of a drop now (for callers that handle drops themselves)."""
        event.acceptProposedAction()
        return self.import_files(routine_paths(event.mimeData()), parent)

    def import_files(self, files: list[Path], parent: QWidget | None) -> ImportResult:
        """Import files as a drop does; the result is also kept in `last_result`."""
        result = import_routine_files(files, parent)
        self.last_result = result
        if result.imported:
            self.imported.emit(list(result.imported))
        return result
