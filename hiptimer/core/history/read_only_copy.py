"""A history in a read-only data folder, shown as it is: read with SQLite's mode=ro into
memory and brought up to date there, since the file itself cannot be changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import NamedTuple

from hiptimer.core.history import repair, schema_parts
from hiptimer.core.history import schema as history_schema
from hiptimer.core.history.status import ReadOnlyCopy
from hiptimer.core.safe_write import read_only_folder
from hiptimer.i18n import _


class Copy(NamedTuple):
    """The stand-in database for the store (None: nothing could be read), why in words, and
    why as fields (None with no stand-in)."""

    conn: sqlite3.Connection | None
    notice: str
    shown: ReadOnlyCopy | None = None


def read_only_copy(path: Path) -> Copy | None:
    """The history at `path` copied into memory, when its folder is read-only; else None.

    A HipTimer that needs a newer format than the file's migrates it at opening, which
    needs a backup beside it and a write: in a read-only folder that failed, and the window
    showed an empty history (the in-memory stand-in). The copy is migrated and mended in
    memory, so every read path finds the tables and columns it expects; the file is never
    written. The store keeps trying to open the file itself, and replays this run's
    sessions there once the folder can be written.
    """
    if not (path.is_file() and read_only_folder(path.parent)):
        return None
    folder = path.parent
    try:
        conn = _copied(path)
    except sqlite3.Error as exc:
        return Copy(None, _cannot_read(folder, str(exc)))
    version = history_schema.user_version(conn)
    if version > history_schema.SCHEMA_VERSION:
        conn.close()
        why = _("it was made by a newer HipTimer (history format version {version})")
        return Copy(None, _cannot_read(folder, why.format(version=version)))
    try:
        history_schema.configure(conn)
        history_schema.migrate(conn)
        schema_parts.mend(conn, history_schema.model())
        repair.set_aside_bad_rows(conn)
    except sqlite3.Error as exc:
        conn.close()
        return Copy(None, _cannot_read(folder, str(exc)))
    shown = ReadOnlyCopy()
    if version and version < history_schema.SCHEMA_VERSION:
        shown = ReadOnlyCopy(update=(version, history_schema.SCHEMA_VERSION))
        notice = _(
            "The history in {folder} is shown as it is, read-only: this HipTimer must update "
            "its format (version {old} to {new}) before it can save there, and the folder is "
            "read-only. New sessions are not saved there until the folder can be written."
        ).format(folder=folder, old=version, new=history_schema.SCHEMA_VERSION)
    else:
        notice = _(
            "The history in {folder} is shown as it is, read-only: the folder is read-only, "
            "so new sessions are not saved there until it can be written."
        ).format(folder=folder)
    return Copy(conn, notice, shown)


def _copied(path: Path) -> sqlite3.Connection:
    """The file's content in an in-memory database, read without writing beside it.

    mode=ro reads the -wal file too when its -shm can be used; a read-only folder without
    them cannot make the -shm, and `immutable=1` then reads the file alone, which holds
    everything when there is no -wal file (https://www.sqlite.org/uri.html#uriimmutable).
    """
    memory = history_schema.connect(":memory:")
    uri = path.resolve().as_uri()
    try:
        _back_up(f"{uri}?mode=ro", memory)
    except sqlite3.Error:
        if Path(f"{path}-wal").exists():
            raise  # its last sets are there: immutable would show the history without them
        _back_up(f"{uri}?mode=ro&immutable=1", memory)
    return memory


def _back_up(uri: str, memory: sqlite3.Connection) -> None:
    source = sqlite3.connect(uri, uri=True)
    try:
        source.backup(memory)
    finally:
        source.close()


def _cannot_read(folder: Path, why: str) -> str:
    return _(
        "The history in {folder} cannot be shown: the folder is read-only, and HipTimer could "
        "not read the file there ({why}). New sessions are not saved there until the folder "
        "can be written."
    ).format(folder=folder, why=why)
