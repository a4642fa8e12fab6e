"""Test-wide setup: offscreen Qt and a private data folder for every test."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.history_data import Weeks

# Tests never need a screen unless an end-to-end test asks for Xvfb itself.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point every piece of per-user state at a fresh folder: no test touches the real home."""
    from hiptimer import paths

    home = tmp_path / "hiptimer-home"
    monkeypatch.setenv(paths.ENV_HOME, str(home))
    paths.set_data_dir(None)
    yield home
    paths.set_data_dir(None)


@pytest.fixture(autouse=True)
def delete_closed_widgets() -> Iterator[None]:
    """Delete what the test closed (pytest-qt's addWidget) before the next test starts.

    pytest-qt calls deleteLater() outside any event loop, where nothing ever runs it: every
    window a test made stayed alive, and once an app style sheet was set (run_app does) Qt
    re-polished all of them, so test_app took 50 s in the full suite. Qt-free tests skip this.
    """
    yield
    core = sys.modules.get("PySide6.QtCore")
    if core is not None and core.QCoreApplication.instance() is not None:
        core.QCoreApplication.sendPostedEvents(None, core.QEvent.Type.DeferredDelete)


@pytest.fixture
def weeks() -> Weeks:
    """The weeks of the shared test history, counted back from the day this test starts."""
    return Weeks(date.today())
