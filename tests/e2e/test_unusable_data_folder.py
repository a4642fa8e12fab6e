"""The real app on a data folder it cannot write: it opens, warns, runs, and asks before quitting."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from tests.e2e.real_app import WAIT_S, RealApp

pytestmark = pytest.mark.e2e

ROUTINE = {
    "format": "hiptimer-routine",
    "version": 1,
    "id": "e2e-one-set",
    "title": "E2E one set",
    "rests": {"get_ready_s": 1, "between_sets_s": 1, "between_sides_s": 1, "after_exercise_s": 1},
    "exercises": [{"id": "stretch", "name": "Quick stretch", "kind": "hold", "hold_s": 3}],
}
SCREENSHOTS = os.environ.get("HIPTIMER_SCREENSHOTS")
QUESTION = "History not saved"


def test_an_unwritable_data_folder_warns_and_still_runs_a_session(
    display: str, tmp_path: Path
) -> None:
    # A file where the data folder should be: nothing can be created in it, even by root.
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    routine = tmp_path / "one-set.json"
    routine.write_text(json.dumps(ROUTINE), encoding="utf-8")
    logs = tmp_path / "logs"
    logs.mkdir()
    app = RealApp(display, blocker / "data", routine, log_dir=logs)
    try:
        assert app.title() == "HipTimer"  # the first-run notice, every time: it cannot be saved
        app.wait_keyboard("HipTimer")  # the window's keys are taken after its first paint
        app.key("Return")
        app.wait_title(r"^0:0[2-3] Quick stretch")
        if SCREENSHOTS:
            app.screenshot(Path(SCREENSHOTS) / "history-not-saving.png")
        app.wait_title(r"^Rate pain: Quick stretch")
        app.key("2")
        app.wait_title(r"^Session complete \u2014 HipTimer$")
        app.shortcut("ctrl+q")  # quit: three writes wait in memory, so it asks first
        app.dialog(QUESTION)
        if SCREENSHOTS:
            app.screenshot(Path(SCREENSHOTS) / "quit-unsaved.png")
        dialog = app.wait_keyboard(QUESTION)
        app.xdotool("key", "--window", dialog, "Escape")  # keep the app open
        time.sleep(0.5)
        assert app.process.poll() is None
        assert app.title() == "Session complete \u2014 HipTimer"
        # Xvfb has no window manager to give the focus back when a dialog closes.
        app.xdotool("windowfocus", "--sync", app.window)
        app.shortcut("ctrl+q")
        app.dialog(QUESTION)
        dialog = app.wait_keyboard(QUESTION)
        app.xdotool("key", "--window", dialog, "Tab", "space")  # Quit anyway
        assert app.process.wait(timeout=WAIT_S) == 0, app.output()
    finally:
        app.stop()
    said = app.said()
    assert "Saving history failed: cannot open" in said
    assert "cannot save settings to" in said
    assert not (blocker / "data").exists()
