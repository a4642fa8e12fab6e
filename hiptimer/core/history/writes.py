"""History writes as data: a statement, its parameters, and the rows it refers to by handle.

A row's id is chosen by SQLite inside the transaction that writes it, so two copies of
HipTimer on one file, or a session made while the disk refused writes, can never take an
id another row has. Until its row is written the caller holds a handle (a negative
number); writes that refer to that row carry a `Ref`, which becomes the real id when the
write runs. On the in-memory stand-in (the file cannot be opened) a row's id is its
handle, so what the stand-in answers uses the numbers the caller holds.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# Errors that mean "the data or the call is wrong", not "the disk refused": never queued.
BUG_ERRORS = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)


# What the schema's CHECKs allow; checked before a write is queued, so it cannot fail later.
END_REASONS = ("completed", "ended_early", "interrupted", "partial")
SIDES = ("right", "left")
PAIN_CHOICES = ("stop", "lower", "continue")
DOSE_FIELDS = ("rung", "sets", "reps", "hold_s")  # rung: a move on a progression ladder
# What a correction changes: a set's rating, the note, the mark, a next-morning check-in.
CORRECTED_FIELDS = ("pain", "note", "not_representative", "morning_pain", "morning_stiffness")


def check_in(name: str, value: object, allowed: tuple[str, ...]) -> None:
    if value is not None and value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)} or None, not {value!r}")


def check_score(name: str, value: object) -> None:
    ok = value is None or (type(value) is int and 0 <= value <= 10)
    if not ok:
        raise ValueError(f"{name} must be a whole number from 0 to 10 or None, not {value!r}")


def not_negative(value: float | None) -> float | None:
    """A duration as stored: never below zero (the engine's clocks may disagree by a hair)."""
    return None if value is None else max(0.0, value)


@dataclass(frozen=True)
class Ref:
    """A row this store made, by handle; `new`: the row this write makes (its id parameter)."""

    handle: int
    new: bool = False


@dataclass(frozen=True)
class Write:
    """One statement, committed as its own transaction; `what` names it in logs.

    `makes`: the handle bound to the id of the row this statement inserts. `more`: further
    (statement, parameters) run after it in the same transaction (a correction and its
    audit row are saved together or not at all). `kind`: SET, RATING or NO_RATING for a set's
    row, its rating or a K on its question, which a person counts; other writes (a session's
    start or end, a dose) are not.
    """

    what: str
    sql: str
    params: tuple[Any, ...]
    makes: int | None = None
    more: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    kind: str = ""  # SET, RATING or NO_RATING: what the quit question counts while writes wait


SET = "set"
RATING = "rating"
NO_RATING = "no_rating"  # a K on the pain question: lost, the set reads as never asked


def answers_waiting(pending: Iterable[Write]) -> tuple[int, int, int]:
    """Ratings and K's waiting, counted once per set by its last answer (a rating typed, then
    replaced by K while both wait, is one set marked "no rating"), and the answers replaced.
    A rating or a K names its set by its last parameter (SessionWrites.rate_set, skip_rating)."""
    last: dict[object, str] = {}
    answers = 0
    for write in pending:
        if write.kind in (RATING, NO_RATING):
            last[write.params[-1]] = write.kind
            answers += 1
    kinds = list(last.values())
    return kinds.count(RATING), kinds.count(NO_RATING), answers - len(kinds)


class Rejected(Exception):
    """SQLite refused `write` for its content (see BUG_ERRORS); `__cause__` says why."""

    def __init__(self, write: Write, reason: str) -> None:
        super().__init__(f"{write.what}: {reason}")
        self.write = write


def _bind(
    write: Write, ids: Mapping[int, int] | None, params: tuple[Any, ...] | None = None
) -> list[Any]:
    """The parameters with each Ref replaced: None (SQLite picks) or the id it was given."""
    values: list[Any] = []
    for value in write.params if params is None else params:
        if not isinstance(value, Ref):
            values.append(value)
        elif ids is None:  # the stand-in: a row's id is its handle
            values.append(value.handle)
        elif value.new:
            values.append(None)  # INTEGER PRIMARY KEY: the next free id, under the write lock
        elif value.handle in ids:
            values.append(ids[value.handle])
        else:
            raise Rejected(write, "it refers to a row that was never saved")
    return values


def run(
    conn: sqlite3.Connection, writes: Iterable[Write], ids: Mapping[int, int] | None
) -> dict[int, int]:
    """Commit these writes together, or none of them; returns {handle: id} of rows made.

    `ids` maps the handles of rows already written to their ids; None for the stand-in.
    """
    made: dict[int, int] = {}
    known = None if ids is None else {**ids}
    conn.execute("BEGIN IMMEDIATE")
    try:
        for write in writes:
            try:
                cursor = conn.execute(write.sql, _bind(write, known))
                for sql, params in write.more:
                    conn.execute(sql, _bind(write, known, params))
            except BUG_ERRORS as exc:
                raise Rejected(write, str(exc)) from exc
            if write.makes is not None:
                made[write.makes] = write.makes if known is None else int(cursor.lastrowid or 0)
                if known is not None:
                    known[write.makes] = made[write.makes]
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise
    return made
