"""Days of sessions in the real window: one fake clock and wall across app starts, a routine on disk."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import Ceiling, Exercise, Kind, Routine, Tempo
from hiptimer.core.routines.writer import save_routine
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.steps import StepKind
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.guidance.recommendations_panel import RecommendationsPanel
from hiptimer.ui.keys import Mode
from hiptimer.ui.main_window import MainWindow
from tests.harness import QUICK_RESTS
from tests.ui.sessions import FakeSpeech, advance, advance_until, fake_services, until_change

K = Qt.Key
DIGIT_KEYS = {n: getattr(K, f"Key_{n}") for n in range(10)} | {10: K.Key_T}

# The ceiling lets the rules suggest a longer hold (without one they keep the hold as written).
STRETCH = Exercise("stretch", "Stretch", Kind.HOLD, hold_s=5, ceiling=Ceiling(hold_s=30))
SIT = Exercise(
    "sit-to-stand", "Sit to stand", Kind.REPS, reps=4, reps_range=(2, 8), tempo=Tempo(1, 1, 1)
)
SMALL = Routine("small-hips", "Small hip routine", (STRETCH, SIT), rests=QUICK_RESTS)
# The session's timer polled every half second of fake time (the app's polls 10 times a
# second) as a session is run out; rate_sets moves from one change to the next
# (sessions.until_change): these tests look at what the days decide, not at timing, and run
# many sessions.
POLL_S = 0.5


@dataclass
class Days:
    """The app opened and closed day after day, with the routine in the user's folder."""

    qtbot: QtBot
    clock: FakeClock = field(default_factory=FakeClock)
    history: HistoryStore = field(init=False)
    settings: SettingsStore = field(init=False)
    window: MainWindow | None = None
    speech: FakeSpeech = field(default_factory=FakeSpeech)

    def __post_init__(self) -> None:
        self.wall = FakeWall(self.clock)
        self.history = open_history(paths.history_db_path())
        self.settings = SettingsStore()
        self.settings.update(first_run_done=True)
        save_routine(SMALL, self.routine_file)

    @property
    def routine_file(self) -> str:
        return str(paths.user_routines_dir() / "small-hips.json")

    def routine(self) -> Routine:
        return load_routine(self.routine_file)

    def open(self) -> MainWindow:
        """Start the app (a new window on the same history, clock and wall)."""
        self.close()
        self.speech = FakeSpeech()
        services = fake_services(self.history)
        services.speech = self.speech
        window = MainWindow(self.settings, services, clock=self.clock, wall=self.wall)
        self.qtbot.addWidget(window)
        window.show()
        self.window = window
        return window

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window = None

    def next_morning(self) -> MainWindow:
        """Close the app, let a day pass and start it again."""
        self.close()
        self.clock.advance(24 * 3600 - (self.clock.now() - 1000.0) % (24 * 3600))
        return self.open()

    def key(self, *keys: Qt.Key) -> None:
        assert self.window is not None
        for key in keys:
            self.qtbot.keyClick(self.window, key)

    def mode(self) -> Mode:
        assert self.window is not None
        return self.window.nav.key_mode()

    @property
    def engine(self) -> SessionEngine:
        assert self.window is not None and self.window.session is not None
        return self.window.session.driver.engine

    def start(self) -> None:
        assert self.window is not None and self.mode() is Mode.LIBRARY
        assert self.window.library.select(SMALL.id)
        self.key(K.Key_Return)

    def rate_sets(self, pains: list[int]) -> None:
        """Run the started session to its summary, rating each set in turn."""
        window = self.window
        assert window is not None
        for pain in pains:
            until_change(window, self.clock, lambda: window.nav.key_mode() is Mode.PAIN)
            self.key(DIGIT_KEYS[pain])
            if window.nav.key_mode() is Mode.CHOICE:
                self.key(K.Key_C)  # above the limit: carry on
        until_change(window, self.clock, lambda: window.nav.key_mode() is Mode.SUMMARY)

    def session(self, pains: list[int]) -> None:
        self.start()
        self.rate_sets(pains)

    def session_lowered(self, pains: list[int]) -> None:
        """A session whose last rating is above the limit, answered Lower, run to its summary."""
        self.start()
        window = self.window
        assert window is not None
        for pain in pains:
            advance_until(window, self.clock, lambda: self.mode() is Mode.PAIN, step=POLL_S)
            self.key(DIGIT_KEYS[pain])
        assert self.mode() is Mode.CHOICE
        self.key(K.Key_L)
        advance_until(window, self.clock, lambda: self.mode() is Mode.SUMMARY, step=POLL_S)

    def check_in(self, pain: int, stiffness: int) -> None:
        assert self.mode() is Mode.CHECKIN
        self.key(DIGIT_KEYS[pain], DIGIT_KEYS[stiffness], K.Key_Return)

    def first_work_step(self) -> None:
        window = self.window
        assert window is not None
        # The app's own 0.1 s: a test reads the hold's seconds left as the step begins.
        advance_until(window, self.clock, lambda: self.engine.step.kind is StepKind.WORK)

    def end_session(self) -> None:
        """Run the session out (no QTimer may be left running)."""
        window = self.window
        assert window is not None
        while window.session is not None:
            if window.nav.key_mode() in (Mode.PAIN, Mode.CHOICE):
                self.key(K.Key_K if window.nav.key_mode() is Mode.PAIN else K.Key_C)
            advance(window, self.clock, POLL_S, step=POLL_S)

    def panel(self) -> RecommendationsPanel:
        assert self.window is not None
        shown = self.window.findChildren(RecommendationsPanel)
        found = [p for p in shown if p.isVisible()]  # not a page waiting for deleteLater
        assert len(found) == 1, found
        return found[0]

    def done(self) -> None:
        self.close()
        self.history.close()


def later(made: Days, **delta: float) -> None:
    """Let time pass (days=, hours=) without closing the app."""
    made.clock.advance(timedelta(**delta).total_seconds())


def until_local(made: Days, at: time) -> None:
    """Let fake time pass until the next local `at` (the tests run in any time zone)."""
    now = made.wall().astimezone()
    target = datetime.combine(now.date(), at).astimezone()
    if target <= now:
        target = datetime.combine(now.date() + timedelta(days=1), at).astimezone()
    later(made, seconds=(target - now).total_seconds())
