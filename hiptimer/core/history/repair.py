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

from hiptimer.core.history.writes import CORRECTED_FIELDS, DOSE_FIELDS
from hiptimer.i18n import _, n_

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

# A stored time as to_db_time writes it ('2025-03-03T08:00:00+00:00'), or with another
# offset or Z: a real calendar moment (SQLite would read 30 February as 2 March; Python
# refuses it), with an offset (a time without one cannot be compared with one that has
# it), in years that stay in range whatever the offset. This runs on every row at every
# start: the form HipTimer writes is recognised by one call that also checks the date;
# only other forms get the slow look.
_CANONICAL = (
    "{c} = strftime('%Y-%m-%dT%H:%M:%S+00:00', julianday({c})) AND {c} BETWEEN '1000' AND '9999'"
)
_ANY_OFFSET = (
    "typeof({c}) = 'text' AND length({c}) IN (20, 25) AND substr({c}, 1, 4) BETWEEN '1000'"
    " AND '9998' AND strftime('%Y-%m-%dT%H:%M:%S', julianday(substr({c}, 1, 19)))"
    " = substr({c}, 1, 19) AND (substr({c}, 20) = 'Z'"
    " OR substr({c}, 20) GLOB '[+-][01][0-9]:[0-5][0-9]'"
    " OR substr({c}, 20) GLOB '[+-]2[0-3]:[0-5][0-9]')"
)
_TIME = f"(CASE WHEN {_CANONICAL} THEN 1 ELSE coalesce({_ANY_OFFSET}, 0) END)"


def _time(column: str, *, optional: bool = False) -> str:
    check = _TIME.format(c=column)
    return f"({column} IS NULL OR {check})" if optional else f"({column} IS NOT NULL AND {check})"


def _text(*columns: str) -> str:
    return " AND ".join(f"typeof({c}) = 'text'" for c in columns)


def _opt_text(*columns: str) -> str:
    return " AND ".join(f"typeof({c}) IN ('null', 'text')" for c in columns)


def _number(*columns: str) -> str:
    """Empty or a finite number (SQLite keeps 1e999 as infinity)."""
    return " AND ".join(
        f"({c} IS NULL OR typeof({c}) IN ('integer', 'real') AND {c} BETWEEN -1e15 AND 1e15)"
        for c in columns
    )


def _whole(*columns: str, low: int = -(10**15), high: int = 10**15, optional: bool = True) -> str:
    empty = "{c} IS NULL OR " if optional else ""
    return " AND ".join(
        f"({empty.format(c=c)}typeof({c}) = 'integer' AND {c} BETWEEN {low} AND {high})"
        for c in columns
    )


def _one_of(column: str, *words: str) -> str:
    return f"({column} IS NULL OR {column} IN ({', '.join(repr(w) for w in words)}))"


# Each exercise's dose as exercise_to_data wrote it: an object whose sets, reps and hold_s,
# where present, are numbers of the right kind (the dose suggestions compute with them).
_DOSES = (
    "CASE WHEN typeof(doses_json) != 'text' OR NOT json_valid(doses_json) THEN 0 ELSE"
    " NOT EXISTS (SELECT 1 FROM json_each(doses_json) AS d WHERE d.type != 'object'"
    " OR ifnull(json_type(d.value, '$.sets'), 'integer') != 'integer'"
    " OR ifnull(json_type(d.value, '$.reps'), 'null') NOT IN ('integer', 'null')"
    " OR ifnull(json_type(d.value, '$.hold_s'), 'null') NOT IN ('integer', 'real', 'null')"
    " OR ifnull(json_type(d.value, '$.kind'), 'text') != 'text') END"
)

# (table, [(what is wrong, the condition a good row meets)]), checked in this order: sets
# after sessions, so that the sets of a session set aside go with it. Every CHECK and NOT
# NULL of the schema is here too: a row that breaks one could not be updated (a rating
# given to it would be refused), and SQLite's quick_check reports it.
RULES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "sessions",
        (
            ("started_at is not a time", _time("started_at")),
            ("ended_at is not a time", _time("ended_at", optional=True)),
            ("morning_at is not a time", _time("morning_at", optional=True)),
            ("doses_json is not a JSON object", "CASE WHEN typeof(doses_json) = 'text' AND"
             " json_valid(doses_json) THEN json_type(doses_json) = 'object' ELSE 0 END"),
            ("doses_json holds a dose that is not one", _DOSES),
            ("a text column holds something else", _text("routine_id", "routine_title", "note")),
            ("a number column holds something else",
             _whole("routine_revision", optional=False) + " AND " + _whole("sets_planned")),
            ("end_reason is not one HipTimer writes",
             _one_of("end_reason", "completed", "ended_early", "interrupted", "partial")),
            ("a morning score is not a whole number from 0 to 10",
             _whole("morning_pain", "morning_stiffness", low=0, high=10)),
            ("not_representative is not 0 or 1", "not_representative IN (0, 1)"),
            ("stopped_s is not a number of seconds",
             "stopped_s IS NOT NULL AND " + _number("stopped_s") + " AND stopped_s >= 0"),
        ),
    ),
    (
        "sets",
        (
            ("its session is not in the history",
             "session_id IN (SELECT id FROM sessions)"),
            ("started_at is not a time", _time("started_at")),
            ("ended_at is not a time", _time("ended_at")),
            ("a text column holds something else",
             _text("exercise_id", "exercise_name") + " AND "
             + _opt_text("adjustment", "result_unit")),
            ("a number column holds something else",
             _number("planned_hold_s", "actual_hold_s", "result")
             + " AND " + _whole("set_number", "seq", optional=False)
             + " AND " + _whole("planned_reps", "actual_reps")),
            ("pain is not a whole number from 0 to 10", _whole("pain", low=0, high=10)),
            ("side, completed, skipped or pain_choice is not a value HipTimer writes",
             _one_of("side", "right", "left") + " AND completed IN (0, 1) AND skipped IN (0, 1)"
             " AND " + _one_of("pain_choice", "stop", "lower", "continue")
             + " AND tried_before IN (0, 1)"),
        ),
    ),
    (
        "dose_changes",
        (
            ("decided_at is not a time", _time("decided_at")),
            ("a text column holds something else",
             _text("routine_id", "exercise_id", "field", "reason")),
            ("a number column holds something else",
             _number("old_value", "new_value") + " AND " + _whole("session_id")),
            ("side, field or accepted is not a value HipTimer writes",
             _one_of("side", "right", "left") + " AND accepted IN (0, 1) AND "
             + _one_of("field", *DOSE_FIELDS) + " AND field IS NOT NULL"
             " AND decided_by IN ('suggestion', 'session')"),
        ),
    ),
    (
        "corrections",
        (
            ("its session is not in the history",
             "session_id IN (SELECT id FROM sessions)"),
            ("its set is not in the history",
             "set_id IS NULL OR set_id IN (SELECT id FROM sets)"),
            ("corrected_at is not a time", _time("corrected_at")),
            ("a text column holds something else",
             _text("field", "reason", "source") + " AND " + _opt_text("old_value", "new_value")),
            ("field or source is not a value HipTimer writes",
             _one_of("field", *CORRECTED_FIELDS) + " AND field IS NOT NULL"
             " AND " + _one_of("source", "session", "history") + " AND source IS NOT NULL"),
        ),
    ),
)  # fmt: skip


_FOLLOWERS = ("sets", "corrections")


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
            all_good = " AND ".join(f"coalesce({good}, 0)" for _table, good in rules)
            bad_ids = [r[0] for r in conn.execute(f"SELECT id FROM {table} WHERE NOT ({all_good})")]
            for row_id in bad_ids:
                reason = _reason(conn, table, rules, row_id)
                if table == "sessions":
                    for follower in _FOLLOWERS:  # its sets and its corrections go with it
                        for (item,) in conn.execute(
                            f"SELECT id FROM {follower} WHERE session_id = ?", (row_id,)
                        ).fetchall():
                            why = _went_with(row_id)
                            _move(conn, follower, item, why)
                            found.append(SetAside(follower, item, why))
                _move(conn, table, row_id, reason)
                found.append(SetAside(table, row_id, reason))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    for item in found:  # the user hears of them through the store's notice
        log.info("History: set aside %s", item)
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


def _went_with(session_id: int) -> str:
    return f"its session {session_id} was set aside"


def _items(rows: list[SetAside], limit: int) -> tuple[str, int]:
    """'sessions row 2 (doses_json is not a JSON object) with its 4 sets; ...' for up to
    `limit` items, and how many rows are left unnamed."""
    followers: dict[int, dict[str, int]] = {}
    for row in rows:
        if row.table == "sessions":
            followers[row.row_id] = {}
    items: list[str] = []
    for row in rows:
        sid = next((s for s in followers if row.reason == _went_with(s)), None)
        if row.table in _FOLLOWERS and sid is not None:
            followers[sid][row.table] = followers[sid].get(row.table, 0) + 1
    for row in rows:
        if row.table in _FOLLOWERS and any(row.reason == _went_with(s) for s in followers):
            continue
        with_them = ""
        if row.table == "sessions" and (went := followers.get(row.row_id)):
            with_them = " with its " + " and ".join(
                f"{n} {table[:-1]}{'s' * (n != 1)}" for table, n in went.items()
            )
        items.append(f"{row.table} row {row.row_id} ({row.reason}){with_them}")
    named = items[:limit]
    unnamed = sum(
        1 + (sum(followers.get(int(i.split()[2]), {}).values()) if i.startswith("sessions") else 0)
        for i in items[limit:]
    )
    return "; ".join(named), unnamed


def _count(rows: list[SetAside], one: str, many: str) -> str:
    return f"1 damaged row {one}" if len(rows) == 1 else f"{len(rows)} damaged rows {many}"


def describe(found: list[SetAside], limit: int = 5) -> str | None:
    """One sentence for the user about the rows set aside now, or None."""
    if not found:
        return None
    shown, unnamed = _items(found, limit)
    if unnamed:
        shown = _("{items}; and {n} more").format(items=shown, n=unnamed)
    return n_(
        "{n} damaged row was set aside in the history's set_aside table and left out "
        "({items}); everything else is as it was.",
        "{n} damaged rows were set aside in the history's set_aside table and left out "
        "({items}); everything else is as it was.",
        len(found),
    ).format(n=len(found), items=shown)


def describe_left_out(rows: list[SetAside], limit: int = 10) -> str | None:
    """One sentence saying which damaged rows every list and export leaves out, or None."""
    if not rows:
        return None
    shown, unnamed = _items(rows, limit)
    more = f"; and {unnamed} more" if unnamed else ""
    kept = "it was" if len(rows) == 1 else "they were"
    return (
        f"{_count(rows, 'is', 'are')} left out (kept as {kept} in the history's set_aside"
        f" table): {shown}{more}."
    )


# ---------------------------------------------------------------- a copy with version 0


def inferred_version(conn: sqlite3.Connection) -> int:
    """The schema version the tables of a user_version-0 file show (0: no HipTimer tables).

    Version 1 has sessions and sets; version 2 adds the morning check-in columns and
    dose_changes; version 3 the corrections and the mark "not representative"; version 4
    lets the corrections hold a next-morning check-in's; version 5 adds how long a resumed
    session was stopped.
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
        return 5 if "stopped_s" in columns else 4
    return 1
