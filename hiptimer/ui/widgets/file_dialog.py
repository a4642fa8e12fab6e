"""The file dialogs of imports and exports: Qt's, with its labels in HipTimer's language."""

from __future__ import annotations

from PySide6.QtCore import QDir
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QStackedWidget, QWidget

from hiptimer.i18n import _
from hiptimer.ui.theme import current
from hiptimer.ui.widgets.plain_stacks import plain_stacks

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
    plain_stacks()  # its views' stack (the window installs it too, after its first screen)
    dialog = QFileDialog(parent, caption, directory, name_filter)
    dialog.setOptions(options)
    if saving:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        # Qt's dialog lists no pipe, socket or dangling link, and drops one typed by name
        # unsaid: an import of a pipe and a good file imported the good one and named nothing
        # (docs/routine-format.md: the pipe is named). Listed, it reaches the import, which
        # names it; a link that loops gets Qt's own "File not found".
        dialog.setFilter(dialog.filter() | QDir.Filter.System)
    for label, text in _labels(saving).items():
        dialog.setLabelText(label, text)
    _name_parts(dialog)
    dialog.setStyleSheet(_views_style())
    return dialog


def _views_style() -> str:
    """Its lists of folders and files in the look's field colours, as every other list.

    Why: opened from the editor, whose style sheet gives every widget the ink's colour, the
    names were white on the views' white (their palette's base: no rule styled a QTreeView
    or QListView), so in the dark look the files were invisible (seen at 800 x 600)."""
    p = current()
    return f"""
    QFileDialog QTreeView, QFileDialog QListView {{
        background: {p.field}; color: {p.ink}; border: 1px solid {p.field_border};
        selection-background-color: {p.selection}; selection-color: {p.selection_text};
    }}
    """


def _name_parts(dialog: QFileDialog) -> None:
    """Names for the parts of Qt's own dialog that a screen reader would say by their role
    alone: Tab into the files passed an unnamed stack of the list and detail views, which Orca
    says as "layered pane", and its two drop-down lists had no description (the widgets'
    names are qfiledialog.ui's,
    https://code.qt.io/cgit/qt/qtbase.git/tree/src/widgets/dialogs/qfiledialog.ui). A native
    dialog has none of them: nothing to do."""
    views = dialog.findChild(QStackedWidget, "stackedWidget")
    if views is not None:
        views.setAccessibleName(_("Files in the folder"))
    for name, description in (
        ("lookInCombo", _("The folder whose files are listed")),
        ("fileTypeCombo", _("Which kind of file is listed")),
    ):
        combo = dialog.findChild(QComboBox, name)
        if combo is not None:
            combo.setAccessibleDescription(description)


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
