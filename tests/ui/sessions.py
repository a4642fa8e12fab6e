"""The UI tests' part of the harness: fake services, the fake clock in a window or driver, leaks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from hiptimer.core.clock import FakeClock
from hiptimer.core.routines.model import Kind, Routine
from hiptimer.core.session.steps import StepKind
from hiptimer.core.session.view import SessionView
from hiptimer.ui.library.items import LibraryItem
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.services.ports import History, Services, SilentBeeper, SilentSpeaker
from hiptimer.ui.session.driver import EngineDriver
from tests import harness
from tests.harness import EngineOptions
from tests.ui.looks import apply_look
from tests.ui.next_change import TICK_S, to_next_s

if TYPE_CHECKING:
    from typing_extensions import Unpack

# ---------------------------------------------------------------- fakes for the services


class FakeBeeper(SilentBeeper):
    def __init__(self) -> None:
        self.calls: list[str] = []
        self.muted = False
        self.released = 0
        self.closed = 0

    def release(self) -> None:
        self.released += 1

    def close(self) -> None:
        self.closed += 1

    def tick(self) -> None:
        self.calls.append("tick")

    def end(self) -> None:
        self.calls.append("end")

    def start(self) -> None:
        self.calls.append("start")

    def set_muted(self, muted: bool) -> None:
        self.muted = muted


class FakeSpeech(SilentSpeaker):  # no voices, no settings: the dialog says "no speech"
    """A voice that records what it is given and, with `auto_start`, starts saying each at
    once (as an idle voice does); else `start(text)` plays the service starting it."""

    def __init__(self) -> None:
        self.said: list[tuple[str, float | None, str]] = []
        self.prepared: list[str] = []  # the texts of the last prepare()
        self.clears = 0
        self.forgotten: list[tuple[int, str]] = []  # (phrases said before it, kind)
        self.muted = False
        self.shut = False
        self.works = True
        self.auto_start = True
        self._started: list[Callable[[str], None]] = []
        self._unavailable: list[Callable[[str], None]] = []

    @property
    def available(self) -> bool:
        return self.works

    def connect_started(self, slot: Callable[[str], None]) -> None:
        self._started.append(slot)

    def connect_unavailable(self, slot: Callable[[str], None]) -> None:
        self._unavailable.append(slot)

    def start(self, text: str) -> None:
        """The voice starts saying `text` (as SpeechService reports it)."""
        for slot in self._started:
            slot(text)

    def fail(self, reason: str) -> None:
        self.works = False
        for slot in self._unavailable:
            slot(reason)

    def say(self, text: str, *, stale_after_s: float | None = None, kind: str = "cue") -> None:
        self.said.append((text, stale_after_s, kind))
        if self.auto_start:
            self.start(text)

    def prepare(self, texts: Iterable[str]) -> None:
        self.prepared = list(texts)

    def clear(self) -> None:
        self.clears += 1

    def forget(self, kind: str) -> None:
        self.forgotten.append((len(self.said), kind))

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


def fake_services(history: History | None = None) -> Services:
    return Services(
        beeper=FakeBeeper(),
        speech=FakeSpeech(),
        inhibitor=FakeInhibitor(),
        history=history,
    )


def library_of(*routines: Routine) -> Callable[[], list[LibraryItem]]:
    items = [LibraryItem(r.id, r.title, r) for r in routines]
    return lambda: list(items)


def menu_of(action: QAction) -> QMenu:
    """The menu a menu-bar action opens (typed: QAction.menu() is declared as a QObject)."""
    menu = action.menu()
    assert isinstance(menu, QMenu)
    return menu


def poll_session(window: MainWindow) -> Callable[[], None]:
    """What the session's QTimer does on a wake-up, for whichever session the window has."""

    def poll() -> None:
        if window.session is not None:
            window.session.driver.poll()

    return poll


def advance(window: MainWindow, clock: FakeClock, seconds: float, step: float = 0.1) -> None:
    """Move the fake clock, polling the window's session every `step` as its timer would."""
    harness.advance(clock, seconds, poll_session(window), step=step)


def advance_until(
    window: MainWindow,
    clock: FakeClock,
    done: Callable[[], bool],
    limit_s: float = 120,
    step: float = 0.1,
) -> None:
    """Advance in `step`s until `done()`; fail if it takes longer than `limit_s`."""
    harness.advance_until(clock, done, poll_session(window), limit_s=limit_s, step=step)


def next_change(window: MainWindow, clock: FakeClock, *, marks: bool = False) -> float:
    """Move the clock to the session's next change (and with `marks` its next mark), poll
    there once, and say how far it moved (next_change.py)."""
    session = window.session
    left = to_next_s(session.driver, marks=marks) if session is not None else TICK_S
    advance(window, clock, left, step=left)
    return left


def until_change(
    window: MainWindow,
    clock: FakeClock,
    done: Callable[[], bool],
    *,
    marks: bool = False,
    limit_s: float = 600.0,
) -> None:
    """Move the session on, change by change, until done(). With `marks`, the clock also
    lands on each of the step's marks (a countdown number, a cue), so everything the session
    says falls due on time, as with the app's 0.1 s timer, and is said."""
    waited = 0.0
    while not done():
        assert waited < limit_s, f"still not there after {limit_s} s of fake time"
        waited += next_change(window, clock, marks=marks)


# A long hold or pause is checked every LONG_TICK_S until its last END_S, then every TICK_S:
# each check still lands before the step's end, so the session never sees a late poll, and a
# 47-minute routine costs about a third of the polls (the window redraws on each).
LONG_TICK_S = 5.0
END_S = 2.0


def tick_s(view: SessionView) -> float:
    """How far the clock moves before the next check: TICK_S, or more inside a long hold or
    pause where only the seconds change (never into the step's last END_S)."""
    ex, kind, left = view.exercise, view.step.kind, view.remaining_s
    steady = kind in (StepKind.GET_READY, StepKind.REST) or (
        kind is StepKind.WORK and ex is not None and ex.kind is Kind.HOLD
    )
    if not steady or view.rep_phase or view.counted is not None or left is None:
        return TICK_S
    # Whole ticks only, so the checks stay on the half-second grid the short steps use.
    return max(TICK_S, min(LONG_TICK_S, (left - END_S) // TICK_S * TICK_S))


class DriverOnFakeClock:
    """An EngineDriver on a FakeClock: advance() polls it as its QTimer would.

    Call driver.stop() at teardown (the no_timer_left fixture checks).
    """

    def __init__(self, r: Routine, **options: Unpack[EngineOptions]) -> None:
        self.clock = FakeClock()
        self.driver = EngineDriver(harness.fake_engine(r, self.clock, **options))

    def advance(self, seconds: float) -> None:
        harness.advance(self.clock, seconds, self.driver.poll)

    def until(self, kind: StepKind, limit_s: float = 120) -> None:
        """Advance until the session reaches a step of this kind, landing on each change and
        mark (next_change.py) rather than polling every 0.1 s."""
        waited = 0.0
        while self.driver.engine.step.kind is not kind:
            assert waited < limit_s, f"still not there after {limit_s} s of fake time"
            left = to_next_s(self.driver, marks=True)
            harness.advance(self.clock, left, self.driver.poll, step=left)
            waited += left


# ---------------------------------------------------------------- leak check


def running_timers() -> list[QTimer]:
    """Every QTimer with a Python wrapper that is alive and still running.

    From shiboken's own list of live wrappers (a few hundred objects), not gc.get_objects()
    (some 70,000 in a test worker): that scan cost 20-40 ms after each of ~400 tests."""
    return [
        obj for obj in shiboken6.getAllValidWrappers() if isinstance(obj, QTimer) and obj.isActive()
    ]


@pytest.fixture
def no_timer_left(qtbot: QtBot) -> Iterator[None]:
    """Fail a test that leaves a QTimer running (a session not ended, a driver not stopped)."""
    yield
    running = running_timers()
    assert not running, f"{len(running)} QTimer(s) left running: {running}"


@pytest.fixture
def large_print(qapp: QApplication) -> None:
    """The app's look at 150 % text, as File > Settings sets it (put back as the next test
    starts: tests/ui/looks.py)."""
    apply_look(qapp, "dark", 150)
