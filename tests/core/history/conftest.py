"""Fixtures of the history store's tests: a disk that fails its writes when told."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.core.history.flaky_disk import FlakyConnection, flaky_connections


@pytest.fixture
def flaky(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[FlakyConnection]]:
    """Every connection the store opens, each failing its writes while `broken` is set."""
    yield flaky_connections(monkeypatch)
