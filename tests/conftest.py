"""Test-wide setup: offscreen Qt and a private data folder for every test."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.history_data import Weeks
from tests.schedule import spread_long_tests

# Tests never need a screen unless an end-to-end test asks for Xvfb itself.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The suite starts dozens of Python processes (xdist workers, the app under test, the
# screen-fit probes). Where the machine says not to write bytecode (PYTHONDONTWRITEBYTECODE)
# each of them compiled every module again: keep their bytecode in a folder of the test run's
# own, outside the source tree, so each is compiled once (about 15 % of the suite's CPU).
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
    os.environ.setdefault(
        "PYTHONPYCACHEPREFIX",
        str(Path(tempfile.gettempdir()) / f"hiptimer-tests-pyc-{os.getuid()}"),
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In an xdist worker, the long tests lead each worker's first slice (cut as addopts'
    --dist=worksteal cuts it; a worker is told how many there are, not the --dist)."""
    workers = getattr(config, "workerinput", {}).get("workercount", 0)
    if workers > 1:
        spread_long_tests(items, workers)


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


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English whatever the machine's locale; a test of another language
    switches with i18n.use (or the `spanish` fixture) and is put back after."""
    from hiptimer import i18n

    for name in i18n.LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.use("en")
    yield
    i18n.use("en")


@pytest.fixture
def spanish() -> Iterator[None]:
    """Run the test in Spanish (the English fixture restores English after it)."""
    from hiptimer import i18n

    assert i18n.use("es") == "es"
    yield


@pytest.fixture
def weeks() -> Weeks:
    """The weeks of the shared test history, counted back from the day this test starts."""
    return Weeks(date.today())


@pytest.fixture
def python_started_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    """Python counts as a speech player that is started ahead, as aplay is
    (hiptimer/audio/player_process.py): tests' stand-in players are Python scripts."""
    from hiptimer.audio import player_process

    monkeypatch.setattr(player_process, "AHEAD_PLAYERS", frozenset({Path(sys.executable).name}))
