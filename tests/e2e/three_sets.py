"""The three-set routine of the end-to-end tests: its data folder, the titles that tell its
steps apart, its pain questions, and the sets and sessions its history holds."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from tests.e2e.real_app import RealApp, muted_folder_with, wait_until

# Short holds: each set runs in full unless a test pauses it. No test waits for a moment
# inside a running hold (a second or two that a busy host's polling may never see): a test
# that needs a set begun pauses in the rest before it and moves to it (paused_in_next_hold).
# One second: the tests wait out each hold they run (up to three a test, 6 s after +), and
# nothing they check needs a longer one (3 s made the kill-and-resume tests 6 s longer each).
HOLD_S = 1
# A get-ready far longer than any hold (6 s at most, with +): the first ten of its seconds
# (GET_READY) are shown by nothing else, so a test waiting for it cannot take a hold's last
# seconds for it, and has ten seconds to press Right (or kill) in it. With a get-ready of
# 1 s, "0:01 Quick stretch" was the get-ready or the hold's last second, and Right pressed
# late under load ended the hold early.
GET_READY_S = 20
# The rests between sets likewise: their first ten seconds (REST) are theirs alone, to be
# paused in or ended with Right with thirty seconds to spare.
REST_S = 40
ROUTINE = {
    "format": "hiptimer-routine",
    "version": 1,
    "id": "e2e-three-sets",
    "title": "E2E three sets",
    "rests": {
        "get_ready_s": GET_READY_S,
        "between_sets_s": REST_S,
        "between_sides_s": 1,
        "after_exercise_s": 1,
    },
    "exercises": [
        {"id": "stretch", "name": "Quick stretch", "kind": "hold", "hold_s": HOLD_S, "sets": 3},
    ],
}
GET_READY = rf"^0:(1\d|{GET_READY_S}) Quick stretch"  # 0:20 to 0:10: only the get-ready
REST = rf"^0:(3[1-9]|{REST_S}) Quick stretch"  # 0:40 to 0:31: only a rest between sets
PAUSED = r"^Paused 0:\d\d Quick stretch"
PAUSED_HOLD = rf"^Paused 0:0{HOLD_S} Quick stretch"  # reached while paused: its whole time
RATING = r"^Rate pain: Quick stretch"
RESUME = r"^Resume your session\? \u2014 HipTimer$"


def sets_in(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT session_id, set_number, pain, completed, skipped FROM sets ORDER BY seq"
        ).fetchall()


def sessions_in(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, end_reason FROM sessions").fetchall()


def three_sets_in(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A muted data folder past the first-run notice, the three-set routine file, the history."""
    data, routine = muted_folder_with(tmp_path, ROUTINE, "three-sets.json")
    return data, routine, data / "history.sqlite3"


def skip_get_ready(app: RealApp) -> None:
    """Wait for the get-ready (at a session's start, or a resumption's) and end it with Right."""
    app.wait_title(GET_READY)
    app.key("Right")


def resume(app: RealApp) -> None:
    """Wait for the offer to resume the session, and take it with one Enter.

    That Enter, typed as the offer came, was lost when the killed-on-the-summary test ran
    just before the mid-set test (every run): not by the app (Enter in the very turn the
    offer shows resumes: tests/ui/session/test_resume_page.py), but by the X server, which
    still held Return down from the earlier test's Enter on "Keep these doses?" (xdotool's
    release went to the closed dialog, not through the keyboard) and so dropped this press.
    RealApp.xdotool now releases what a key leaves held (x_screen.Screen.release_keys)."""
    app.wait_title(RESUME)
    app.xdotool("key", "--window", app.window, "Return")
    wait_until(
        lambda: not re.search(RESUME, app.title()),
        lambda: f"Enter never resumed; the app said:\n{app.output()}",
    )


def skip_rest(app: RealApp) -> None:
    """Wait for the rest between two sets and end it with Right."""
    app.wait_title(REST)
    app.key("Right")


def paused_in_next_hold(app: RealApp) -> None:
    """From the rest before a set: pause, and move (Right) to the set's hold, which then
    waits, paused, with its whole time: a set begun, in a state that lasts until the test
    acts (a key, a kill), so no wait can miss it."""
    app.wait_title(REST)
    app.key("space")
    app.wait_title(PAUSED)  # the rest, paused
    app.key("Right")
    app.wait_title(PAUSED_HOLD)


def unrated_set(db: Path) -> int | None:
    """The newest set's row while its pain question waits (the set is written as it ends)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:  # never make the file
        row = conn.execute("SELECT seq, pain FROM sets ORDER BY seq DESC LIMIT 1").fetchone()
    return row[0] if row is not None and row[1] is None else None


def pain_question(app: RealApp, db: Path, rating: str = RATING) -> int:
    """Wait for a pain question not answered yet (its title matching `rating`); return its
    set's row.

    The question waits for the user, so no wait can miss it (a hold's seconds can pass
    unseen under load); the history tells it from the last one answered, whose title may
    still show for a moment after its key: the X server's title lags the app (Qt sends it
    when its event loop next runs), and a test that took the right side's question, still
    titled, for the left side's typed its digit in the switch of sides, where it is lost."""
    asked: int | None = None

    def waiting() -> bool:
        nonlocal asked
        asked = unrated_set(db) if re.search(rating, app.title()) else None
        return asked is not None

    wait_until(
        waiting,
        lambda: f"no pain question waits (title {app.title()!r}); the app said:\n{app.output()}",
    )
    assert asked is not None
    return asked


def rate_a_set(app: RealApp, db: Path, key: str, rating: str = RATING) -> None:
    """Answer the next pain question (titled as `rating` matches), and return once the
    answer is in the history."""
    asked = pain_question(app, db, rating)
    app.key(key)
    wait_until(lambda: unrated_set(db) != asked, f"set row {asked} was never rated")
