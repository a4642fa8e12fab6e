"""What sits where the history's files go: a folder, a pipe or a device instead of a file."""

from __future__ import annotations

import errno
import stat
from pathlib import Path

from hiptimer.i18n import _


def in_the_way(path: Path) -> str | None:
    """Why what is at `path` cannot be one of the history's files (a folder, a pipe, a
    device, a link that loops); None for a file, or for nothing there (SQLite makes it, or
    says why it cannot: a link to a drive not plugged in is retried, not moved)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        # A loop: 'unable to open database file' at every try, for good.
        return _("a link that loops is in its place") if exc.errno == errno.ELOOP else None
    if stat.S_ISREG(mode):
        return None
    # SQLite only says "unable to open database file" (a folder) or "disk I/O error" (a
    # pipe), and trying again never helps: the caller moves it aside.
    if stat.S_ISDIR(mode):
        return _("a folder is in its place")
    return _("a pipe or a device is in its place")
