"""The window's log file: its warnings and errors, kept in the data folder for a bug report.

Started from a desktop menu, HipTimer has no terminal to print to: what went wrong (no voice,
a routine file set aside, a disk that refused a write) would be lost. The window's warnings go
to `hiptimer.log` in the data folder as well as to standard error, but for those the window
already says in its own words (core/log_marks.SAID_IN_THE_WINDOW): those go to the log
alone, where a raw logger line on the terminal beside the window's notice only puzzled. At each
start a log over MAX_BYTES becomes `hiptimer.log.1` (replacing the one before), so the two stay
under half a MiB: a rename whose folder is synced (safe_write.move_synced). A folder that cannot
hold a log, or a `hiptimer.log` that is not a plain file (a FIFO
would block the opening), gets none: the window says what is wrong with the folder itself.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from pathlib import Path

from hiptimer.core.safe_write import move_synced

LOG_NAME = "hiptimer.log"
MAX_BYTES = 256 * 1024
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
STDERR_FORMAT = "%(levelname)s:%(name)s:%(message)s"  # what logging.basicConfig prints

log = logging.getLogger(__name__)
_installed: list[logging.Handler] = []  # by start(), taken off by stop()


def start(folder: Path) -> Path | None:
    """Send the warnings of every logger to `folder`/hiptimer.log and to standard error, in
    place of what an earlier start() set up; returns the log's path, or None without one."""
    stop()
    root = logging.getLogger()
    to_stderr = logging.StreamHandler(sys.stderr)
    to_stderr.setFormatter(logging.Formatter(STDERR_FORMAT))
    to_stderr.addFilter(_not_said_in_the_window)
    _install(root, to_stderr)
    path = log_path(folder)
    try:
        if path.exists() or path.is_symlink():
            if not path.is_file():
                log.debug("no log file: %s is not a plain file", path)
                return None
            if path.stat().st_size > MAX_BYTES:
                # Its folder synced too, as every rename of ours is: a power cut soon after
                # could bring the long log back under its name (docs/history.md).
                move_synced(path, path.with_name(LOG_NAME + ".1"))
        to_file = _LogFile(path, encoding="utf-8")
    except OSError as exc:
        log.debug("no log file in %s: %s", folder, exc)
        return None
    to_file.setFormatter(logging.Formatter(FORMAT))
    _install(root, to_file)
    return path


class _LogFile(logging.FileHandler):
    """hiptimer.log, whose write refused (a full disk) is said once on standard error: logging
    printed "--- Logging error ---" and a traceback of some thirty lines for every warning."""

    refused = False

    def handleError(self, record: logging.LogRecord) -> None:
        if self.refused:
            return
        self.refused = True
        why = sys.exc_info()[1]
        with contextlib.suppress(OSError, ValueError, AttributeError):  # no stderr (pythonw)
            sys.stderr.write(f"hiptimer: cannot write the log {self.baseFilename}: {why}\n")


def log_path(folder: Path) -> Path:
    """Where the log of a data folder is."""
    return folder / LOG_NAME


def stop() -> None:
    """Take off (and close) what start() set up."""
    root = logging.getLogger()
    while _installed:
        handler = _installed.pop()
        root.removeHandler(handler)
        handler.close()


def _not_said_in_the_window(record: logging.LogRecord) -> bool:
    return not getattr(record, "said_in_the_window", False)


def _install(root: logging.Logger, handler: logging.Handler) -> None:
    handler.setLevel(logging.WARNING)
    root.addHandler(handler)
    _installed.append(handler)
