"""The file dialogs of imports and exports: Qt's, with its labels in HipTimer's language."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from hiptimer.i18n import _, p_

Label = QFileDialog.DialogLabel
NO_OPTIONS = QFileDialog.Option(0)


def _labels(saving: bool) -> dict[QFileDialog.DialogLabel, str]:
    # Qt's own catalog (qtbase_es) lacks "Look in:" and "Files of type:", so Qt's dialog
    # showed them in English; ours says them all, in the words the rest of the app uses.
    # https://doc.qt.io/qt-6/qfiledialog.html#setLabelText (a native dialog keeps its own)
    return {
        Label.LookIn: _("&Look in:"),
        Label.FileName: _("File &name:"),
        Label.FileType: _("Files of &type:"),
        Label.Accept: _("&Save") if saving else _("&Open"),
        Label.Reject: _("Cancel"),
    }


def file_dialog_words() -> dict[str, str]:
    """Qt's own words in its file dialog (QFileDialog's, by the English Qt writes them in)
    that no label sets: its right-click menu, its tool buttons' tooltips and what a screen
    reader says of them, and its questions. language.py gives them to Qt from our catalog.

    Why: Qt's Spanish catalog (qtbase_es) says "ficheros" and "directorio" where HipTimer says
    "archivos" and "carpeta", asks as "usted" ("¿Está seguro de que quiere borrar...?") where
    HipTimer says "tú", and reads the Up button's description as "r al directorio superior".
    """
    # Translators: Qt's own file dialog. Keep %1 (a file's name) and the & before a letter
    # (Alt and that letter choose the menu item).
    return {
        "&Rename": p_("file dialog", "&Rename"),
        "&Delete": p_("file dialog", "&Delete"),
        "Show &hidden files": p_("file dialog", "Show &hidden files"),
        "&New Folder": p_("file dialog", "&New Folder"),
        "New Folder": p_("file dialog", "New Folder"),
        "Back": p_("file dialog", "Back"),
        "Forward": p_("file dialog", "Forward"),
        "Parent Directory": p_("file dialog", "Parent Directory"),
        "Create New Folder": p_("file dialog", "Create New Folder"),
        "List View": p_("file dialog", "List View"),
        "Detail View": p_("file dialog", "Detail View"),
        "Go back": p_("file dialog", "Go back"),
        "Go forward": p_("file dialog", "Go forward"),
        "Go to the parent directory": p_("file dialog", "Go to the parent directory"),
        "Create a New Folder": p_("file dialog", "Create a New Folder"),
        "Change to list view mode": p_("file dialog", "Change to list view mode"),
        "Change to detail view mode": p_("file dialog", "Change to detail view mode"),
        "Delete": p_("file dialog", "Delete"),
        "Are you sure you want to delete '%1'?": p_(
            "file dialog", "Are you sure you want to delete '%1'?"
        ),
        "'%1' is write protected.\nDo you want to delete it anyway?": p_(
            "file dialog", "'%1' is write protected.\nDo you want to delete it anyway?"
        ),
        "Could not delete directory.": p_("file dialog", "Could not delete directory."),
        "%1 already exists.\nDo you want to replace it?": p_(
            "file dialog", "%1 already exists.\nDo you want to replace it?"
        ),
        "%1\nFile not found.\nPlease verify the correct file name was given.": p_(
            "file dialog", "%1\nFile not found.\nPlease verify the correct file name was given."
        ),
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.": p_(
            "file dialog",
            "%1\nDirectory not found.\nPlease verify the correct directory name was given.",
        ),
    }


def file_dialog(
    parent: QWidget | None,
    caption: str,
    directory: str,
    name_filter: str,
    options: QFileDialog.Option = NO_OPTIONS,
    *,
    saving: bool,
) -> QFileDialog:
    """The dialog QFileDialog's static functions make (a file path as `directory` is the
    name suggested), with our labels; not yet shown."""
    dialog = QFileDialog(parent, caption, directory, name_filter)
    dialog.setOptions(options)
    if saving:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    for label, text in _labels(saving).items():
        dialog.setLabelText(label, text)
    return dialog


def _run(dialog: QFileDialog) -> tuple[list[str], str]:
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return [], ""
        return dialog.selectedFiles(), dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()  # its parent would keep it, as a static function's would not


def get_open_file_names(
    parent: QWidget | None,
    caption: str,
    directory: str,
    name_filter: str,
    options: QFileDialog.Option = NO_OPTIONS,
) -> tuple[list[str], str]:
    """As QFileDialog.getOpenFileNames: the files chosen ([] if none) and the filter."""
    return _run(file_dialog(parent, caption, directory, name_filter, options, saving=False))


def get_save_file_name(
    parent: QWidget | None,
    caption: str,
    directory: str,
    name_filter: str,
    options: QFileDialog.Option = NO_OPTIONS,
) -> tuple[str, str]:
    """As QFileDialog.getSaveFileName: the file named ("" if cancelled) and the filter."""
    chosen, kind = _run(file_dialog(parent, caption, directory, name_filter, options, saving=True))
    return (chosen[0] if chosen else ""), kind
