"""The tour of every window on one screen size, run by test_screen_fit.py in a process of its own.

Not collected by itself (the name does not start with test_): the screen comes from the
environment (the offscreen platform's configfile and QT_SCALE_FACTOR), and what does not
fit goes as JSON to the file named by HIPTIMER_FIT_REPORT.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui import theme
from hiptimer.ui.palette import DARK
from tests.ui.fit_checks import misfits
from tests.ui.kept_homes import SHARED
from tests.ui.tour import TOURS, Visit

REPORT = Path(os.environ.get("HIPTIMER_FIT_REPORT", "fit-report.json"))
SHOTS = os.environ.get("HIPTIMER_FIT_SHOTS")  # a folder for a picture of each stop, to look at
# The looks to tour in: a text size in per cent (150 is large print), and "-es" for Spanish
# ("100,150,150-es"); each tours in its own test, in this process.
LOOKS = os.environ.get("HIPTIMER_FIT_LOOKS", "100").split(",")
THEME = os.environ.get("HIPTIMER_FIT_THEME", "dark")


@pytest.fixture(scope="session", autouse=True)
def shared_days(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The guidance tour's unvisited days run once in this process, if not once in the
    whole run (test_screen_fit.py names a folder for the run's probes)."""
    if SHARED not in os.environ:
        os.environ[SHARED] = str(tmp_path_factory.getbasetemp() / "days")


@pytest.fixture(params=LOOKS)
def look(request: pytest.FixtureRequest) -> str:
    chosen: str = request.param
    return chosen


@pytest.fixture(autouse=True)
def real_look(qapp: QApplication, look: str) -> Iterator[None]:
    """The style sheet, fonts, words and window fitting the app has when run in `look`."""
    from hiptimer.ui.app_setup import setup_application
    from hiptimer.ui.language import apply_language
    from hiptimer.ui.widgets.screen_fit import install_screen_fit

    size, _, language = look.partition("-")
    language = language or "en"
    assert apply_language(qapp, language) == language  # words, Qt's buttons, dates' formats
    setup_application(qapp)
    theme.apply(qapp, THEME, int(size))
    fit = install_screen_fit(qapp)
    yield
    qapp.removeEventFilter(fit)
    theme.use(DARK, 100)
    apply_language(qapp, "en")


def recorder(found: dict[str, list[str]], look: str) -> Visit:
    def visit(name: str, window: QWidget) -> None:
        if not SHOTS:
            # Fit is geometry: laid out, never painted. Nobody sees these windows, so each is
            # never repainted after its first stop: the repaint each stop forced cost about a
            # sixth of a look's CPU (profiled), and it checked nothing.
            window.setUpdatesEnabled(False)
        QApplication.processEvents()
        found[name] = misfits(window)
        if SHOTS:
            shot = f"{name.replace(' ', '-').replace(':', '')}-text{look}.png"
            window.grab().save(str(Path(SHOTS) / shot))

    return visit


@pytest.mark.parametrize("tour", TOURS, ids=[t.__name__ for t in TOURS])
@pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")
def test_tour(qtbot: QtBot, tour: object, look: str) -> None:
    found: dict[str, list[str]] = {}
    assert callable(tour)
    tour(qtbot, recorder(found, look))
    report = json.loads(REPORT.read_text()) if REPORT.exists() else {}
    report[look] = {**report.get(look, {}), **found}
    REPORT.write_text(json.dumps(report, indent=1))
