"""A folder accessed with a time bound (its listing, its stamp), on a daemon thread, so that a
routines folder on a stalled mount is named rather than holding up the library (no routine
module here: the kept list's stamp uses it before any is imported)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

# A routine file takes ~0.5 ms to read and parse here, a network folder's some milliseconds:
# a file that has given nothing for a second is on a mount that stalls (a share whose server
# went away, a disk waking up). One such file held `hiptimer list` and the window's first
# list for as long as it stalled (a 5 s stall: 0.7 s -> 5.9 s), on the GUI thread for a
# folder of up to 50 files. Past the bound it is named and the next files are read.
IN_TIME_S = 1.0

T = TypeVar("T")

# The folders an access has not come back from yet (a listing, a stamp): another would only
# stall beside it, a second more each time (the stamp, the count and the listing at a start).
_stalled: set[str] = set()
_stalled_lock = threading.Lock()


class NotInTime(TimeoutError):
    """An access to a folder gave nothing within the bound (in_time)."""


def in_time(folder: Path, call: Callable[[], T], in_time_s: float | None = None) -> T:
    """What `call` (an access to `folder`: a listing) returns or raises, run on a daemon
    thread; NotInTime when it has given nothing within `in_time_s`, or at once while an
    earlier access to that folder has not come back (the thread is left to the kernel, as a
    stalled file's read is)."""
    in_time_s = IN_TIME_S if in_time_s is None else in_time_s
    key = os.path.abspath(folder)
    with _stalled_lock:
        if key in _stalled:
            raise NotInTime(str(folder))
        _stalled.add(key)
    got: list[T] = []
    failed: list[Exception] = []
    done = threading.Event()

    def access() -> None:
        try:
            got.append(call())
        except Exception as exc:  # raised again by the caller, as a direct call would
            failed.append(exc)
        finally:
            with _stalled_lock:
                _stalled.discard(key)
            done.set()

    threading.Thread(target=access, name="routine-list", daemon=True).start()
    if not done.wait(in_time_s):
        raise NotInTime(str(folder))
    if failed:
        raise failed[0]
    return got[0]
