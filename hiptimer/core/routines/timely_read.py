"""The user's routine files read with a time bound on each, so that one file on a stalled mount
is named "could not be read in time" rather than holding up the whole library; the folder itself
listed with the same bound (folder_in_time), as a listing stalls on such a mount too."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from hiptimer.core.routines import folder_in_time
from hiptimer.core.routines.validation import Problem, RoutineError
from hiptimer.i18n import N_, translate

IN_TIME_S = folder_in_time.IN_TIME_S  # (a file's bound: the folder's, as they stall alike)
# After this many stalls the files left are not waited for either: the mount itself has
# stalled, and each would cost a second more (the window stays answerable within ~2 s).
MOST_STALLS = 2
NOT_IN_TIME = N_(
    "could not be read in time: its disk or network folder did not answer within {s} s "
    "(it is read again the next time your routines are read)"
)

Read = Callable[[Path], str]


def folder_not_in_time(folder: Path) -> RoutineError:
    """Why a folder's routines are not listed: it did not answer in time (listed as one line
    of its own, as a folder that cannot be read is)."""
    return _late(folder, folder_in_time.IN_TIME_S)


def read_in_time(
    files: Sequence[Path], read: Read, in_time_s: float | None = None
) -> list[str | Exception]:
    """Each file's text by `read`, or what it raised, or a RoutineError saying it could not
    be read in time. The files are read in order on a daemon thread; when `in_time_s` passes
    with no file read, the one in hand is left to it (a thread blocked in the kernel
    cannot be stopped; it dies with the app) and the rest go on in a new one."""
    in_time_s = IN_TIME_S if in_time_s is None else in_time_s
    results: dict[int, str | Exception] = {}
    taken = [0]  # the next file a reader takes
    ready = threading.Condition()

    def reader() -> None:
        while True:
            with ready:
                i = taken[0]
                if i >= len(files):
                    return
                taken[0] += 1
            try:
                text: str | Exception = read(files[i])
            except Exception as exc:  # raised again by the caller, as a direct read would
                text = exc
            with ready:
                if i not in results:  # one given up on stays so, as it was listed
                    results[i] = text
                    if len(results) == len(files):
                        ready.notify_all()  # only then: a wake-up a file cost ~1 ms in 50

    def start() -> None:
        threading.Thread(target=reader, name="routine-read", daemon=True).start()

    stalls = 0
    if files:
        start()
    with ready:
        done, since = 0, time.monotonic()
        while len(results) < len(files):
            ready.wait(in_time_s / 4)  # a look four times in the bound: a stall is seen soon
            if len(results) > done:
                done, since = len(results), time.monotonic()
                continue
            if time.monotonic() - since < in_time_s:
                continue
            # Not one file read in in_time_s: the one in hand stalls (its reader goes on with
            # the next one if it ever comes back: that is fine, each is kept once).
            stalls += 1
            last = len(files) if stalls >= MOST_STALLS else taken[0]
            for i in range(last):
                results.setdefault(i, _late(files[i], in_time_s))
            taken[0] = max(taken[0], last)
            if taken[0] < len(files):
                start()
            done, since = len(results), time.monotonic()
    return [results[i] for i in range(len(files))]


def _late(path: Path, in_time_s: float) -> RoutineError:
    values = (("s", f"{in_time_s:g}"),)
    message = translate(NOT_IN_TIME).format(**dict(values))
    return RoutineError(str(path), [Problem("", message, NOT_IN_TIME, values)])
