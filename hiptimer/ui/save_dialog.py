"""The save dialog of every export: the file type's suffix added to a name typed without it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from hiptimer.i18n import _
from hiptimer.ui.widgets import file_dialog
from hiptimer.ui.widgets.plain import as_html

Answer = QMessageBox.StandardButton
DEFAULTS = QFileDialog.Option(0)


def with_suffix(name: str, suffix: str) -> Path:
    """`name` ending in `suffix` (".json"): added unless it ends so already, in any case, so
    "stretch" and "stretch.v2" gain it and "Stretch.JSON" keeps its own."""
    path = Path(name)
    if path.name.lower().endswith(suffix.lower()):
        return path
    return path.with_name(path.name + suffix)


def ask_save_path(
    parent: QWidget,
    title: str,
    suggested: Path,
    name_filter: str,
    suffix: str,
    options: QFileDialog.Option = DEFAULTS,
) -> Path | None:
    """Where the user chose to save, ending in `suffix`; None if they cancelled.

    Neither Qt's dialog nor the system's adds a suffix by itself (without setDefaultSuffix),
    and a file without it is hidden by the dialogs' own filter. The dialog asked about
    replacing the name as typed, not the one with the suffix, so that is asked here."""
    name, _filter = file_dialog.get_save_file_name(
        parent, title, str(suggested), name_filter, options=options
    )
    if not name:
        return None
    path = with_suffix(name, suffix)
    if str(path) != name and path.exists() and not _may_replace(parent, title, path):
        return None
    return path


def _may_replace(parent: QWidget, title: str, path: Path) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        as_html(
            _("A file named \u201c{name}\u201d already exists in {folder}. Replace it?").format(
                name=path.name, folder=path.parent
            )
        ),
        Answer.Yes | Answer.Cancel,
        Answer.Cancel,
    )
    return answer == Answer.Yes
