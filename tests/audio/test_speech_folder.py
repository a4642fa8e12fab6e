"""The speech worker's temporary folders: a killed copy's are cleaned up by the next start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hiptimer.audio.speech_folder import TEMP_PREFIX, remove_stale_folders


def test_folders_of_dead_processes_go_and_live_ones_stay(tmp_path: Path) -> None:
    dead = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True).stdout)  # fmt: skip
    stale = tmp_path / f"{TEMP_PREFIX}{dead}-abc"
    live = tmp_path / f"{TEMP_PREFIX}{os.getpid()}-def"
    unnamed = tmp_path / f"{TEMP_PREFIX}xyz"  # an older name without a pid: not ours to judge
    for folder in (stale, live, unnamed):
        folder.mkdir()
        (folder / "cue.wav").write_bytes(b"RIFF")
    assert remove_stale_folders(tmp_path) == [stale]
    assert not stale.exists() and live.exists() and unnamed.exists()
