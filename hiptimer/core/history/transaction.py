"""One write transaction of the history's repairs and migrations, whole or not at all."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE (the write lock taken now, not at the first write), COMMIT when the
    block ends, ROLLBACK and the error raised again when it fails: a repair or migration
    stopped midway leaves the file as it was. The connection begins nothing itself
    (isolation_level None)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
