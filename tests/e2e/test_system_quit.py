"""Logout or shutdown mid-session: the real app saves the rating and ends the session."""

from __future__ import annotations

import signal
import sqlite3
from pathlib import Path

import pytest

from tests.e2e.real_app import WAIT_S, RealApp
from tests.e2e.test_kill_and_resume import (
    MID_HOLD,
    rate_a_set,
    sessions_in,
    sets_in,
    three_sets_in,
)

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_termination_signal_mid_set_keeps_the_rating_and_ends_the_session(
    display: str, tmp_path: Path, signum: signal.Signals
) -> None:
    data, routine, db = three_sets_in(tmp_path)
    app = RealApp(display, data, routine)
    try:
        rate_a_set(app, "3")
        app.wait_title(MID_HOLD)  # the second hold, seconds to go
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
