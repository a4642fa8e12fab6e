"""Every window and dialog fits small laptops and scaled screens: no button off screen or cut off.

Each screen size runs the tour in a process of its own, on an offscreen screen of that size
at that scale factor (what a window sees there: 1920 x 1080 at scale 2 is 960 x 540), once
for each of its looks: a text size (150 is large print) in English or in Spanish, whose words
run about a quarter longer (a process costs a start and a first, slower tour: ~2 s of CPU,
so a screen's looks share one).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.kept_homes import SHARED
from tests.ui.tour import STOPS

# width, height, scale factor, looks: text size (per cent) and language, "150-es". Spanish
# tours first in their process: a word left over from it in an English tour is only longer.
SCREENS = (
    (1024, 768, 1, ("150-es", "100", "150")),
    (1366, 768, 1, ("100",)),
    # 1093 x 614: Qt caps a message box at the width less 480 px there (screen_fit.py)
    (1366, 768, 1.25, ("100-es", "150-es")),
    (1280, 800, 1, ("100",)),
    (1920, 1080, 1, ("100",)),
    (1920, 1080, 2, ("150-es", "100", "150")),
    (2560, 1600, 2, ("100",)),
    # A remote window or an old netbook, large print, Spanish: the longest words on the least
    # room any page is reached at (one look: a process costs ~7 s of CPU).
    (800, 600, 1, ("150-es",)),
    # An old netbook, a VNC window, a tiled desktop: large print in both languages (English's
    # group titles are the wider, Spanish's words), and the usual size (the workout's buttons).
    (640, 480, 1, ("150-es", "150", "100")),
)
# Stops not yet held to a screen at a size (Settings, the weekly plan and the quit question fit
# 800 x 600 since session 24, and 640 x 480 since session 26, with the counting buttons, the
# offer to keep doses, the summary's table and a notice's action; the rest's caution since
# session 27). Name a stop here only with the reason beside it.
NOT_YET: dict[tuple[int, int, float], tuple[str, ...]] = {
    (640, 480, 1): (
        # History's sessions tab in large print, for its height: the chosen session's first
        # set is below the split (0 px of its 66 on view, the list's header and row and the
        # heading's 3-4 lines taking the tab's ~300 px), and in Spanish the heading's last
        # line (93 px of 96) and the tour's 64-letter English routine in the list ("…after a
        # long break from exercise" cut under "Rutina"). The sets' words read whole since
        # session 29 (their choice and change in the name's cell: the title read "Exerc…",
        # "Eje…"), the list's routine since 28 (but for that title in Spanish), the other
        # tabs and the export buttons since 27.
        "history: sessions",
    ),
}
PROBE = Path(__file__).with_name("probe_screen.py")


@pytest.fixture(scope="session")
def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder all the run's probes share (an xdist worker's temporary folder is in the
    run's): the guidance tour's unvisited days are run by the first and copied by the rest."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def run_tour(
    tmp_path: Path,
    width: int,
    height: int,
    scale: float,
    looks: tuple[str, ...] = ("100",),
    shared: Path | None = None,
) -> dict[str, dict[str, list[str]]]:
    """What does not fit, by look ("150-es": text size and language) and stop, on a screen of
    this many pixels at this scale."""
    config = tmp_path / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}))
    report = tmp_path / "report.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": str(scale),
        "HIPTIMER_FIT_REPORT": str(report),
        "HIPTIMER_FIT_LOOKS": ",".join(looks),
        SHARED: str((shared or tmp_path) / "advice-days"),
    }
    done = subprocess.run(
        # One process: xdist workers (addopts) would each import the app again for three tours.
        # Its own --basetemp: else it cleared the machine's oldest pytest-N folders (other
        # runs' leftovers, a thousand files: 0.2-0.4 s of CPU a probe).
        [sys.executable, "-m", "pytest", str(PROBE), "-q", "-p", "no:cacheprovider", "-x", "-n", "0",
         f"--basetemp={tmp_path / 'probe'}"],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    found: dict[str, dict[str, list[str]]] = json.loads(report.read_text())
    return found


def screen_id(width: int, height: int, scale: float, looks: tuple[str, ...]) -> str:
    return f"{width}x{height}@{scale}" + "".join(f"-{look}" for look in looks if look != "100")


@pytest.mark.parametrize(
    ("width", "height", "scale", "looks"),
    SCREENS,
    ids=[screen_id(*screen) for screen in SCREENS],
)
def test_every_window_fits(
    tmp_path: Path,
    run_folder: Path,
    width: int,
    height: int,
    scale: float,
    looks: tuple[str, ...],
) -> None:
    found = run_tour(tmp_path, width, height, scale, looks, run_folder)
    assert sorted(found) == sorted(looks)
    for look, stops in found.items():
        assert sorted(stops) == sorted(STOPS), look
    misfits = {
        f"{look}: {stop}": lines
        for look, stops in found.items()
        for stop, lines in stops.items()
        if lines and stop not in NOT_YET.get((width, height, scale), ())
    }
    assert not misfits, json.dumps(misfits, indent=1)
