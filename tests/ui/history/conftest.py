"""Fixtures of the history window's tests: windows shared between tests that only look, and
a history store of a test's own."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from hiptimer.core.history.store import HistoryStore, open_history
from tests.ui.history.shared_windows import shared_window, shared_windows
from tests.ui.shared_pool import no_idle_shared

__all__ = ["no_idle_shared", "shared_window", "shared_windows", "store", "widgets_app"]


@pytest.fixture(autouse=True)
def widgets_app(qapp: QApplication) -> QApplication:
    """The tests' QApplication made before any test here runs. A report test that asked for
    none let write_report make the command line's QGuiApplication (ensure_gui_app); first in a
    worker, every later window test of that worker then failed to set up (no QApplication)."""
    return qapp


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    """An empty history in the test's own folder (a module may define its own)."""
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened
