"""A cold bytecode cache compiled once before the xdist workers start, not once by each of them.

In a fresh clone (a new venv, new source paths) every worker compiled the same modules at the
same time as it collected: ~16 s of CPU each (docs/performance.md, "Session 28: the suite"), so
the README's four workers paid it four times. The controller collects once first, in a process
of its own, and leaves a stamp so later runs skip it; whatever it misses a worker compiles as
before, so this changes only how long a first run takes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[[list[str]], object]


def stamp_for(root: Path) -> Path:
    """The stamp of a warm cache for these sources, this venv and this bytecode folder."""
    key = f"{root.resolve()}|{sys.prefix}|{sys.pycache_prefix}|{sys.version}"
    name = hashlib.sha256(key.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"hiptimer-tests-warm-{os.getuid()}" / name


def _collect(args: list[str]) -> object:
    try:  # a speed-up only: whatever goes wrong here, the workers collect (and report) as before
        return subprocess.run(args, capture_output=True, timeout=600, check=False)
    except (OSError, subprocess.SubprocessError) as failed:
        return failed


def warm_before_workers(config: pytest.Config, run: Run = _collect) -> bool:
    """In xdist's controller about to start two or more workers, with no stamp yet: collect
    the suite once in a process of its own, then stamp. True when it did."""
    workers = config.getoption("numprocesses", default=None) or 0
    if hasattr(config, "workerinput") or not isinstance(workers, int) or workers < 2:
        return False
    if config.getoption("collectonly", default=False):
        return False
    stamp = stamp_for(config.rootpath)
    if stamp.exists():
        return False
    run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-n", "0",
         "-p", "no:cacheprovider", str(config.rootpath / "tests")])  # fmt: skip
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.touch()
    return True
