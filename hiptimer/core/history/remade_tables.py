"""A side table with the wrong columns: its rows kept in set_aside, the table made again.

The corrections, the dose changes and the per-session totals hang off the sessions and
sets; a file whose `corrections` was made again by hand (other columns, or a view or an
index under its name) has every session and rating sound. Moving the whole file aside for
it emptied the window's history. Its rows, which HipTimer cannot read, go to set_aside as
they are (named in the notice like any damaged row); the table is then added back empty.
The sessions and the sets hold the ratings: a file lacking one of their columns every row
needs is still moved aside whole (schema.py).
"""

from __future__ import annotations

import json
import logging
import sqlite3

from hiptimer.core.history import schema_parts
from hiptimer.core.history.repair import SET_ASIDE_SQL, SetAside
from hiptimer.core.history.transaction import immediate

log = logging.getLogger(__name__)

SIDE_TABLES = ("corrections", "dose_changes", "session_totals")
_NAMED = "SELECT 1 FROM sqlite_master WHERE name = ?"


def broken_side_tables(
    conn: sqlite3.Connection, lacking: list[str], model: schema_parts.Model
) -> list[str]:
    """The side tables that lack a column no ALTER TABLE can add (`lacking`: `missing()`),
    or whose name an index, a view or a trigger holds."""
    found = []
    for item in lacking:
        table, _, column = item.partition(".")
        if table not in SIDE_TABLES or table in found:
            continue
        if column:
            unaddable = not schema_parts.addable(model.columns[table][column])
        else:  # an index, a view or a trigger holds its name
            unaddable = bool(conn.execute(_NAMED, (table,)).fetchone())
        if unaddable:
            found.append(table)
    return found


def set_aside_tables(
    conn: sqlite3.Connection, tables: list[str], lacking: list[str]
) -> list[SetAside]:
    """Move each table's rows into set_aside and drop it, in one transaction."""
    found: list[SetAside] = []
    with immediate(conn):
        conn.execute(SET_ASIDE_SQL)
        for table in tables:
            gone = ", ".join(i.partition(".")[2] for i in lacking if i.startswith(f"{table}."))
            reason = "its table had other columns" if gone else "its name was not a table's"
            log.info("History: %s set aside and made again (it lacked %s)", table, gone)
            kind = conn.execute("SELECT type FROM sqlite_master WHERE name = ?", (table,))
            kind = kind.fetchone()[0]
            rows: list[tuple[object, ...]] = []
            names: list[str] = []
            if kind == "table":  # a view holds no rows of its own
                cursor = conn.execute(f'SELECT * FROM "{table}"')
                names, rows = [d[0] for d in cursor.description], cursor.fetchall()
            for n, row in enumerate(rows, start=1):
                values = dict(zip(names, row, strict=True))
                conn.execute(
                    "INSERT INTO set_aside (source, source_id, reason, row_json) VALUES (?, ?, ?, ?)",
                    (table, n, reason, json.dumps(values, default=repr)),
                )
                found.append(SetAside(table, n, reason))
            conn.execute(f'DROP {kind.upper()} "{table}"')
    return found
