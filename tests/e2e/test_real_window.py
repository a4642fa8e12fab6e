"""The real app in a real X window (Xvfb), driven by real key events from xdotool."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from hiptimer.ui.session.workout_text import minutes_text
from tests.e2e.real_app import WAIT_S, RealApp

pytestmark = pytest.mark.e2e

# The hold is what the test pauses (and its full time is saved after the pause). Its seconds
# 0:08 to 0:02 are shown by nothing else: the get-ready and the rests are 1 s (0:01), so
# Space cannot land in them, and the wait has seven seconds to see the hold.
HOLD_S = 8
ROUTINE = {
    "format": "hiptimer-routine",
    "version": 1,
    "id": "e2e-quick",
    "title": "E2E quick routine",
    "rests": {"get_ready_s": 1, "between_sets_s": 1, "between_sides_s": 1, "after_exercise_s": 1},
    "exercises": [
        {"id": "stretch", "name": "Quick stretch", "kind": "hold", "hold_s": HOLD_S},
        {"id": "bridge", "name": "Bridge", "kind": "reps", "reps": 2},
    ],
}
HOLDING = rf"^0:0[2-{HOLD_S}] Quick stretch \u2014 HipTimer$"


def test_the_hold_is_told_from_the_get_ready_and_the_rests_by_its_title() -> None:
    # What the pause below relies on, checked without a window: the hold's first seconds
    # match, the 1 s get-ready's and rests' title does not (the old wait, for any
    # "Quick stretch \u2014 HipTimer$", took the get-ready too).
    def title(seconds: int) -> str:
        return f"{minutes_text(seconds)} Quick stretch \u2014 HipTimer"

    assert not re.search(HOLDING, title(1))
    assert all(re.search(HOLDING, title(s)) for s in range(2, HOLD_S + 1))


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
        app.wait_keyboard("HipTimer")  # the window's keys are taken after its first paint
        app.key("Return")
        app.wait_title(HOLDING)
        app.key("space")
        app.wait_title(rf"^Paused 0:0[2-{HOLD_S}] Quick stretch")  # in the hold, not after it
        app.key("space")
        app.wait_title(r"^Rate pain: Quick stretch")
        app.key("Right", "n")  # navigation keys do not dismiss the pain question
        assert app.title().startswith("Rate pain")
        app.key("3")
        app.wait_title(r"^0/2 Bridge")
        app.key("Return", "KP_Enter")  # Enter counts a rep; Space would pause
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
            ("stretch", float(HOLD_S), None, 3, None, 1),  # held in full after the pause
            ("bridge", None, 2, 10, "continue", 1),
        ]
        settings = json.loads((data / "settings.json").read_text(encoding="utf-8"))
        assert settings["first_run_done"] is True

        app.key("Return")  # back to the library: Enter never quits
        app.wait_title(r"^HipTimer$")
        app.quit()  # quitting is explicit, and asks first
        assert app.process.wait(timeout=WAIT_S) == 0, app.output()
    finally:
        app.stop()
