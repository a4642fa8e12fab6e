"""Fixtures of the history window's tests: windows shared between tests that only look, and
a history store of a test's own."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from hiptimer.core.history.store import HistoryStore, open_history
from tests.ui.history.shared_windows import shared_window, shared_windows
from tests.ui.shared_pool import no_idle_shared

__all__ = ["no_idle_shared", "shared_window", "shared_windows", "store"]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    """An empty history in the test's own folder (a module may define its own)."""
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened
