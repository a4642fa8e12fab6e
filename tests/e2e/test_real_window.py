"""The real app in a real X window (Xvfb), driven by real key events from xdotool."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROUTINE = {
    "format": "hiptimer-routine",
    "version": 1,
    "id": "e2e-quick",
    "title": "E2E quick routine",
    "rests": {"get_ready_s": 1, "between_sets_s": 1, "between_sides_s": 1, "after_exercise_s": 1},
    "exercises": [
        {"id": "stretch", "name": "Quick stretch", "kind": "hold", "hold_s": 3},
        {"id": "bridge", "name": "Bridge", "kind": "reps", "reps": 2},
    ],
}
WAIT_S = 30.0


def _free_display() -> int:
    for n in range(90, 200):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return n
    raise RuntimeError("no free X display number between :90 and :199")


@pytest.fixture
def display() -> Iterator[str]:
    """A private Xvfb server, started here and stopped after the test."""
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {' and '.join(missing)} (apt install xvfb xdotool)")
    number = _free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + 10
        while not socket.exists():
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Xvfb :{number} did not start (exit code {server.poll()})")
            time.sleep(0.05)
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class RealApp:
    """The app as a subprocess, and xdotool to find its window and type into it."""

    def __init__(self, display: str, data_dir: Path, routine: Path) -> None:
        self.env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        self.env.pop("HIPTIMER_HOME", None)
        self.log = data_dir / "app.log"
        self._log_file = self.log.open("w")
        command = [sys.executable, "-m", "hiptimer", "--data-dir", str(data_dir)]
        self.process = subprocess.Popen(
            [*command, "--routine", str(routine), "--start"],
            env=self.env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )
        self.window = self._find_window()

    def xdotool(self, *args: str, timeout: float = 10) -> str:
        result = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=timeout
        )
        return result.stdout.strip()

    def _find_window(self) -> str:
        # --sync waits for the window to appear; the timeout turns a hang into a failure.
        try:
            found = self.xdotool(
                "search", "--sync", "--onlyvisible", "--name", "HipTimer", timeout=WAIT_S
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"no HipTimer window appeared; the app said:\n{self.output()}")
        return found.splitlines()[0]

    def title(self) -> str:
        return self.xdotool("getwindowname", self.window)

    def wait_title(self, pattern: str) -> str:
        deadline = time.monotonic() + WAIT_S
        title = ""
        while time.monotonic() < deadline:
            title = self.title()
            if re.search(pattern, title):
                return title
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        pytest.fail(
            f"title never matched {pattern!r} (last: {title!r}); app said:\n{self.output()}"
        )

    def key(self, *keys: str) -> None:
        for key in keys:
            self.xdotool("key", "--window", self.window, key)
            time.sleep(0.15)

    def output(self) -> str:
        self._log_file.flush()
        return self.log.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log_file.close()


def test_a_session_by_real_keys_is_saved_to_history(display: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    # Muted so the test neither makes noise nor waits for speech; the notice is exercised too.
    (data / "settings.json").write_text(json.dumps({"muted": True}), encoding="utf-8")
    routine = tmp_path / "e2e-quick.json"
    routine.write_text(json.dumps(ROUTINE), encoding="utf-8")
    app = RealApp(display, data, routine)
    try:
        assert app.title() == "HipTimer"  # the first-run safety notice comes first
        app.key("Return")
        app.wait_title(r"Quick stretch \u2014 HipTimer$")
        app.key("space")
        app.wait_title(r"^Paused ")
        app.key("space")
        app.wait_title(r"^Rate pain: Quick stretch")
        app.key("Right", "n")  # navigation keys do not dismiss the pain question
        assert app.title().startswith("Rate pain")
        app.key("3")
        app.wait_title(r"^0/2 Bridge")
        app.key("space", "Return")
        app.wait_title(r"^Rate pain: Bridge")
        app.key("t")  # 10 out of 10: above the limit, so the three choices come up
        app.key("c")
        app.wait_title(r"^Session complete \u2014 HipTimer$")

        with sqlite3.connect(data / "history.sqlite3") as db:
            sessions = db.execute("SELECT routine_id, end_reason FROM sessions").fetchall()
            sets = db.execute(
                "SELECT exercise_id, actual_hold_s, actual_reps, pain, pain_choice, completed"
                " FROM sets ORDER BY seq"
            ).fetchall()
        assert sessions == [("e2e-quick", "completed")]
        assert sets == [
            ("stretch", 3.0, None, 3, None, 1),
            ("bridge", None, 2, 10, "continue", 1),
        ]
        settings = json.loads((data / "settings.json").read_text(encoding="utf-8"))
        assert settings["first_run_done"] is True

        app.key("Return")  # Done: the window closes and the app exits
        assert app.process.wait(timeout=WAIT_S) == 0, app.output()
    finally:
        app.stop()
