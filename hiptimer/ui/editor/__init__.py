"""The routine editor and its entry points for the main window."""

from hiptimer.ui.editor.editor_window import EditorWindow
from hiptimer.ui.editor.files import (
    ImportResult,
    RoutineDropFilter,
    export_routine,
    import_routine_files,
)
from hiptimer.ui.editor.keep_doses import offer_to_keep_doses

__all__ = [
    "EditorWindow",
    "ImportResult",
    "RoutineDropFilter",
    "export_routine",
    "import_routine_files",
    "offer_to_keep_doses",
]
