"""One wording for a file that could not be written: a routine saved, or a routine, CSV or PDF export."""

from __future__ import annotations

import os

from hiptimer.core.routines.validation import RoutineError
from hiptimer.core.safe_write import MissingFolderError
from hiptimer.i18n import _


def not_written(path: str | os.PathLike[str], exc: OSError) -> str:
    """'Could not write /x/new/r.json: the folder /x/new does not exist', or the system's why."""
    return _("Could not write {path}: {why}").format(path=path, why=why_not_written(exc))


def why_not_written(exc: OSError) -> str:
    """Why, in the language in use where HipTimer has the words; the system's words otherwise
    ("Permission denied", "No space left on device")."""
    if isinstance(exc, MissingFolderError):
        return _("the folder {folder} does not exist").format(folder=exc.folder)
    return exc.strerror or str(exc)


def why_not_saved(exc: Exception) -> str:
    """Why a routine was not saved, in the language in use: a RoutineError (too large for a
    routine file) by its problems' shown lines, where str() gave their English."""
    if isinstance(exc, RoutineError):
        return "\n".join(exc.shown_lines())
    return str(exc)
