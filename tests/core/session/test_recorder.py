"""Tests for the session recorder: a real engine on a fake clock, writing to a fake store."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.routines.model import Exercise, Kind, Rests, Routine
from hiptimer.core.routines.writer import exercise_to_data
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.events import PainChoice, SetRecord
from hiptimer.core.session.recorder import SessionRecorder
from hiptimer.core.session.steps import StepKind

RESTS = Rests(get_ready_s=2, between_sets_s=2, between_sides_s=1, after_exercise_s=2)


def hold(ex_id: str = "stretch", hold_s: float = 5, sets: int = 1) -> Exercise:
    return Exercise(id=ex_id, name=ex_id.title(), kind=Kind.HOLD, hold_s=hold_s, sets=sets)


def reps(ex_id: str = "bridge", n: int = 3, sets: int = 1) -> Exercise:
    return Exercise(id=ex_id, name=ex_id.title(), kind=Kind.REPS, reps=n, sets=sets)


def routine(*exercises: Exercise) -> Routine:
    return Routine(id="hips", title="Hips", exercises=exercises, rests=RESTS, revision=3)


@dataclass
class FakeStore:
    """Records each write; `fail_on` names a write that raises (as a full disk would)."""

    calls: list[tuple[str, Any]] = field(default_factory=list)
    fail_on: str = ""
    next_set_id: int = 100

    def _maybe_fail(self, what: str) -> None:
        if what == self.fail_on:
            raise OSError("disk on fire")

    def begin_session(self, routine_id: str, routine_title: str, routine_revision: int,
                      doses: dict[str, Any], started_at: datetime, *,
                      sets_planned: int | None = None) -> int:  # fmt: skip
        self._maybe_fail("begin")
        self.calls.append(
            (
                "begin",
                (routine_id, routine_title, routine_revision, doses, started_at, sets_planned),
            )
        )
        return 7

    def add_set(self, session_id: int, record: SetRecord) -> int:
        self._maybe_fail("add")
        self.next_set_id += 1
        self.calls.append(("add", (session_id, self.next_set_id, record)))
        return self.next_set_id

    def record_doses_now(self, session_id: int, doses_now: dict[str, Any]) -> None:
        self._maybe_fail("doses_now")
        self.calls.append(("doses_now", (session_id, doses_now)))

    def rate_set(self, set_id: int, pain: int | None, choice: str | None = None) -> None:
        self._maybe_fail("rate")
        self.calls.append(("rate", (set_id, pain, choice)))

    def skip_rating(self, set_id: int) -> None:
        self._maybe_fail("skip")
        self.calls.append(("skip", set_id))

    def correct_pain(
        self, set_id: int, pain: int | None, *, at: datetime, source: str = "history",
        reason: str = "",
    ) -> None:  # fmt: skip
        self._maybe_fail("correct")
        self.calls.append(("correct", (set_id, pain, source)))

    def record_result(self, set_id: int, value: float | None, unit: str) -> None:
        self.calls.append(("result", (set_id, value, unit)))

    def finish_session(self, session_id: int, end_reason: str, ended_at: datetime) -> None:
        self._maybe_fail("finish")
        self.calls.append(("finish", (session_id, end_reason, ended_at)))

    def mark_resumed(self, session_id: int, at: datetime) -> None:
        self._maybe_fail("resumed")
        self.calls.append(("resumed", (session_id, at)))

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.calls]

    def added(self) -> list[SetRecord]:
        return [args[2] for kind, args in self.calls if kind == "add"]


class Run:
    """An engine on a fake clock whose events go to a recorder and on to a fake store."""

    def __init__(
        self, r: Routine, store: FakeStore | None = None, *, session_id: int | None = None
    ) -> None:
        self.clock = FakeClock()
        self.wall = FakeWall(self.clock)
        self.store = FakeStore() if store is None else store
        self.engine = SessionEngine(r, clock=self.clock, wall=self.wall)
        self.problems: list[str] = []
        self.recorder = SessionRecorder(
            self.store, self.engine, session_id=session_id, report=self.problems.append
        )
        self.engine.subscribe(self.recorder.handle)

    def advance(self, seconds: float, step: float = 0.25) -> None:
        end = self.clock.now() + seconds
        while self.clock.now() + step < end:
            self.clock.advance(step)
            self.engine.update()
        self.clock.advance(end - self.clock.now())
        self.engine.update()

    def until(self, kind: StepKind, limit_s: float = 120) -> None:
        waited = 0.0
        while self.engine.step.kind is not kind:
            assert waited < limit_s, f"never reached {kind}"
            self.advance(0.25)
            waited += 0.25


def test_the_start_is_recorded_with_the_doses_in_use_and_the_sets_planned() -> None:
    r = routine(hold("a", sets=2), reps("bridge", sets=3))
    run = Run(r)
    started = run.wall()
    run.engine.start()
    doses = {ex.id: exercise_to_data(ex) for ex in r.active_exercises}
    assert run.store.calls == [("begin", ("hips", "Hips", 3, doses, started, 5))]
    assert run.recorder.session_id == 7


def test_each_set_is_written_as_it_completes_and_its_rating_at_once() -> None:
    run = Run(routine(hold("a", hold_s=5, sets=2)))
    run.engine.start()
    run.until(StepKind.PAIN)
    assert run.store.kinds() == ["begin", "add"]  # before any rating
    ((session_id, set_id, record),) = [args for kind, args in run.store.calls if kind == "add"]
    assert session_id == 7 and record.exercise_id == "a" and record.completed
    run.engine.rate_pain(2)
    assert run.store.calls[-1] == ("rate", (set_id, 2, None))


def test_a_high_rating_and_the_choice_after_it_are_both_written() -> None:
    run = Run(routine(hold("a", sets=2), reps("bridge")))
    run.engine.start()
    run.until(StepKind.PAIN)
    run.engine.rate_pain(8)
    first = run.store.calls[1][1][1]
    assert run.store.calls[-1] == ("rate", (first, 8, None))
    run.engine.choose(PainChoice.STOP)
    assert ("rate", (first, 8, "stop")) in run.store.calls
    skipped = [r for r in run.store.added() if r.skipped]
    assert [(r.exercise_id, r.set_number) for r in skipped] == [("a", 2)]


def test_a_skipped_exercise_writes_each_of_its_sets() -> None:
    run = Run(routine(reps("bridge", sets=2), hold("a")))
    run.engine.start()
    run.until(StepKind.WORK)
    run.engine.skip_exercise()
    added = run.store.added()
    assert [(r.exercise_id, r.set_number, r.skipped) for r in added] == [
        ("bridge", 1, True),
        ("bridge", 2, True),
    ]


def test_the_end_is_written_with_its_reason_and_wall_time() -> None:
    run = Run(routine(hold("a", hold_s=5)))
    run.engine.start()
    run.until(StepKind.PAIN)
    run.advance(30)  # the rating can wait: nothing is written meanwhile
    assert run.store.kinds() == ["begin", "add"]
    run.engine.rate_pain(0)
    run.until(StepKind.DONE)
    kind, (session_id, reason, ended_at) = run.store.calls[-1]
    assert (kind, session_id, reason) == ("finish", 7, "completed")
    assert ended_at == run.wall()


def test_ending_early_is_written_as_ended_early() -> None:
    run = Run(routine(hold("a", hold_s=20)))
    run.engine.start()
    run.advance(5)
    run.engine.end()
    assert run.store.calls[-1][0] == "finish" and run.store.calls[-1][1][1] == "ended_early"
    (partial,) = run.store.added()
    assert not partial.completed and partial.actual_hold_s is not None


def test_a_resumed_session_is_written_into_its_own_record() -> None:
    run = Run(routine(hold("a")), session_id=41)
    run.engine.start()
    run.until(StepKind.PAIN)
    # Begun by the run that was interrupted; the stop since is marked, to leave it out of its time.
    assert run.store.kinds() == ["resumed", "add"]
    assert run.store.calls[0][1][0] == 41
    assert run.store.calls[1][1][0] == 41 and run.recorder.session_id == 41


def test_dose_changes_are_written_at_once_and_travel_on_the_sets_they_change() -> None:
    run = Run(routine(hold("a", hold_s=10), reps("bridge")))
    run.engine.start()
    run.until(StepKind.WORK)
    assert run.engine.adjust(+1)
    # Written before the set ends: a kill in this set must not lose it (docs/history.md).
    assert run.store.calls[1:] == [
        ("doses_now", (7, {"a": {"hold_s": 15.0, "changes": ["hold 10 -> 15 s"]}}))
    ]
    run.until(StepKind.PAIN)
    (record,) = run.store.added()
    assert record.adjustment == "hold 10 -> 15 s" and record.planned_hold_s == 15


def test_a_failing_store_is_reported_and_the_session_goes_on() -> None:
    run = Run(routine(hold("a", sets=2)), FakeStore(fail_on="add"))
    run.engine.start()
    run.until(StepKind.PAIN)
    assert run.problems == ["The history failed: disk on fire"]
    run.engine.rate_pain(3)  # no set id for that set: nothing to rate, and no error
    assert run.problems == ["The history failed: disk on fire"]
    run.store.fail_on = ""
    run.until(StepKind.PAIN)
    run.engine.rate_pain(1)  # the last set: the session ends with it
    assert run.store.kinds() == ["begin", "add", "rate", "finish"]


def test_a_session_that_could_not_begin_writes_nothing_more() -> None:
    run = Run(routine(hold("a")), FakeStore(fail_on="begin"))
    run.engine.start()
    run.until(StepKind.PAIN)
    run.engine.rate_pain(0)
    run.until(StepKind.DONE)
    assert run.store.calls == [] and run.recorder.session_id is None
    assert run.problems == ["The history failed: disk on fire"]


def test_without_a_history_nothing_is_written_or_reported() -> None:
    clock = FakeClock()
    engine = SessionEngine(routine(hold("a")), clock=clock, wall=FakeWall(clock))
    problems: list[str] = []
    recorder = SessionRecorder(None, engine, report=problems.append)
    engine.subscribe(recorder.handle)
    engine.start()
    clock.advance(timedelta(minutes=1).total_seconds())
    engine.update()
    engine.end()
    assert recorder.session_id is None and problems == []


def test_the_recorder_does_not_load_qt() -> None:
    code = (
        "import sys, hiptimer.core.session.recorder; "
        "sys.exit(any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_wall_clock_set_back_mid_session_never_gives_a_negative_duration() -> None:
    # Issue 13: the wall clock set back an hour (a time-zone or NTP fix) mid-session wrote
    # sets and a session that ended before they began.
    clock = FakeClock()
    fake_wall = FakeWall(clock)
    shift = [timedelta(0)]

    def wall() -> datetime:
        return fake_wall() - shift[0]

    store = FakeStore()
    engine = SessionEngine(routine(hold("a", hold_s=5, sets=2)), clock=clock, wall=wall)
    engine.subscribe(SessionRecorder(store, engine).handle)
    engine.start()
    clock.advance(3)
    engine.update()
    shift[0] = timedelta(hours=1)
    for rating in (0, 1):
        while engine.step.kind is not StepKind.PAIN:
            clock.advance(0.25)
            engine.update()
        engine.rate_pain(rating)
    while engine.ended is None:
        clock.advance(0.25)
        engine.update()
    for record in store.added():
        assert record.ended_at >= record.started_at
    kind, (_, _, ended_at) = store.calls[-1]
    assert kind == "finish" and ended_at >= max(r.ended_at for r in store.added())
