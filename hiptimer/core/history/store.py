"""The history store: sessions, sets, pain ratings and dose changes in one SQLite file.

Every write is its own committed transaction. When the disk refuses a write (read-only,
full, I/O error) nothing is lost: the write waits in an in-memory queue, `status` says
so, and every later write (or `retry()`) tries to save the queue again, in order.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from hiptimer.core.history import schema as history_schema
from hiptimer.core.history.queries import (
    SET_COLUMNS,
    HistoryQueries,
    StoredSet,
    to_db_time,
)
from hiptimer.core.history.schema import HistoryError
from hiptimer.core.history.status import DEGRADED, HistoryState, HistoryStatus
from hiptimer.core.session.events import SetRecord

log = logging.getLogger(__name__)

END_REASONS = ("completed", "ended_early", "interrupted", "partial")
SIDES = ("right", "left")
PAIN_CHOICES = ("stop", "lower", "continue")


def _check_in(name: str, value: object, allowed: tuple[str, ...]) -> None:
    if value is not None and value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)} or None, not {value!r}")


def _check_score(name: str, value: object) -> None:
    ok = value is None or (type(value) is int and 0 <= value <= 10)
    if not ok:
        raise ValueError(f"{name} must be a whole number from 0 to 10 or None, not {value!r}")


@dataclass(frozen=True)
class _Write:
    """One statement, committed as its own transaction; `what` names it in logs."""

    what: str
    sql: str
    params: tuple[Any, ...]


def _run(conn: sqlite3.Connection, writes: Iterable[_Write]) -> None:
    """Commit these writes together, or none of them."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for write in writes:
            conn.execute(write.sql, write.params)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise


# Errors that mean "the data or the call is wrong", not "the disk refused": never queued.
_BUG_ERRORS = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)


class HistoryStore(HistoryQueries):
    """The open history database. Use `open_history()` to get one.

    `status`: whether writes reach the disk, why not, and how many wait (a HistoryStatus).
    `on_status`: called with the new status whenever its state or reason changes.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        notice: str | None = None,
        failure: str | None = None,
        in_memory: bool = False,
    ) -> None:
        """`failure`: why writes cannot be saved from the start (the file cannot be opened)."""
        self._conn = conn
        self.path = path
        self._notice = notice
        self._failure = failure  # why saving fails now, as the error said it; None: it works
        self.on_status: Callable[[HistoryStatus], None] | None = None
        self._in_memory = in_memory  # the file could not be opened: a stand-in database
        self._pending: deque[_Write] = deque()
        self._next_id: dict[str, int] = {"sessions": 1, "sets": 1, "dose_changes": 1}

    # -- lifecycle ---------------------------------------------------------------------

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Try once more to save pending writes, then close the database."""
        if self._pending:
            self._flush()
        if self._pending:
            log.error("Closing history with %d unsaved writes", len(self._pending))
        with contextlib.suppress(sqlite3.Error):
            self._conn.execute("PRAGMA optimize")
        self._conn.close()

    @property
    def status(self) -> HistoryStatus:
        """Saving or not (and why), the writes waiting, and any notice from opening."""
        state = HistoryState.OK if self._failure is None else HistoryState.NOT_SAVING
        return HistoryStatus(
            state, self.path, self._failure or "", len(self._pending), self._notice
        )

    def retry(self) -> bool:
        """Try to save the pending writes now; True when nothing is left pending."""
        return self._flush()

    # -- writing -----------------------------------------------------------------------

    def _new_id(self, table: str) -> int:
        # Ids are chosen here, not by SQLite, so that a queued write has its id at once.
        try:
            row = self._conn.execute(f"SELECT max(id) FROM {table}").fetchone()
            self._next_id[table] = max(self._next_id[table], (row[0] or 0) + 1)
        except sqlite3.Error:
            pass  # unreadable right now: the counter alone is still unique for this process
        if self._in_memory:
            # The stand-in starts empty, but the real file may hold sessions already (a
            # read-only folder): number after them, so the replay later cannot clash.
            self._next_id[table] = max(
                self._next_id[table], history_schema.max_id_in_file(self.path, table) + 1
            )
        new_id = self._next_id[table]
        self._next_id[table] = new_id + 1
        return new_id

    def _submit(self, what: str, sql: str, params: tuple[Any, ...]) -> None:
        write = _Write(what, sql, params)
        if self._in_memory:
            _run(self._conn, [write])  # the stand-in answers queries meanwhile
        self._pending.append(write)
        self._flush()

    def _set_failure(self, reason: str | None) -> None:
        if reason is not None:
            log.warning(
                "%s (%d writes pending)", DEGRADED.format(reason=reason), len(self._pending)
            )
        if reason != self._failure:
            self._failure = reason
            if self.on_status is not None:
                self.on_status(self.status)

    def _flush(self) -> bool:
        if self._in_memory:
            return self._reconnect()
        while self._pending:
            write = self._pending[0]
            try:
                _run(self._conn, [write])
            except _BUG_ERRORS:
                self._pending.popleft()
                log.exception("History write rejected, dropped: %s", write.what)
                raise
            except (sqlite3.Error, OSError) as exc:
                self._set_failure(str(exc))
                self._shrink_wal()
                return False
            self._pending.popleft()
        self._set_failure(None)
        return True

    def _shrink_wal(self) -> None:
        """After a failed write (a full disk, say), give the -wal file's space back: what it
        holds is committed already; the waiting writes are in memory."""
        with contextlib.suppress(sqlite3.Error):
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _reconnect(self) -> bool:
        """Open the real file at last and replay everything written to the stand-in."""
        try:
            conn, notice = history_schema.open_database(self.path)
        except (HistoryError, history_schema.CorruptDatabase, sqlite3.Error, OSError) as exc:
            self._set_failure(f"cannot open {self.path}: {exc}")
            return False
        try:
            _run(conn, self._pending)
        except (sqlite3.Error, OSError) as exc:
            conn.close()
            reason = str(exc)
            if isinstance(exc, sqlite3.IntegrityError):
                reason = f"{self.path} already holds sessions with the same numbers"
            self._set_failure(reason)
            return False
        self._conn.close()
        self._conn, self._in_memory = conn, False
        self._pending.clear()
        self._notice = self._notice or notice
        self._set_failure(None)
        return True

    def begin_session(
        self,
        routine_id: str,
        routine_title: str,
        routine_revision: int,
        doses: dict[str, Any],
        started_at: datetime,
        *,
        sets_planned: int | None = None,
    ) -> int:
        """Record the start of a session with the doses in use; returns the session id."""
        session_id = self._new_id("sessions")
        self._submit(
            f"start of session {session_id}",
            "INSERT INTO sessions (id, routine_id, routine_title, routine_revision, doses_json,"
            " sets_planned, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                routine_id,
                routine_title,
                routine_revision,
                json.dumps(doses, sort_keys=True),
                sets_planned,
                to_db_time(started_at),
            ),
        )
        return session_id

    def add_set(self, session_id: int, record: StoredSet | SetRecord) -> int:
        """Record one finished (or ended-early, or skipped) set; returns the set id.

        Takes the store's StoredSet or the engine's (from a SetCompleted event) as it is.
        """
        _check_in("side", record.side, SIDES)
        _check_score("pain", record.pain)
        _check_in("pain_choice", record.pain_choice, PAIN_CHOICES)
        set_id = self._new_id("sets")
        self._submit(
            f"set {set_id} of session {session_id}",
            f"INSERT INTO sets (id, session_id, seq, {SET_COLUMNS}) VALUES (?, ?,"
            " (SELECT coalesce(max(seq), 0) + 1 FROM sets WHERE session_id = ?),"
            " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                set_id,
                session_id,
                session_id,
                record.exercise_id,
                record.exercise_name,
                record.set_number,
                to_db_time(record.started_at),
                to_db_time(record.ended_at),
                record.side,
                record.planned_hold_s,
                record.actual_hold_s,
                record.planned_reps,
                record.actual_reps,
                int(record.completed),
                int(record.skipped),
                record.pain,
                record.pain_choice,
                record.adjustment or None,
            ),
        )
        return set_id

    def rate_set(self, set_id: int, pain: int | None, choice: str | None = None) -> None:
        """Record the pain rating given after a set, and the choice made if it was high."""
        _check_score("pain", pain)
        _check_in("choice", choice, PAIN_CHOICES)
        self._submit(
            f"rating of set {set_id}",
            "UPDATE sets SET pain = ?, pain_choice = ? WHERE id = ?",
            (pain, choice, set_id),
        )

    def finish_session(
        self, session_id: int, end_reason: str, ended_at: datetime, note: str | None = None
    ) -> None:
        """Record how and when a session ended; a note of None leaves the note as it is."""
        _check_in("end_reason", end_reason, END_REASONS)
        self._submit(
            f"end of session {session_id}",
            "UPDATE sessions SET end_reason = ?, ended_at = ?, note = coalesce(?, note)"
            " WHERE id = ?",
            (end_reason, to_db_time(ended_at), note, session_id),
        )

    def set_note(self, session_id: int, text: str) -> None:
        self._submit(
            f"note of session {session_id}",
            "UPDATE sessions SET note = ? WHERE id = ?",
            (text, session_id),
        )

    def record_morning(
        self, session_id: int, pain: int | None, stiffness: int | None, at: datetime
    ) -> None:
        """Record the next-morning check-in (pain and stiffness, 0-10) for a session."""
        _check_score("morning pain", pain)
        _check_score("morning stiffness", stiffness)
        self._submit(
            f"morning check-in of session {session_id}",
            "UPDATE sessions SET morning_pain = ?, morning_stiffness = ?, morning_at = ?"
            " WHERE id = ?",
            (pain, stiffness, to_db_time(at), session_id),
        )

    def mark_partial(self, session_id: int) -> None:
        """Close an unfinished session as 'partial', ending it when its last set ended."""
        self._submit(
            f"partial end of session {session_id}",
            "UPDATE sessions SET end_reason = 'partial', ended_at = coalesce("
            "(SELECT max(ended_at) FROM sets WHERE session_id = sessions.id), started_at)"
            " WHERE id = ? AND end_reason IS NULL",
            (session_id,),
        )

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
    ) -> int:
        """Record a recommended dose change (accepted or declined) or a kept adjustment."""
        _check_in("side", side, SIDES)
        change_id = self._new_id("dose_changes")
        self._submit(
            f"dose change {change_id} of {routine_id}/{exercise_id}",
            "INSERT INTO dose_changes (id, session_id, routine_id, exercise_id, side, field,"
            " old_value, new_value, reason, accepted, decided_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                change_id,
                session_id,
                routine_id,
                exercise_id,
                side,
                field,
                old_value,
                new_value,
                reason,
                int(accepted),
                to_db_time(decided_at),
            ),
        )
        return change_id


def open_history(path: Path) -> HistoryStore:
    """Open (creating, repairing or migrating) the history database at `path`.

    Raises HistoryError only when the file was made by a newer HipTimer. If the file
    cannot be opened at all, the store runs on an in-memory stand-in and its `status`
    says so; it keeps trying to reach the file on every write.
    """
    path = Path(path)
    try:
        conn, notice = history_schema.open_database(path)
    except HistoryError:
        raise
    except (history_schema.CorruptDatabase, sqlite3.Error, OSError) as exc:
        reason = f"cannot open {path}: {exc}"
        log.warning("History database unavailable, using memory: %s", reason)
        return HistoryStore(
            history_schema.open_memory(),
            path,
            failure=reason,
            in_memory=True,
        )
    return HistoryStore(conn, path, notice=notice)
