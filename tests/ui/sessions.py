"""Small routines and a fake-clock harness shared by the UI tests."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.routines.model import Exercise, Kind, Rests, Routine, Schedule, SideMode, Tempo
from hiptimer.core.session.engine import SessionEngine
from hiptimer.ui.library.page import LibraryItem
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.services.ports import Services, SilentBeeper, SilentSpeaker

QUICK_RESTS = Rests(get_ready_s=2, between_sets_s=2, between_sides_s=1, after_exercise_s=2)


def side_hold(hold_s: float = 3, sets: int = 1) -> Exercise:
    return Exercise(
        id="clam-hold",
        name="Clamshell hold",
        kind=Kind.HOLD,
        hold_s=hold_s,
        sets=sets,
        sides=SideMode.EACH,
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
    return routine(side_hold(hold_s=6, sets=1), self_paced(reps=3, sets=2), paced(reps=2))


def fake_engine(r: Routine, clock: FakeClock | None = None, **kw: object) -> SessionEngine:
    clock = clock or FakeClock()
    return SessionEngine(r, clock=clock, wall=FakeWall(clock), **kw)  # type: ignore[arg-type]


# ---------------------------------------------------------------- fakes for the services


class FakeBeeper(SilentBeeper):
    def __init__(self) -> None:
        self.calls: list[str] = []
        self.muted = False

    def tick(self) -> None:
        self.calls.append("tick")

    def end(self) -> None:
        self.calls.append("end")

    def start(self) -> None:
        self.calls.append("start")

    def set_muted(self, muted: bool) -> None:
        self.muted = muted


class FakeSpeech(SilentSpeaker):  # no voices, no settings: the dialog says "no speech"
    def __init__(self) -> None:
        self.said: list[tuple[str, float | None, str]] = []
        self.clears = 0
        self.muted = False
        self.shut = False

    def say(self, text: str, *, stale_after_s: float | None = None, kind: str = "cue") -> None:
        self.said.append((text, stale_after_s, kind))

    def clear(self) -> None:
        self.clears += 1

    def set_muted(self, muted: bool) -> None:
        self.muted = muted

    def shutdown(self) -> None:
        self.shut = True

    @property
    def texts(self) -> list[str]:
        return [text for text, _, _ in self.said]


class FakeInhibitor:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def inhibit(self, reason: str) -> None:
        self.calls.append("inhibit")

    def release(self) -> None:
        self.calls.append("release")


def fake_services(history: object = None) -> Services:
    return Services(
        beeper=FakeBeeper(),
        speech=FakeSpeech(),
        inhibitor=FakeInhibitor(),
        history=history,  # type: ignore[arg-type]
    )


def library_of(*routines: Routine) -> Callable[[], list[LibraryItem]]:
    items = [LibraryItem(r.id, r.title, r) for r in routines]
    return lambda: list(items)


def advance(window: MainWindow, clock: FakeClock, seconds: float, step: float = 0.1) -> None:
    """Move the fake clock, polling the session as its timer would."""
    end = clock.now() + seconds
    while clock.now() + step < end:
        clock.advance(step)
        if window.session is not None:
            window.session.driver.poll()
    clock.advance(max(0.0, end - clock.now()))
    if window.session is not None:
        window.session.driver.poll()


def advance_until(
    window: MainWindow, clock: FakeClock, done: Callable[[], bool], limit_s: float = 120
) -> None:
    """Advance in 0.1 s steps until `done()`; fail if it takes longer than `limit_s`."""
    waited = 0.0
    while not done():
        assert waited < limit_s, "the session never got there"
        advance(window, clock, 0.1)
        waited += 0.1


# ---------------------------------------------------------------- leak check


def running_timers() -> list[QTimer]:
    """Every QTimer made from Python that is alive and still running."""
    return [
        obj
        for obj in gc.get_objects()
        # type(), not isinstance(): a dead weak proxy raises on anything but type().
        if issubclass(type(obj), QTimer) and shiboken6.isValid(obj) and obj.isActive()
    ]


@pytest.fixture
def no_timer_left(qtbot: QtBot) -> Iterator[None]:
    """Fail a test that leaves a QTimer running (a session not ended, a driver not stopped)."""
    yield
    running = running_timers()
    assert not running, f"{len(running)} QTimer(s) left running: {running}"
