"""Test-wide setup: offscreen Qt and a private data folder for every test."""

from __future__ import annotations

import itertools
import os
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

# Tests never need a screen unless an end-to-end test asks for Xvfb itself.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The suite starts dozens of Python processes (xdist workers, the app under test, the
# screen-fit probes). Where the machine says not to write bytecode (PYTHONDONTWRITEBYTECODE)
# each of them compiled every module again: keep their bytecode in a folder of the test run's
# own, outside the source tree, so each is compiled once (about 15 % of the suite's CPU).
# Before this file's own imports: Hypothesis, imported below, was compiled at each start of
# a `-n 0` run or of xdist's controller.
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
    os.environ.setdefault(
        "PYTHONPYCACHEPREFIX",
        str(Path(tempfile.gettempdir()) / f"hiptimer-tests-pyc-{os.getuid()}"),
    )
    # This process too, from here on: started without bytecode, it compiled every module it
    # imported after this file (in a `-n 0` run every test module, the app and its imports:
    # ~8 s of CPU a run); importlib reads both settings at each import.
    sys.pycache_prefix = os.environ["PYTHONPYCACHEPREFIX"]
    sys.dont_write_bytecode = False

import pytest
from hypothesis import settings

from tests import zones
from tests.bytecode_warm import warm_before_workers
from tests.history_data import Weeks
from tests.schedule import spread_long_tests

if TYPE_CHECKING:  # Qt-free tests never load Qt
    from PySide6.QtWidgets import QApplication, QWidget

# No time limit on a property test's example: speed is measured in bench/, not in tests, and
# Hypothesis's default 200 ms failed a history test on a machine busy with other suites.
settings.register_profile("hiptimer", deadline=None)
settings.load_profile("hiptimer")


def pytest_configure(config: pytest.Config) -> None:
    """The run's local time zone (tests/zones.py), set before any worker or app starts; a
    cold bytecode cache compiled once before the workers start (tests/bytecode_warm.py)."""
    zones.use(zones.choose())
    warm_before_workers(config)


def pytest_report_header(config: pytest.Config) -> str:
    zone = os.environ[zones.ENV]
    return f"time zone: {zone} (to repeat: {zones.ENV}={zone}; the machine's: {zones.ENV}=system)"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int) -> None:
    """The zone again under a failed run, where -q leaves out the header."""
    if exitstatus != 0:
        terminalreporter.write_line(pytest_report_header(terminalreporter.config))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In an xdist worker, the long tests lead each worker's first slice (cut as addopts'
    --dist=worksteal cuts it; a worker is told how many there are, not the --dist)."""
    workers = getattr(config, "workerinput", {}).get("workercount", 0)
    if workers > 1:
        spread_long_tests(items, workers)


@pytest.fixture(scope="session")
def _homes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The folder each test's data home is named in (made once for the worker)."""
    yield tmp_path_factory.mktemp("homes")


_tests_run = itertools.count()


@pytest.fixture(autouse=True)
def data_home(_homes: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point every piece of per-user state at a fresh folder: no test touches the real home.

    The home is named, not made (the app makes it when it first writes), in a fresh empty
    folder of the test's own. That folder is one mkdir: taking `tmp_path` here listed the
    worker's folders for the next number and re-pointed pytest's "current" link for each of
    the ~5,000 tests (the Qt-free ones' largest fixed cost); a test that wants a folder of
    its own to write in asks for tmp_path itself."""
    from hiptimer import paths

    test = _homes / str(next(_tests_run))
    test.mkdir()  # (tests look beside the home: a file where the folder goes, say)
    home = test / "hiptimer-home"
    monkeypatch.setenv(paths.ENV_HOME, str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(test / "config"))  # start at login's entry
    paths.set_data_dir(None)
    yield home
    paths.set_data_dir(None)


@pytest.fixture(autouse=True)
def default_look(request: pytest.FixtureRequest) -> None:
    """The look a test changed (tests/ui/looks.py) put back before the next one makes its
    windows: then nothing is left to re-polish. Not before a test of a shared window: it sets
    its look first (tests/ui/shared_pool.py), and
    putting it back between two tests of the same look re-polished the window twice for
    nothing (~0.4 s of CPU)."""
    looks = sys.modules.get("tests.ui.looks")
    if looks is not None:
        looks.test_starts()
        if not {"shared_window", "shared_page"} & set(request.fixturenames):
            looks.put_back()


@pytest.fixture(autouse=True)
def delete_closed_widgets() -> Iterator[None]:
    """Delete every window the test made, and what it closed, before the next test starts.

    pytest-qt calls deleteLater() outside any event loop, where nothing ever runs it, and
    run_app() leaves its window (the app's process would end there): every window a test made
    stayed alive, and each app style sheet set later (run_app and theme.apply do) made Qt
    re-polish all of them. A worker that had run test_app.py kept some 1,700 widgets, and a
    test there took 12 s of CPU instead of 1. Qt-free tests skip this.
    """
    before = _top_level_widgets()
    yield
    core = sys.modules.get("PySide6.QtCore")
    if core is None or core.QCoreApplication.instance() is None:
        return
    for address, widget in _top_level_widgets().items():
        # A window shared between tests (tests/ui/shared_pool.py) is kept.
        if address not in before and not widget.property("hiptimer_test_shared"):
            widget.deleteLater()  # not close(): a close handler could ask a question
    core.QCoreApplication.sendPostedEvents(None, core.QEvent.Type.DeferredDelete)


def _top_level_widgets() -> dict[int, QWidget]:
    """The application's windows by their C++ address ({} before Qt is loaded)."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None or widgets.QApplication.instance() is None:
        return {}
    import shiboken6

    return {
        shiboken6.getCppPointer(w)[0]: w
        for w in widgets.QApplication.topLevelWidgets()
        if shiboken6.isValid(w)
    }


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
def in_language(qapp: QApplication) -> Iterator[None]:
    """Lets a test call apply_language; English, Qt's catalogs and the locale come back after."""
    from PySide6.QtCore import QLocale

    from hiptimer.ui.language import apply_language

    locale = QLocale()
    yield
    apply_language(qapp, "en")
    QLocale.setDefault(locale)


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
