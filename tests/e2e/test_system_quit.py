"""Logout or shutdown mid-session: the real app saves the rating and ends the session."""

from __future__ import annotations

import json
import signal
import sqlite3
from pathlib import Path

import pytest

from tests.e2e.real_app import WAIT_S, RealApp, wait_until
from tests.e2e.three_sets import (
    HOLD_S,
    PAUSED,
    paused_in_next_hold,
    rate_a_set,
    sessions_in,
    sets_in,
    skip_get_ready,
    three_sets_in,
)

pytestmark = pytest.mark.e2e


def held_some(app: RealApp) -> None:
    """Reach the next set's hold made 10 s longer, let it run a second or more, and pause it:
    a set under way that waits for the test. (A set ended with nothing held leaves no row.)"""
    paused_in_next_hold(app)
    longer = HOLD_S + 10
    app.key("plus", "plus")
    app.wait_title(rf"^Paused 0:{longer} Quick stretch")
    app.key("space")
    under = "|".join(f"{s:02d}" for s in range(1, longer))  # a second or more held
    app.wait_title(rf"^0:({under}) Quick stretch")
    app.key("space")
    app.wait_title(PAUSED)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_termination_signal_mid_set_keeps_the_rating_and_ends_the_session(
    display: str, tmp_path: Path, signum: signal.Signals
) -> None:
    data, routine, db = three_sets_in(tmp_path)
    app = RealApp(display, data, routine)
    try:
        skip_get_ready(app)  # 20 s waited out left a busy host 7 s of the wait for the question
        rate_a_set(app, db, "3")
        held_some(app)  # the second hold, paused with seconds to go
        app.process.send_signal(signum)
        assert app.process.wait(timeout=WAIT_S) == 0, app.output()
    finally:
        app.stop()
    # The rated set, the second set as far as it got, and the session's end by the system.
    assert sessions_in(db) == [(1, "interrupted")]
    rows = sets_in(db)
    assert rows[0] == (1, 1, 3, 1, 0)
    assert len(rows) == 2 and rows[1][:2] == (1, 2) and rows[1][3] == 0  # ended early
    with sqlite3.connect(db) as conn:
        (ended,) = conn.execute("SELECT ended_at FROM sessions").fetchone()
    assert ended is not None


def unsaved(app: RealApp, editor: str) -> bool:
    return app.screen.name(editor).endswith("*")  # Qt's [*] mark of a change


def test_sigterm_keeps_the_editors_unsaved_edit_and_the_next_start_offers_it(
    display: str, tmp_path: Path
) -> None:
    data, _routine, _db = three_sets_in(tmp_path)
    first = RealApp(display, data, None, log_name="first.log")  # the library
    try:
        first.shortcut("ctrl+n")
        editor = first.dialog("Edit routine")
        first.xdotool("windowfocus", "--sync", editor)  # the exercise list has the focus
        first.xdotool("key", "--clearmodifiers", "space")  # its one exercise left out
        wait_until(lambda: unsaved(first, editor), lambda: "no edit:\n" + first.output())
        first.process.send_signal(signal.SIGTERM)
        assert first.process.wait(timeout=WAIT_S) == 0, first.output()
    finally:
        first.stop()
    [draft] = (data / "drafts").glob("*.json")
    assert draft.name.startswith("my-routine-")
    assert json.loads(draft.read_text(encoding="utf-8"))["exercises"][0]["enabled"] is False
    assert not (data / "routines").exists()  # not saved as a routine without asking

    second = RealApp(display, data, None, log_name="second.log")
    try:  # the notice names it (and says so in the log); the editor offers it, focused
        wait_until(lambda: str(draft) in second.said(), lambda: "no notice:\n" + second.output())
        assert "Unsaved changes to \u201cMy routine\u201d from " in second.said()
        second.shortcut("ctrl+n")
        editor = second.dialog("Edit routine")
        assert not unsaved(second, editor)
        second.xdotool("windowfocus", "--sync", editor)
        second.xdotool("key", "--clearmodifiers", "Return")  # Open them
        wait_until(lambda: unsaved(second, editor), lambda: "not opened:\n" + second.output())
    finally:
        second.stop()
