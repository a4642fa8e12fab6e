"""Run `hiptimer` in a process of its own under a script that stops it at a moment and prints
what it saw as `NAME value` lines (offscreen Qt, the test's data folder)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_until(script: str, home: Path) -> dict[str, str]:
    """The script's `NAME value` lines, by name."""
    env = {**os.environ, "HIPTIMER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)


# The first lines of such a script: the application's event filters, named in `filters` as
# they are installed (the first paint's and the first usable screen's tests print them).
COUNT_FILTERS = r"""
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

filters = []
real_install = QObject.installEventFilter


def counting_install(self, watcher):
    if isinstance(self, QApplication):
        filters.append(type(watcher).__name__)
    return real_install(self, watcher)


QObject.installEventFilter = counting_install
"""
