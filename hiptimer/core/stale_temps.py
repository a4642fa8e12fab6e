"""Files a killed save left beside the data folder's files, removed at the next start once old.

A save writes `.<name>.<8 hex digits>.tmp` beside its file and renames it over the file
(safe_write); a kill or a power cut between the two leaves it there for good. Only names of
that form are removed, only regular files (never a link, nor what it points to), and only
those unchanged for STALE_AFTER_S: two copies of HipTimer can run at once (another data
folder's window, a `hiptimer history export`, a second window that found this one busy), and
a save of theirs in progress keeps its file's modification time fresh, as each write moves it.
"""

from __future__ import annotations

import logging
import os
import stat
import time
from collections.abc import Iterable
from pathlib import Path

from hiptimer import paths
from hiptimer.core.safe_write import TEMP_NAME

log = logging.getLogger(__name__)

# An hour: a save takes milliseconds, an export of years of history seconds; a writer that
# has not moved for an hour is gone (or its disk is, and its rename would fail anyway).
STALE_AFTER_S = 3600.0


def stale_temps(folder: Path, now: float) -> list[Path]:
    """The files of a killed save in `folder` (not below it), unchanged since `now` - STALE_AFTER_S."""
    found = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not TEMP_NAME.match(entry.name):
                    continue
                info = entry.stat(follow_symlinks=False)
                # A clock set back leaves a future time: young, so kept.
                if stat.S_ISREG(info.st_mode) and info.st_mtime <= now - STALE_AFTER_S:
                    found.append(Path(entry.path))
    except OSError:  # no such folder, or not ours to read: nothing to tidy there
        return []
    return sorted(found)


def remove_stale_temps(folders: Iterable[Path], now: float | None = None) -> list[Path]:
    """Remove what stale_temps finds in each folder; returns what was removed."""
    now = time.time() if now is None else now
    removed = []
    for folder in folders:
        for path in stale_temps(folder, now):
            try:
                path.unlink()
            except OSError as exc:  # gone meanwhile, or a read-only folder: left as it is
                log.debug("Left %s: %s", path, exc)
                continue
            log.info("Removed %s, left by a save that never ended", path)
            removed.append(path)
    return removed


def data_folders() -> list[Path]:
    """Where HipTimer's own saves write beside their files: the data folder (settings, the
    plan's files), the routines and the kept drafts. (An export's folder is the user's.)"""
    return [paths.data_dir(), paths.user_routines_dir(), paths.drafts_dir()]
