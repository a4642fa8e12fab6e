"""A standard output that refuses what a command prints (a full disk, a closed descriptor) is
said in one line, exit 1, as a file that cannot be written is (README): `hiptimer list >
/dev/full` showed a traceback (OSError: No space left on device), and `hiptimer history >&-`
another (AttributeError: 'NoneType' object has no attribute 'flush')."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = [["list"], ["cues", "desk-micro-break"], ["show", "desk-micro-break"]]
CSV = ["history", "export", "--csv", "-"]


def run(tmp_path: Path, argv: list[str], shell_redirect: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HIPTIMER_HOME=str(tmp_path / "home"))
    script = f'exec "$0" -m hiptimer "$@" {shell_redirect}'
    return subprocess.run(
        ["sh", "-c", script, sys.executable, *argv],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("argv", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_a_full_standard_output_is_said_in_one_line(tmp_path: Path, argv: list[str]) -> None:
    result = run(tmp_path, argv, "> /dev/full")
    assert (result.returncode, result.stderr) == (
        1,
        "hiptimer: cannot write to standard output: No space left on device\n",
    )


@pytest.mark.parametrize("argv", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_a_closed_standard_output_is_said_in_one_line(tmp_path: Path, argv: list[str]) -> None:
    result = run(tmp_path, argv, ">&-")
    assert (result.returncode, result.stderr) == (
        1,
        "hiptimer: cannot write to standard output: it is closed\n",
    )


def test_the_csv_to_a_closed_standard_output_is_said_in_one_line(tmp_path: Path) -> None:
    from hiptimer.core.history.store import open_history

    (tmp_path / "home").mkdir()
    with open_history(tmp_path / "home" / "history.sqlite3"):
        pass  # a history with no session: the export has its header to write
    result = run(tmp_path, CSV, ">&-")
    assert (result.returncode, result.stderr) == (
        1,
        "hiptimer: cannot write to standard output: it is closed\n",
    )
