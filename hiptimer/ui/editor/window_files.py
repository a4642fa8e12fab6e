"""The editor's file commands: save the user's version, reset, export, and the unsaved-changes prompt."""

from __future__ import annotations

import dataclasses
from typing import Any, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from hiptimer.core.routines.catalog import Catalog
from hiptimer.core.routines.loader import routine_from_data
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.user_routines import reset_to_original, save_and_reload
from hiptimer.core.routines.validation import RoutineError
from hiptimer.i18n import _, n_
from hiptimer.ui.editor.files import export_routine
from hiptimer.ui.widgets.plain import as_html
from hiptimer.ui.write_failure import not_written, why_not_saved

Answer = QMessageBox.StandardButton


class Edited(Protocol):
    """The editor window's routine: as saved and as edited (hiptimer.ui.editor.window)."""

    @property
    def catalog(self) -> Catalog: ...
    @property
    def routine(self) -> Routine: ...  # as last loaded or saved
    @property
    def data(self) -> dict[str, Any]: ...  # as edited
    @property
    def is_valid(self) -> bool: ...
    @property
    def is_modified(self) -> bool: ...


class Editor(Edited, Protocol):
    """What the file commands use of the editor window.

    Its `window()` (itself, a QMainWindow) is the parent of the dialogs they open.
    """

    closing_for_system: bool  # close_for_system(): nobody is there to answer a question

    @property
    def saved(self) -> SignalInstance: ...
    def window(self) -> QWidget: ...
    def statusBar(self) -> QStatusBar: ...
    def load(self, routine: Routine) -> None: ...
    def mark_saved(self, routine: Routine, message: str) -> None: ...


def edited_routine(window: Editor) -> Routine:
    """The valid data being edited as a Routine, with the file facts of the routine it edits."""
    base = window.routine
    edited = routine_from_data(window.data, base.path or "<editor>")
    return dataclasses.replace(
        edited, revision=base.revision, based_on=base.based_on, builtin=base.builtin, path=base.path
    )


def save_edits(window: Editor) -> bool:
    if not window.is_valid:
        return False
    try:
        saved = save_and_reload(edited_routine(window))
    except (OSError, RoutineError) as exc:
        QMessageBox.warning(
            window.window(),
            _("Not saved"),
            as_html(_("The routine could not be saved:") + f"\n{why_not_saved(exc)}"),
        )
        return False
    window.mark_saved(
        saved, _("Saved revision {n} to {path}").format(n=saved.revision, path=saved.path)
    )
    window.saved.emit(saved)
    return True


def reset_edits(window: Editor) -> bool:
    base = window.routine
    if base.builtin or not window.catalog.has_original(base.id):
        return False
    answer = QMessageBox.question(
        window.window(),
        _("Reset to original"),
        as_html(
            _(
                "Go back to the built-in \u201c{routine}\u201d?\n\nYour version leaves the "
                "library (it is kept as a .bak backup file), and unsaved edits are lost."
            ).format(routine=base.title)
        ),
        Answer.Reset | Answer.Cancel,
        Answer.Cancel,
    )
    if answer != Answer.Reset:
        return False
    try:
        reset_to_original(base.id)
    except (OSError, LookupError) as exc:
        QMessageBox.warning(
            window.window(),
            _("Not reset"),
            as_html(_("Could not reset the routine:") + f"\n{exc}"),
        )
        return False
    original = window.catalog.original(base.id)
    window.load(original)
    window.statusBar().showMessage(_("Back to the built-in routine."), 8000)
    window.saved.emit(original)
    return True


def export_edits(window: Editor, path: str) -> bool:
    if not window.is_valid:
        return False
    routine = dataclasses.replace(edited_routine(window), builtin=False, path="")
    try:
        export_routine(routine, path)
    except (OSError, RoutineError) as exc:  # RoutineError: too large for a routine file
        if isinstance(exc, OSError):  # as the library's export and the CSV and PDF word it
            text = not_written(path, exc)
        else:
            text = _("Could not write {path}:").format(path=path) + f"\n{why_not_saved(exc)}"
        QMessageBox.warning(window.window(), _("Not exported"), as_html(text))
        return False
    window.statusBar().showMessage(_("Exported to {path}").format(path=path), 8000)
    return True


def confirm_discard(window: Editor, before: str) -> bool:
    """`before`: "close" or "open" (the imported routine), for the question's words."""
    if not window.is_modified or window.closing_for_system:  # kept as a draft already
        return True
    valid = window.is_valid
    buttons = (
        Answer.Save | Answer.Discard | Answer.Cancel if valid else Answer.Discard | Answer.Cancel
    )
    if before == "open":
        text = _("Save your changes to \u201c{routine}\u201d before opening the imported routine?")
    else:
        text = _("Save your changes to \u201c{routine}\u201d before closing?")
    text = text.format(routine=window.routine.title)
    if not valid:
        text += "\n\n" + _("They cannot be saved until the problems listed are fixed.")
    answer = QMessageBox.question(
        window.window(),
        _("Unsaved changes"),
        as_html(text),  # names the routine
        buttons,
        Answer.Save if valid else Answer.Cancel,
    )
    if answer == Answer.Save:
        return save_edits(window)
    return answer == Answer.Discard


def imported_text(routines: list[Routine]) -> str:
    names = ", ".join(f"\u201c{r.title}\u201d" for r in routines)
    text = n_(
        "Imported {routines} into your routines.", "Imported {routines} into your routines.",
        len(routines),
    )  # fmt: skip
    return text.format(routines=names)


def banner_text(routine: Routine) -> tuple[str, str]:
    """What the editor says about the routine's origin above the form: its first sentence,
    and the rest (shown on demand on a short window; "" where there is none)."""
    if routine.builtin:
        return _("Built-in routine: it stays as shipped."), _(
            "Save keeps your changes as your own version, shown in its place in the library; "
            "Reset to original brings this back."
        )
    if routine.based_on and routine.based_on == routine.id:
        return _("Your version of a built-in routine (revision {n}).").format(
            n=routine.revision
        ), _(
            "Updates of the built-in never overwrite it; Reset to original brings the built-in back."
        )
    if not routine.path:  # Ctrl+N's blank routine: "saved in ." it said
        return _("A new routine, not saved yet."), ""
    return _("Your routine (revision {n}), saved in {path}.").format(
        n=routine.revision, path=routine.path
    ), ""
