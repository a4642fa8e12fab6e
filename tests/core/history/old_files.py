"""A history file of schema version 6, and one on a read-only mount: files the app opens
without writing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hiptimer.core.history import schema as history_schema
from hiptimer.core.history.queries import SessionSummary
from tests.history_generated import generate
from tests.read_only import fake_read_only


def as_version_6(db: Path) -> None:
    """Make the history at `db` what a HipTimer of version 6 left: no totals, no resumed_at,
    no pain_skipped."""
    old = sqlite3.connect(db, isolation_level=None)
    for trigger in ("insert", "delete", "update"):
        old.execute(f"DROP TRIGGER session_totals_{trigger}")
    old.execute("DROP TABLE session_totals")
    old.execute("ALTER TABLE sessions DROP COLUMN resumed_at")
    old.execute("ALTER TABLE sets DROP COLUMN pain_skipped")
    old.execute("PRAGMA user_version = 6")
    old.close()


def version_6_file(db: Path) -> list[SessionSummary]:
    """A generated history as a HipTimer of version 6 left it; its sessions as listed."""
    with generate(db, sessions=30) as store:
        listed = list(store.list_sessions())
    as_version_6(db)
    return listed


def read_only_mount(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """`folder` as a read-only mount: access(2) says so, and opening the file to migrate
    it is refused as SQLite refuses it there (root ignores chmod)."""
    fake_read_only(monkeypatch, folder)

    def refused(path: Path) -> object:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(history_schema, "open_database", refused)
