"""Test-wide setup: offscreen Qt and a private data folder for every test."""

from __future__ import annotations

import os
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
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # start at login's entry
    paths.set_data_dir(None)
    yield home
    paths.set_data_dir(None)


@pytest.fixture
def weeks() -> Weeks:
    """The weeks of the shared test history, counted back from the day this test starts."""
    return Weeks(date.today())
