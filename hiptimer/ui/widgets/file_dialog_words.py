"""Qt's own file dialog's words that no label sets, in HipTimer's language (no Qt here:
language.py imports this before the window's first paint, which no dialog class may slow)."""

from __future__ import annotations

from hiptimer.i18n import p_


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
