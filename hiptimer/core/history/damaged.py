"""A history file that cannot be used as it is, and the words that say where it went."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from hiptimer.core.history.repair import SetAside
from hiptimer.i18n import _, n_


class CorruptDatabase(Exception):
    """The file is not a usable SQLite database: `reason` is what SQLite found.

    Raised with `moved` set once the file has been moved there; `tables` names another
    program's tables when the file is a sound database that is simply not a HipTimer history.
    """

    def __init__(
        self, reason: str, moved: Path | None = None, *, tables: Sequence[str] = ()
    ) -> None:
        super().__init__(reason if moved is None else f"{reason} (moved to {moved})")
        self.reason = reason
        self.moved = moved
        self.tables = tuple(tables)


def moved_notice(path: Path, exc: CorruptDatabase) -> str:
    """Tell the user why the file at `path` was moved aside, and where to."""
    if exc.tables:
        # Its own sentence: "was damaged (it is another program's database)" read as if
        # HipTimer had broken the other program's file.
        shown = ", ".join(exc.tables[:5]) + (", …" if len(exc.tables) > 5 else "")
        return _(
            "The history database {path} is not a HipTimer history: it is another "
            "program's database (tables {tables}). It was moved to {moved} and a new, "
            "empty history was started."
        ).format(path=path, tables=shown, moved=exc.moved)
    return _(
        "The history database {path} was damaged ({why}). It was moved to "
        "{moved} and a new, empty history was started."
    ).format(path=path, why=exc.reason, moved=exc.moved)


def added_notice(path: Path, added: Sequence[str], remade: Sequence[SetAside]) -> str:
    """Tell the user which history file lacked `added` (a user with two data folders could
    not tell which), and where the rows of a side table made again went (remade_tables)."""
    said = n_(
        "The history {path} lacked {parts}; HipTimer added it.",
        "The history {path} lacked {parts}; HipTimer added them.",
        len(added),
    ).format(path=path, parts=", ".join(added))
    if remade:
        tables = ", ".join(dict.fromkeys(row.table for row in remade))
        said += " " + n_(
            "The row that was under {tables} is kept in that file's set_aside table.",
            "The {n} rows that were under {tables} are kept in that file's set_aside table.",
            len(remade),
        ).format(n=len(remade), tables=tables)
    return said
