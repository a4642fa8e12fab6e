"""Two starts on one data folder: the second hands over to the first, or reads only when the
first does not answer, and never touches the live session (issue 13: it once offered the live
session for resume and wrote a set twice)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.real_app import WAIT_S, RealApp, wait_until
from tests.e2e.three_sets import (
    pain_question,
    rate_a_set,
    sessions_in,
    sets_in,
    skip_get_ready,
    skip_rest,
    three_sets_in,
)

pytestmark = pytest.mark.e2e


def test_a_second_start_hands_over_or_reads_only_and_leaves_the_live_session_alone(
    display: str, tmp_path: Path
) -> None:
    # One session of the first copy meets both second starts (one app, one session instead of
    # two): while it answers, and while it cannot.
    data, routine, db = three_sets_in(tmp_path)
    first = RealApp(display, data, routine, log_name="first.log")
    second: RealApp | None = None
    try:
        skip_get_ready(first)
        rate_a_set(first, db, "3")
        wait_until(lambda: sets_in(db) == [(1, 1, 3, 1, 0)], lambda: f"rows: {sets_in(db)}")

        # The first answers: the second start hands over and brings it forward.
        handed = subprocess.run(
            [sys.executable, "-m", "hiptimer", "--data-dir", str(data), "--routine",
             str(routine), "--start"],
            env=first.env, capture_output=True, text=True, timeout=WAIT_S,
        )  # fmt: skip
        assert handed.returncode == 0, handed.stderr
        assert "already running" in handed.stdout and "brought forward" in handed.stdout

        # Issue 13: the second copy called the first's live session interrupted, resumed it
        # and wrote a set twice (11 rows for a 10-set routine). Here the first is stopped
        # (SIGSTOP: it holds the lock and its socket, and answers nothing) while it waits
        # for the second set's rating.
        skip_rest(first)
        pain_question(first, db)  # the second set's, not the first's title still showing
        first.process.send_signal(signal.SIGSTOP)
        try:
            second = RealApp(display, data, routine, log_name="second.log")
            # Straight into the routine: no offer to resume the first copy's session.
            second.wait_title(r"Quick stretch \u2014 HipTimer$")
            second.process.send_signal(signal.SIGTERM)
            assert second.process.wait(timeout=WAIT_S) == 0
            assert "did not answer in time" in second.said()
        finally:
            first.process.send_signal(signal.SIGCONT)
        rate_a_set(first, db, "4")
        skip_rest(first)
        rate_a_set(first, db, "2")
        first.wait_title(r"^Session complete \u2014 HipTimer$")
    finally:
        first.stop()
        if second is not None:
            second.stop()
    assert sessions_in(db) == [(1, "completed")]
    assert [row[:3] for row in sets_in(db)] == [(1, 1, 3), (1, 2, 4), (1, 3, 2)]
