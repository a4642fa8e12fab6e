"""Every key of the README's key table pressed on the real window, in the context the table
names, and what it did checked: one app start, one walk from the safety notice to Quit."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

import pytest

from hiptimer.core.history.checkin_day import checkin_day
from hiptimer.core.history.store import open_history
from hiptimer.core.routines.loader import parse_routine_text
from hiptimer.ui.session.workout_text import minutes_text
from tests.e2e.readme_keys import README, Row, readme_rows
from tests.e2e.real_app import RealApp, wait_until
from tests.history_data import record

pytestmark = pytest.mark.e2e

SESSION = "During a session"
COUNTING = "Self-paced reps, and a chair stand of the monthly check"
PAIN = "Rating pain after a set"
CHOICE = "After a rating above your limit"
RESULT = "A re-test's measured result"
CHECKIN = "Morning check-in and dose suggestions"
RESUME = "An interrupted session"
MENUS = "Menu shortcuts"
EDITOR = "In the routine editor"

# Rows the walk below does not reach, each with the test that presses it instead: the
# morning check-in comes once a start (Enter saves it here, so K cannot skip it), a
# suggestion only after it where the history gives one, and the resume offer after a session
# killed mid-way: each a start of its own, which the suite's time cannot afford here.
ELSEWHERE: dict[Row, str] = {
    (CHECKIN, "K or Delete"): "tests/ui/guidance/test_checkin_page.py (K)",
    (CHECKIN, "Esc"): "tests/ui/guidance/test_checkin_page.py",
    (RESUME, "Enter or R"): "tests/e2e/test_kill_and_resume.py (Enter), test_resume_page.py (R)",
    (RESUME, "D"): "tests/ui/session/test_resume_page.py",
}
STEPS = [f"Step {n}: bend the knee a little further and keep the heel down on the mat." for n in
         range(1, 21)]  # fmt: skip
ROUTINE = {
    "format": "hiptimer-routine",
    "version": 2,
    "id": "keys-walk",
    "title": "Keys walk",
    "rests": {
        "get_ready_s": 60,
        "between_sets_s": 60,
        "between_sides_s": 60,
        "after_exercise_s": 60,
    },
    "exercises": [
        {
            "id": "hold-a",
            "name": "Hold A",
            "kind": "hold",
            "hold_s": 60,
            "sets": 2,
            "sides": "each",
            "setup": STEPS,
            "caution": "Stop if it hurts.",
        },
        {"id": "reps-b", "name": "Reps B", "kind": "reps", "reps": 3, "sets": 2},
        {
            "id": "tempo-c",
            "name": "Tempo C",
            "kind": "reps",
            "reps": 3,
            "tempo": {"lift_s": 20, "hold_s": 20, "lower_s": 20},
        },
        {
            "id": "test-d",
            "name": "Test D",
            "kind": "hold",
            "hold_s": 60,
            "sets": 2,
            "test": {"measure": "value", "unit": "cm", "better": "lower"},
        },
    ],
}


def unpressed(rows: list[Row]) -> list[Row]:
    """The rows neither the walk presses nor ELSEWHERE names a test for."""
    return [row for row in rows if row not in WALKED and row not in ELSEWHERE]


def test_every_row_of_the_readme_key_table_is_pressed_or_names_the_test_that_does() -> None:
    assert not unpressed(readme_rows()), "README key rows no test presses"
    gone = [row for row in (*WALKED, *ELSEWHERE) if row not in readme_rows()]
    assert not gone, f"rows the test presses that the README no longer has: {gone}"
    root = Path(__file__).resolve().parents[2]
    named = [path for where in ELSEWHERE.values() for path in where.split() if ".py" in path]
    assert all((root / p).exists() or list(root.glob(f"tests/**/{p}")) for p in named), named


def test_a_key_added_to_the_readme_table_with_no_row_here_fails() -> None:
    text = README.read_text(encoding="utf-8").replace(
        "| F11 | full screen on or off |", "| F11 | full screen on or off |\n| F12 | new |"
    )
    assert unpressed(readme_rows(text)) == [("Anywhere", "F12")]


def test_the_readme_rows_are_read_with_their_headings() -> None:
    rows = readme_rows()
    assert rows[0] == ("Choosing a routine", "Up arrow")
    assert (SESSION, "Space or P") in rows and (MENUS, "F1 / Ctrl+?") in rows
    assert len(rows) == len(set(rows))


class Walk:
    """The app, and the README rows pressed so far with their effect seen."""

    def __init__(self, app: RealApp, data: Path, screen: Path) -> None:
        self.app, self.data, self.screen_file = app, data, screen
        self.pressed: set[Row] = set()

    def texts(self) -> list[str]:
        try:
            return list(json.loads(self.screen_file.read_text(encoding="utf-8"))["texts"])
        except (OSError, ValueError, KeyError):
            return []

    def wait_texts(self, done: Callable[[list[str]], bool], what: str) -> None:
        # The page writes its words as its title changes: a title change ends the pause.
        wait_until(
            lambda: done(self.texts()),
            lambda: f"{what}; on screen: {self.texts()}",
            pause=self.app.screen.pause,
        )

    def key(self, *keys: str) -> None:
        """Type `keys` into the main window, by one xdotool: each wait of the walk is for
        what the keys did, so no pause after each (RealApp.key's 0.15 s) is needed."""
        self.app.xdotool("key", "--window", self.app.window, *keys)

    def wait_focus(self, widget: str) -> None:
        """Until the main window's keyboard focus is in a `widget` (a class name), as the key
        trace says of a Shift typed, which no page acts on: a page shown once some work is
        done (the check-in, once the history is read) takes keys only then. (Keys typed as
        the safety notice closed went to the library: Enter started a session, 2 runs in 5.)"""
        typed, since = 0.0, len(self.app.said())

        def reached() -> bool:
            nonlocal typed
            shifts = [line for line in self.app.said().splitlines() if line.startswith("key Shift")]
            if shifts and f"focus {widget} " in shifts[-1]:
                return True
            if time.monotonic() - typed > 0.3:
                self.key("shift")
                typed = time.monotonic()
            return False

        said = lambda: self.app.output(since=since, leaving_out="key Shift")  # noqa: E731
        wait_until(reached, lambda: f"no {widget} took the keys; app said:\n{said()}")

    def press(self, row: Row, *keys: str, title: str) -> str:
        """Type `keys` into the main window and wait for the title `title` (a pattern)."""
        self.key(*keys)
        shown = self.app.wait_title(title)
        self.pressed.add(row)
        return shown

    def shortcut(self, row: Row, keys: str, opens: str) -> str:
        """A shortcut typed as a keyboard types it; the window it opens (its title contains
        `opens`), which then has the keyboard. By one xdotool, with no pause after (as
        RealApp.shortcut's 0.15 s): the wait is for that window."""
        self.app.xdotool("windowfocus", "--sync", self.app.window, "key", "--clearmodifiers", keys)
        window = self.app.wait_keyboard(opens)
        self.pressed.add(row)
        return window

    def typed(self, keys: str) -> None:
        """Keys to whichever window has the keyboard (a dialog)."""
        self.app.xdotool("key", "--clearmodifiers", keys)

    def close(self, row: Row, name: str, keys: str) -> None:
        wait_gone(self, name, keys)
        self.pressed.add(row)

    def setting(self, name: str) -> object:
        return json.loads((self.data / "settings.json").read_text(encoding="utf-8")).get(name)


# Every row the walk presses; the walk adds each as it sees its effect.
WALKED: tuple[Row, ...] = (
    ("Choosing a routine", "Up arrow"), ("Choosing a routine", "Down arrow"),
    ("Choosing a routine", "Enter"), ("Choosing a routine", "V"), ("Choosing a routine", "Esc"),
    *((SESSION, keys) for keys in ("Space or P", "Right arrow or N", "Left arrow or B", "+", "-",
                                   "S", "I", "Down arrow or Page Down", "Backspace", "M", "Esc")),
    (COUNTING, "Enter"), (COUNTING, "Backspace"),
    (PAIN, "0-9, T (10)"), (PAIN, "K or Delete"),
    (CHOICE, "S"), (CHOICE, "L"), (CHOICE, "C"), (CHOICE, "Backspace, Left arrow or B"),
    (RESULT, "0-9, point or comma"), (RESULT, "Backspace"), (RESULT, "Enter"), (RESULT, "K or Delete"),
    *((CHECKIN, keys) for keys in ("0-9, T (10)", "Up arrow", "Down arrow", "Enter", "A", "D")),
    ("The summary after a session", "Enter or Esc"), ("The summary after a session", "Y"),
    ("Anywhere", "F11"),
    *((MENUS, keys) for keys in ("Ctrl+Q", "Ctrl+,", "Ctrl+H", "F1 / Ctrl+?", "Ctrl+F", "Ctrl+E",
                                 "Ctrl+N", "Ctrl+O", "Ctrl+Shift+S")),
    *((EDITOR, keys) for keys in ("Ctrl+S", "Ctrl+Z", "Ctrl+Shift+Z / Ctrl+Y", "Ctrl+Up",
                                  "Ctrl+Down", "Esc / Ctrl+W")),
    ("In the history window", "Esc / Ctrl+W"),
)  # fmt: skip


def start(display: str, tmp_path: Path) -> Walk:
    data = tmp_path / "data"
    (data / "routines").mkdir(parents=True)
    (data / "settings.json").write_text(json.dumps({"muted": True}), encoding="utf-8")
    (data / "routines" / "keys-walk.json").write_text(json.dumps(ROUTINE), encoding="utf-8")
    # A session yesterday: the morning check-in comes first (after the safety notice).
    # Yesterday as the app counts days, from 04:00: between midnight and 04:00 the calendar's
    # yesterday is still today for it, and no check-in was asked (the walk failed then).
    yesterday = checkin_day(datetime.now().astimezone()) - timedelta(days=1)
    store = open_history(data / "history.sqlite3")
    try:
        routine = parse_routine_text(json.dumps(ROUTINE))
        record(store, routine, yesterday, {("reps-b", None): [2, 2]})
    finally:
        store.close()
    screen = tmp_path / "screen.json"
    app = RealApp(display, data, None, env={"HIPTIMER_SCREEN_TEXT": str(screen)})
    return Walk(app, data, screen)


def test_each_readme_key_does_what_the_table_says(display: str, tmp_path: Path) -> None:
    walk = start(display, tmp_path)
    try:
        library(walk)
        get_ready(walk)
        hold_and_choices(walk)
        reps(walk)
        retest(walk)
        summary(walk)
        menus(walk)
        editor(walk)
        walk.shortcut((MENUS, "Ctrl+Q"), "ctrl+q", "Quit?")
        walk.close((MENUS, "Ctrl+Q"), "Quit?", "q")
        walk.app.process.wait(timeout=30)
    finally:
        walk.app.stop()
    assert walk.pressed == set(WALKED), f"not seen: {set(WALKED) - walk.pressed}"


def library(walk: Walk) -> None:
    app = walk.app
    app.wait_title(r"^HipTimer$")  # the safety notice
    app.wait_keyboard("HipTimer")
    walk.key("Return")  # I understand
    walk.wait_focus("CheckinPage")
    walk.key("3", "Down", "4", "Up", "2", "Return")  # pain 3, stiffness 4, pain 2; saved
    wait_until(lambda: morning(walk) == [(2, 4)], lambda: f"the check-in saved {morning(walk)}")
    walk.pressed |= {(CHECKIN, k) for k in ("0-9, T (10)", "Up arrow", "Down arrow", "Enter")}
    # The chosen routine is what Ctrl+E edits: Keys walk (the library is up), the routine
    # above it, then it again.
    for key, name in (("", "Keys walk"), ("Up", "Spinal stenosis basics"), ("Down", "Keys walk")):
        if key:
            walk.key(key)
            walk.pressed.add(("Choosing a routine", f"{key} arrow"))
        walk.shortcut((MENUS, "Ctrl+E"), "ctrl+e", f"Edit routine \u2014 {name}")
        walk.close((EDITOR, "Esc / Ctrl+W"), "Edit routine", "ctrl+w" if key else "Escape")
    search(walk)
    # Enter starts Keys walk's 60 s get-ready, counting at once: any of its seconds says so
    # (1:00 lasts one second, which a loaded machine's poll can miss: CI, c949b252, saw 0:31).
    walk.press(("Choosing a routine", "Enter"), "Return", title=r"^(1:00|0:[0-5]\d) Hold A")


def search(walk: Walk) -> None:
    """Ctrl+F to the search field, a routine typed (its letters typed, not keys of the list:
    V reviews suggestions there), Esc back to the list; again, and Down into the list with
    the one match, Keys walk, chosen (Enter starts it: the title says which)."""
    walk.app.xdotool("key", "--window", walk.app.window, "--clearmodifiers", "ctrl+f")
    walk.wait_focus("QLineEdit")
    walk.pressed.add((MENUS, "Ctrl+F"))
    walk.key("s", "p", "i", "n", "a", "l", "Escape")
    walk.wait_focus("QListWidget")
    walk.pressed.add(("Choosing a routine", "Esc"))
    walk.app.xdotool("key", "--window", walk.app.window, "--clearmodifiers", "ctrl+f")
    walk.wait_focus("QLineEdit")
    walk.key("k", "e", "y", "s", "space", "w", "a", "l", "k", "Down")
    walk.wait_focus("QListWidget")


def get_ready(walk: Walk) -> None:
    app = walk.app
    walk.press((SESSION, "Space or P"), "space", title=r"^Paused \d:\d\d Hold A")
    walk.press((SESSION, "Space or P"), "space", title=r"^\d:\d\d Hold A")
    walk.press((SESSION, "Space or P"), "p", title=r"^Paused \d:\d\d Hold A")
    walk.press((SESSION, "Space or P"), "p", title=r"^\d:\d\d Hold A")
    # Twenty steps do not fit: Down and Page Down show the next ones.
    for key in ("Down", "Next"):
        other_steps(walk, key)
    walk.pressed.add((SESSION, "Down arrow or Page Down"))
    walk.key("m")
    walk.wait_texts(lambda texts: "Sound off" not in texts, "M did not turn the sound on")
    assert walk.setting("muted") is False
    walk.key("m")
    walk.wait_texts(lambda texts: "Sound off" in texts, "M did not turn the sound off")
    walk.pressed.add((SESSION, "M"))
    # Anywhere in the 60 s get-ready: 1:00 itself when the walk got here within its first
    # second (it does now that the page writes its words as they change).
    paused = walk.press((SESSION, "Space or P"), "space", title=r"^Paused (1:00|0:[0-5]\d) Hold A")
    minutes, secs = paused.split()[1].split(":")
    seconds = 60 * int(minutes) + int(secs)
    walk.press((SESSION, "+"), "plus", title=rf"^Paused {minutes_text(seconds + 5)} Hold A")
    walk.press((SESSION, "-"), "minus", title=rf"^Paused {minutes_text(seconds)} Hold A")
    walk.key("Escape")
    app.wait_keyboard("End the session?")
    walk.close((SESSION, "Esc"), "End the session?", "Escape")  # Keep going
    # Paused, Right moves to the hold, which waits paused with its whole time.
    walk.press((SESSION, "Right arrow or N"), "Right", title=r"^Paused 1:00 Hold A")


def hold_and_choices(walk: Walk) -> None:
    walk.press((SESSION, "+"), "plus", title=r"^Paused 1:05 Hold A")
    walk.press((SESSION, "-"), "minus", title=r"^Paused 1:00 Hold A")
    walk.press((SESSION, "Space or P"), "space", title=r"^0:5\d Hold A")
    walk.key("i")
    walk.wait_texts(
        lambda texts: any(t.startswith("How to do it") for t in texts), "I did not show the steps"
    )
    walk.key("i")
    walk.wait_texts(
        lambda texts: not any(t.startswith("How to do it") for t in texts),
        "I did not hide the steps",
    )
    walk.pressed.add((SESSION, "I"))
    walk.key("Left")  # the first set: back to the get-ready before it
    walk.wait_texts(lambda texts: texts[:1] == ["GET READY"], "Left did not go back")
    walk.key("b")
    walk.wait_texts(lambda texts: texts[:1] == ["GET READY"], "B did not stay in the get-ready")
    walk.pressed.add((SESSION, "Left arrow or B"))
    walk.key("n")
    walk.wait_texts(lambda texts: texts[:1] == ["WORK"], "N did not finish the get-ready")
    walk.press((SESSION, "Right arrow or N"), "Right", title=r"^Rate pain: Hold A")
    # Above the limit (5), then back to the rating: 2 on the choice would do nothing.
    for back in ("BackSpace", "Left", "b"):
        walk.press((CHOICE, "Backspace, Left arrow or B"), "7", back, "2", title=r"^1:00 Hold A")
        walk.press((SESSION, "Backspace"), "BackSpace", title=r"^Rate pain: Hold A")
    walk.press((PAIN, "0-9, T (10)"), "t", "c", title=r"^1:00 Hold A")
    walk.pressed.add((CHOICE, "C"))
    assert not [t for t in walk.texts() if "(was" in t]
    walk.press((SESSION, "Backspace"), "BackSpace", title=r"^Rate pain: Hold A")
    walk.press((CHOICE, "L"), "7", "l", title=r"^1:00 Hold A")
    walk.wait_texts(lambda texts: any("(was 60 s)" in t for t in texts), "L lowered nothing")
    # "Not after S or L": Backspace stays in the rest, so N then ends it (on the rating it
    # would do nothing).
    walk.press((SESSION, "Right arrow or N"), "BackSpace", "n", title=r"^0:[0-5]\d Hold A")
    walk.press((SESSION, "S"), "s", title=r"^1:00 Reps B")


def reps(walk: Walk) -> None:
    walk.press((SESSION, "Right arrow or N"), "Right", title=r"^0/3 Reps B")
    walk.press((COUNTING, "Enter"), "Return", title=r"^1/3 Reps B")
    walk.press((COUNTING, "Enter"), "KP_Enter", title=r"^2/3 Reps B")
    walk.press((COUNTING, "Backspace"), "BackSpace", title=r"^1/3 Reps B")
    walk.press((SESSION, "+"), "plus", title=r"^1/4 Reps B")
    walk.press((SESSION, "-"), "minus", title=r"^1/3 Reps B")
    walk.press((COUNTING, "Enter"), "Return", "Return", title=r"^Rate pain: Reps B")
    walk.press((PAIN, "K or Delete"), "k", title=r"^1:00 Reps B")
    walk.press((SESSION, "Right arrow or N"), "Right", title=r"^0/3 Reps B")
    walk.press((SESSION, "Right arrow or N"), "Right", title=r"^Rate pain: Reps B")
    walk.press((CHOICE, "S"), "8", "s", title=r"^1:00 Tempo C")
    walk.press((SESSION, "Right arrow or N"), "BackSpace", "Right", title=r"^3:00 Tempo C")
    walk.press((SESSION, "+"), "plus", title=r"^3:5\d Tempo C")
    walk.wait_texts(lambda texts: "Reps now 4 (was 3)" in texts, "+ added no rep")
    walk.press((SESSION, "-"), "minus", title=r"^2:5\d Tempo C")
    walk.press((SESSION, "Right arrow or N"), "Right", title=r"^Rate pain: Tempo C")
    walk.press((PAIN, "K or Delete"), "Delete", title=r"^1:00 Test D")


def retest(walk: Walk) -> None:
    walk.press((SESSION, "Right arrow or N"), "Right", title=r"^1:00 Test D")
    walk.press((SESSION, "Right arrow or N"), "Right", title=r"^Type the result: Test D")
    walk.key("1", "2", "period", "5", "BackSpace", "BackSpace", "comma", "7")
    walk.press((RESULT, "Enter"), "Return", title=r"^Rate pain: Test D")
    walk.pressed |= {(RESULT, "0-9, point or comma"), (RESULT, "Backspace")}
    walk.press((PAIN, "0-9, T (10)"), "0", title=r"^1:00 Test D")
    walk.press((SESSION, "Right arrow or N"), "Right", title=r"^1:00 Test D")
    walk.press((SESSION, "Right arrow or N"), "Right", title=r"^Type the result: Test D")
    walk.press((RESULT, "K or Delete"), "k", title=r"^Rate pain: Test D")
    walk.press((PAIN, "0-9, T (10)"), "1", title=r"^Session complete")
    with sqlite3.connect(walk.data / "history.sqlite3") as db:
        measured = [row[0] for row in db.execute("SELECT result FROM sets WHERE exercise_id ="
                                                  " 'test-d' ORDER BY seq")]  # fmt: skip
    assert measured == [12.7, None]


def summary(walk: Walk) -> None:
    walk.key("y")  # (before A: a suggestion accepted for Hold A replaces its L)
    walk.app.wait_keyboard("Keep these doses?")
    walk.close(("The summary after a session", "Y"), "Keep these doses?", "Escape")
    walk.key("a")  # the first suggestion ("Step back — Hold A", after the 7 and the 8)
    wait_until(lambda: decided(walk, 1), "A accepted no suggestion")
    walk.pressed.add((CHECKIN, "A"))
    walk.press(("The summary after a session", "Enter or Esc"), "Return", title=r"^HipTimer$")
    # The next suggestion is left unanswered: V shows it, and D declines it there.
    # D waits for the suggestions' page to take the keys: typed with V, it went to the
    # library when the page came late (a loaded host, 1 run in a full suite).
    walk.key("v")
    walk.wait_focus("MorningAdvicePage")
    walk.key("d")
    wait_until(lambda: decided(walk, 0), "V showed no suggestion for D to decline")
    walk.pressed |= {("Choosing a routine", "V"), (CHECKIN, "D")}
    walk.key("Escape")


def steps_shown(texts: list[str]) -> list[str]:
    return [t for t in texts if t.startswith("Step ")]


def other_steps(walk: Walk, key: str) -> None:
    before = steps_shown(walk.texts())
    walk.key(key)
    walk.wait_texts(lambda texts: steps_shown(texts) != before, f"{key} showed no other steps")


def wait_gone(walk: Walk, name: str, keys: str) -> None:
    walk.typed(keys)
    wait_until(lambda: not walk.app.windows(name), f"{keys} left {name!r} open")


def full_screen_and_back(walk: Walk, window: str, *, typed: bool) -> None:
    """F11 fills the screen with `window`, and F11 again gives it back its size."""
    whole, normal = walk.app.screen.screen_size(), walk.app.screen.size(window)
    for size in (whole, normal):
        walk.typed("F11") if typed else walk.key("F11")
        wait_until(partial(sized, walk.app, window, size), f"F11 did not make {window} {size}")


def sized(app: RealApp, window: str, size: tuple[int, int]) -> bool:
    return app.screen.size(window) == size


def editor_named(app: RealApp, end: str) -> bool:
    return any(app.screen.name(w).endswith(end) for w in app.windows("Edit routine"))


def morning(walk: Walk) -> list[tuple[object, ...]]:
    with sqlite3.connect(walk.data / "history.sqlite3") as db:
        return db.execute("SELECT morning_pain, morning_stiffness FROM sessions").fetchall()


def decided(walk: Walk, accepted: int) -> bool:
    with sqlite3.connect(walk.data / "history.sqlite3") as db:
        query = "SELECT count(*) FROM dose_changes WHERE accepted = ?"
        return bool(db.execute(query, (accepted,)).fetchone()[0])


def menus(walk: Walk) -> None:
    for keys, row, opens in (
        ("F1", "F1 / Ctrl+?", "Keyboard shortcuts"), ("ctrl+question", "F1 / Ctrl+?", "Keyboard shortcuts"),
        ("ctrl+comma", "Ctrl+,", "Settings"), ("ctrl+o", "Ctrl+O", "Import routine"),
        ("ctrl+shift+s", "Ctrl+Shift+S", "Export routine"), ("ctrl+h", "Ctrl+H", "History"),
    ):  # fmt: skip
        walk.shortcut((MENUS, row), keys, opens)
        wait_gone(walk, opens, "Escape")
    walk.pressed.add(("In the history window", "Esc / Ctrl+W"))  # (the last: History)
    # F11, "Anywhere": in the history window and the editor as in the main window.
    windows: tuple[tuple[str, Row, str, Row], ...] = (
        ("ctrl+h", (MENUS, "Ctrl+H"), "History", ("In the history window", "Esc / Ctrl+W")),
        ("ctrl+n", (MENUS, "Ctrl+N"), "Edit routine \u2014 My routine", (EDITOR, "Esc / Ctrl+W")),
    )
    for keys, opening, name, closing in windows:
        full_screen_and_back(walk, walk.shortcut(opening, keys, name), typed=True)
        walk.close(closing, name, "ctrl+w")
    full_screen_and_back(walk, walk.app.window, typed=False)
    walk.pressed.add(("Anywhere", "F11"))


def editor(walk: Walk) -> None:
    path = walk.data / "routines" / "keys-walk.json"

    def order() -> list[str]:
        return [e["id"] for e in json.loads(path.read_text(encoding="utf-8"))["exercises"]]

    walk.shortcut((MENUS, "Ctrl+E"), "ctrl+e", "Edit routine \u2014 Keys walk")
    for keys, row, changed in (
        ("ctrl+Down", "Ctrl+Down", True), ("ctrl+z", "Ctrl+Z", False),
        ("ctrl+y", "Ctrl+Shift+Z / Ctrl+Y", True), ("ctrl+z", "Ctrl+Z", False),
        ("ctrl+shift+z", "Ctrl+Shift+Z / Ctrl+Y", True), ("ctrl+s", "Ctrl+S", False),
    ):  # fmt: skip
        walk.typed(keys)
        mark = "*" if changed else ""
        wait_until(partial(editor_named, walk.app, f"Keys walk{mark}"),
                   f"{keys}: the editor's title does not end 'Keys walk{mark}'")  # fmt: skip
        walk.pressed.add((EDITOR, row))
    assert order()[:2] == ["reps-b", "hold-a"]
    walk.typed("ctrl+Up")
    walk.app.wait_keyboard("Edit routine \u2014 Keys walk*")
    walk.typed("ctrl+s")
    wait_until(lambda: order()[:2] == ["hold-a", "reps-b"], "Ctrl+Up moved nothing")
    walk.pressed.add((EDITOR, "Ctrl+Up"))
    walk.close((EDITOR, "Esc / Ctrl+W"), "Edit routine", "Escape")
