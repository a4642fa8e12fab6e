"""Run tests at a faked date and zone with Debian's faketime, to find what depends on the day.

uv run python scripts/date_sweep.py "2027-03-28 00:59:30 UTC" Europe/Madrid tests/core tests/cli

Not for CI (the suite's own guard is tests/zones.py): a look before a release. libfaketime
0.9.10 with FAKETIME_DONT_FAKE_MONOTONIC=1 fails every clock_nanosleep (EINVAL), so Python's
time.sleep and subprocess.run(timeout=...) raised OSError (session 18's "subprocess tests fail
under faketime"); faking the monotonic clock instead hung threads' timed waits. So the monotonic
clock stays real and time.sleep waits in select(), through a sitecustomize given to every
Python process of the run. One process (-n 0): the faked start is each process's own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

SLEEP_BY_SELECT = """import select, time


def _sleep(seconds):
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    select.select([], [], [], seconds)


time.sleep = _sleep
"""


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    when, zone, *tests = argv
    with tempfile.TemporaryDirectory(prefix="hiptimer-sweep-") as site:
        Path(site, "sitecustomize.py").write_text(SLEEP_BY_SELECT, encoding="utf-8")
        env = dict(
            os.environ,
            TZ=zone,
            HIPTIMER_TEST_TZ=zone,  # tests/zones.py: this zone, not one of its own choice
            FAKETIME_DONT_FAKE_MONOTONIC="1",
            PYTHONPATH=os.pathsep.join(p for p in (site, os.environ.get("PYTHONPATH")) if p),
        )
        command = ["faketime", when, sys.executable, "-m", "pytest", "-n", "0", "-q", *tests]
        return subprocess.run(command, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
