"""The history database file: schema migrations, backups, corruption recovery and pragmas."""

from __future__ import annotations

import errno
import functools
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from hiptimer.core.history import remade_tables, repair, schema_parts
from hiptimer.core.history.damaged import CorruptDatabase, added_notice, moved_notice
from hiptimer.core.history.in_the_way import in_the_way
from hiptimer.core.history.lost_version import inferred_version, version_from_tables
from hiptimer.core.history.migrations import MIGRATIONS, Migration
from hiptimer.core.history.transaction import immediate
from hiptimer.core.safe_write import free_name, make_folder, move_synced
from hiptimer.core.write_abandon import stop_if_abandoned, writing_beside
from hiptimer.i18n import _

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
WAL_LIMIT_BYTES = 4 * 1024 * 1024


class HistoryError(Exception):
    """The history database cannot be used at all (for now: it was made by a newer HipTimer)."""


SCHEMA_VERSION = len(MIGRATIONS)


def connect(
    path: str | os.PathLike[str], factory: type[sqlite3.Connection] = sqlite3.Connection
) -> sqlite3.Connection:
    """A connection in autocommit mode: the store opens and commits its own transactions.

    Any thread may use it, one at a time: the window opens the history on a thread of its own
    and uses it on the GUI thread once that has finished.
    """
    return sqlite3.connect(
        os.fspath(path),
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        factory=factory,
        check_same_thread=False,
    )


def configure(conn: sqlite3.Connection) -> None:
    """WAL, fsync on every commit (a recorded set survives a power cut), foreign keys."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode not in ("wal", "memory"):
        log.warning("History database is in %s journal mode, not WAL", mode)
    conn.execute("PRAGMA synchronous = FULL")
    # After a checkpoint the -wal file is cut back to this size instead of keeping its
    # largest size for ever: a disk that was full gets its space back.
    conn.execute(f"PRAGMA journal_size_limit = {WAL_LIMIT_BYTES}")
    conn.execute("PRAGMA foreign_keys = ON")


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    conn: sqlite3.Connection,
    migrations: Sequence[Migration] = MIGRATIONS,
    *,
    stepwise: bool = False,
) -> int:
    """Bring the schema up to len(migrations) in one transaction; returns the new version.

    An empty database is given the schema whole (_fresh_schema), unless `stepwise`.
    """
    start = user_version(conn)
    if start >= len(migrations):
        return start
    saved_isolation = conn.isolation_level
    conn.isolation_level = None  # we BEGIN and COMMIT ourselves
    try:
        with immediate(conn):
            empty = start == 0 and not conn.execute("SELECT 1 FROM sqlite_master").fetchone()
            if empty and not stepwise:
                for statement in _fresh_schema(tuple(migrations)):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {len(migrations)}")
            else:
                for version in range(start + 1, len(migrations) + 1):
                    migrations[version - 1](conn)
                    conn.execute(f"PRAGMA user_version = {version}")
    finally:
        conn.isolation_level = saved_isolation
    log.info("History database migrated from version %d to %d", start, len(migrations))
    return len(migrations)


@functools.lru_cache(maxsize=4)
def _fresh_schema(migrations: tuple[Migration, ...]) -> tuple[str, ...]:
    """The statements that make the migrations' schema in one go, tables before indexes.

    A new, empty file is given these rather than each migration in turn: SQLite reads the
    whole schema again at each ALTER TABLE, and the six steps took ~5 ms of CPU at every
    first start (and in every test that opens a new history). Read off an in-memory
    database migrated step by step once per process, so the result is the same schema.
    """
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, migrations, stepwise=True)
        rows = conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type != 'table', rowid"
        )
        return tuple(sql for (sql,) in rows)
    finally:
        conn.close()


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _free_name(path: Path, suffix: str) -> Path:
    """A name for the database moved aside that its -wal and -shm can follow too."""
    return free_name(path, suffix, ("-wal", "-shm"))


# Files backed up by this process: an update that fails and is retried (every 30 s while
# the disk refuses) must not copy the whole file each time. One copy per file and run
# covers every change made to it then (a version adopted, migrations, parts added).
_backed_up: set[str] = set()
BACKUP_HEADROOM = 1.2  # free space wanted for a backup, as a multiple of the file's size


def backup(conn: sqlite3.Connection, path: Path, old_version: int) -> Path | None:
    """Copy the database (WAL content included) to history.sqlite3.bak-v{old}-{stamp}, once
    per file in this process; None when it was made already.

    Raises OSError (no space) rather than fill the disk with a copy; a copy that fails
    half-way is removed.
    """
    key = str(path.resolve())
    if key in _backed_up:
        return None
    size = sum(
        Path(f"{path}{x}").stat().st_size for x in ("", "-wal") if Path(f"{path}{x}").exists()
    )
    free = shutil.disk_usage(path.parent).free
    if free < size * BACKUP_HEADROOM + (1 << 20):
        raise OSError(
            errno.ENOSPC,
            f"not enough free space to back up the history before updating it "
            f"({size // 1024} KiB needed, {free // 1024} KiB free)",
        )
    target = _free_name(path, f".bak-v{old_version}-{_stamp()}")
    dest = sqlite3.connect(os.fspath(target))
    try:
        # A window's opening abandoned as the app quits removes the copy half made, and
        # migrates nothing without it (write_abandon; the command line is never abandoned).
        with writing_beside(target):
            conn.backup(dest)
        stop_if_abandoned()
    except BaseException:
        dest.close()
        for extra in ("", "-journal"):
            Path(f"{target}{extra}").unlink(missing_ok=True)
        raise
    dest.close()
    _backed_up.add(key)
    log.info("Backed up history database version %d to %s", old_version, target)
    return target


def move_aside(path: Path, conn: sqlite3.Connection | None = None) -> Path:
    """Rename a damaged database and its -wal/-shm to history.sqlite3.corrupt-{stamp}.

    SQLite deletes a -wal it cannot use when the last connection closes, so the sidecar
    files are copied while `conn` (open on the damaged file) is still open, and moved
    over their copies afterwards if they are still there.
    """
    target = _free_name(path, f".corrupt-{_stamp()}")
    sidecars = [(Path(f"{path}{x}"), Path(f"{target}{x}")) for x in ("-wal", "-shm")]
    try:
        for source, dest in sidecars:
            if source.exists():
                shutil.copy2(source, dest)
    finally:
        if conn is not None:
            conn.close()
    for source, dest in sidecars:
        if source.exists():
            move_synced(source, dest)
    move_synced(path, target)
    # Said to the user by the store's notice (the window's strip, `hiptimer history`); a
    # warning here printed the same news a second time on the command line.
    log.info("Moved damaged history database %s to %s", path, target)
    return target


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    # OperationalError covers I/O, locking, permissions and full disks: the file may be fine.
    return not isinstance(exc, sqlite3.OperationalError)


# quick_check lines about one row's values (a CHECK or NOT NULL broken, as a database tool
# can do): those rows are set aside (repair.RULES), the file itself is sound.
_ROW_PROBLEMS = re.compile(r"(CHECK constraint failed in \w+|NULL value in \w+\.\w+)$")


def _check(conn: sqlite3.Connection, path: Path, known_version: int) -> int:
    """The file's schema version, after refusing newer files and detecting damage."""
    try:
        version = user_version(conn)
        if version > known_version:
            raise HistoryError(
                _(
                    "The history database {path} was made by a newer HipTimer (history format "
                    "version {version}; this HipTimer reads up to version {known}). "
                    "Update HipTimer to use it; the file has not been changed."
                ).format(path=path, version=version, known=known_version)
            )
        result = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        if _is_corruption(exc):
            raise CorruptDatabase(str(exc)) from exc
        raise
    lines = [ln for row in result for ln in str(row).splitlines() if not ln.startswith("***")]
    damage = [ln for ln in lines if ln != "ok" and not _ROW_PROBLEMS.match(ln)]
    if damage:
        raise CorruptDatabase(f"quick_check: {damage[0]}")
    return version


def _bring_up_to_date(
    conn: sqlite3.Connection, path: Path, version: int, migrations: Sequence[Migration]
) -> tuple[list[str], list[repair.SetAside]]:
    """Adopt a lost version, migrate, add missing parts; returns the parts added and the
    rows of side tables with the wrong columns, set aside (remade_tables).

    A backup is made before the first change (once per file and run). Raises
    CorruptDatabase when a part every row needs is missing.
    """
    adopted = False
    if version == 0 and (inferred := inferred_version(conn)):
        # A copy that lost its version (sqlite3 .dump): its tables say which it is.
        backup(conn, path, 0)
        conn.execute(f"PRAGMA user_version = {inferred}")
        log.warning("History database had no version; its tables are version %d", inferred)
        version, adopted = inferred, True
    if version < len(migrations):
        if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            backup(conn, path, version)
        try:
            migrate(conn, migrations)
        except sqlite3.OperationalError as exc:
            if not adopted and not version_from_tables(
                conn, exc, version, lambda: migrate(conn, migrations)
            ):
                raise
            # Parts of a later version are there already: add only what is missing.
            conn.execute(f"PRAGMA user_version = {len(migrations)}")
    model = _model(migrations)
    lacking = schema_parts.missing(conn, model)
    if lacking:
        backup(conn, path, len(migrations))
    if broken := remade_tables.broken_side_tables(conn, lacking, model):
        kept = remade_tables.set_aside_tables(conn, broken, lacking)
        lacking = schema_parts.missing(conn, model)
    cannot = schema_parts.mend(conn, model)
    if cannot:
        raise CorruptDatabase(f"missing {', '.join(cannot)}")
    return lacking, kept if broken else []


class Opened(NamedTuple):
    """An open, checked history file; `notice`: what was mended (for the user), if anything."""

    conn: sqlite3.Connection
    notice: str | None
    set_aside: list[repair.SetAside]  # damaged rows this opening moved into set_aside


def _open_checked(path: Path, migrations: Sequence[Migration]) -> Opened:
    """Open, check, migrate and repair; returns the connection and what was mended.

    A damaged file (or one missing columns no migration can add, or a folder or a pipe in
    its place) is moved aside and CorruptDatabase raised.
    """
    if (why := in_the_way(path)) is not None:
        raise CorruptDatabase(why, move_aside(path))
    conn = connect(path)
    try:
        if others := schema_parts.foreign_tables(conn, _model(migrations)):
            # Before the version: another program's 99 is no newer HipTimer's.
            raise CorruptDatabase("another program's database", tables=others)
        version = _check(conn, path, len(migrations))
        configure(conn)
        added, remade = _bring_up_to_date(conn, path, version, migrations)
        notice = added_notice(path, added, remade) if added else None
        set_aside = remade + repair.set_aside_bad_rows(conn)
    except CorruptDatabase as exc:
        raise CorruptDatabase(exc.reason, move_aside(path, conn), tables=exc.tables) from exc
    except sqlite3.DatabaseError as exc:
        if _is_corruption(exc):
            raise CorruptDatabase(str(exc), move_aside(path, conn)) from exc
        conn.close()
        raise
    except BaseException:
        conn.close()
        raise
    return Opened(conn, notice, set_aside)


@functools.lru_cache(maxsize=4)
def _model(migrations: Sequence[Migration]) -> schema_parts.Model:
    """The tables, columns and indexes the migrations make, read off an empty database."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, migrations, stepwise=True)
        return schema_parts.model_of(conn)
    finally:
        conn.close()


def model() -> schema_parts.Model:
    """What a history file of this HipTimer should have (schema_parts.mend adds what it lacks)."""
    return _model(MIGRATIONS)


def open_database(path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> Opened:
    """Open, check, migrate and mend the database file.

    A damaged file is moved aside and a fresh database is started; the notice then says
    where the old file went. Raises HistoryError for a newer database, and
    sqlite3.Error or OSError when the file cannot be opened or written at all.
    """
    make_folder(path.parent)
    aside = _clear_sidecars(path)
    try:
        opened = _open_checked(path, migrations)
    except CorruptDatabase as exc:
        opened = _open_checked(path, migrations)._replace(notice=moved_notice(path, exc))
    if aside:
        opened = opened._replace(notice=" ".join(filter(None, [*aside, opened.notice])))
    return opened


def _clear_sidecars(path: Path) -> list[str]:
    """Move aside a folder, a pipe or a device where SQLite keeps the history's -wal, -shm
    or -journal file (the history stayed off for good, 'unable to open database file');
    never a file, which may hold sets not yet in the database. Returns what was moved."""
    moved: list[str] = []
    for extra in ("-wal", "-shm", "-journal"):
        sidecar = Path(f"{path}{extra}")
        if (why := in_the_way(sidecar)) is None:
            continue
        target = _free_name(sidecar, f".corrupt-{_stamp()}")
        move_synced(sidecar, target)
        moved.append(
            _("{path} could not be used ({why}); it was moved to {moved}.").format(
                path=sidecar, why=why, moved=target
            )
        )
    return moved


def open_memory(migrations: Sequence[Migration] = MIGRATIONS) -> sqlite3.Connection:
    """An in-memory database with the full schema, for when the file cannot be used."""
    conn = connect(":memory:")
    configure(conn)
    migrate(conn, migrations)
    return conn
