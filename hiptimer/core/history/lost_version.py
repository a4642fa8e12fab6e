"""The version a history file's tables show, where its own number is lost or wrong."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

log = logging.getLogger(__name__)


def inferred_version(conn: sqlite3.Connection) -> int:
    """The schema version the tables of a user_version-0 file show (0: no HipTimer tables).

    Version 1 has sessions and sets; version 2 adds the morning check-in columns and
    dose_changes; version 3 the corrections and the mark "not representative"; version 4
    lets the corrections hold a next-morning check-in's; version 5 adds how long a resumed
    session was stopped; version 6 the doses a running session has reached; version 7 the
    sessions' totals; version 8 when a session was last resumed.
    """
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"sessions", "sets"} <= tables:
        return 0
    columns = {row[1] for row in conn.execute("PRAGMA table_info(sessions)")}
    if "dose_changes" in tables and {"morning_pain", "morning_stiffness", "morning_at"} <= columns:
        if "corrections" not in tables or "not_representative" not in columns:
            return 2
        made = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'corrections'")
        if "morning_stiffness" not in made.fetchone()[0]:
            return 3
        if "stopped_s" not in columns:
            return 4
        if "doses_now_json" not in columns:
            return 5
        if "session_totals" not in tables:
            return 6
        if "resumed_at" not in columns:
            return 7
        set_columns = {row[1] for row in conn.execute("PRAGMA table_info(sets)")}
        return 9 if "pain_skipped" in set_columns else 8
    return 1


# What a migration says when the file already has, or lacks, what it changes. Any other
# error (a disk I/O error, a lock) is no sign of a wrong number and is raised as it is.
_CONTRADICTIONS = ("no such table", "no such column", "duplicate column", "already ")


def contradicts(exc: sqlite3.OperationalError) -> bool:
    """Whether a migration failed on the file's tables rather than on the disk."""
    return any(words in str(exc) for words in _CONTRADICTIONS)


def version_from_tables(
    conn: sqlite3.Connection,
    exc: sqlite3.OperationalError,
    claimed: int,
    migrate: Callable[[], object],
) -> bool:
    """Migrate from the version the tables show, for a file whose own number is wrong.

    A table dropped or a version set back in a database tool made the migration from
    `claimed` fail with `exc` (no such table, duplicate column; rolled back). Returns False
    for an error of the disk or a file without HipTimer's tables (`exc` stands); True once
    migrated, or when that fails too because parts of a later version are there (the
    caller adds the rest).
    """
    inferred = inferred_version(conn) if contradicts(exc) else 0
    if not inferred:
        return False
    log.warning("History database says version %d; its tables are version %d", claimed, inferred)
    conn.execute(f"PRAGMA user_version = {inferred}")
    try:
        migrate()
    except sqlite3.OperationalError as again:
        if not contradicts(again):
            raise
    return True
