"""Damage HipTimer can live with: rows with unusable values, and a copy without its version.

A bad value in one row (a time that is not a time, doses that are not JSON, a set whose
session is gone) must not stop the app or a history export. Such rows are moved, whole, into
the table `set_aside` (as JSON, with the reason) where every query stops seeing them and
nothing is lost. A file whose tables are there but whose `user_version` is 0 (what
`sqlite3 .dump` and most copy tools give) gets the version its tables show.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass

log = logging.getLogger(__name__)

SET_ASIDE_SQL = """
CREATE TABLE IF NOT EXISTS set_aside (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    source_id INTEGER,
    reason TEXT NOT NULL,
    row_json TEXT NOT NULL,
    set_aside_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'))
)
"""

# A stored time as to_db_time writes it: ISO 8601 with an offset, which SQLite can read too.
_TIME = (
    "({c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*'"
    " AND length({c}) BETWEEN 19 AND 32 AND datetime({c}) IS NOT NULL)"
)


def _time(column: str, *, optional: bool = False) -> str:
    check = _TIME.format(c=column)
    return f"({column} IS NULL OR {check})" if optional else f"({column} IS NOT NULL AND {check})"


def _text(column: str) -> str:
    return f"typeof({column}) = 'text'"


def _number(column: str) -> str:
    return f"({column} IS NULL OR typeof({column}) IN ('integer', 'real'))"


# (table, [(what is wrong, the condition a good row meets)]), checked in this order: sets
# after sessions, so that the sets of a session set aside go with it.
RULES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "sessions",
        (
            ("started_at is not a time", _time("started_at")),
            ("ended_at is not a time", _time("ended_at", optional=True)),
            ("morning_at is not a time", _time("morning_at", optional=True)),
            ("doses_json is not a JSON object", "CASE WHEN json_valid(doses_json) THEN json_type(doses_json) = 'object' ELSE 0 END"),
            ("a text column holds something else", " AND ".join(
                _text(c) for c in ("routine_id", "routine_title", "note"))),
            ("a number column holds text", " AND ".join(
                _number(c) for c in ("routine_revision", "sets_planned", "morning_pain",
                                     "morning_stiffness"))),
        ),
    ),
    (
        "sets",
        (
            ("its session is not in the history",
             "session_id IN (SELECT id FROM sessions)"),
            ("started_at is not a time", _time("started_at")),
            ("ended_at is not a time", _time("ended_at")),
            ("a text column holds something else", " AND ".join(
                _text(c) for c in ("exercise_id", "exercise_name"))),
            ("a number column holds text", " AND ".join(
                _number(c) for c in ("set_number", "planned_hold_s", "actual_hold_s",
                                     "planned_reps", "actual_reps", "seq"))),
        ),
    ),
    (
        "dose_changes",
        (
            ("decided_at is not a time", _time("decided_at")),
            ("a number column holds text", " AND ".join(
                _number(c) for c in ("old_value", "new_value"))),
        ),
    ),
)  # fmt: skip


@dataclass(frozen=True)
class SetAside:
    """One row moved out of the way: where it was and why."""

    table: str
    row_id: int
    reason: str

    def __str__(self) -> str:
        return f"{self.table} row {self.row_id}: {self.reason}"


def set_aside_bad_rows(conn: sqlite3.Connection) -> list[SetAside]:
    """Move every row with an unusable value into `set_aside`, in one transaction.

    One scan per table finds the bad rows (all rules at once); only those are looked at
    again to say why. The sets of a session set aside go with it. Returns what was moved
    (empty when the history is sound, which costs the scans and nothing else).
    """
    found: list[SetAside] = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(SET_ASIDE_SQL)
        for table, rules in RULES:
            all_good = " AND ".join(f"coalesce({good}, 0)" for _, good in rules)
            bad_ids = [r[0] for r in conn.execute(f"SELECT id FROM {table} WHERE NOT ({all_good})")]
            for row_id in bad_ids:
                reason = _reason(conn, table, rules, row_id)
                if table == "sessions":
                    for (set_id,) in conn.execute(
                        "SELECT id FROM sets WHERE session_id = ?", (row_id,)
                    ).fetchall():
                        why = f"its session {row_id} was set aside"
                        _move(conn, "sets", set_id, why)
                        found.append(SetAside("sets", set_id, why))
                _move(conn, table, row_id, reason)
                found.append(SetAside(table, row_id, reason))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    for item in found:
        log.warning("History: set aside %s", item)
    return found


def _reason(
    conn: sqlite3.Connection, table: str, rules: tuple[tuple[str, str], ...], row_id: int
) -> str:
    for reason, good in rules:
        ok = conn.execute(f"SELECT coalesce({good}, 0) FROM {table} WHERE id = ?", (row_id,))
        if not ok.fetchone()[0]:
            return reason
    return "unusable values"


def _move(conn: sqlite3.Connection, table: str, row_id: int, reason: str) -> None:
    cursor = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    columns = [d[0] for d in cursor.description]
    row = cursor.fetchone()
    if row is None:
        return
    values = dict(zip(columns, row, strict=True))
    conn.execute(
        "INSERT INTO set_aside (source, source_id, reason, row_json) VALUES (?, ?, ?, ?)",
        (table, row_id, reason, json.dumps(values, default=repr)),
    )
    conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))


def set_aside_rows(conn: sqlite3.Connection) -> list[SetAside]:
    """What the set_aside table holds, oldest first (none when there is no such table)."""
    try:
        rows = conn.execute("SELECT source, source_id, reason FROM set_aside ORDER BY id")
        return [SetAside(str(table), int(row_id or 0), str(why)) for table, row_id, why in rows]
    except sqlite3.Error:
        return []


def describe(found: list[SetAside], limit: int = 5) -> str | None:
    """One sentence for the user about the rows set aside, or None."""
    if not found:
        return None
    shown = "; ".join(str(item) for item in found[:limit])
    more = f"; and {len(found) - limit} more" if len(found) > limit else ""
    count = "1 damaged row was" if len(found) == 1 else f"{len(found)} damaged rows were"
    return (
        f"{count} set aside in the history's set_aside table and left out ({shown}{more}); "
        "everything else is as it was."
    )


# ---------------------------------------------------------------- a copy with version 0


def inferred_version(conn: sqlite3.Connection) -> int:
    """The schema version the tables of a user_version-0 file show (0: no HipTimer tables).

    Version 1 has sessions and sets; version 2 adds the morning check-in columns and
    dose_changes.
    """
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"sessions", "sets"} <= tables:
        return 0
    columns = {row[1] for row in conn.execute("PRAGMA table_info(sessions)")}
    if "dose_changes" in tables and {"morning_pain", "morning_stiffness", "morning_at"} <= columns:
        return 2
    return 1


def missing_parts(conn: sqlite3.Connection, expected: dict[str, set[str]]) -> list[str]:
    """Tables and columns the schema should have and the file lacks, as 'table' or
    'table.column'."""
    missing: list[str] = []
    for table, columns in expected.items():
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if not have:
            missing.append(table)
        else:
            missing.extend(f"{table}.{c}" for c in sorted(columns - have))
    return missing
