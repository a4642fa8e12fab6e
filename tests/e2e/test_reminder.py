"""A planned reminder end to end: the real app on a private D-Bus sends it to a stand-in
notification server, which presses Start; the app opens the routine's get-ready."""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hiptimer.core.routines.catalog import load_catalog
from tests.e2e.real_app import WAIT_S, RealApp

pytestmark = pytest.mark.e2e

FAKE_SERVER = Path(__file__).parents[1] / "ui" / "reminders" / "fake_notifications.py"
ROUTINE_ID = "desk-micro-break"  # built in: the reminder's Start finds it in the library


@pytest.fixture
def bus_address() -> Iterator[str]:
    """A private session bus (dbus-daemon), so nothing reaches the desktop's notifications."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("needs dbus-daemon (apt install dbus)")
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    yield process.stdout.readline().strip()
    process.terminate()
    process.communicate(timeout=10)


def settings_due_now(data: Path) -> None:
    """A plan with the desk break due a minute ago (today, local time), reminders on."""
    now = datetime.now().astimezone()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    at = max(now - timedelta(minutes=1), midnight)
    plan = {
        "reminders": True,
        "items": [{"routine_id": ROUTINE_ID, "days": list(range(7)), "at": f"{at:%H:%M}"}],
    }
    data.mkdir(parents=True, exist_ok=True)
    settings = {"first_run_done": True, "muted": True, "plan": plan}
    (data / "settings.json").write_text(json.dumps(settings))


def line_within(server: subprocess.Popen[str], seconds: float, app: RealApp) -> str:
    """The server's next line, or a failure (with what the app said) after `seconds`."""
    assert server.stdout is not None
    ready, _, _ = select.select([server.stdout], [], [], seconds)
    if not ready:
        pytest.fail(f"no notification reached the server; the app said:\n{app.output()}")
    return server.stdout.readline()


def test_a_reminder_reaches_the_notification_server_and_its_start_opens_the_routine(
    display: str, tmp_path: Path, bus_address: str
) -> None:
    data = tmp_path / "data"
    settings_due_now(data)
    env = {"DBUS_SESSION_BUS_ADDRESS": bus_address}
    server = subprocess.Popen(
        [sys.executable, str(FAKE_SERVER), "--answer", "start"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env={**os.environ, **env, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert server.stdout is not None
    app: RealApp | None = None
    try:
        assert server.stdout.readline().strip() == "ready"
        app = RealApp(display, data, None, env=env)
        note = json.loads(line_within(server, WAIT_S, app))
        assert note["app"] == "HipTimer"
        assert note["summary"] == "Time for Desk micro-break"
        assert note["body"].startswith("Planned for ")
        assert ["start", "Start"] in note["actions"] and ["skip", "Skip today"] in note["actions"]
        # The server pressed Start 0.3 s after it showed the note: the session opens at the
        # get-ready for the routine's first exercise (the title counts down to it).
        first = load_catalog().find(ROUTINE_ID).active_exercises[0].name
        app.wait_title(rf"^\d+:\d\d {re.escape(first)} \u2014 HipTimer$", timeout=WAIT_S)
    finally:
        if app is not None:
            app.stop()
        server.communicate(timeout=10)
