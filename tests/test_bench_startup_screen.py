"""bench/startup.py's floor of the same first screen: the app describes its usable screen, and a
plain PySide6 window, which never imports HipTimer, shows it and says when its list is painted."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def startup(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(ROOT / "bench"))  # as when run as a script
    return importlib.import_module("startup")


def _until_listed(command: list[str], env: dict[str, str], wanted: Path | None) -> str:
    """Run command until it prints LISTED (and has written wanted), then end it."""
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # blocks until the list's paint, or the process ends
        deadline = time.monotonic() + 10
        while wanted is not None and not wanted.exists() and time.monotonic() < deadline:
            time.sleep(0.05)  # (written just after the line is printed)
        return line
    finally:
        proc.kill()
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()


def test_the_app_describes_its_screen_and_the_plain_window_shows_it(
    startup: ModuleType, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.json").write_text('{"first_run_done": true, "muted": true}')
    described = tmp_path / "screen.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HIPTIMER_HOME": str(home),
        "PYTHONPATH": str(ROOT),
        "BENCH_SCREEN_OUT": str(described),
    }
    line = _until_listed([sys.executable, "-c", startup.LISTED], env, described)
    assert line.startswith("LISTED ")
    spec = json.loads(described.read_text("utf-8"))
    assert spec["heading"][0] == "Choose a routine"
    assert len(spec["rows"]) == 8  # the built-ins
    assert spec["rows"][0].startswith("Daily hip stretches")
    assert spec["details"].startswith("<h2>Daily hip stretches</h2>")  # as the app gave it
    assert spec["menus"][0] == "&File" and spec["start"][0].startswith("Start")
    assert spec["sheet"] and spec["font"]

    # The floor is built without HipTimer: nothing of it may be imported, or it is no floor.
    assert "hiptimer" not in startup.SCREEN
    probe = startup.SCREEN.replace(
        "window.show()",
        "assert not any(name.startswith('hiptimer') for name in sys.modules)\nwindow.show()",
    )
    plain = {**env, "BENCH_SCREEN": str(described), "PYTHONPATH": ""}
    del plain["BENCH_SCREEN_OUT"]
    assert _until_listed([sys.executable, "-c", probe], plain, None).startswith("LISTED ")
