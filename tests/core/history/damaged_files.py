"""History files damaged on purpose, and a sound one to damage."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

from hiptimer.core.history.store import open_history
from tests.core.history.stored import T0, a_session, a_set


def sound_history(db: Path, sessions: int = 3, *, corrected: bool = False) -> list[int]:
    """Sessions of one rated set each; `corrected`: each rating changed once afterwards."""
    ids = []
    with open_history(db) as store:
        for n in range(sessions):
            sid = a_session(store, T0 + timedelta(days=n))
            set_id = store.add_set(sid, a_set("bridge", 1, T0 + timedelta(days=n)))
            store.rate_set(set_id, 2)
            if corrected:
                store.correct_pain(set_id, 1, at=T0 + timedelta(days=n, hours=1))
            store.finish_session(sid, "completed", T0 + timedelta(days=n, minutes=5))
            ids.append(sid)
    return ids


def damage(db: Path, sql: str, params: tuple[Any, ...] = ()) -> None:
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA ignore_check_constraints = ON")  # as a database tool can
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()
