"""Entry script of the frozen HipTimer: the same as the `hiptimer` command."""

from __future__ import annotations

import os
import sys


def _give_windowed_builds_streams() -> None:
    """A windowed (no console) build starts with sys.stdout and sys.stderr set to None.

    The command line prints and flushes, so give it somewhere to write.
    https://pyinstaller.org/en/stable/common-issues-and-pitfalls.html#sys-stdin-sys-stdout-and-sys-stderr-in-noconsole-windowed-applications-windows-only
    """
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115


if __name__ == "__main__":
    _give_windowed_builds_streams()
    from hiptimer.cli.main import main

    sys.exit(main())
