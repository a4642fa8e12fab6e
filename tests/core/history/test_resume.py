"""Tests of resuming an interrupted session: the sets done, the doses, the words."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.resume import (
    ResumePlan,
    details_lines,
    done_sets,
    doses_in_force,
    keep_older_as_partial,
    offer_text,
    plan_resume,
    when_text,
)
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.history.wording import completion_text
from hiptimer.core.routines.model import Exercise, Kind, Rests, Routine, SideMode, Tempo
from hiptimer.core.routines.writer import exercise_to_data
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.events import PainChoice
from hiptimer.core.session.recorder import SessionRecorder
from hiptimer.core.session.set_outcome import SetCounts, count_sets
from hiptimer.core.session.steps import Side, StepKind
from tests.harness import advance_until, fake_engine, hold, reps

T0 = datetime(2025, 3, 3, 8, 0, tzinfo=timezone.utc)  # a Monday


def clam(hold_s: float = 30, sets: int = 2) -> Exercise:
    return Exercise("clam", "Clamshell", Kind.HOLD, sets=sets, hold_s=hold_s, sides=SideMode.EACH)


def bridge(reps: int = 10) -> Exercise:
    return Exercise("bridge", "Bridge", Kind.REPS, sets=1, reps=reps)


def hips(*exercises: Exercise) -> Routine:
    return Routine("hips", "Hip basics", exercises or (clam(), bridge()), revision=3)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def begin(store: HistoryStore, routine: Routine, start: datetime = T0) -> int:
    doses = {ex.id: exercise_to_data(ex) for ex in routine.active_exercises}
    return store.begin_session(routine.id, routine.title, routine.revision, doses, start)


def record(ex: str, n: int, side: str | None = None, **kw: object) -> StoredSet:
    at = T0 + timedelta(minutes=n)
    fields: dict[str, object] = {"ended_at": at + timedelta(seconds=30), "pain": 2}
    fields.update(kw)
    return StoredSet(ex, ex.title(), n, at, side=side, **fields)  # type: ignore[arg-type]


def finder(*routines: Routine) -> dict[str, Routine]:
    return {r.id: r for r in routines}


def test_every_recorded_set_counts_as_done_once() -> None:
    records = [
        record("clam", 1, "right"),
        record("clam", 1, "left", completed=False),  # ended early: the user moved on
        record("clam", 1, "left"),  # the same set again (Back): still one key
        record("bridge", 1, skipped=True, completed=False),
    ]
    assert done_sets(records) == [("clam", 1, "right"), ("clam", 1, "left"), ("bridge", 1, None)]


def test_nothing_to_resume_when_every_session_ended(store: HistoryStore) -> None:
    sid = begin(store, hips())
    store.finish_session(sid, "completed", T0 + timedelta(minutes=9))
    assert plan_resume(store, finder(hips()).get) is None


def test_the_resumed_engine_runs_only_the_sets_not_done(store: HistoryStore) -> None:
    r = hips()
    sid = begin(store, r)
    for side in ("right", "left"):
        store.add_set(sid, record("clam", 1, side))
    store.add_set(sid, record("clam", 2, "right"))

    plan = plan_resume(store, finder(r).get)
    assert plan is not None and plan.session.id == sid and plan.resumable
    assert plan.done_sets == (("clam", 1, "right"), ("clam", 1, "left"), ("clam", 2, "right"))
    assert plan.from_session == () and plan.older == ()

    clock = FakeClock()
    engine = SessionEngine(
        plan.routine, clock=clock, wall=FakeWall(clock), done_sets=plan.done_sets
    )
    engine.start()
    assert engine.step.kind is StepKind.GET_READY
    work = [(s.set_number, s.side) for s in engine.steps if s.kind is StepKind.WORK]
    assert work == [(2, Side.LEFT), (1, None)]


def test_the_plan_carries_the_sets_before_the_stop_as_the_engine_records_them(
    store: HistoryStore,
) -> None:
    sid = begin(store, hips())
    store.add_set(sid, record("clam", 1, "right", pain=4, pain_choice="lower", adjustment="x"))
    store.add_set(sid, record("clam", 1, "left", completed=False, skipped=True, pain=None))
    plan = plan_resume(store, lambda _id: hips())
    assert plan is not None
    right, left = plan.earlier
    assert (right.exercise_id, right.set_number, right.side, right.pain) == (
        "clam",
        1,
        Side.RIGHT,
        4,
    )
    assert right.pain_choice is PainChoice.LOWER and right.adjustment == "x"
    assert (left.side, left.skipped, left.completed, left.pain) == (Side.LEFT, True, False, None)
    assert [r.index for r in plan.earlier] == [-2, -1]  # not in the engine's list
    # From the session's start to the last set's end: minute 1 plus its 30 s.
    assert plan.earlier_s == 90.0
    assert count_sets(plan.earlier, None) == SetCounts(done=1, skipped=1)


def test_a_session_stopped_twice_runs_for_its_parts_only(store: HistoryStore) -> None:
    # Killed after the right clamshell (ran 1:30), resumed two hours after the start, killed
    # again after the left one, 1:30 after the resumption: it ran 3 minutes, not 2 h 01:30.
    sid = begin(store, hips())
    store.add_set(sid, record("clam", 1, "right"))
    store.mark_resumed(sid, T0 + timedelta(hours=2))
    left = record("clam", 1, "left")
    store.add_set(sid, dataclasses.replace(left, started_at=left.started_at + timedelta(hours=2),
                                           ended_at=left.ended_at + timedelta(hours=2)))  # fmt: skip
    plan = plan_resume(store, lambda _id: hips())
    assert plan is not None
    assert plan.earlier_s == pytest.approx(90 + 90)  # the first stop is not time it ran
    assert plan.session.duration_s == pytest.approx(plan.earlier_s)  # as History says


def test_the_doses_the_session_started_with_come_back(store: HistoryStore) -> None:
    then = hips(clam(hold_s=30), bridge(reps=10), Exercise("march", "March", Kind.HOLD, hold_s=20))
    sid = begin(store, then)
    store.add_set(sid, record("clam", 1, "right"))
    # Since the crash: the clamshell got longer, the march was deleted, a side-step was added.
    side_step = Exercise("side-step", "Side step", Kind.REPS, reps=8)
    now = hips(clam(hold_s=45), bridge(reps=10), side_step)

    plan = plan_resume(store, finder(now).get)
    assert plan is not None
    assert plan.routine.exercise("clam").hold_s == 30
    assert [ex.id for ex in plan.routine.active_exercises] == ["clam", "bridge", "march"]
    assert not plan.routine.exercise("side-step").enabled
    assert plan.from_session == ("Clamshell", "March")
    assert plan.routine.title == "Hip basics" and plan.routine.revision == 3


def test_a_resumed_session_keeps_its_order_when_exercises_left_the_routine(
    store: HistoryStore,
) -> None:
    """Seen under Xvfb: killed after the clamshell's first set, the clamshell and the stretch
    deleted from the file, resumed: the march came first, then the clamshell's second set,
    then the stretch (the exercises gone were put after the file's own)."""
    stretch = Exercise("stretch", "Stretch", Kind.HOLD, hold_s=20)
    march = Exercise("march", "March", Kind.REPS, reps=8, sides=SideMode.ALTERNATING)
    sid = begin(store, hips(clam(), stretch, march))
    for side in ("right", "left"):
        store.add_set(sid, record("clam", 1, side))
    now = hips(Exercise("new-bridge", "New bridge", Kind.HOLD, hold_s=2), march)

    plan = plan_resume(store, finder(now).get)
    assert plan is not None
    assert [ex.id for ex in plan.routine.active_exercises] == ["clam", "stretch", "march"]
    assert plan.from_session == ("Clamshell", "Stretch")
    assert not plan.routine.exercise("new-bridge").enabled


def test_a_routine_deleted_since_is_rebuilt_from_the_session(store: HistoryStore) -> None:
    r = hips(bridge(), clam())  # "bridge" before "clam": not alphabetical
    sid = begin(store, r)
    store.add_set(sid, record("bridge", 1))

    plan = plan_resume(store, finder().get)
    assert plan is not None and plan.resumable
    assert [ex.id for ex in plan.routine.active_exercises] == ["bridge", "clam"]
    assert plan.routine.exercise("clam") == clam()
    assert (plan.routine.id, plan.routine.title, plan.routine.revision) == ("hips", "Hip basics", 3)


def test_a_routine_not_in_the_library_resumes_with_the_default_pauses_and_its_exercises_own(
    store: HistoryStore,
) -> None:
    """As docs/history.md says: the session keeps its exercises, not the routine's `rests`
    (the outside tester resumed a file tried out with `hiptimer FILE` and got a 10 s get-ready
    where the file said 3 s)."""
    quick = dataclasses.replace(clam(), rest_after_s=2.0)
    r = dataclasses.replace(hips(bridge(), quick), rests=Rests(3, 2, 1, 2))
    sid = begin(store, r)
    store.add_set(sid, record("bridge", 1))
    plan = plan_resume(store, finder().get)
    assert plan is not None and plan.routine.rests == Rests()  # 10 s, 20 s, 5 s, 30 s
    assert plan.routine.rest_after(plan.routine.exercise("clam")) == 2.0
    plan = plan_resume(store, finder(r).get)  # the file opened again: its own pauses
    assert plan is not None and plan.routine.rests == Rests(3, 2, 1, 2)


def test_without_stored_doses_the_routine_is_used_or_it_cannot_resume(
    store: HistoryStore,
) -> None:
    sid = store.begin_session("hips", "Hip basics", 3, {}, T0)
    store.add_set(sid, record("clam", 1, "right"))
    plan = plan_resume(store, finder(hips()).get)
    assert plan is not None and plan.routine == hips() and plan.resumable
    plan = plan_resume(store, finder().get)
    assert plan is not None and not plan.resumable


def test_only_the_newest_is_offered_and_older_ones_are_kept_as_partial(
    store: HistoryStore,
) -> None:
    old = [begin(store, hips(), T0 - timedelta(days=d)) for d in (3, 2)]
    store.add_set(old[0], record("clam", 1, "right"))
    newest = begin(store, hips(), T0)

    plan = plan_resume(store, finder(hips()).get)
    assert plan is not None and plan.session.id == newest and plan.sets_done == 0
    assert [s.id for s in plan.older] == [old[1], old[0]]
    keep_older_as_partial(store, plan)
    assert [s.id for s in store.unfinished_sessions()] == [newest]
    assert {s.id: s.end_reason for s in store.list_sessions()}[old[0]] == "partial"


def a_plan(store: HistoryStore, sets: int, older: int = 0) -> ResumePlan:
    for d in range(older, 0, -1):
        begin(store, hips(), T0 - timedelta(days=d))
    sid = begin(store, hips(), T0)
    for n in range(1, sets + 1):
        store.add_set(sid, record("clam", n, "right"))
    plan = plan_resume(store, finder(hips()).get)
    assert plan is not None
    return plan


def test_the_offer_names_the_routine_the_day_and_the_sets(store: HistoryStore) -> None:
    local = T0.astimezone()
    plan = a_plan(store, 2)
    assert offer_text(plan, local.date()) == (
        f"Your session of Hip basics today at {local:%H:%M} was interrupted with 2 of 2 sets done."
    )
    assert details_lines(plan, local.date()) == []


def test_the_offer_for_one_set_none_and_older_sessions(store: HistoryStore) -> None:
    local = T0.astimezone()
    plan = a_plan(store, 1, older=2)
    assert offer_text(plan, local.date()).endswith("was interrupted with 1 of 1 set done.")
    (line,) = details_lines(plan, local.date())
    assert line.startswith("2 older interrupted sessions were kept as partial, with their sets:")
    assert "Hip basics, yesterday at" in line
    empty = dataclasses.replace(plan, done_sets=(), older=plan.older[:1])
    # user20: killed half-way through the first set, it said "before the first set".
    assert offer_text(empty, local.date()).endswith(
        "was interrupted before its first set was done."
    )
    assert details_lines(empty, local.date())[0].startswith(
        "An older interrupted session was kept as partial, with its sets: Hip basics, "
    )


def test_the_offer_counts_sets_as_history_does_with_skipped_ones_apart(
    store: HistoryStore,
) -> None:
    """The audit: two sets done and the rest of the clam skipped (S) read "interrupted
    after 4 sets", which History gave as 2 done and 2 skipped."""
    local = T0.astimezone()
    doses = {ex.id: exercise_to_data(ex) for ex in hips().active_exercises}
    sid = store.begin_session("hips", "Hip basics", 3, doses, T0, sets_planned=5)
    store.add_set(sid, record("clam", 1, "right"))
    store.add_set(sid, record("clam", 1, "left"))
    for side in ("right", "left"):
        store.add_set(sid, record("clam", 2, side, skipped=True, completed=False, pain=None))
    plan = plan_resume(store, finder(hips()).get)
    assert plan is not None
    offer = offer_text(plan, local.date())
    assert offer.endswith("was interrupted with 2 of 5 sets done, 2 skipped.")
    summary = store.get_session(sid)
    assert summary is not None
    assert completion_text(summary).startswith("2 of 5 sets done, 2 skipped, 1 not reached")
    later = store.begin_session("hips", "Hip basics", 3, doses, T0, sets_planned=5)
    store.add_set(later, record("bridge", 1, completed=False, actual_hold_s=4))
    plan = plan_resume(store, finder(hips()).get)
    assert plan is not None and plan.session.id == later
    assert offer_text(plan, local.date()).endswith(
        "was interrupted with 0 of 5 sets done, 1 partly done."
    )


def test_dates_read_naturally() -> None:
    moment = datetime(2025, 3, 3, 12, 0, tzinfo=timezone.utc)
    local = moment.astimezone()
    day = local.date()
    assert when_text(moment, day) == f"today at {local:%H:%M}"
    assert when_text(moment, day + timedelta(days=1)) == f"yesterday at {local:%H:%M}"
    later = when_text(moment, day + timedelta(days=5))
    assert later == f"{local:%A} {local.day} {local:%B} at {local:%H:%M}"
    assert when_text(moment, date(day.year + 1, 1, 9)).endswith(f"{local.year} at {local:%H:%M}")


def test_dates_in_spanish_name_the_day_in_spanish(spanish: None) -> None:
    moment = datetime(2025, 3, 3, 12, 0, tzinfo=timezone.utc)  # a Monday (Sunday or Tuesday
    local = moment.astimezone()  # in far time zones: the names are looked up, not assumed)
    day = local.date()
    weekday = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
    named = f"el {weekday[day.weekday()]} {day.day} de marzo a las {local:%H:%M}"
    assert when_text(moment, day) == f"hoy a las {local:%H:%M}"
    assert when_text(moment, day + timedelta(days=5)) == named
    next_year = when_text(moment, date(day.year + 1, 1, 9))
    assert next_year == named.replace("marzo a las", f"marzo de {day.year} a las")


def _until(engine: SessionEngine, clock: FakeClock, kind: StepKind) -> None:
    advance_until(clock, lambda: engine.step.kind is kind, engine.update, limit_s=600)


def _first_set_then_killed(store: HistoryStore, r: Routine, change: str, clock: FakeClock) -> None:
    """The first set of the routine's first exercise with a quick dose change (+, -, or L after
    a rating above the limit), recorded as the app records it; then the app is killed in the
    rest after it (the engine is dropped, the session never ends)."""
    engine = fake_engine(r, clock)
    engine.subscribe(SessionRecorder(store, engine).handle)
    engine.start()
    _until(engine, clock, StepKind.WORK)
    if change in "+-":
        assert engine.adjust(1 if change == "+" else -1)
    _until(engine, clock, StepKind.PAIN)
    engine.rate_pain(7 if change == "L" else 2)
    if change == "L":
        assert engine.choose(PainChoice.LOWER)
    _until(engine, clock, StepKind.REST)


def _resumed(store: HistoryStore, plan: ResumePlan, clock: FakeClock) -> SessionEngine:
    """The plan resumed as the window resumes it: an engine recording into the same session."""
    resumed = SessionEngine(
        plan.routine, clock=clock, wall=FakeWall(clock), done_sets=plan.done_sets,
        in_force=plan.in_force,
    )  # fmt: skip
    resumed.subscribe(SessionRecorder(store, resumed, session_id=plan.session.id).handle)
    resumed.start()
    return resumed


@pytest.mark.parametrize(
    ("exercise", "change", "dose", "adjusted"),
    [
        (reps("glute-squeeze", 10, 2, tempo=Tempo(1, 1, 1)), "-", 9, "reps 10 -> 9"),
        (hold("clam", 30, 2), "+", 35, "hold 30 -> 35 s"),
        (hold("clam", 30, 2), "L", 20, "hold 30 -> 20 s"),  # a third off, as Lower promises
    ],
)
def test_a_resumed_session_goes_on_at_the_dose_in_force_when_it_stopped(
    store: HistoryStore, exercise: Exercise, change: str, dose: float, adjusted: str
) -> None:
    # The audit: glute squeezes lowered to 9 reps with -, SIGKILL, R: the second set was 10.
    r = hips(exercise)
    clock = FakeClock()
    _first_set_then_killed(store, r, change, clock)

    plan = plan_resume(store, finder(r).get)
    assert plan is not None and plan.done_sets == ((exercise.id, 1, None),)
    resumed = _resumed(store, plan, clock)
    field = "reps" if exercise.kind is Kind.REPS else "hold_s"
    assert getattr(resumed.dose(exercise.id), field) == dose
    assert getattr(resumed.routine.exercise(exercise.id), field) == getattr(exercise, field)
    assert resumed.adjustments == {exercise.id: [adjusted]}  # the later sets' adjustment, as before
    [line] = details_lines(plan, date.today())  # the offer says so
    assert line.startswith("It goes on at the doses changed during it: ") and str(dose) in line
    _until(resumed, clock, StepKind.PAIN)
    [_first, second] = store.session_sets(plan.session.id)
    planned = second.planned_reps if exercise.kind is Kind.REPS else second.planned_hold_s
    assert (second.set_number, planned, second.adjustment) == (2, dose, adjusted)


def test_doses_in_force_keep_every_change_and_leave_unchanged_exercises_alone() -> None:
    r = hips(clam(hold_s=30), bridge(reps=10))
    records = [
        record("clam", 1, "right", planned_hold_s=35.0, adjustment="hold 30 -> 35 s"),
        record(
            "clam", 1, "left", planned_hold_s=30.0, adjustment="hold 30 -> 35 s; hold 35 -> 30 s"
        ),
        record("bridge", 1, planned_reps=10),
    ]
    in_force = doses_in_force(r, records)
    assert dict(in_force.doses) == {}  # back at 30 s: as the routine says
    assert dict(in_force.changes) == {"clam": ("hold 30 -> 35 s", "hold 35 -> 30 s")}
    lowered_reps = [record("bridge", 1, planned_reps=10, pain=7, pain_choice="lower")]
    bridged = doses_in_force(r, lowered_reps)
    assert bridged.doses["bridge"].reps == 7 and bridged.changes == {"bridge": ("reps 10 -> 7",)}


def test_a_missing_reps_value_is_not_lowered_in_the_session_nor_on_resuming() -> None:
    # A reps exercise without a reps value (one built in code, or a row without planned_reps)
    # counts 0 on screen and for + and -: "Lower" would make it 1, a raise logged as a
    # lowering ("reps 0 -> 1"), so the choice does not offer it and a resume does not make it.
    r = hips(dataclasses.replace(bridge(), reps=None))
    clock = FakeClock()
    engine = fake_engine(r, clock)
    engine.start()
    _until(engine, clock, StepKind.WORK)
    assert engine.next() and engine.rate_pain(8)
    assert engine.view().awaiting_choice and not engine.view().can_lower
    assert not engine.choose(PainChoice.LOWER) and engine.adjustments == {}
    resumed = doses_in_force(r, [record("bridge", 1, pain=8, pain_choice="lower")])
    assert resumed.changes == {} and "bridge" not in resumed.doses


@pytest.mark.parametrize(
    ("exercise", "change", "dose", "adjusted"),
    [
        (reps("glute-squeeze", 10, 3, tempo=Tempo(1, 1, 1)), "-", 9, "reps 10 -> 9"),
        (hold("clam", 30, 3), "+", 35, "hold 30 -> 35 s"),
    ],
)
def test_a_change_made_in_a_set_the_kill_cut_short_is_kept(
    store: HistoryStore, exercise: Exercise, change: str, dose: float, adjusted: str
) -> None:
    # + or - in the second set, then SIGKILL before that set ends: no set row holds the
    # change, yet the user made it. It is written the moment it is made (doses_now_json).
    r = hips(exercise)
    clock = FakeClock()
    engine = fake_engine(r, clock)
    engine.subscribe(SessionRecorder(store, engine).handle)
    engine.start()
    _until(engine, clock, StepKind.PAIN)
    engine.rate_pain(2)
    _until(engine, clock, StepKind.WORK)  # the second set
    assert engine.adjust(1 if change == "+" else -1)
    clock.advance(1)  # killed here: the engine is dropped, the set never ends

    plan = plan_resume(store, finder(r).get)
    assert plan is not None and plan.done_sets == ((exercise.id, 1, None),)
    field = "reps" if exercise.kind is Kind.REPS else "hold_s"
    assert getattr(plan.in_force.doses[exercise.id], field) == dose
    assert plan.in_force.changes == {exercise.id: (adjusted,)}
    resumed = _resumed(store, plan, clock)
    _until(resumed, clock, StepKind.PAIN)
    [_first, second] = store.session_sets(plan.session.id)
    planned = second.planned_reps if exercise.kind is Kind.REPS else second.planned_hold_s
    assert (second.set_number, planned, second.adjustment) == (2, dose, adjusted)


def test_the_doses_written_at_each_change_follow_a_resumed_session(store: HistoryStore) -> None:
    # A resumed session's own changes are written over the state it resumed from, as a whole.
    r = hips(hold("clam", 30, 3))
    clock = FakeClock()
    _first_set_then_killed(store, r, "+", clock)
    plan = plan_resume(store, finder(r).get)
    assert plan is not None
    resumed = _resumed(store, plan, clock)
    _until(resumed, clock, StepKind.WORK)
    assert resumed.adjust(+1)  # 35 -> 40 s, then killed again mid-set
    again = plan_resume(store, finder(r).get)
    assert again is not None and again.in_force.doses["clam"].hold_s == 40
    assert again.in_force.changes == {"clam": ("hold 30 -> 35 s", "hold 35 -> 40 s")}


def test_the_offer_names_the_changed_doses_in_the_routines_order(store: HistoryStore) -> None:
    # Seen under Xvfb: "Bridge 1 x 4 reps; Clamshell 2 x 11 s each side" for a clamshell
    # before the bridge: doses_now_json keeps its exercises by id, in sorted order.
    r = hips(hold("zeta", 30, 1), hold("alpha", 30, 2))
    clock = FakeClock()
    engine = fake_engine(r, clock)
    engine.subscribe(SessionRecorder(store, engine).handle)
    engine.start()
    for _exercise in ("zeta", "alpha"):
        _until(engine, clock, StepKind.WORK)
        assert engine.adjust(1)
        _until(engine, clock, StepKind.PAIN)
        engine.rate_pain(2)
    _until(engine, clock, StepKind.REST)  # then killed, before alpha's second set
    plan = plan_resume(store, finder(r).get)
    assert plan is not None
    [line] = details_lines(plan, date.today())
    assert line.lower().index("zeta") < line.lower().index("alpha"), line
