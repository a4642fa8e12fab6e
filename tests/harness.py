"""The shared test harness (no Qt): routine builders and one way to move a fake clock."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypedDict

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.routines.model import (
    Exercise,
    Kind,
    Rests,
    Retest,
    Routine,
    Schedule,
    SideMode,
    Tempo,
)
from hiptimer.core.session.dose_adjust import DosesInForce
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.steps import SetKey

if TYPE_CHECKING:
    from typing_extensions import Unpack  # typing.Unpack for **kwargs needs Python 3.12

# ---------------------------------------------------------------- routine builders

RESTS = Rests(get_ready_s=5, between_sets_s=10, between_sides_s=3, after_exercise_s=15)
"""Rests of the routine() default: a 5 s get-ready, 10 s between sets, 3 s to switch sides."""

QUICK_RESTS = Rests(get_ready_s=2, between_sets_s=2, between_sides_s=1, after_exercise_s=2)
"""Rests of quick_routine(): a session in the window passes in seconds of fake time."""


class ExerciseOptions(TypedDict, total=False):
    """The Exercise fields a builder passes through as they are."""

    name: str
    reps_range: tuple[int, int] | None
    rep_hold_s: float
    tempo: Tempo | None
    sides: SideMode
    rest_between_sets_s: float | None
    rest_between_sides_s: float | None
    rest_after_s: float | None
    setup: tuple[str, ...]
    cues: tuple[str, ...]
    caution: str
    image: str
    enabled: bool
    test: Retest | None


class RoutineOptions(TypedDict, total=False):
    """The Routine fields routine() passes through as they are."""

    id: str
    title: str
    description: str
    source: str
    cautions: tuple[str, ...]
    schedule: Schedule | None
    revision: int
    based_on: str
    path: str
    builtin: bool


def _named(ex_id: str, options: ExerciseOptions) -> ExerciseOptions:
    """Options with a name made from the id ("sit-to-stand" -> "Sit to stand") unless given."""
    return {"name": ex_id.replace("-", " ").capitalize(), **options}


def hold(
    ex_id: str = "stretch", hold_s: float = 30, sets: int = 1, **options: Unpack[ExerciseOptions]
) -> Exercise:
    """A hold exercise; its name comes from its id unless given."""
    return Exercise(id=ex_id, kind=Kind.HOLD, hold_s=hold_s, sets=sets, **_named(ex_id, options))


def reps(
    ex_id: str = "bridge", n: int = 5, sets: int = 1, **options: Unpack[ExerciseOptions]
) -> Exercise:
    """A reps exercise (self-paced unless given a tempo); its name comes from its id."""
    return Exercise(id=ex_id, kind=Kind.REPS, reps=n, sets=sets, **_named(ex_id, options))


def side_hold(hold_s: float = 3, sets: int = 1) -> Exercise:
    """A clamshell hold on each side, with a setup line and a form cue."""
    return hold(
        "clam-hold",
        hold_s,
        sets,
        name="Clamshell hold",
        sides=SideMode.EACH,
        setup=("Lie on your side, knees bent.",),
        cues=("Keep your hips stacked.",),
    )


def self_paced(n: int = 3, sets: int = 1) -> Exercise:
    """Bridges, counted by the user's key presses."""
    return reps("bridge", n, sets, cues=("Squeeze.",))


def paced(n: int = 2) -> Exercise:
    """Sit to stand on a 1-1-1 s tempo: the app counts the reps."""
    return reps("sit-to-stand", n, tempo=Tempo(1, 1, 1))


def routine(
    *exercises: Exercise, rests: Rests = RESTS, **options: Unpack[RoutineOptions]
) -> Routine:
    """A routine of these exercises, id "test" and title "Test" unless given."""
    fields: RoutineOptions = {"id": "test", "title": "Test", **options}
    return Routine(exercises=exercises, rests=rests, **fields)


def quick_routine(*exercises: Exercise) -> Routine:
    """A routine as the library lists one (description, caution, schedule) on QUICK_RESTS."""
    return routine(
        *exercises,
        rests=QUICK_RESTS,
        id="quick-test",
        title="Quick test routine",
        description="A tiny routine for tests.",
        cautions=("Stop if it hurts.",),
        schedule=Schedule(7, 7),
    )


def short_routine() -> Routine:
    """Two holds each side, a self-paced set and a paced set: every kind of step, in seconds."""
    return quick_routine(side_hold(hold_s=6, sets=1), self_paced(n=3, sets=2), paced(n=2))


# ---------------------------------------------------------------- the engine on a fake clock


class EngineOptions(TypedDict, total=False):
    """SessionEngine's keyword options other than its clocks."""

    pain_limit: int
    done_sets: Iterable[SetKey]
    lead_in: Callable[[Exercise], float] | None
    in_force: DosesInForce | None


def fake_engine(
    r: Routine, clock: FakeClock | None = None, **options: Unpack[EngineOptions]
) -> SessionEngine:
    """A session engine whose monotonic and wall clocks both follow `clock`."""
    clock = clock or FakeClock()
    return SessionEngine(r, clock=clock, wall=FakeWall(clock), **options)


def advance(
    clock: FakeClock, seconds: float, poll: Callable[[], object], *, step: float = 0.1
) -> None:
    """Move the fake clock `seconds` on in `step`s, calling poll() after each like a UI timer.

    The last step lands exactly on the end, so a test can name the moment it stops at.
    """
    end = clock.now() + seconds
    while clock.now() + step < end:
        clock.advance(step)
        poll()
    clock.advance(max(0.0, end - clock.now()))
    poll()


def advance_until(
    clock: FakeClock,
    done: Callable[[], bool],
    poll: Callable[[], object],
    *,
    limit_s: float = 120,
    step: float = 0.1,
) -> None:
    """Advance in `step`s until done(); fail if that takes more than `limit_s` of fake time."""
    waited = 0.0
    while not done():
        assert waited < limit_s, f"still not there after {limit_s} s of fake time"
        advance(clock, step, poll, step=step)
        waited += step
