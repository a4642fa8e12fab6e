"""The routine editor and its entry points for the main window.

Names load on first use, so installing the drop filter at start-up does not import the
whole editor (about 40 ms here).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hiptimer.ui.editor.editor_window import EditorWindow
    from hiptimer.ui.editor.files import (
        ImportResult,
        RoutineDropFilter,
        export_routine,
        import_routine_files,
    )
    from hiptimer.ui.editor.keep_doses import offer_to_keep_doses

_WHERE = {
    "EditorWindow": "editor_window",
    "ImportResult": "files",
    "RoutineDropFilter": "files",
    "export_routine": "files",
    "import_routine_files": "files",
    "offer_to_keep_doses": "keep_doses",
}

__all__ = [
    "EditorWindow",
    "ImportResult",
    "RoutineDropFilter",
    "export_routine",
    "import_routine_files",
    "offer_to_keep_doses",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"{__name__}.{_WHERE[name]}")
    return getattr(module, name)
