"""Unsaved routine edits kept as drafts when the system closes HipTimer (logout, shutdown, kill).

Nobody is there to answer "Save your changes?", and the edits may not even be a valid routine,
so they are written as they are, as plain JSON, into a folder of their own beside the user's
routines, never over the routine's own file. The next start names the folder until the drafts
are moved or deleted: what the user typed is kept, never dropped.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from hiptimer import paths
from hiptimer.core.safe_write import write_atomic

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def keep_draft(data: dict[str, Any], routine_id: str, when: datetime) -> Path:
    """Write the routine data being edited to a new draft file and return its path.

    The name is the routine's id and the time (`my-routine-20260301-081500.json`); an earlier
    draft is never written over. Raises OSError when the folder cannot be written.
    """
    folder = paths.drafts_dir()
    stem = f"{_UNSAFE.sub('-', routine_id).strip('-') or 'routine'}-{when:%Y%m%d-%H%M%S}"
    path, n = folder / f"{stem}.json", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}.json"
    write_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return path


def kept_drafts() -> list[Path]:
    """The drafts waiting in the drafts folder, by name (none when the folder is missing)."""
    try:
        return sorted(p for p in paths.drafts_dir().glob("*.json") if p.is_file())
    except OSError:  # unreadable: nothing can be said about it
        return []
