"""Data homes two tours make the same way in every look: made once a run, copied after.

The guidance tour's morning advice needs three sessions and two good mornings in the
history, and the resume tour's offer a session cut off mid-set; neither tour stops while it
makes them (~0.45 s and ~0.15 s of CPU of a look's ~2.3 s). What they write is the same at
every screen size and text size: the clock is fake and starts where it always does, the
routines are the same data, no key or step depends on the layout, and a run has one time
zone (tests/zones.py); the histories compared (SQLite dumps, 1024 x 768 to 1920 x 1080 at
2, 100 % and 150 %) were the same. Not in every language: in Spanish the small routine's
first set began 1 s later and its session ended 3 s later (the lead-ins before words). So
the first tour of a run in a language makes it and keeps a copy of the data home and the
clock; later tours in that language, in any probe process, put the copy in place and go on
from it (tests/ui/test_kept_homes.py: the same words at every stop either way).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt

from hiptimer import i18n, paths
from hiptimer.core.clock import FakeClock
from hiptimer.core.history.store import open_history
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.keys import Mode
from tests.ui.guided import Days
from tests.ui.tour_steps import day_session

# The folder the copies are kept in, shared by the probes of one run (test_screen_fit.py
# sets it); unset, every tour makes its own.
SHARED = "HIPTIMER_FIT_DAYS"


def kept_copy(name: str) -> Path | None:
    """The copy of the data home kept as `name` in this language, if one was."""
    folder = os.environ.get(SHARED)
    copy = Path(folder) / f"{name}-{i18n.language()}" if folder else None
    return copy if copy is not None and (copy / "clock.json").exists() else None


def keep(name: str, clock: FakeClock) -> None:
    """A copy of the data home (the history by SQLite's backup: one consistent file) and of
    the clock, kept as `name`, moved into place whole (another probe may be making the same
    copy at the same time: the first to finish is kept). The history must be closed."""
    folder = os.environ.get(SHARED)
    if not folder:
        return
    copy = Path(folder) / f"{name}-{i18n.language()}"
    copy.parent.mkdir(parents=True, exist_ok=True)
    making = Path(tempfile.mkdtemp(prefix=f"{copy.name}.", dir=copy.parent))
    db = paths.history_db_path()
    shutil.copytree(paths.data_dir(), making / "home", ignore=_history_files(db))
    source, kept = sqlite3.connect(db), sqlite3.connect(making / "history.db")
    source.backup(kept)
    source.close()
    kept.close()
    (making / "clock.json").write_text(json.dumps({"now": clock.now()}))
    try:
        making.rename(copy)
    except OSError:  # made meanwhile by another probe
        shutil.rmtree(making, ignore_errors=True)


def put_back(copy: Path, clock: FakeClock) -> None:
    """The data home and clock as the copy has them. The history must be closed."""
    db = paths.history_db_path()
    for part in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        part.unlink(missing_ok=True)
    shutil.copytree(copy / "home", paths.data_dir(), dirs_exist_ok=True)
    shutil.copyfile(copy / "history.db", db)
    now = json.loads((copy / "clock.json").read_text())["now"]
    clock.advance(now - clock.now())


def _history_files(db: Path) -> Callable[[str, list[str]], set[str]]:
    names = {db.name, db.name + "-wal", db.name + "-shm", db.name + "-journal"}

    def ignore(folder: str, files: list[str]) -> set[str]:
        return names & set(files) if Path(folder) == db.parent else set()

    return ignore


def two_good_days(days: Days) -> None:
    """From the first morning (checked in) to the third day's summary, then the app closed
    and the history opened again: two sessions without pain, a good morning between."""
    copy = kept_copy("two-good-days")
    for day in range(0 if copy else 2):
        if days.mode() is not Mode.LIBRARY:
            days.key(Qt.Key.Key_Escape)
        day_session(days, [0, 1])
        if day == 0:
            days.next_morning()
            days.check_in(0, 0)
    days.close()
    days.history.close()
    if copy is None:
        keep("two-good-days", days.clock)
    else:
        put_back(copy, days.clock)
    days.history = open_history(paths.history_db_path())
    days.settings = SettingsStore()
