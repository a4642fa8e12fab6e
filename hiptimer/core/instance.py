"""One copy per data folder, the Qt-free part: the folder's key, the lock's place, the request."""

from __future__ import annotations

import json
import logging
import os
import stat
from enum import Enum
from pathlib import Path
from typing import NamedTuple

from hiptimer.i18n import N_

log = logging.getLogger(__name__)

LOCK_NAME = "hiptimer.lock"
# A lock file HipTimer writes holds a pid, a program name and a host name: a few dozen bytes.
LOCK_MAX_BYTES = 4096
MAX_MESSAGE = 64 * 1024  # the longest request read from the socket
# Said in the read-only window's strip after "History is off:". The other copy may only have
# been busy for a moment (its window thread, ANSWER_MS): it then works, and is the one to use.
READ_ONLY_REASON = N_(
    "another HipTimer is running on this data folder and did not answer in time (busy, or "
    "stuck). Use that one (its window, or its icon in the tray) and close this window; if it "
    "does not respond, quit it, then start HipTimer again."
)


class Outcome(str, Enum):
    """What a start that is not the first copy does."""

    HANDED_OVER = "handed_over"  # the running window took the request: this start exits 0
    # It came forward but opened no routine, as a session runs there: this start says so
    BUSY = "busy"
    READ_ONLY = "read_only"  # one is running but does not answer: open without writing


def instance_key(data_dir: Path) -> str:
    """The local socket's name for a data folder: the same for every path to one folder
    (links, `..`), different for two folders, and short enough for a Unix socket path."""
    import hashlib  # OpenSSL's, ~2.5 ms: not before the first window (the lock needs no key)

    key = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"hiptimer-{key}"


def lock_path(data_dir: Path) -> Path:
    return data_dir / LOCK_NAME


def clear_foreign_lock(path: Path) -> bool:
    """Remove what sits at the lock's place but is not a lock HipTimer wrote: a FIFO or a
    link to a device would block or flood the lock's reader at every start. False when
    something unusable stays there (a folder): the caller does without a lock.
    """
    try:
        info = path.lstat()
    except FileNotFoundError:
        return True
    except OSError as exc:
        log.warning("Cannot look at %s: %s", path, exc)
        return False
    if stat.S_ISREG(info.st_mode) and info.st_size <= LOCK_MAX_BYTES:
        return True
    if stat.S_ISDIR(info.st_mode):
        log.warning("%s is a folder, not a lock file: no guard against a second copy", path)
        return False  # move_folder_aside() first, where the caller can say so
    log.warning("%s is not a lock file HipTimer wrote; removing it", path)
    try:
        os.unlink(path)
    except OSError as exc:
        log.warning("Cannot remove %s: %s", path, exc)
        return False
    return True


def move_folder_aside(path: Path) -> Path | None:
    """A folder where the lock goes, renamed to hiptimer.lock.folder-{stamp} (kept whole: it is
    not HipTimer's to delete), so that the lock can be made; None if nothing was moved.

    Without a lock only the socket tells whether a copy runs, and a second start in the
    moment before the first listens would become a second full copy on the same history.
    """
    if not path.is_dir() or path.is_symlink():
        return None
    from datetime import datetime

    from hiptimer.core.safe_write import free_name, move_synced

    target = free_name(path, f".folder-{datetime.now().strftime('%Y%m%d-%H%M%S')}")
    try:
        move_synced(path, target)
    except OSError as exc:
        log.warning("Cannot move the folder %s aside: %s", path, exc)
        return None
    log.warning("Moved the folder %s, where the lock goes, to %s", path, target)
    return target


# A NamedTuple, not a frozen dataclass: every start makes it before the library's first paint,
# where a dataclass costs ~3 M instructions more (docs/performance.md, session 24).
class Request(NamedTuple):
    """What a second start asked for: a routine (a path or id) and whether to start it.
    `quiet`: a start at login (--in-tray) that only wants HipTimer running, not its window."""

    routine: str | None = None
    start: bool = False
    quiet: bool = False

    def encode(self) -> bytes:
        data = {"routine": self.routine, "start": self.start, "quiet": self.quiet}
        return json.dumps(data).encode() + b"\n"

    @classmethod
    def decode(cls, raw: bytes) -> Request:
        """The request in `raw`; anything else (junk, a list, a number) asks for nothing."""
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        routine = data.get("routine")
        return cls(
            routine if isinstance(routine, str) else None,
            data.get("start") is True,
            data.get("quiet") is True,
        )
