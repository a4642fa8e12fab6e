"""Tests of a session during which the wall clock jumps (NTP, travel, a user's fix): its
times on every surface come from the monotonic clock, its wall times from the start."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from hiptimer.core.clock import FakeClock, FakeLocalTime
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.events import SessionEnded
from hiptimer.core.session.recorder import SessionRecorder
from hiptimer.core.session.steps import StepKind
from tests.harness import advance_until, hold, routine

ROUTINE = routine(hold("clam", 10, 3), id="hips")
TWO_HOURS = 2 * 3600.0


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def run_with_a_jump(store: HistoryStore, jump_s: float) -> float:
    """A whole session whose wall clock jumps by `jump_s` after its first set; returns the
    seconds it ran on the monotonic clock."""
    clock = FakeClock()
    local = FakeLocalTime(clock, datetime(2027, 3, 2, 18, 0, tzinfo=timezone.utc), timezone.utc)
    engine = SessionEngine(ROUTINE, clock=clock, wall=local.now)
    engine.subscribe(SessionRecorder(store, engine).handle)
    ended: list[float] = []
    engine.subscribe(lambda e: ended.append(e.at) if isinstance(e, SessionEnded) else None)
    began = clock.now()
    engine.start()
    jumped = False
    while engine.running:
        advance_until(
            clock, lambda: engine.step.kind in (StepKind.PAIN, StepKind.DONE), engine.update
        )
        if engine.step.kind is StepKind.PAIN:
            engine.rate_pain(2)
            if not jumped:
                local.jump(jump_s)
                jumped = True
    return ended[0] - began


def test_a_wall_clock_set_back_mid_session_changes_no_time(store: HistoryStore) -> None:
    # Set back 2 h, the summary, History and the CSV said 0:00 and the end was clamped to
    # the start while the later sets were 2 h before it.
    ran_s = run_with_a_jump(store, -TWO_HOURS)
    assert ran_s > 50  # three 10 s holds, the pauses between them
    (session,) = store.list_sessions()
    assert session.ended_at is not None
    assert session.duration_s == pytest.approx(ran_s, abs=1)  # stored to the second
    assert (session.ended_at - session.started_at).total_seconds() == pytest.approx(ran_s, abs=1)
    sets = store.session_sets(session.id)
    assert len(sets) == 3
    times = [session.started_at]
    for done in sets:
        times += [done.started_at, done.ended_at]
    times.append(session.ended_at)
    assert times == sorted(times)  # each set where it ran, between the start and the end
    for done in sets:
        assert (done.ended_at - done.started_at).total_seconds() == pytest.approx(10, abs=1)
    out = io.StringIO(newline="")
    store.export_csv(out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert {int(row["session_time_s"]) for row in rows} == {round(session.duration_s or 0)}
    assert {row["session_ended"] for row in rows} == {session.ended_at.astimezone().isoformat()}


def test_sets_after_the_laptop_slept_keep_the_hour_they_were_done(store: HistoryStore) -> None:
    """The monotonic clock stops while a laptop sleeps with its lid shut; the wall clock does
    not. A session left paused overnight and finished the next morning has its later sets in
    the morning, not a few seconds after the evening's start (a clock set forward reads the
    same, and is followed too)."""
    ran_s = run_with_a_jump(store, 10 * 3600.0)
    (session,) = store.list_sessions()
    assert session.ended_at is not None
    first, *later = store.session_sets(session.id)
    assert (first.ended_at - session.started_at).total_seconds() < 60
    for done in later:
        assert (done.started_at - session.started_at).total_seconds() > 10 * 3600
        assert (done.ended_at - done.started_at).total_seconds() == pytest.approx(10, abs=1)
    assert (session.ended_at - session.started_at).total_seconds() == pytest.approx(
        ran_s + 10 * 3600, abs=1
    )
