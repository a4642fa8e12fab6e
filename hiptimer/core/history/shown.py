"""Titles and names as the history recorded them, as they are shown (not as in the CSV)."""

from __future__ import annotations

from hiptimer.core.escapes import escape_unshowable
from hiptimer.core.routines.direction_marks import closed


def shown_name(text: str) -> str:
    """A recorded title or name as it is shown: its controls as codes, its direction closed
    (as the routine loader now reads a file's)."""
    return closed(escape_unshowable(text))
