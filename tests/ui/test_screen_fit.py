"""Every window and dialog fits small laptops and scaled screens: no button off screen or cut off.

Each screen size runs the tour in a process of its own, on an offscreen screen of that size
at that scale factor (what a window sees there: 1920 x 1080 at scale 2 is 960 x 540), once
for each of its text sizes (a process costs a start and a first, slower tour: ~2 s of CPU),
in English or in Spanish, whose words run about a quarter longer.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.tour import STOPS

# width, height, scale factor, text sizes (per cent: 150 is large print), language
SCREENS = (
    (1024, 768, 1, (100, 150), "en"),
    (1024, 768, 1, (150,), "es"),
    (1366, 768, 1, (100,), "en"),
    # 1093 x 614: Qt caps a message box at the width less 480 px there (screen_fit.py)
    (1366, 768, 1.25, (100, 150), "es"),
    (1280, 800, 1, (100,), "en"),
    (1920, 1080, 1, (100,), "en"),
    (1920, 1080, 2, (100, 150), "en"),
    (1920, 1080, 2, (150,), "es"),
    (2560, 1600, 2, (100,), "en"),
)
PROBE = Path(__file__).with_name("probe_screen.py")


def run_tour(
    tmp_path: Path,
    width: int,
    height: int,
    scale: float,
    text_sizes: tuple[int, ...] = (100,),
    language: str = "en",
) -> dict[str, dict[str, list[str]]]:
    """What does not fit, by text size (per cent) and stop, on a screen of this many pixels
    at this scale, in this language."""
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
        "HIPTIMER_FIT_TEXT_SIZES": ",".join(map(str, text_sizes)),
        "HIPTIMER_FIT_LANGUAGE": language,
    }
    done = subprocess.run(
        # One process: xdist workers (addopts) would each import the app again for three tours.
        [sys.executable, "-m", "pytest", str(PROBE), "-q", "-p", "no:cacheprovider", "-x", "-n", "0"],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    found: dict[str, dict[str, list[str]]] = json.loads(report.read_text())
    return found


def screen_id(width: int, height: int, scale: float, sizes: tuple[int, ...], language: str) -> str:
    texts = "".join(f"-text{t}" for t in sizes if t != 100)
    return f"{width}x{height}@{scale}{texts}" + ("" if language == "en" else f"-{language}")


@pytest.mark.parametrize(
    ("width", "height", "scale", "text_sizes", "language"),
    SCREENS,
    ids=[screen_id(*screen) for screen in SCREENS],
)
def test_every_window_fits(
    tmp_path: Path,
    width: int,
    height: int,
    scale: float,
    text_sizes: tuple[int, ...],
    language: str,
) -> None:
    found = run_tour(tmp_path, width, height, scale, text_sizes, language)
    assert sorted(found) == sorted(map(str, text_sizes))
    for text_size, stops in found.items():
        assert sorted(stops) == sorted(STOPS), text_size
    misfits = {
        f"text {size} %: {stop}": lines
        for size, stops in found.items()
        for stop, lines in stops.items()
        if lines
    }
    assert not misfits, json.dumps(misfits, indent=1)
