"""Marks a core module puts on a log record for the window's log file (hiptimer.log_file).

Here, not in log_file: the core marks its records, and log_file renames its old log with the
core's move_synced; with the mark in log_file each imported the other (the acyclic contract)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

# `extra=` for a warning that the window says in words (a read-only data folder: the strip
# above its pages): it goes to the log file, not to standard error. A command line run, which
# has no window, starts no handlers and still prints it.
SAID_IN_THE_WINDOW: Final[Mapping[str, object]] = {"said_in_the_window": True}
