"""Sessions and sets written into a history store, and read back as its tables hold them."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import HistoryStore

# A Monday at 08:00 on the local clock: the days and weeks the tests expect are local ones
# (in UTC it was Sunday evening in Pago Pago, and Monday 22:00 in Kiritimati).
T0 = datetime(2025, 3, 3, 8, 0).astimezone()


def a_set(exercise: str = "bridge", number: int = 1, start: datetime = T0, **kw: Any) -> StoredSet:
    fields: dict[str, Any] = {
        "exercise_id": exercise,
        "exercise_name": exercise.title(),
        "set_number": number,
        "started_at": start,
        "ended_at": start + timedelta(seconds=30),
        "planned_hold_s": 30.0,
        "actual_hold_s": 30.0,
    }
    fields.update(kw)
    return StoredSet(**fields)


def a_session(store: HistoryStore, start: datetime = T0, routine: str = "hips") -> int:
    return store.begin_session(routine, routine.title(), 2, {"bridge": {"hold_s": 30}}, start)


def read(db_path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Ask a second, independent connection: only committed data is visible to it."""
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()
