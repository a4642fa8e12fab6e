"""A window asked for where there is no screen (a shell over ssh): a clear line, not Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="$DISPLAY is how Linux names one")
def test_no_display_and_no_copy_running_says_so_and_exits_1(data_home: Path) -> None:
    """It ended in "could not connect to display" and a core dump (an outside tester's run)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    env["HIPTIMER_HOME"] = str(data_home)
    done = subprocess.run(
        [sys.executable, "-m", "hiptimer"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("hiptimer: no display to open the window on"), done.stderr
    assert "list, show, validate, cues and history work without one" in done.stderr
