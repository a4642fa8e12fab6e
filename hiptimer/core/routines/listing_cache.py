"""The library's list as last shown, kept to paint it before any routine file is read."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from hiptimer import __version__
from hiptimer.core.safe_read import read_small_bytes

log = logging.getLogger(__name__)

# This file's own layout: another one is no listing. 2: the details as their plain words (1 held
# them as HTML, which a hand-edited cache could fill with markup).
FORMAT = 2
MAX_BYTES = 256 * 1024  # neither read nor written past this: a long list is read as before
MAX_FILES = 100  # a folder of more is not stamped: its list is long, read as before
# A file changed this little before the files were read is not kept: a file system's times
# move in steps (a few ms on some), so a rewrite of the same size within one step would go
# unseen (as git's "racily clean" files).
SETTLED_NS = 2_000_000_000

# [folder, name, size, mtime, ctime (ns), inode], or [path, "-"] if not there. The ctime too:
# a chmod (a file now readable, or not) changes nothing else.
Stamp = list[list[object]]


class Listing(NamedTuple):
    """What the list painted: each row's words and whether it is broken, and the first row's
    details as a JSON object of plain words (ui/library/details_parts.py checks and draws it)."""

    rows: list[tuple[str, bool]]
    details: dict[str, object]


def stamp(folders: Iterable[Path], files: Iterable[Path] = ()) -> Stamp | None:
    """Size, modification and change times and inode of each file in `folders` that a routine (.json, any
    case) or the code that lists them (.py) can be, and of each of `files`; a folder or file
    that is not there is stamped so. None when one cannot be read: no listing is trusted."""
    stamped: Stamp = []
    try:
        for folder in folders:
            stamped += _folder(folder)
        for path in files:
            try:
                stamped.append([str(path), "", *_numbers(path.stat())])
            except FileNotFoundError:
                stamped.append([str(path), "-"])
    except OSError:
        return None
    return stamped


def _folder(folder: Path) -> Stamp:
    try:
        with os.scandir(folder) as entries:
            named = [e for e in entries if e.name.casefold().endswith((".json", ".py"))]
    except (FileNotFoundError, NotADirectoryError):
        return [[str(folder), "-"]]
    if len(named) > MAX_FILES:  # (names only so far: 2,000 listed in ~1 ms)
        raise OSError(f"more than {MAX_FILES} files in {folder}")
    # (A link that leads nowhere raises here: no stamp, as for any file that cannot be read.)
    return sorted([str(folder), e.name, *_numbers(e.stat())] for e in named)


def _numbers(st: os.stat_result) -> list[object]:
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def settled(stamped: Stamp, now_ns: int | None = None) -> bool:
    """Whether no file of the stamp was modified within SETTLED_NS before `now_ns` (now); its
    ctime is left out: it cannot be set back, so a restored backup's files would never settle."""
    since = (time.time_ns() if now_ns is None else now_ns) - SETTLED_NS
    return all(e[3] < since for e in stamped if len(e) == 6 and isinstance(e[3], int))


def read(path: Path, key: str, stamped: Stamp | None) -> Listing | None:
    """The listing kept at `path` for these files as stamped now and this `key` (the language
    and look it was written in), else None: missing, damaged, too large, of another version,
    format or key, or of files that changed since. Nothing is said of one that is not used:
    it is made again from the files, and holds nothing of the user's."""
    if stamped is None:
        return None
    try:  # looked at before it is opened: a pipe or a device put there never blocks the start
        data = json.loads(read_small_bytes(path, MAX_BYTES))
    except (OSError, ValueError):  # (UnreadableFile and UnicodeDecodeError are ValueErrors)
        return None
    if not isinstance(data, dict):
        return None
    wanted = {"format": FORMAT, "version": __version__, "key": key, "files": stamped}
    if any(data.get(name) != value for name, value in wanted.items()):
        return None
    rows, details = data.get("rows"), data.get("details")
    if not isinstance(rows, list) or not rows or not isinstance(details, dict):
        return None
    if not all(_is_row(row) for row in rows):
        return None
    return Listing([(label, broken) for label, broken in rows], details)


def _is_row(row: object) -> bool:
    return (
        isinstance(row, list)
        and len(row) == 2
        and isinstance(row[0], str)
        and isinstance(row[1], bool)
    )


def write(path: Path, key: str, stamped: Stamp, listing: Listing) -> bool:
    """Keep `listing` at `path`, replacing the file whole (a reader sees the old one or the new
    one); not when it would pass MAX_BYTES. Not synced to the disk: one cut short by a crash
    reads as damaged, and is made again. True once written; a failure is logged only."""
    text = json.dumps(
        {
            "format": FORMAT,
            "version": __version__,
            "key": key,
            "files": stamped,
            "rows": [list(row) for row in listing.rows],
            "details": listing.details,
        },
        ensure_ascii=False,
    )
    if len(text.encode()) > MAX_BYTES:
        return False
    # One name, not one per process: a crash leaves at most this file, replaced by the next
    # write. Two copies writing at once may rename the other's half-written one: it reads as
    # damaged, and the next start keeps the list again.
    part = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Made anew ("x"): a pipe left at that name would block the write (the GUI thread's)
        # until something read it, and a link would be written through.
        part.unlink(missing_ok=True)
        with open(part, "x", encoding="utf-8") as f:
            f.write(text)
        os.replace(part, path)
    except OSError as exc:
        log.info("The library's listing was not kept: %s", exc)
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        return False
    return True
