"""Muted, the real window is the coach: steps, caution and figure on screen, pauses as written."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.real_app import WAIT_S, RealApp, muted_folder_with, wait_until
from tests.e2e.three_sets import rate_a_set

pytestmark = pytest.mark.e2e

STEPS = ["Kneel on a cushion, one foot forward.", "Tuck your pelvis under."]
CAUTION = "Stop if the front of the hip pinches."
ROUTINE = {
    "format": "hiptimer-routine",
    "version": 1,
    "id": "e2e-coached",
    "title": "E2E coached routine",
    "rests": {"get_ready_s": 4, "between_sets_s": 1, "between_sides_s": 1, "after_exercise_s": 1},
    "exercises": [
        {
            "id": "hip-flexor-stretch",  # a built-in figure's id: its figure is shown
            "name": "Kneeling stretch",
            "kind": "hold",
            "hold_s": 2,
            "sides": "each",
            "setup": STEPS,
            "caution": CAUTION,
        },
        {"id": "bridge", "name": "Bridge", "kind": "reps", "reps": 2},
        {"id": "my-own", "name": "My own", "kind": "hold", "hold_s": 1, "image": "gone.png"},
    ],
}


def read_screen(
    path: Path,
    pattern: str,
    when: Callable[[dict[str, Any]], bool] = lambda screen: True,
    timeout: float = WAIT_S,
) -> dict[str, Any]:
    """The screen as the app last wrote it, once its title contains `pattern` (and `when`)."""
    seen: dict[str, Any] = {}

    def showing() -> bool:
        nonlocal seen
        if not path.exists():
            return False
        seen = json.loads(path.read_text(encoding="utf-8"))
        return pattern in seen["title"] and when(seen)

    wait_until(showing, lambda: f"the screen never showed {pattern!r}; last: {seen}", timeout)
    return seen


def test_muted_the_steps_caution_and_figure_are_on_screen_and_a_session_completes(
    display: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, routine = muted_folder_with(tmp_path, ROUTINE, "e2e-coached.json")
    screen = tmp_path / "screen.json"
    monkeypatch.setenv("HIPTIMER_SCREEN_TEXT", str(screen))
    app = RealApp(display, data, routine)
    try:
        ready = read_screen(screen, "Kneeling stretch")
        assert "GET READY" in ready["texts"]
        # Muted, the get-ready lasts the 4 s written, not the time a voice would need.
        assert ready["title"].startswith(("0:04 ", "0:03 "))
        texts = ready["texts"]
        numbered = ["1.", STEPS[0], "2.", STEPS[1]]  # each step's number, then its words
        start = texts.index("1.")
        assert texts[start : start + 4] == numbered
        assert f"\u26a0 Caution: {CAUTION}" in texts
        # The caption, not a step; it names the side to set up for, as the voice would.
        assert "\u201cGet ready: Kneeling stretch. Right side first.\u201d" in texts
        assert ready["figure"] == {"kind": "figure", "mirrored": False, "note": ""}

        db = data / "history.sqlite3"
        # Each question is told by its set waiting unrated in the history, not by its title
        # alone: when the screen file shows the left side, the X server may still have the
        # right side's question as the title (two in eight runs), and a "2" typed then fell
        # in the switch of sides, where no question waits.
        rate_a_set(app, db, "2", r"^Rate pain: Kneeling stretch")
        # The left side's hold: the same figure, mirrored.
        left = read_screen(screen, "Kneeling stretch", lambda s: "LEFT" in s["texts"])
        assert left["figure"] == {"kind": "figure", "mirrored": True, "note": ""}
        rate_a_set(app, db, "2", r"^Rate pain: Kneeling stretch")
        app.wait_title(r"^0/2 Bridge")
        app.key("Return")  # Enter counts a rep
        app.wait_title(r"^1/2 Bridge")
        app.key("BackSpace")  # a count too many, taken back
        app.wait_title(r"^0/2 Bridge")
        app.key("Return", "Return")
        rate_a_set(app, db, "1", r"^Rate pain: Bridge")
        # A picture that is not there: a placeholder naming the file, and the session goes on.
        own = read_screen(screen, "My own", lambda s: s["figure"] is not None)
        assert own["figure"]["kind"] == "placeholder"
        assert own["figure"]["note"].startswith("Picture not shown: gone.png (")
        rate_a_set(app, db, "0", r"^Rate pain: My own")
        app.wait_title(r"^Session complete \u2014 HipTimer$")

        with sqlite3.connect(db) as conn:
            sets = conn.execute(
                "SELECT exercise_id, actual_hold_s, actual_reps, pain, completed FROM sets"
                " ORDER BY seq"
            ).fetchall()
            reasons = conn.execute("SELECT end_reason FROM sessions").fetchall()
        assert sets == [
            ("hip-flexor-stretch", 2.0, None, 2, 1),
            ("hip-flexor-stretch", 2.0, None, 2, 1),
            ("bridge", None, 2, 1, 1),
            ("my-own", 1.0, None, 0, 1),
        ]
        assert reasons == [("completed",)]
        app.quit()
        assert app.process.wait(timeout=WAIT_S) == 0, app.output()
    finally:
        app.stop()
