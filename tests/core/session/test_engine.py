"""Tests for the session engine, driven by a fake clock."""

from __future__ import annotations

import dataclasses
import itertools
import random
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

import pytest

from hiptimer.core.clock import FakeClock
from hiptimer.core.routines.model import (
    Exercise,
    Rests,
    Routine,
    SideMode,
    Tempo,
    estimated_seconds,
)
from hiptimer.core.session import dose_adjust
from hiptimer.core.session.events import (
    Countdown,
    DoseChanged,
    EndReason,
    Event,
    ExerciseSkipped,
    FormCue,
    Halfway,
    HoldCount,
    PainChoice,
    PainRequested,
    RepCounted,
    RepPhase,
    RepUncounted,
    SessionEnded,
    SetCompleted,
    StepStarted,
)
from hiptimer.core.session.steps import Side, StepKind, expand, step_estimate, without_lead_in
from tests.harness import RESTS, EngineOptions, advance, fake_engine, hold, reps, routine

NO_GET_READY = dataclasses.replace(RESTS, get_ready_s=0)

if TYPE_CHECKING:
    from typing_extensions import Unpack

E = TypeVar("E", bound=Event)
F = TypeVar("F", bound=Callable[..., object])


def counted(function: F, calls: list[object]) -> F:
    """`function`, noting each call in `calls`."""

    def wrapper(*args: object) -> object:
        calls.append(args)
        return function(*args)

    return cast("F", wrapper)


class Harness:
    """An engine on a fake clock with every event recorded."""

    def __init__(self, r: Routine, **options: Unpack[EngineOptions]) -> None:
        self.clock = FakeClock()
        self.engine = fake_engine(r, self.clock, **options)
        self.events: list[Event] = []
        self.engine.subscribe(self.events.append)

    def advance(self, seconds: float) -> None:
        """Move the clock forward, polling the engine every 0.25 s like a UI timer."""
        advance(self.clock, seconds, self.engine.update, step=0.25)

    def of(self, kind: type[E]) -> list[E]:
        return [e for e in self.events if isinstance(e, kind)]

    @property
    def kind(self) -> StepKind:
        return self.engine.step.kind

    @property
    def exercise_id(self) -> str | None:
        """The id of the exercise the view shows, if any."""
        exercise = self.engine.view().exercise
        return None if exercise is None else exercise.id


def kinds(r: Routine) -> list[tuple[str, int, str | None]]:
    return [(s.kind.value, s.set_number, s.side.value if s.side else None) for s in expand(r)]


# ---------------------------------------------------------------- expansion


def test_expand_sides_sets_rests_and_pain_prompts() -> None:
    r = routine(hold("a", sets=2, sides=SideMode.EACH), reps("b"))
    assert kinds(r) == [
        ("get_ready", 0, None),
        ("work", 1, "right"),
        ("pain", 1, "right"),
        ("switch_sides", 1, "left"),
        ("work", 1, "left"),
        ("pain", 1, "left"),
        ("rest", 1, None),
        ("work", 2, "right"),
        ("pain", 2, "right"),
        ("switch_sides", 2, "left"),
        ("work", 2, "left"),
        ("pain", 2, "left"),
        ("rest", 0, None),  # after the exercise, leading to "b"
        ("work", 1, None),
        ("pain", 1, None),
        ("done", 0, None),
    ]


@pytest.mark.parametrize(
    "ex",
    [
        hold(hold_s=45, sets=3, sides=SideMode.EACH),
        reps(n=12, rep_hold_s=3, sets=3),
        reps(n=8, sides=SideMode.ALTERNATING, tempo=Tempo(1, 1, 2)),
        reps(n=10),
    ],
)
def test_routine_estimate_matches_the_engine_plan(ex: Exercise) -> None:
    r = routine(ex, hold("after", hold_s=20))
    plan = sum(
        step_estimate(s, r.active_exercises[s.exercise_index])
        for s in expand(r)
        if s.kind is not StepKind.DONE
    )
    assert estimated_seconds(r) == pytest.approx(plan)


def test_expand_skips_disabled_exercises_and_zero_rests() -> None:
    r = routine(
        hold("a", enabled=False),
        hold("b", sets=2),
        rests=Rests(get_ready_s=0, between_sets_s=0, between_sides_s=0, after_exercise_s=0),
    )
    assert [k for k, _, _ in kinds(r)] == ["work", "pain", "work", "pain", "done"]


# ---------------------------------------------------------------- holds


def test_hold_counts_down_and_ends_at_its_deadline() -> None:
    h = Harness(routine(hold(hold_s=30)))
    h.engine.start()
    assert h.kind is StepKind.GET_READY
    assert h.engine.view().remaining_s == pytest.approx(5)
    h.advance(5)
    assert h.kind is StepKind.WORK
    h.advance(12.5)
    assert h.engine.view().remaining_s == pytest.approx(17.5)
    h.advance(17.5)
    assert h.kind is StepKind.PAIN
    done = h.of(SetCompleted)[0].record
    assert done.actual_hold_s == 30 and done.completed
    assert [e.seconds_left for e in h.of(Countdown) if e.step.kind is StepKind.WORK] == [
        10,
        3,
        2,
        1,
    ]
    assert len(h.of(Halfway)) == 1


def test_late_poll_reports_lateness_and_keeps_the_deadline() -> None:
    h = Harness(routine(hold(hold_s=20), hold("b", hold_s=20)))
    h.engine.start()
    start = h.clock.now()
    h.clock.advance(5 + 20.6)  # one poll arrives 0.6 s after the hold should have ended
    h.engine.update()
    ones = [e for e in h.of(Countdown) if e.step.kind is StepKind.WORK and e.seconds_left == 1]
    assert ones[0].late_s == pytest.approx(1.6)
    prompt = next(e for e in h.of(StepStarted) if e.step.kind is StepKind.PAIN)
    assert prompt.at == pytest.approx(start + 25)  # the set ended at its deadline
    assert h.of(SetCompleted)[0].record.actual_hold_s == 20


def test_pause_keeps_the_remaining_time() -> None:
    h = Harness(routine(hold(hold_s=30)))
    h.engine.start()
    h.advance(5 + 10)
    h.engine.pause()
    h.advance(300)
    assert h.engine.view().remaining_s == pytest.approx(20)
    assert h.kind is StepKind.WORK
    h.engine.resume()
    h.advance(19.9)
    assert h.kind is StepKind.WORK
    h.advance(0.1)
    assert h.kind is StepKind.PAIN


def test_a_clock_moved_mark_to_mark_hears_every_mark_on_time() -> None:
    # The UI tests' App.until moves the fake clock this way instead of a poll every 0.1 s.
    h = Harness(routine(hold(hold_s=30, cues=("Breathe.",))))
    h.engine.start()
    while h.kind is not StepKind.PAIN:
        view = h.engine.view()
        ends = [s for s in (h.engine.to_next_mark_s(), view.remaining_s) if s is not None]
        h.clock.advance(max(min(ends), 1e-6))
        h.engine.update()
    counts = [e.seconds_left for e in h.of(Countdown) if e.step.kind is StepKind.WORK]
    assert counts == [10, 3, 2, 1]
    assert len(h.of(Halfway)) == 1
    assert len(h.of(FormCue)) >= 1
    assert all(e.late_s < 1e-9 for e in h.events if isinstance(e, Countdown | Halfway | FormCue))
    h.engine.pause()
    assert h.engine.to_next_mark_s() is None


def test_next_ends_a_hold_early_and_records_the_time_held() -> None:
    h = Harness(routine(hold(hold_s=60)))
    h.engine.start()
    h.advance(5 + 42.3)
    assert h.engine.next()
    record = h.of(SetCompleted)[0].record
    assert record.actual_hold_s == pytest.approx(42.3)
    assert record.planned_hold_s == 60 and not record.completed
    assert h.kind is StepKind.PAIN


def test_adjusting_a_hold_changes_this_set_and_the_next() -> None:
    h = Harness(routine(hold(hold_s=30, sets=2)))
    h.engine.start()
    h.advance(5 + 10)
    assert h.engine.adjust(+1)
    assert h.engine.view().remaining_s == pytest.approx(25)
    h.engine.adjust(-1)
    h.engine.adjust(-1)
    assert h.engine.view().remaining_s == pytest.approx(15)
    assert [e.new for e in h.of(DoseChanged)] == [35, 30, 25]
    h.advance(15)
    h.engine.rate_pain(2)
    h.advance(10)  # rest between sets
    assert h.kind is StepKind.WORK
    assert h.engine.view().duration_s == 25
    assert h.of(SetCompleted)[0].record.adjustment.startswith("hold 30 -> 35 s")


def test_an_adjusted_rep_count_is_recorded_without_its_unit_twice() -> None:
    # The CSV's `adjustment` column and the summary read "reps 5 -> 6", not "... 6 reps".
    h = Harness(routine(reps(n=5)))
    h.engine.start()
    while h.engine.step.kind is not StepKind.WORK:
        h.advance(0.25)
    assert h.engine.adjust(+1)
    assert h.engine.adjustments == {"bridge": ["reps 5 -> 6"]}


def test_the_time_left_follows_a_changed_dose_and_lead_in_rule() -> None:
    # The view asks every tick; the seconds after this step are summed once per step and
    # summed again when a dose or the lead-in rule changes.
    h = Harness(routine(hold("a", hold_s=30), hold("b", hold_s=10)))
    h.engine.start()
    h.advance(5 + 10)  # 10 s into a's hold: 20 s of it, a 15 s rest and b's 10 s to go
    assert h.engine.view().session_remaining_s == pytest.approx(20 + 15 + 10)
    assert h.engine.view().session_remaining_s == pytest.approx(45)  # asked again
    assert h.engine.adjust(+1)  # a's hold 5 s longer
    assert h.engine.view().session_remaining_s == pytest.approx(50)
    h.engine.set_lead_in(lambda ex: 60.0 if ex.id == "b" else 0.0)  # the rest leads in to b
    assert h.engine.view().session_remaining_s == pytest.approx(25 + 60 + 10)


def test_less_takes_five_seconds_off_down_to_one_and_never_lengthens() -> None:
    h = Harness(routine(hold(hold_s=12)))
    h.engine.start()
    while h.engine.step.kind is not StepKind.WORK:
        h.advance(0.25)
    assert h.engine.adjust(-1) and h.engine.dose("stretch").hold_s == 7
    assert h.engine.adjust(-1) and h.engine.dose("stretch").hold_s == 2
    assert h.engine.adjust(-1) and h.engine.dose("stretch").hold_s == 1
    assert not h.engine.adjust(-1)  # at the floor: nothing changes, nothing gets longer
    assert h.engine.dose("stretch").hold_s == 1


def test_the_view_says_whether_plus_and_minus_would_change_anything() -> None:
    h = Harness(routine(hold(hold_s=6)))
    h.engine.start()
    assert (h.engine.view().can_more, h.engine.view().can_less) == (True, True)  # the get-ready
    while h.engine.step.kind is not StepKind.WORK:
        h.advance(0.25)
    assert h.engine.adjust(-1) and h.engine.dose("stretch").hold_s == 1
    assert (h.engine.view().can_more, h.engine.view().can_less) == (True, False)  # at the floor
    h.engine.next()
    assert h.engine.view().awaiting_pain  # the pain question: + and - change nothing
    assert (h.engine.view().can_more, h.engine.view().can_less) == (False, False)
    assert not h.engine.adjust(+1)


def test_the_view_works_plus_and_minus_out_once_per_step_length_and_dose(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The view is asked twice a tick; whether + and - change anything is worked out again
    # only when the step, its length or its dose changed (each answer builds an Exercise).
    built: list[object] = []
    monkeypatch.setattr(dose_adjust, "adjusted_hold", counted(dose_adjust.adjusted_hold, built))
    h = Harness(routine(hold(hold_s=6, sets=2)))
    h.engine.start()
    h.advance(5.25)
    assert h.kind is StepKind.WORK
    for _ in range(3):
        assert (h.engine.view().can_more, h.engine.view().can_less) == (True, True)
    assert len(built) == 2
    assert h.engine.adjust(-1) and h.engine.dose("stretch").hold_s == 1
    assert (h.engine.view().can_more, h.engine.view().can_less) == (True, False)
    assert len(built) == 2 + 2 + 2  # the key's decision before and after the clock, the view's
    # Lower is worked out in the choice after a high rating alone, where it is offered.
    g = Harness(routine(hold(hold_s=9, sets=2)))
    g.engine.start()
    g.advance(5 + 9)
    assert g.engine.view().awaiting_pain and not g.engine.view().can_lower
    g.engine.rate_pain(8)
    assert g.engine.view().awaiting_choice and g.engine.view().can_lower


def test_a_key_greyed_on_screen_does_nothing_not_even_look_at_the_clock() -> None:
    # - at a 1 s hold whose time ran out since the last poll: the screen shows - greyed, so
    # the key neither changes anything nor ends the set early; the next poll does that.
    h = Harness(routine(hold(hold_s=1)))
    h.engine.start()
    h.advance(5)
    assert h.kind is StepKind.WORK
    h.clock.advance(1.5)  # the hold is over, not yet polled
    assert not h.engine.can_adjust(-1) and not h.engine.adjust(-1)
    assert h.kind is StepKind.WORK and not h.of(SetCompleted)
    h.engine.update()
    assert h.kind is StepKind.PAIN and not h.of(DoseChanged)


def test_a_key_pressed_as_a_step_runs_out_changes_nothing() -> None:
    # The get-ready ran out since the last poll: the + was meant for the get-ready on screen,
    # and must not become a lasting change of the hold that began (review finding: it did).
    h = Harness(routine(hold(hold_s=30, sets=2)))
    h.engine.start()
    h.advance(4.9)
    h.clock.advance(0.2)
    assert not h.engine.adjust(+1)
    assert h.kind is StepKind.WORK and h.engine.view().duration_s == 30
    assert not h.of(DoseChanged) and h.engine.dose("stretch").hold_s == 30
    assert h.engine.adjust(+1)  # pressed again, on the hold now shown: it lengthens it
    assert h.engine.view().duration_s == 35
    # The hold ran out: the pain question that follows has no time to change.
    h.advance(34.9)
    h.clock.advance(0.2)
    assert not h.engine.adjust(-1)
    assert h.engine.view().awaiting_pain and h.engine.dose("stretch").hold_s == 35
    r = Harness(routine(reps(n=5)))
    r.engine.start()
    r.advance(4.9)
    r.clock.advance(0.2)
    assert not r.engine.adjust(+1) and r.engine.dose("bridge").reps == 5


def test_adjusting_a_rest_leaves_the_dose_alone() -> None:
    h = Harness(routine(hold(hold_s=10)))
    h.engine.start()
    h.engine.adjust(+1)
    assert h.engine.view().remaining_s == pytest.approx(10)
    assert not h.of(DoseChanged)


def test_form_cues_are_spread_over_a_long_hold() -> None:
    h = Harness(routine(hold(hold_s=60, cues=("Breathe out.", "Keep your back flat."))))
    h.engine.start()
    h.advance(65)
    cues = h.of(FormCue)
    assert [c.text for c in cues][:2] == ["Breathe out.", "Keep your back flat."]
    work_start = h.of(StepStarted)[1].at
    offsets = [c.at - work_start for c in cues]
    assert offsets[0] == pytest.approx(5)
    assert all(o <= 48 for o in offsets)  # the last 12 s belong to the countdown


# ---------------------------------------------------------------- sides


def test_each_side_switches_with_a_pause() -> None:
    h = Harness(routine(hold(hold_s=20, sides=SideMode.EACH)))
    h.engine.start()
    h.advance(5 + 20)
    assert h.kind is StepKind.PAIN and h.engine.step.side is Side.RIGHT
    h.engine.rate_pain(0)
    assert h.kind is StepKind.SWITCH_SIDES
    h.advance(3)
    assert h.kind is StepKind.WORK and h.engine.step.side is Side.LEFT
    h.advance(20)
    h.engine.rate_pain(0)
    assert h.engine.ended is EndReason.COMPLETED
    assert [r.side for r in h.engine.records] == [Side.RIGHT, Side.LEFT]


# ---------------------------------------------------------------- reps


def test_tempo_reps_are_paced_and_counted() -> None:
    ex = reps(n=2, tempo=Tempo(lift_s=2, hold_s=3, lower_s=2))
    h = Harness(routine(ex))
    h.engine.start()
    h.advance(5)
    assert h.engine.view().duration_s == 14
    h.advance(3)
    view = h.engine.view()
    assert (view.reps_done, view.rep_phase) == (0, "hold")
    h.advance(11)
    phases = [(e.rep, e.phase) for e in h.of(RepPhase)]
    assert phases == [
        (1, "lift"),
        (1, "hold"),
        (1, "lower"),
        (2, "lift"),
        (2, "hold"),
        (2, "lower"),
    ]
    assert [e.count for e in h.of(HoldCount)] == [2, 3, 2, 3]
    assert [e.count for e in h.of(RepCounted)] == [1, 2]
    assert h.engine.records[0].actual_reps == 2
    assert h.kind is StepKind.PAIN


def test_a_rep_hold_without_tempo_is_paced_with_default_lift_and_lower() -> None:
    h = Harness(routine(reps(n=10, rep_hold_s=3)))
    h.engine.start()
    h.advance(5)
    assert h.engine.view().duration_s == 10 * (2 + 3 + 2)


def test_alternating_reps_count_both_legs_as_one_rep() -> None:
    ex = reps(n=2, sides=SideMode.ALTERNATING, tempo=Tempo(1, 0, 1))
    h = Harness(routine(ex))
    h.engine.start()
    h.advance(5)
    assert h.engine.view().duration_s == 8
    h.advance(2)
    assert h.engine.view().rep_side is Side.LEFT
    h.advance(6)
    assert [e.count for e in h.of(RepCounted)] == [1, 2]
    sides = [e.side for e in h.of(RepPhase) if e.phase == "lift"]
    assert sides == [Side.RIGHT, Side.LEFT, Side.RIGHT, Side.LEFT]


def test_self_paced_reps_count_key_presses_to_the_target() -> None:
    h = Harness(routine(reps(n=3)))
    h.engine.start()
    h.advance(5)
    assert h.engine.view().duration_s is None
    h.advance(100)  # no clock ends a self-paced set
    assert h.kind is StepKind.WORK
    for _ in range(3):
        assert h.engine.count_rep()
    assert h.kind is StepKind.PAIN
    assert h.engine.records[0].actual_reps == 3 and h.engine.records[0].completed


def test_self_paced_set_ended_early_keeps_the_count() -> None:
    h = Harness(routine(reps(n=12)))
    h.engine.start()
    h.advance(5)
    for _ in range(7):
        h.engine.count_rep()
    h.engine.next()
    record = h.engine.records[0]
    assert (record.actual_reps, record.planned_reps, record.completed) == (7, 12, False)


def test_adjusting_reps_moves_the_target() -> None:
    h = Harness(routine(reps(n=3, reps_range=(3, 5))))
    h.engine.start()
    h.advance(5)
    h.engine.count_rep()
    h.engine.count_rep()
    h.engine.adjust(-1)  # target 2, already reached
    assert h.kind is StepKind.PAIN
    assert h.engine.records[0].actual_reps == 2
    assert h.engine.dose("bridge").reps_range == (2, 5)


def test_count_rep_does_nothing_on_a_hold() -> None:
    h = Harness(routine(hold()))
    h.engine.start()
    h.advance(5)
    assert not h.engine.count_rep()


# ---------------------------------------------------------------- navigation


def test_back_from_a_rest_repeats_the_set_just_done() -> None:
    h = Harness(routine(hold(hold_s=20, sets=2)))
    h.engine.start()
    h.advance(25)
    h.engine.rate_pain(1)
    assert h.kind is StepKind.REST
    assert h.engine.back()
    assert h.kind is StepKind.WORK and h.engine.step.set_number == 1
    assert h.engine.view().remaining_s == pytest.approx(20)


def test_back_in_the_first_get_ready_does_nothing_and_keeps_time_added() -> None:
    """Nothing comes before the first get-ready: Back restarted it and dropped a +5 s."""
    h = Harness(routine(hold()))
    h.engine.start()
    assert h.engine.adjust(+1)  # 5 s more to get ready
    h.advance(3)
    assert not h.engine.view().can_back
    assert not h.engine.back()
    assert h.kind is StepKind.GET_READY
    assert h.engine.view().remaining_s == pytest.approx(7)
    h.advance(7)
    assert h.kind is StepKind.WORK and h.engine.view().can_back
    assert h.engine.back()  # from the first set: its get-ready again
    assert h.kind is StepKind.GET_READY


def test_navigation_keys_do_not_dismiss_the_pain_prompt() -> None:
    h = Harness(routine(hold(hold_s=10)))
    h.engine.start()
    h.advance(15)
    assert h.kind is StepKind.PAIN
    assert not h.engine.next()
    assert not h.engine.back()
    assert not h.engine.skip_exercise()
    assert h.kind is StepKind.PAIN
    assert h.engine.skip_pain()
    assert h.engine.records[0].pain is None
    assert h.engine.ended is EndReason.COMPLETED


def test_skip_exercise_records_every_remaining_set_as_skipped() -> None:
    h = Harness(routine(hold("a", hold_s=20, sets=3), hold("b")))
    h.engine.start()
    h.advance(5 + 20)
    h.engine.rate_pain(0)
    h.advance(4)  # into the rest between sets
    assert h.engine.skip_exercise()
    skipped = h.of(ExerciseSkipped)[0]
    assert [r.set_number for r in skipped.records] == [2, 3]
    assert all(r.skipped and r.actual_hold_s == 0 for r in skipped.records)
    assert h.engine.step.rest_kind is not None  # the rest leading to "b"
    assert h.exercise_id == "b"


def test_skip_during_the_lead_in_skips_the_exercise_coming_up() -> None:
    h = Harness(routine(hold("a"), hold("b")))
    h.engine.start()
    h.engine.skip_exercise()
    assert h.of(ExerciseSkipped)[0].exercise.id == "a"
    assert h.exercise_id == "b"


def test_end_records_the_set_in_progress() -> None:
    h = Harness(routine(hold(hold_s=60)))
    h.engine.start()
    h.advance(5 + 12)
    h.engine.end()
    assert h.engine.ended is EndReason.ENDED_EARLY
    assert h.engine.records[0].actual_hold_s == pytest.approx(12)
    assert h.of(SessionEnded)[0].reason is EndReason.ENDED_EARLY


# ---------------------------------------------------------------- pain


def test_pain_prompt_follows_every_set() -> None:
    h = Harness(routine(hold(hold_s=10, sets=2)))
    h.engine.start()
    h.advance(15)
    assert len(h.of(PainRequested)) == 1
    assert h.engine.view().awaiting_pain
    h.engine.rate_pain(4)
    assert h.engine.records[0].pain == 4
    assert h.kind is StepKind.REST


@pytest.mark.parametrize(("rating", "asks"), [(5, False), (6, True), (10, True)])
def test_pain_above_the_limit_asks_what_to_do(rating: int, asks: bool) -> None:
    h = Harness(routine(hold(hold_s=10, sets=2)))
    h.engine.start()
    h.advance(15)
    h.engine.rate_pain(rating)
    assert h.engine.view().awaiting_choice is asks
    assert (h.kind is StepKind.PAIN) is asks


def test_the_pain_limit_is_configurable() -> None:
    h = Harness(routine(hold(hold_s=10)), pain_limit=3)
    h.engine.start()
    h.advance(15)
    h.engine.rate_pain(4)
    assert h.engine.view().awaiting_choice


def test_high_pain_stop_skips_the_rest_of_the_exercise() -> None:
    h = Harness(routine(hold("a", hold_s=10, sets=3), hold("b")))
    h.engine.start()
    h.advance(15)
    h.engine.rate_pain(7)
    assert h.engine.choose(PainChoice.STOP)
    assert h.engine.records[0].pain_choice is PainChoice.STOP
    assert [r.set_number for r in h.of(ExerciseSkipped)[0].records] == [2, 3]
    assert h.exercise_id == "b"


def test_high_pain_lower_dose_shortens_the_next_sets() -> None:
    h = Harness(routine(hold("a", hold_s=30, sets=2), reps("b", n=12)))
    h.engine.start()
    h.advance(35)
    h.engine.rate_pain(6)
    h.engine.choose(PainChoice.LOWER)
    assert h.engine.dose("a").hold_s == 20
    change = h.of(DoseChanged)[0]
    assert change.reason == "pain 6/10: lower dose"
    h.advance(10)
    assert h.engine.view().duration_s == 20


def test_lower_dose_on_reps_takes_about_a_third_off() -> None:
    h = Harness(routine(reps(n=12, sets=2)))
    h.engine.start()
    h.advance(5)
    for _ in range(12):
        h.engine.count_rep()
    h.engine.rate_pain(8)
    h.engine.choose(PainChoice.LOWER)
    assert h.engine.dose("bridge").reps == 8


@pytest.mark.parametrize("seconds", [5, 3])
def test_a_hold_of_5_s_or_less_has_no_lower_dose_and_l_changes_nothing(seconds: float) -> None:
    h = Harness(routine(hold("a", hold_s=seconds, sets=2)))
    h.engine.start()
    h.advance(seconds + 6)
    h.engine.rate_pain(7)
    assert not h.engine.can_lower()
    assert not h.engine.choose(PainChoice.LOWER)  # no "hold 5 -> 5 s" to keep
    assert h.engine.adjustments == {} and not h.of(DoseChanged)
    assert h.engine.records[0].pain_choice is None  # still asking: stop or continue
    assert h.engine.choose(PainChoice.CONTINUE)


def test_a_hold_of_6_s_goes_lighter_to_5() -> None:
    h = Harness(routine(hold("a", hold_s=6, sets=2)))
    h.engine.start()
    h.advance(12)
    h.engine.rate_pain(7)
    assert h.engine.can_lower() and h.engine.choose(PainChoice.LOWER)
    assert h.engine.dose("a").hold_s == 5


def test_rating_is_only_taken_during_a_pain_prompt() -> None:
    h = Harness(routine(hold()))
    h.engine.start()
    assert not h.engine.rate_pain(3)
    assert not h.engine.choose(PainChoice.CONTINUE)


# ---------------------------------------------------------------- whole sessions


def test_thirty_minute_routine_has_zero_drift_under_irregular_polls() -> None:
    exercises = [
        hold(f"stretch{i}", hold_s=60, sets=3, sides=SideMode.EACH, cues=("Breathe.",))
        for i in range(4)
    ] + [reps("bridge", n=12, sets=3, tempo=Tempo(2, 3, 2))]
    r = routine(*exercises)
    planned = estimated_seconds(r)
    assert 25 * 60 < planned < 40 * 60
    h = Harness(r)
    rng = random.Random(7)
    h.engine.start()
    start = h.clock.now()
    while h.engine.ended is None:
        h.clock.advance(rng.uniform(0.01, 1.3))  # a UI timer that is sometimes very late
        h.engine.update()
        if h.engine.view().awaiting_pain:
            h.engine.rate_pain(1)  # rated at the moment we noticed: untimed
    ended = h.of(SessionEnded)[0]
    starts = h.of(StepStarted)
    # Every timed step begins exactly at the previous one's deadline, however late we looked.
    for step, following in itertools.pairwise(starts):
        if step.duration_s is not None:
            assert following.at == pytest.approx(step.at + step.duration_s, abs=1e-9)
    timed = sum(e.duration_s or 0 for e in starts)
    assert timed == pytest.approx(planned, abs=1e-6)
    assert ended.at - start == pytest.approx(timed + _untimed_pain_time(h.events), abs=1e-6)


def _untimed_pain_time(events: list[Event]) -> float:
    """Total time spent in pain prompts: from each prompt opening to the next step starting."""
    total = 0.0
    starts = [e for e in events if isinstance(e, StepStarted)]
    for prompt, following in itertools.pairwise(starts):
        if prompt.step.kind is StepKind.PAIN:
            total += following.at - prompt.at
    return total


def test_session_view_reports_progress_and_time_left() -> None:
    r = routine(hold("a", hold_s=30), hold("b", hold_s=30))
    h = Harness(r)
    view = h.engine.view()
    assert view.session_remaining_s == pytest.approx(estimated_seconds(r))
    h.engine.start()
    h.advance(20)
    view = h.engine.view()
    assert view.session_elapsed_s == pytest.approx(20)
    assert view.session_remaining_s == pytest.approx(estimated_seconds(r) - 20)
    assert 0 < view.progress < 1


def test_resume_starts_at_the_first_set_not_done() -> None:
    r = routine(hold("a", hold_s=20, sets=2, sides=SideMode.EACH), hold("b"))
    done = [("a", 1, "right"), ("a", 1, "left")]
    h = Harness(r, done_sets=done)
    h.engine.start()
    # The routine's own get-ready (5 s here), as at its start: it lasted a fixed 10 s.
    assert h.kind is StepKind.GET_READY and h.engine.step.planned_s == 5
    h.advance(5)
    step = h.engine.step
    assert (step.kind, step.set_number, step.side) == (StepKind.WORK, 2, Side.RIGHT)


def test_a_resumed_routine_without_a_get_ready_resumes_at_its_set() -> None:
    r = dataclasses.replace(routine(hold("a", sets=2), hold("b")), rests=NO_GET_READY)
    h = Harness(r, done_sets=[("a", 1, None)])
    h.engine.start()
    assert (h.kind, h.engine.step.set_number) == (StepKind.WORK, 2)


def test_listeners_may_call_back_into_the_engine() -> None:
    h = Harness(routine(hold(hold_s=10), hold("b", hold_s=10)))

    def rate_at_once(event: Event) -> None:
        if isinstance(event, PainRequested):
            h.engine.rate_pain(0)

    h.engine.subscribe(rate_at_once)
    h.engine.start()
    h.advance(5 + 10 + 15 + 10)
    assert h.engine.ended is EndReason.COMPLETED
    assert [r.pain for r in h.engine.records] == [0, 0]


def test_self_paced_alternating_reps_count_a_rep_per_pair_of_presses() -> None:
    h = Harness(routine(reps(n=2, sides=SideMode.ALTERNATING)))
    h.engine.start()
    h.advance(5)
    for _ in range(3):
        h.engine.count_rep()
    assert [(e.count, e.target) for e in h.of(RepCounted)] == [(1, 2)]
    h.engine.count_rep()
    assert [(e.count, e.target) for e in h.of(RepCounted)] == [(1, 2), (2, 2)]
    assert h.engine.records[0].actual_reps == 2


def test_a_lead_in_lasts_long_enough_to_read_the_setup() -> None:
    r = routine(hold("a", hold_s=10), hold("b", hold_s=10))
    h = Harness(r, lead_in=lambda ex: 12.0 if ex.id == "b" else 0.0)
    assert h.engine.view().session_remaining_s == pytest.approx(5 + 10 + 15 + 10)
    h.engine.start()
    assert h.engine.view().duration_s == 5  # get-ready for "a": its own 5 s is enough
    h.advance(15)
    h.engine.rate_pain(0)
    assert h.engine.step.rest_kind is not None
    assert h.engine.view().duration_s == 15  # the rest is already longer than 12 s


def test_a_short_lead_in_is_stretched_for_the_setup() -> None:
    h = Harness(routine(hold("a", hold_s=10)), lead_in=lambda ex: 21.5)
    h.engine.start()
    assert h.engine.view().duration_s == 21.5


# ---------------------------------------------------------------- times as written (issue 14)


def test_muting_gives_back_what_the_lead_in_rule_added() -> None:
    h = Harness(routine(hold("a", hold_s=10)), lead_in=lambda ex: 21.5)
    h.engine.start()
    h.advance(3)
    h.engine.set_lead_in(None)  # the voice was muted: the get-ready is as written again
    view = h.engine.view()
    assert view.duration_s == 5 and view.remaining_s == pytest.approx(2)
    h.advance(2)
    assert h.kind is StepKind.WORK


def test_muting_after_the_written_time_ends_the_lead_in_now_without_eating_the_set() -> None:
    h = Harness(routine(hold("a", hold_s=10)), lead_in=lambda ex: 21.5)
    h.engine.start()
    h.advance(8)
    h.engine.set_lead_in(None)
    assert h.kind is StepKind.WORK
    assert h.engine.view().remaining_s == pytest.approx(10)  # the hold starts now, whole


def test_a_lead_in_kept_as_it_is_runs_on_and_the_later_ones_follow_the_new_rule() -> None:
    """The voice failed (no sound device) a moment into the get-ready: its count runs on
    rather than jumping from 0:21 to 0:05; the rest leading in to b is as written."""
    h = Harness(routine(hold("a", hold_s=10), hold("b", hold_s=10)), lead_in=lambda ex: 21.5)
    h.engine.start()
    h.advance(0.1)
    h.engine.set_lead_in(None, keep_current=True)
    view = h.engine.view()
    assert view.duration_s == 21.5 and view.remaining_s == pytest.approx(21.4)
    assert view.session_remaining_s == pytest.approx(21.4 + 10 + 15 + 10)  # b's rest: 15 s
    h.advance(21.4)
    assert h.kind is StepKind.WORK
    h.advance(10)
    h.engine.rate_pain(0)
    assert h.engine.step.rest_kind is not None and h.engine.view().duration_s == 15


def test_a_new_lead_in_rule_never_lengthens_the_pause_in_progress() -> None:
    h = Harness(routine(hold("a", hold_s=10)))
    h.engine.start()
    h.engine.set_lead_in(lambda ex: 30.0)  # unmuted: its words were never queued
    assert h.engine.view().duration_s == 5
    assert h.engine.view().session_remaining_s == pytest.approx(5 + 10)


def test_a_0_s_lead_in_kept_for_the_voice_passes_at_once_once_muted() -> None:
    """A 0 s get-ready or rest is kept where the voice reads a caution there (steps.expand);
    muted, it is as written again: the set starts now, and the next such pause takes no time,
    its steps shown in the set instead (without_lead_in)."""
    rests = dataclasses.replace(RESTS, get_ready_s=0, after_exercise_s=0)
    a = hold("a", hold_s=10, caution="Ribs down.")
    b = hold("b", hold_s=10, caution="Knees apart.")
    rule = lambda ex: 12.0 if ex.caution else 3.0  # noqa: E731 (the voice's rule, in short)
    h = Harness(routine(a, b, rests=rests), lead_in=rule)
    assert [s.kind for s in h.engine.steps][:2] == [StepKind.GET_READY, StepKind.WORK]
    assert without_lead_in(list(h.engine.steps)) == {
        s for s in h.engine.steps if s.kind is StepKind.WORK and s.set_number == 1
    }
    h.engine.start()
    assert h.engine.view().duration_s == 12
    h.advance(2)
    h.engine.set_lead_in(None)
    assert h.kind is StepKind.WORK and h.engine.view().remaining_s == pytest.approx(10)
    h.advance(10)
    h.engine.rate_pain(0)
    assert h.kind is StepKind.WORK and h.exercise_id == "b"  # its 0 s rest passed at once


def test_muting_keeps_the_time_the_user_added_to_a_lead_in() -> None:
    h = Harness(routine(hold("a", hold_s=10)), lead_in=lambda ex: 21.5)
    h.engine.start()
    h.engine.adjust(+1)
    assert h.engine.view().duration_s == 26.5
    h.engine.set_lead_in(None)
    assert h.engine.view().duration_s == 10  # written 5 s, plus the user's 5 s


def test_without_a_lead_in_rule_a_short_get_ready_lasts_as_written() -> None:
    h = Harness(routine(hold("a", hold_s=10), hold("b", hold_s=10)))
    h.engine.start()
    assert h.engine.view().duration_s == 5
    h.advance(15)
    h.engine.rate_pain(0)
    assert h.engine.view().duration_s == 15


def test_the_estimate_counts_lead_ins_as_the_engine_runs_them() -> None:
    r = routine(hold("a", hold_s=10), hold("b", hold_s=10, sets=2))

    def rule(ex: Exercise) -> float:
        return 12.0 if ex.id == "a" else 40.0

    before = Harness(r, lead_in=rule).engine.view().session_remaining_s
    assert estimated_seconds(r, rule) == pytest.approx(before) == 12 + 10 + 40 + 10 + 10 + 10
    assert estimated_seconds(r) == 5 + 10 + 15 + 10 + 10 + 10
    h = Harness(r, lead_in=rule)
    start = h.clock.now()
    h.engine.start()
    h.advance(12 + 10)
    h.engine.rate_pain(0)
    h.advance(40 + 10)
    h.engine.rate_pain(0)
    h.advance(10 + 10)
    h.engine.rate_pain(0)
    assert h.engine.ended is EndReason.COMPLETED
    assert h.clock.now() - start == pytest.approx(estimated_seconds(r, rule))


# ---------------------------------------------------------------- undoable counts (issue 14)


def test_a_count_taken_back_is_counted_again_before_the_set_ends() -> None:
    h = Harness(routine(reps(n=3)))
    h.engine.start()
    h.advance(5)
    assert not h.engine.uncount_rep()  # nothing counted yet
    h.engine.count_rep()
    h.engine.count_rep()
    assert h.engine.uncount_rep()
    assert [(e.count, e.target) for e in h.of(RepUncounted)] == [(1, 3)]
    assert h.engine.view().reps_done == 1
    h.engine.count_rep()
    assert h.kind is StepKind.WORK  # three presses, one taken back: two reps so far
    h.engine.count_rep()
    assert h.kind is StepKind.PAIN and h.engine.records[0].actual_reps == 3


def test_taking_back_an_alternating_press_takes_back_one_leg() -> None:
    h = Harness(routine(reps(n=2, sides=SideMode.ALTERNATING)))
    h.engine.start()
    h.advance(5)
    for _ in range(3):
        h.engine.count_rep()
    h.engine.uncount_rep()
    assert [e.count for e in h.of(RepUncounted)] == [1]
    assert h.engine.view().rep_side is Side.RIGHT  # the right leg, taken back, is next again


def test_paced_reps_cannot_be_taken_back() -> None:
    h = Harness(routine(reps(n=2, tempo=Tempo(1, 1, 1))))
    h.engine.start()
    h.advance(5 + 4)
    assert not h.engine.uncount_rep()
    assert not h.of(RepUncounted)


def test_the_view_counts_the_seconds_of_a_rep_hold() -> None:
    h = Harness(routine(reps(n=2, tempo=Tempo(2, 3, 2))))
    h.engine.start()
    h.advance(5 + 2 + 1.5)
    view = h.engine.view()
    assert view.rep_phase == "hold"
    assert view.rep_phase_elapsed_s == pytest.approx(1.5) and view.rep_phase_s == 3
    h.advance(2)
    assert h.engine.view().rep_phase == "lower"
    assert h.engine.view().rep_phase_elapsed_s == pytest.approx(0.5)


def test_less_on_a_pause_stops_at_one_second_and_never_lengthens() -> None:
    h = Harness(routine(hold(hold_s=10)))  # a 5 s get-ready
    h.engine.start()
    assert h.engine.adjust(-1) and h.engine.view().duration_s == 1
    assert not h.engine.adjust(-1)  # at the floor
    assert h.kind is StepKind.GET_READY
    h.advance(1)
    assert h.kind is StepKind.WORK


def test_only_each_exercises_first_set_is_announced_as_its_first() -> None:
    session = routine(hold("a", 10, sets=2, sides=SideMode.EACH), reps("b", n=2, sets=2))
    engine = fake_engine(session)
    firsts: list[tuple[str, int, str | None]] = []
    engine.subscribe(
        lambda e: (
            firsts.append(
                (e.step.kind.value, e.step.set_number, e.exercise.id if e.exercise else None)
            )
            if isinstance(e, StepStarted) and e.first_of_exercise
            else None
        )
    )
    engine.start()
    while engine.running:
        if engine.step.kind is StepKind.PAIN:
            engine.skip_pain()
        else:
            engine.next()
    assert firsts == [("work", 1, "a"), ("work", 1, "b")]
    # A resumed session's first set still to do is the first its voice introduces.
    resumed = fake_engine(session, done_sets=[("a", 1, "left"), ("a", 1, "right")])
    seen: list[bool] = []
    resumed.subscribe(
        lambda e: (
            seen.append(e.first_of_exercise)
            if isinstance(e, StepStarted) and e.step.kind is StepKind.WORK
            else None
        )
    )
    resumed.start()
    while resumed.step.kind is not StepKind.WORK:
        resumed.next()
    assert seen[:1] == [True]
