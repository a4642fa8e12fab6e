"""The speech worker's temporary folder: named by its owner's pid, so a killed copy's is found."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

TEMP_PREFIX = "hiptimer-speech-"  # then the owner's pid: a killed copy's folder can be told


def remove_stale_folders(root: Path | None = None) -> list[Path]:
    """Delete the speech folders of HipTimer processes that are gone (a kill skips the
    clean-up); returns what was removed. Folders of running processes are left alone."""
    removed = []
    for folder in Path(root or tempfile.gettempdir()).glob(f"{TEMP_PREFIX}*"):
        pid_text = folder.name[len(TEMP_PREFIX) :].split("-", 1)[0]
        if not pid_text.isdigit() or _alive(int(pid_text)) or not folder.is_dir():
            continue  # an older name without a pid, a live owner, or not ours to touch
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True
