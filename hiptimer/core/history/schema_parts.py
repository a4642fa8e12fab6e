"""The tables, columns, indexes and triggers a history file should have, and adding those
it lacks.

A file edited in a database tool, or put together from an old copy, may lack a table, a
column, an index or a trigger. What can be added without guessing (a table, a column that
may be empty or has a default, an index, a trigger) is added, as the migrations define it;
the per-session totals the triggers keep are then counted again; a file that
lacks a column every row needs a value for (a set's session, a session's start) cannot
be mended and is moved aside by the caller.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field

from hiptimer.core.history import session_totals
from hiptimer.core.history.transaction import immediate

log = logging.getLogger(__name__)

# Words that start a table constraint rather than a column in CREATE TABLE.
_CONSTRAINTS = ("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN")


@dataclass(frozen=True)
class Model:
    """The schema the migrations make, read off an empty database."""

    tables: dict[str, str]  # name -> CREATE TABLE statement
    columns: dict[str, dict[str, str]]  # table -> column -> its definition, as written
    indexes: dict[str, tuple[str, str]]  # name -> (table, CREATE INDEX statement)
    triggers: dict[str, str] = field(default_factory=dict)  # name -> CREATE TRIGGER statement


def column_definitions(create_table: str) -> dict[str, str]:
    """{column: 'name TYPE constraints...'} of a CREATE TABLE statement, in order."""
    body = create_table[create_table.index("(") + 1 : create_table.rindex(")")]
    parts, depth, start = [], 0, 0
    for i, char in enumerate(body):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    found: dict[str, str] = {}
    for part in (" ".join(p.split()) for p in parts):
        name = part.split(" ", 1)[0]
        if part and name.upper() not in _CONSTRAINTS:
            found[name] = part
    return found


def model_of(conn: sqlite3.Connection) -> Model:
    """The tables, columns and named indexes of the (migrated, empty) database `conn`."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql NOT NULL")
    tables: dict[str, str] = {}
    indexes: dict[str, tuple[str, str]] = {}
    triggers: dict[str, str] = {}
    for kind, name, table, sql in rows:
        if kind == "table":
            tables[name] = sql
        elif kind == "index":
            indexes[name] = (table, sql)
        elif kind == "trigger":
            triggers[name] = sql
    columns = {name: column_definitions(sql) for name, sql in tables.items()}
    return Model(tables, columns, indexes, triggers)


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def foreign_tables(conn: sqlite3.Connection, model: Model) -> list[str]:
    """The tables of another program's database: those of a file none of whose tables are
    HipTimer's ([] for a HipTimer file, however much it lacks, and for an empty one).

    Such a file (a browser's places.sqlite copied to the wrong name, a data folder given
    by mistake) was adopted and given HipTimer's tables, or, with a user_version of its
    own, kept the history off for good, retried every 30 s.
    """
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    tables = sorted(r[0] for r in rows if not r[0].startswith("sqlite_"))
    ours = {*model.tables, "set_aside"}
    return [] if any(t in ours for t in tables) else tables


def missing(conn: sqlite3.Connection, model: Model) -> list[str]:
    """Tables and columns the file lacks, as 'table' or 'table.column'."""
    found: list[str] = []
    for table, columns in model.columns.items():
        have = _columns(conn, table)
        if not have:
            found.append(table)
        else:
            found.extend(f"{table}.{c}" for c in columns if c not in have)
    return found


def _missing_indexes(conn: sqlite3.Connection, model: Model) -> list[str]:
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    return [name for name in model.indexes if name not in have]


def _missing_triggers(conn: sqlite3.Connection, model: Model) -> list[str]:
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return [name for name in model.triggers if name not in have]


def addable(definition: str) -> bool:
    """Whether ALTER TABLE ADD COLUMN can add this column to a table that has rows."""
    words = definition.upper()
    if "PRIMARY KEY" in words or "UNIQUE" in words:
        return False
    has_default = " DEFAULT " in words and " DEFAULT NULL" not in words
    if "NOT NULL" in words and not has_default:
        return False  # every existing row would need a value nobody knows
    return not ("REFERENCES" in words and has_default)


def lacks(conn: sqlite3.Connection, model: Model) -> bool:
    """Whether the file lacks a table, a column, an index or a trigger of `model`."""
    return bool(
        missing(conn, model) or _missing_triggers(conn, model) or _missing_indexes(conn, model)
    )


def mend(conn: sqlite3.Connection, model: Model) -> list[str]:
    """Add what the file lacks, in one transaction; returns what cannot be added.

    Nothing is changed when something cannot be added (the file is then moved aside).
    """
    lacking = missing(conn, model)
    triggers = _missing_triggers(conn, model)
    if not lacking and not triggers and not _missing_indexes(conn, model):
        return []
    cannot = [
        item
        for item in lacking
        if "." in item and not addable(model.columns[item.split(".")[0]][item.split(".")[1]])
    ]
    if cannot:
        return cannot
    with immediate(conn):
        for item in lacking:
            table, _, column = item.partition(".")
            if column:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {model.columns[table][column]}")
            else:
                conn.execute(model.tables[table])
        for name in _missing_indexes(conn, model):
            conn.execute(model.indexes[name][1])
        for name in triggers:
            conn.execute(model.triggers[name])
        if triggers or session_totals.TABLE in lacking:
            # Made empty, or not kept while a trigger was missing: count every session again.
            for statement in session_totals.COUNT_ALL:
                conn.execute(statement)
    if lacking:
        log.info("History: added the missing %s", ", ".join(lacking))  # and a notice says so
    return []
