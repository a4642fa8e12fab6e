"""The routine file dialogs, import and export alike: one name filter, for .json in any case."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from hiptimer.i18n import _
from hiptimer.ui.save_dialog import ask_save_path
from hiptimer.ui.widgets import file_dialog

# A routine file ends in .json in any case, as the library reads them (docs/routine-format.md).
# GTK's file dialog and the desktop portal's match a filter's pattern case-sensitively, so each
# letter is a glob class, which they and Qt's own dialog all read:
# https://flatpak.github.io/xdg-desktop-portal/docs/doc-org.freedesktop.portal.FileChooser.html
ROUTINE_FILE_PATTERN = "*.[jJ][sS][oO][nN]"
# The dialogs show the filter's label alone, not the glob above.
SHOW_LABEL_ONLY = QFileDialog.Option.HideNameFilterDetails


def routine_file_filter() -> str:
    """The name filter of every routine file dialog, "HipTimer routines (*.[jJ]...)"."""
    label = _("HipTimer routines")  # not inside the f-string: babel extracts no call there
    return f"{label} ({ROUTINE_FILE_PATTERN})"


def ask_routine_files(parent: QWidget) -> list[str]:
    """The routine files the user chose to import, from their home folder on; [] if none."""
    chosen, _filter = file_dialog.get_open_file_names(
        parent,
        _("Import routine files"),
        str(Path.home()),
        routine_file_filter(),
        options=SHOW_LABEL_ONLY,
    )
    return list(chosen)


def ask_export_path(parent: QWidget, routine_id: str) -> str:
    """Where the user chose to export a routine (suggested: its id in their home folder),
    ending in .json so the library and the import dialogs find it; "" if they cancelled."""
    suggested = Path.home() / f"{routine_id}.json"
    path = ask_save_path(
        parent, _("Export routine"), suggested, routine_file_filter(), ".json", SHOW_LABEL_ONLY
    )
    return "" if path is None else str(path)
