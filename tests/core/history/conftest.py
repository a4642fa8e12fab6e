"""Fixtures of the history store's tests: a disk that fails its writes when told."""

from __future__ import annotations

import functools
from collections.abc import Iterator

import pytest

from hiptimer.core.history import schema as history_schema
from tests.core.history.flaky_disk import FlakyConnection


@pytest.fixture
def flaky(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[FlakyConnection]]:
    """Every connection the store opens, each failing its writes while `broken` is set."""
    FlakyConnection.instances = []
    connect = functools.partial(history_schema.connect, factory=FlakyConnection)
    monkeypatch.setattr(history_schema, "connect", connect)
    yield FlakyConnection.instances
