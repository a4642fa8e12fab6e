"""A connection whose writes fail as on a full or failing disk."""

from __future__ import annotations

import functools
import sqlite3
from typing import Any

import pytest

from hiptimer.core.history import schema as history_schema


class FlakyConnection(sqlite3.Connection):
    """A connection whose writes fail like a full or unplugged disk while `broken` is set."""

    instances: list[FlakyConnection] = []  # noqa: RUF012 -- collects the store's connection

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.broken = False
        FlakyConnection.instances.append(self)

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
        if self.broken and sql.split()[0].upper() in ("BEGIN", "INSERT", "UPDATE", "COMMIT"):
            raise sqlite3.OperationalError("disk I/O error")
        return super().execute(sql, *args)


def flaky_connections(monkeypatch: pytest.MonkeyPatch) -> list[FlakyConnection]:
    """Make every connection the store opens from now on a FlakyConnection; the list fills
    with them as they open."""
    FlakyConnection.instances = []
    connect = functools.partial(history_schema.connect, factory=FlakyConnection)
    monkeypatch.setattr(history_schema, "connect", connect)
    return FlakyConnection.instances
