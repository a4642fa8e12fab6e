"""The history store: sessions, sets, pain ratings and dose changes in one SQLite file.

Every write is its own committed transaction. When the disk refuses a write (read-only,
full, I/O error) nothing is lost: the write waits in an in-memory queue, `status` says
so, and every later write (or `retry()`) tries to save the queue again, in order.
SQLite numbers each new row as it writes it (see hiptimer.core.history.writes); a row
still waiting is known by a negative handle until then.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import sqlite3
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hiptimer.core.history import repair, schema_parts, set_aside_words, writes
from hiptimer.core.history import schema as history_schema
from hiptimer.core.history.cannot_open import cannot_open
from hiptimer.core.history.corrections import CorrectionWrites
from hiptimer.core.history.dose_writes import DoseChangeWrites
from hiptimer.core.history.queries import (
    HistoryQueries,
)
from hiptimer.core.history.read_only_copy import Copy, read_only_copy
from hiptimer.core.history.reader import HistoryReader, file_reader, memory_reader
from hiptimer.core.history.schema import HistoryError
from hiptimer.core.history.session_writes import SessionWrites
from hiptimer.core.history.status import DEGRADED, HistoryState, HistoryStatus
from hiptimer.core.history.writes import Ref, Rejected, Write
from hiptimer.core.log_marks import SAID_IN_THE_WINDOW
from hiptimer.core.safe_write import read_only_folder

log = logging.getLogger(__name__)


def _rejected(exc: Rejected) -> Exception:
    """What to raise for a write SQLite refused: its own error, as the caller expects."""
    return exc.__cause__ if isinstance(exc.__cause__, sqlite3.Error) else exc


class HistoryStore(HistoryQueries, SessionWrites, CorrectionWrites, DoseChangeWrites):
    """The open history database. Use `open_history()` to get one.

    `status`: whether writes reach the disk, why not, and how many wait (a HistoryStatus).
    `on_status`: called with the new status whenever its state or reason changes.
    Ids returned by the writes are the rows' ids, or negative handles for rows not saved
    yet; pass either back as it is.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        notice: str | None = None,
        set_aside: list[repair.SetAside] | None = None,
        failure: str | None = None,
        in_memory: bool = False,
        reopen: bool = False,
        copy: Copy | None = None,
    ) -> None:
        """`notice`: what opening mended; `set_aside`: the damaged rows it set aside;
        `failure`: why writes cannot be saved from the start (the file cannot be opened, or
        opened read-only: `reopen`); `copy`: a read-only folder's history read into memory
        (its conn is `conn`), or why it could not be, until the file takes over."""
        self._conn = conn
        self.path = path
        self.set_aside_now = set_aside or []  # rows this opening set aside
        self._notice = notice
        self._copy = copy
        self._on_seen: list[Callable[[], None]] = []  # what to do once the notice is read
        self._failure = failure  # why saving fails now, as the error said it; None: it works
        self.on_status: Callable[[HistoryStatus], None] | None = None
        self._in_memory = in_memory  # the file could not be opened: a stand-in database
        # SQLite opened the file read-only (a read-only mount) and keeps it so once the mount
        # is writable again: the next try opens it anew.
        self._reopen = reopen
        self._pending: deque[Write] = deque()
        self._handles = itertools.count(-1, -1)
        self._made: set[int] = set()  # the handles given out
        self._ids: dict[int, int] = {}  # handle -> the row's id in the file, once written

    # -- lifecycle ---------------------------------------------------------------------

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Try once more to save pending writes, then close the database."""
        while self._pending:
            try:
                if not self._flush():
                    break
            except (Rejected, sqlite3.Error):  # that write is dropped and logged: go on
                continue
        if self._pending:
            log.error("Closing history with %d unsaved writes", len(self._pending))
        with contextlib.suppress(sqlite3.Error):
            self._conn.execute("PRAGMA optimize")
        self._conn.close()

    @property
    def status(self) -> HistoryStatus:
        """Saving or not (and why), the writes waiting, and any notice from opening."""
        state = HistoryState.OK if self._failure is None else HistoryState.NOT_SAVING
        copy = self._copy
        said = [self._notice, copy and copy.notice, set_aside_words.describe(self.set_aside_now)]
        notice = " ".join(filter(None, said))
        ratings, no_ratings, replaced = writes.answers_waiting(self._pending)
        return HistoryStatus(
            state,
            self.path,
            self._failure or "",
            len(self._pending),
            notice or None,
            copy.shown if copy else None,
            pending_sets=sum(w.kind == writes.SET for w in self._pending),
            pending_ratings=ratings,
            pending_no_ratings=no_ratings,
            pending_answers_replaced=replaced,
        )

    def retry(self) -> bool:
        """Try to save the pending writes now; True when nothing is left pending."""
        return self._flush()

    @property
    def mended(self) -> str | None:
        """What opening the file mended or moved aside, for the user; None if nothing."""
        return self._notice

    def also_say(self, text: str, seen: Callable[[], None] | None = None) -> None:
        """Say `text` in the status's notice, before what this opening mended: a notice
        `hiptimer history` left for the window (left_notice). `seen` runs once the user has
        read the notice (notice_seen), not before: a window killed first says it again."""
        self._notice = " ".join(filter(None, [text, self._notice]))
        if seen is not None:
            self._on_seen.append(seen)

    def notice_seen(self) -> None:
        """The user dismissed the notice (the strip's OK): forget what was kept to say it."""
        done, self._on_seen = self._on_seen, []
        for seen in done:
            seen()

    def reader(self) -> Callable[[], HistoryReader]:
        """How another thread reads this history as the window shows it: call the result
        there, and close what it returns. The file is read on a connection of its own; a
        history in memory (a read-only folder's, or the stand-in) is copied now."""
        if self._in_memory:
            return memory_reader(self._conn)
        path = self.path
        return lambda: file_reader(path)

    def set_aside_rows(self) -> list[repair.SetAside]:
        """The damaged rows kept out of the history (in its set_aside table), oldest first."""
        return repair.set_aside_rows(self._conn)

    # -- ids ---------------------------------------------------------------------------

    def _db_id(self, row_id: int) -> int:
        return self._ids.get(row_id, row_id)

    def saved_id(self, row_id: int) -> int:
        """The id in the file of a row returned by a write (a handle until it is saved)."""
        return self._db_id(row_id)

    def _ref(self, row_id: int | None) -> int | Ref | None:
        """A write's reference to a row: as it is, or by handle for a row this store made."""
        if row_id is None or row_id >= 0:
            return row_id
        if row_id not in self._made:
            raise ValueError(f"{row_id} is not a row of this history")
        return Ref(row_id)

    def _new_row(self, what: str, sql: str, params: tuple[Any, ...], kind: str = "") -> int:
        """Insert a row whose id SQLite picks (the first parameter is its id); returns the
        id once saved, else its handle."""
        handle = next(self._handles)
        self._made.add(handle)
        self._submit(Write(what, sql, (Ref(handle, new=True), *params), makes=handle, kind=kind))
        return handle if self._in_memory else self._ids.get(handle, handle)

    # -- writing -----------------------------------------------------------------------

    def _submit(self, write: Write) -> None:
        if self._in_memory:
            try:
                writes.run(self._conn, [write], None)  # the stand-in answers queries meanwhile
            except Rejected as exc:
                raise _rejected(exc) from exc
        self._pending.append(write)
        self._flush()

    def _update(self, what: str, sql: str, *params: Any, kind: str = "") -> None:
        self._submit(Write(what, sql, params, kind=kind))

    def _set_failure(self, reason: str | None) -> None:
        if reason is not None:
            # A read-only folder's is said by the window's strip: the log file alone (a
            # read-only mount whose history still opened printed it at every set).
            said = SAID_IN_THE_WINDOW if read_only_folder(self.path.parent) else None
            log.warning(
                "%s (%d writes pending)",
                DEGRADED.format(reason=reason),
                len(self._pending),
                extra=said,
            )
        if reason != self._failure:
            self._failure = reason
            if self.on_status is not None:
                self.on_status(self.status)

    def _flush(self) -> bool:
        if self._in_memory:
            return self._reconnect()
        if self._reopen and not self._reopened():
            return False
        mended = False
        while self._pending:
            write = self._pending[0]
            try:
                self._ids.update(writes.run(self._conn, [write], self._ids))
            except Rejected as exc:
                self._pending.popleft()
                log.error("History write rejected, dropped: %s", exc)
                raise _rejected(exc) from exc
            except (sqlite3.Error, OSError) as exc:
                if not mended and self._mend():
                    mended = True  # once: a part that will not stay is not mended in a loop
                    continue
                self._reopen = _read_only(exc)
                self._set_failure(str(exc))
                self._shrink_wal()
                return False
            self._pending.popleft()
        # With nothing waiting, a failure said at opening holds until the file takes a write.
        refused = None if self._failure is None else _writes_refused(self._conn)
        self._reopen = refused is not None and _read_only(refused)
        self._set_failure(None if refused is None else str(refused))
        return refused is None

    def _reopened(self) -> bool:
        """Open the file anew, in place of a connection SQLite made read-only: closed first,
        as SQLite gives a new connection the open file of one still open in the process."""
        self._conn.close()
        self._reopen = False
        try:
            self._conn = history_schema.open_database(self.path).conn
        except (HistoryError, history_schema.CorruptDatabase, sqlite3.Error, OSError) as exc:
            self._conn, self._in_memory = history_schema.open_memory(), True
            self._set_failure(cannot_open(self.path, exc))
            return False
        return True

    def _mend(self) -> bool:
        """Add back a part a database tool dropped while the file was open, as opening does;
        True if one was added. `DROP TABLE session_totals` leaves its triggers on `sets`,
        which then failed every set write ('no such table') until HipTimer was restarted."""
        try:
            model = history_schema.model()
            return schema_parts.lacks(self._conn, model) and not schema_parts.mend(
                self._conn, model
            )
        except sqlite3.Error:  # the disk refuses this too: the write waits, as it would
            return False

    def _shrink_wal(self) -> None:
        """After a failed write (a full disk, say), give the -wal file's space back: what it
        holds is committed already; the waiting writes are in memory."""
        with contextlib.suppress(sqlite3.Error):
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _reconnect(self) -> bool:
        """Open the real file at last and replay everything written to the stand-in."""
        try:
            opened = history_schema.open_database(self.path)
        except (HistoryError, history_schema.CorruptDatabase, sqlite3.Error, OSError) as exc:
            self._set_failure(cannot_open(self.path, exc))
            return False
        conn = opened.conn
        while True:
            try:
                made = writes.run(conn, self._pending, self._ids)
                break
            except Rejected as exc:  # the stand-in took it, the file will not: never retry it
                log.error("History write rejected, dropped: %s", exc)
                self._pending = deque(w for w in self._pending if w is not exc.write)
            except (sqlite3.Error, OSError) as exc:
                conn.close()
                self._set_failure(str(exc))
                return False
        self._conn.close()
        self._conn, self._in_memory = conn, False
        self._ids.update(made)
        self._pending.clear()
        self._notice = self._notice or opened.notice
        self._copy = None  # its read-only words no longer hold: the file is written now
        self.set_aside_now = opened.set_aside
        self._set_failure(None)
        return True


def open_history(path: Path) -> HistoryStore:
    """Open (creating, repairing or migrating) the history database at `path`.

    Raises HistoryError only when the file was made by a newer HipTimer. If the file
    cannot be opened at all, the store runs on an in-memory stand-in and its `status`
    says so; it keeps trying to reach the file on every write.
    """
    path = Path(path)
    try:
        opened = history_schema.open_database(path)
    except HistoryError:
        raise
    except (history_schema.CorruptDatabase, sqlite3.Error, OSError) as exc:
        reason = cannot_open(path, exc)
        # The window's strip says so in words (the terminal printed this beside them).
        log.warning(
            "History database unavailable, using memory: %s", reason, extra=SAID_IN_THE_WINDOW
        )
        # A read-only folder: its history shown as it is (read_only_copy), not an empty one.
        copy = read_only_copy(path)
        return HistoryStore(
            copy.conn if copy and copy.conn else history_schema.open_memory(),
            path,
            failure=reason,
            in_memory=True,
            copy=copy,
        )
    # A read-only mount whose -wal and -shm a copy left opens and reads: say at once that
    # nothing will be saved, not after the first set, mid-session.
    refused = _writes_refused(opened.conn) if read_only_folder(path.parent) else None
    return HistoryStore(
        opened.conn,
        path,
        notice=opened.notice,
        set_aside=opened.set_aside,
        failure=None if refused is None else str(refused),
        reopen=refused is not None and _read_only(refused),
    )


def _writes_refused(conn: sqlite3.Connection) -> sqlite3.Error | None:
    """What SQLite says to a write that changes no row: the file's refusal, or None."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM sessions WHERE 0")
    except sqlite3.Error as exc:
        return exc
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    return None


def _read_only(exc: BaseException) -> bool:
    """SQLite's 'attempt to write a readonly database', in any of its forms."""
    code = getattr(exc, "sqlite_errorcode", None)
    # SQLITE_READONLY, the primary code under its extended ones: typeshed lacks the constant.
    # https://www.sqlite.org/rescode.html#readonly
    return code is not None and code & 0xFF == 8
