"""The log of dose decisions as the store writes it: each answer to a suggestion, each kept
change."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hiptimer.core.history import writes
from hiptimer.core.history.records import to_db_time
from hiptimer.core.history.writes import Ref, check_in


class DoseChangeWrites:
    """The dose_changes rows HistoryStore writes; it supplies `_ref` and `_new_row`."""

    def _ref(self, row_id: int | None) -> int | Ref | None:
        raise NotImplementedError

    def _new_row(self, what: str, sql: str, params: tuple[Any, ...], kind: str = "") -> int:
        raise NotImplementedError

    def record_dose_change(
        self,
        routine_id: str,
        exercise_id: str,
        field: str,
        old_value: float | None,
        new_value: float | None,
        *,
        accepted: bool,
        decided_at: datetime,
        side: str | None = None,
        reason: str = "",
        session_id: int | None = None,
        decided_by: str = "suggestion",
    ) -> int:
        """Record a recommended dose change (accepted or declined) or, decided_by 'session',
        a change made during a session and kept."""
        check_in("side", side, writes.SIDES)
        check_in("field", field, writes.DOSE_FIELDS)
        check_in("decided_by", decided_by, ("suggestion", "session"))
        return self._new_row(
            f"dose change of {routine_id}/{exercise_id} {field}",
            "INSERT INTO dose_changes (id, session_id, routine_id, exercise_id, side, field,"
            " old_value, new_value, reason, accepted, decided_at, decided_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self._ref(session_id),
                routine_id,
                exercise_id,
                side,
                field,
                old_value,
                new_value,
                reason,
                int(accepted),
                to_db_time(decided_at),
                decided_by,
            ),
        )
