"""Why the history file did not open, in words a person can act on rather than SQLite's."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from hiptimer.core.safe_write import read_only_folder

# Less room than this on the history's disk, and a write refused: the disk is full. SQLite
# opening a database in WAL mode on a full disk says "disk I/O error" (it cannot grow the
# -shm file), which names nothing to fix.
FULL_BELOW = 1024 * 1024
# SQLite's primary result codes for an I/O error and a full database or disk:
# https://www.sqlite.org/rescode.html#ioerr
_IOERR, _FULL = 10, 13


def cannot_open(path: Path, exc: BaseException) -> str:
    """Why the file did not open, in words: SQLite says only "unable to open database file"
    of one this user may not read (mode 000, another user's), that SQLite cannot write
    of one they may not write (a read-only folder's or mount's words are the strip's own),
    and "disk I/O error" where the disk is full."""
    if path.is_file() and not read_only_folder(path.parent):
        if not os.access(path, os.R_OK):
            return f"cannot open {path}: you have no permission to read it ({exc})"
        if not os.access(path, os.W_OK):
            return f"cannot open {path}: you have no permission to write to it ({exc})"
    if _write_refused(exc) and disk_full(path.parent):
        return f"cannot open {path}: the disk is full, free some space ({exc})"
    return f"cannot open {path}: {exc}"


def disk_full(folder: Path) -> bool:
    """Whether the disk holding `folder` has (almost) no room left for this user."""
    try:
        found = os.statvfs(folder)
    except (OSError, AttributeError):  # gone, or Windows (no statvfs): not known to be full
        return False
    return found.f_bavail * found.f_frsize < FULL_BELOW


def _write_refused(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno == errno.ENOSPC
    code = getattr(exc, "sqlite_errorcode", None) if isinstance(exc, sqlite3.Error) else None
    return code is not None and code & 0xFF in (_IOERR, _FULL)
