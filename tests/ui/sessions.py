"""Small routines and a fake-clock harness shared by the UI tests."""

from __future__ import annotations

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.engine import SessionEngine
from hiptimer.core.routine import Exercise, Kind, Rests, Routine, Schedule, Sides, Tempo

QUICK_RESTS = Rests(get_ready_s=2, between_sets_s=2, between_sides_s=1, after_exercise_s=2)


def side_hold(hold_s: float = 3, sets: int = 1) -> Exercise:
    return Exercise(
        id="clam-hold",
        name="Clamshell hold",
        kind=Kind.HOLD,
        hold_s=hold_s,
        sets=sets,
        sides=Sides.EACH,
        setup=("Lie on your side, knees bent.",),
        cues=("Keep your hips stacked.",),
    )


def hold(ex_id: str = "stretch", hold_s: float = 3, sets: int = 1) -> Exercise:
    return Exercise(
        id=ex_id,
        name=ex_id.replace("-", " ").capitalize(),
        kind=Kind.HOLD,
        hold_s=hold_s,
        sets=sets,
    )


def self_paced(reps: int = 3, sets: int = 1) -> Exercise:
    return Exercise(
        id="bridge", name="Bridge", kind=Kind.REPS, reps=reps, sets=sets, cues=("Squeeze.",)
    )


def paced(reps: int = 2) -> Exercise:
    return Exercise(
        id="sit-to-stand", name="Sit to stand", kind=Kind.REPS, reps=reps, tempo=Tempo(1, 1, 1)
    )


def routine(*exercises: Exercise, rests: Rests = QUICK_RESTS) -> Routine:
    return Routine(
        id="quick-test",
        title="Quick test routine",
        exercises=exercises,
        description="A tiny routine for tests.",
        cautions=("Stop if it hurts.",),
        schedule=Schedule(7, 7),
        rests=rests,
    )


def short_routine() -> Routine:
    """Two holds each side, a self-paced set and a paced set: every kind of step, in seconds."""
    return routine(side_hold(hold_s=3, sets=1), self_paced(reps=3, sets=2), paced(reps=2))


def fake_engine(r: Routine, clock: FakeClock | None = None, **kw: object) -> SessionEngine:
    clock = clock or FakeClock()
    return SessionEngine(r, clock=clock, wall=FakeWall(clock), **kw)  # type: ignore[arg-type]
