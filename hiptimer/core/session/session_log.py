"""SessionLog: what a session writes to, as a Protocol that loads none of the session's code."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # only named in annotations: the window's first page does not load them
    from hiptimer.core.session.events import SetRecord


class SessionLog(Protocol):
    """The part of hiptimer.core.history.store.HistoryStore a session writes to."""

    def begin_session(
        self,
        routine_id: str,
        routine_title: str,
        routine_revision: int,
        doses: dict[str, Any],
        started_at: datetime,
        *,
        sets_planned: int | None = None,
    ) -> int: ...
    def add_set(self, session_id: int, record: SetRecord) -> int: ...
    def record_doses_now(self, session_id: int, doses_now: dict[str, Any]) -> None: ...
    def rate_set(self, set_id: int, pain: int | None, choice: str | None = None) -> None: ...
    def skip_rating(self, set_id: int) -> None: ...
    def correct_pain(
        self,
        set_id: int,
        pain: int | None,
        *,
        at: datetime,
        source: str = "history",
        reason: str = "",
    ) -> None: ...
    def record_result(self, set_id: int, value: float | None, unit: str) -> None: ...
    def finish_session(self, session_id: int, end_reason: str, ended_at: datetime) -> None: ...
    def mark_resumed(self, session_id: int, at: datetime) -> None: ...
