"""The editor's frame: its window title, which buttons work, and the banner about the file."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from hiptimer.core.routines.user_routines import never_saved
from hiptimer.i18n import _
from hiptimer.ui.editor.banner import OriginBanner
from hiptimer.ui.editor.window_files import Edited, banner_text
from hiptimer.ui.widgets.plain import window_title


class Framed(Edited, Protocol):
    """What the frame shows of the editor window (hiptimer.ui.editor.window)."""

    origin: OriginBanner
    save_button: QPushButton
    export_button: QPushButton
    reset_button: QPushButton
    save_action: QAction
    reset_action: QAction

    def setWindowTitle(self, title: str, /) -> None: ...
    def setWindowModified(self, modified: bool, /) -> None: ...


def edited_title(window: Framed) -> str:
    """The routine's title as typed (the saved one while the field is not text)."""
    title = window.data.get("title")
    return title if isinstance(title, str) and title else window.routine.title


def update_frame(window: Framed) -> None:
    """The title names the whole routine, however long (the tabs and the library cut it)."""
    base = window.routine
    shown = window_title(edited_title(window))
    window.setWindowTitle(_("Edit routine \u2014 {routine}").format(routine=shown) + "[*]")
    window.setWindowModified(window.is_modified)
    # A new routine (Ctrl+N) is "not saved yet": Ctrl+S saves it as it is, before any edit.
    can_save = window.is_valid and (window.is_modified or never_saved(base))
    window.save_button.setEnabled(can_save)
    window.save_action.setEnabled(can_save)
    window.export_button.setEnabled(window.is_valid)
    can_reset = not base.builtin and window.catalog.has_original(base.id)
    window.reset_button.setVisible(can_reset)
    window.reset_action.setEnabled(can_reset)
    window.origin.show_parts(*banner_text(base))
