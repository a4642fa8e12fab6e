"""The fourth tempo phase: a pause at the bottom of a paced rep, timed, counted and named."""

from __future__ import annotations

from hiptimer.core.clock import FakeClock
from hiptimer.core.routines.model import Tempo, dose_text, estimated_seconds
from hiptimer.core.session.events import Event, HoldCount, RepCounted, RepPhase
from hiptimer.core.session.steps import StepKind
from tests.harness import advance, fake_engine, reps, routine

HIKER = reps("hip-hiker", n=2, tempo=Tempo(lift_s=2, hold_s=0, lower_s=2, pause_s=3))


def run(seconds: float) -> tuple[list[Event], list[str]]:
    """Events of the set and the phase shown each second from its start."""
    clock = FakeClock()
    engine = fake_engine(routine(HIKER), clock)
    events: list[Event] = []
    engine.subscribe(events.append)
    engine.start()
    advance(clock, 5, engine.update)  # the get-ready
    assert engine.step.kind is StepKind.WORK
    shown = []
    for _ in range(int(seconds)):
        shown.append(engine.view().rep_phase)
        advance(clock, 1, engine.update, step=0.25)
    return events, shown


def test_a_rep_is_lift_lower_then_a_pause_at_the_bottom() -> None:
    events, shown = run(14)
    phases = [(e.rep, e.phase, e.phase_s) for e in events if isinstance(e, RepPhase)]
    assert phases == [
        (1, "lift", 2),
        (1, "lower", 2),
        (1, "pause", 3),
        (2, "lift", 2),
        (2, "lower", 2),
        (2, "pause", 3),
    ]
    assert shown[:7] == ["lift", "lift", "lower", "lower", "pause", "pause", "pause"]


def test_the_pause_is_counted_and_the_rep_counts_after_it() -> None:
    events, _ = run(15)
    assert [e.count for e in events if isinstance(e, HoldCount)] == [2, 3, 2, 3]
    counted = [round(e.at, 2) for e in events if isinstance(e, RepCounted)]
    assert [e.count for e in events if isinstance(e, RepCounted)] == [1, 2]
    assert counted[1] - counted[0] == 7  # 2 + 0 + 2 + 3 s a rep


def test_the_pause_is_part_of_the_set_time_and_the_written_tempo() -> None:
    assert estimated_seconds(routine(HIKER)) == 5 + 2 * 7
    assert dose_text(HIKER) == "1 x 2 reps, tempo 2-0-2-3"
    three_phases = reps(tempo=Tempo(2, 1, 3))
    assert dose_text(three_phases).endswith("tempo 2-1-3")
