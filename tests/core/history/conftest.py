"""Fixtures of the history store's tests: a disk that fails its writes when told, a new run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hiptimer.core.history import schema as history_schema
from tests.core.history.flaky_disk import FlakyConnection, flaky_connections


@pytest.fixture
def flaky(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[FlakyConnection]]:
    """Every connection the store opens, each failing its writes while `broken` is set."""
    yield flaky_connections(monkeypatch)


@pytest.fixture
def fresh_backup_memory() -> Iterator[None]:
    """Each test a new run of the app: the backups made once per file and run, forgotten."""
    history_schema._backed_up.clear()
    yield
    history_schema._backed_up.clear()
