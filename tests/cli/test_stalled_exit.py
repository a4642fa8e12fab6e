"""A command that named a routine file "could not be read in time" ends once it has printed:
the read left to the kernel is on a daemon thread, which holds no one's exit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hiptimer import paths

# The seam timely_read's tests use, in a process of its own: the read of mine.json opens a
# pipe no one ever writes to, so that thread stays blocked in the kernel, as on a stalled share.
SEAM = """
import sys
from hiptimer.core.routines import catalog, timely_read
from hiptimer.cli.main import main

real = catalog.read_routine_text
def read(path):
    if path.name == "mine.json":
        open(sys.argv[1]).read()
    return real(path)

catalog.read_routine_text = read
timely_read.IN_TIME_S = 0.3
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")
@pytest.mark.parametrize("argv", [["list"], ["show", "desk-micro-break"]])
def test_a_command_ends_after_printing_while_a_read_is_still_stalled(
    tmp_path: Path, argv: list[str]
) -> None:
    mine = json.loads((paths.builtin_routines_dir() / "desk-micro-break.json").read_text())
    mine.update(id="mine", title="Mine")
    folder = tmp_path / "home" / "routines"
    folder.mkdir(parents=True)
    (folder / "mine.json").write_text(json.dumps(mine), encoding="utf-8")
    never_written = tmp_path / "stalled"
    os.mkfifo(never_written)
    env = dict(os.environ, HIPTIMER_HOME=str(tmp_path / "home"))
    # A hang guard, not a measure: the stalled read never returns, so a command that waited
    # for its thread would never end.
    done = subprocess.run(
        [sys.executable, "-c", SEAM, str(never_written), *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    if argv == ["list"]:
        assert "could not be read in time" in done.stdout
    else:
        assert "Desk micro-break" in done.stdout or "desk-micro-break" in done.stdout
