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
from collections.abc import Iterable
from dataclasses import dataclass

from hiptimer.core.history.transaction import immediate
from hiptimer.core.history.writes import CORRECTED_FIELDS, DOSE_FIELDS

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

# A set's values that neither place it (its session, exercise, side, set number and times)
# nor count it (completed, skipped): a row whose only bad values are among these stays a set,
# those values emptied (the row as it was goes to set_aside), so a set done with a corrupt
# rating still counts as done. (column, what is wrong, the condition a good value meets)
SET_VALUES: tuple[tuple[str, str, str], ...] = (
    ("pain", "pain is not a whole number from 0 to 10", _whole("pain", low=0, high=10)),
    ("pain_choice", "pain_choice is not a value HipTimer writes",
     _one_of("pain_choice", "stop", "lower", "continue")),
    ("adjustment", "adjustment is not text", _opt_text("adjustment")),
    ("planned_hold_s", "planned_hold_s is not a number", _number("planned_hold_s")),
    ("actual_hold_s", "actual_hold_s is not a number", _number("actual_hold_s")),
    ("planned_reps", "planned_reps is not a whole number", _whole("planned_reps")),
    ("actual_reps", "actual_reps is not a whole number", _whole("actual_reps")),
    ("result", "result is not a number", _number("result")),
    ("result_unit", "result_unit is not text", _opt_text("result_unit")),
)  # fmt: skip
KEPT = "kept as a set"  # in the reason of a set kept with a value emptied

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
            ("resumed_at is not a time", _time("resumed_at", optional=True)),
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
            ("a text column holds something else", _text("exercise_id", "exercise_name")),
            ("a number column holds something else",
             _whole("set_number", "seq", optional=False)),
            ("side, completed, skipped or tried_before is not a value HipTimer writes",
             _one_of("side", "right", "left") + " AND completed IN (0, 1) AND skipped IN (0, 1)"
             " AND tried_before IN (0, 1)"),
            *((reason, good) for _column, reason, good in SET_VALUES),
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


FOLLOWERS = ("sets", "corrections")


@dataclass(frozen=True)
class SetAside:
    """One row moved out of the way: where it was and why (`kept`: a set kept, a value of
    it emptied; the row as it was is in set_aside)."""

    table: str
    row_id: int
    reason: str

    @property
    def kept(self) -> bool:
        return self.table == "sets" and self.reason.endswith(f": {KEPT}")

    def __str__(self) -> str:
        return f"{self.table} row {self.row_id}: {self.reason}"


def set_aside_bad_rows(conn: sqlite3.Connection) -> list[SetAside]:
    """Move every row with an unusable value into `set_aside`, in one transaction.

    One scan per table finds the bad rows (all rules at once); only those are looked at
    again to say why. The sets of a session set aside go with it. Returns what was moved
    (empty when the history is sound, which costs the scans and nothing else).
    """
    found: list[SetAside] = []
    with immediate(conn):
        conn.execute(SET_ASIDE_SQL)
        for table, rules in RULES:
            all_good = " AND ".join(f"coalesce({good}, 0)" for _table, good in rules)
            bad_ids = [r[0] for r in conn.execute(f"SELECT id FROM {table} WHERE NOT ({all_good})")]
            for row_id in bad_ids:
                reason = _reason(conn, table, rules, row_id)
                if table == "sets" and (emptied := _values_only(conn, rules, row_id)):
                    reason = "; ".join(why for _column, why in emptied) + f": {KEPT}"
                    _keep_without(conn, row_id, [column for column, _why in emptied], reason)
                    found.append(SetAside(table, row_id, reason))
                    continue
                if table == "sessions":
                    for follower in FOLLOWERS:  # its sets and its corrections go with it
                        for (item,) in conn.execute(
                            f"SELECT id FROM {follower} WHERE session_id = ?", (row_id,)
                        ).fetchall():
                            why = went_with(row_id)
                            _move(conn, follower, item, why)
                            found.append(SetAside(follower, item, why))
                _move(conn, table, row_id, reason)
                found.append(SetAside(table, row_id, reason))
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


def _values_only(
    conn: sqlite3.Connection, rules: tuple[tuple[str, str], ...], row_id: int
) -> list[tuple[str, str]]:
    """The set's bad values (column, why) when they are all among SET_VALUES; else none."""
    values = {why for _column, why, _good in SET_VALUES}
    placing = [good for why, good in rules if why not in values]
    ok = f"SELECT coalesce({' AND '.join(placing)}, 0) FROM sets WHERE id = ?"
    if not conn.execute(ok, (row_id,)).fetchone()[0]:
        return []
    bad = ", ".join(f"NOT coalesce({good}, 0)" for _column, _why, good in SET_VALUES)
    flags = conn.execute(f"SELECT {bad} FROM sets WHERE id = ?", (row_id,)).fetchone()
    return [(c, why) for (c, why, _good), off in zip(SET_VALUES, flags, strict=True) if off]


def _keep_without(conn: sqlite3.Connection, row_id: int, columns: list[str], why: str) -> None:
    """The set stays, these values emptied; the row as it was goes to set_aside."""
    _move(conn, "sets", row_id, why, delete=False)
    emptied = ", ".join(f"{c} = NULL" for c in columns)
    conn.execute(f"UPDATE sets SET {emptied} WHERE id = ?", (row_id,))


def _move(
    conn: sqlite3.Connection, table: str, row_id: int, reason: str, *, delete: bool = True
) -> None:
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
    if delete:
        conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))


def emptied_values(
    conn: sqlite3.Connection, set_ids: Iterable[int] | None = None
) -> dict[int, tuple[int, tuple[str, ...]]]:
    """The sets kept with values emptied (of these ids, or all): by set id, its session and
    the columns emptied (a value given again since, a rating, is no longer among them)."""
    names = [c for c, _why, _good in SET_VALUES]
    where = ""
    params: list[object] = [f"%: {KEPT}"]
    if set_ids is not None:
        ids = list(set_ids)
        where = f" AND a.source_id IN ({', '.join('?' * len(ids))})"
        params += ids
    try:
        rows = conn.execute(
            f"SELECT a.source_id, a.row_json, t.session_id, {', '.join('t.' + c for c in names)}"
            " FROM set_aside AS a JOIN sets AS t ON t.id = a.source_id"
            f" WHERE a.source = 'sets' AND a.reason LIKE ?{where}",
            params,
        ).fetchall()
    except sqlite3.Error:  # no set_aside table: a stand-in history in memory
        return {}
    found: dict[int, tuple[int, tuple[str, ...]]] = {}
    for set_id, row_json, session_id, *now in rows:
        was = json.loads(row_json)
        gone = tuple(
            c for c, v in zip(names, now, strict=True) if v is None and was.get(c) is not None
        )
        found[set_id] = (session_id, gone)
    return found


def set_aside_rows(conn: sqlite3.Connection) -> list[SetAside]:
    """What the set_aside table holds, oldest first (none when there is no such table)."""
    try:
        rows = conn.execute("SELECT source, source_id, reason FROM set_aside ORDER BY id")
        return [SetAside(str(table), int(row_id or 0), str(why)) for table, row_id, why in rows]
    except sqlite3.Error:
        return []


def went_with(session_id: int) -> str:
    return f"its session {session_id} was set aside"
