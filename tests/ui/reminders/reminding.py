"""The reminder tests' harness: a fake notifier and idle monitor, and a window with its
reminders on a fake local clock (Berlin, Monday 5 January 2026, 17:00) and a plan."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.clock import FakeClock, FakeLocalTime
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.plan.model import EVERY_DAY, PlanItem, WeeklyPlan
from hiptimer.core.routines.writer import save_routine
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.reminders.tray_messages import Note
from hiptimer.ui.reminders.window_reminders import ReminderParts
from hiptimer.ui.second_start import connect_reminders
from tests.core.plan.clocks import BERLIN
from tests.harness import hold, quick_routine
from tests.ui.sessions import fake_services

ROUTINE = quick_routine(hold("bridge", sets=1, hold_s=5))


class FakeNotifier(QObject):
    """Keeps the notes it was asked to show; `working` False acts as no service."""

    answered = Signal(str, str)

    def __init__(self, working: bool = True) -> None:
        super().__init__()
        self.notes: list[Note] = []
        self.closed: list[str] = []
        self.working = working
        self.reason = "" if working else "no notification service answers (test)"

    def connect_answered(self, slot: Callable[[str, str], None]) -> None:
        self.answered.connect(slot)

    def show(self, note: Note, *, replaces: int = 0) -> int | None:
        if not self.working:
            return None
        self.notes.append(note)
        return len(self.notes)

    def close(self, key: str) -> None:
        self.closed.append(key)


@dataclass
class FakeIdle:
    idle: float | None = 1.0
    screen_locked: bool = False
    source: str = "test idle"

    def idle_s(self) -> float | None:
        return self.idle

    def locked(self) -> bool:
        return self.screen_locked


@dataclass
class Setup:
    window: MainWindow
    local: FakeLocalTime
    notifier: FakeNotifier
    history: HistoryStore
    settings: SettingsStore
    started: list[str] = field(default_factory=list)

    def at(self, hour: int, minute: int = 0) -> None:
        """Move the wall clock to that time today and let the reminders look."""
        now = self.local.now()
        target = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
        self.local.clock.advance((target - now).total_seconds())
        coordinator = self.window.reminders.coordinator
        assert coordinator is not None
        coordinator.check()

    def today(self) -> str:
        return self.window.library.today.text()


def make(
    qtbot: QtBot,
    tmp_path: Path,
    plan: WeeklyPlan,
    *,
    notifier: FakeNotifier | None = None,
    tray: bool = False,
    **settings: object,
) -> Iterator[Setup]:
    paths.user_routines_dir().mkdir(parents=True)
    save_routine(ROUTINE, paths.user_routines_dir() / "quick-test.json")
    store = SettingsStore()
    store.update(first_run_done=True, plan=plan, **settings)
    history = open_history(tmp_path / "history.sqlite3")
    clock = FakeClock()
    local = FakeLocalTime(clock, datetime(2026, 1, 5, 17, 0, tzinfo=BERLIN), BERLIN)
    notifier = notifier or FakeNotifier()
    parts = ReminderParts(
        local, notifier, FakeIdle(), tray=tray, autostart_dir=tmp_path / "autostart",
        state_path=tmp_path / "reminders-today.json",
    )  # fmt: skip
    window = MainWindow(  # sessions on a clock of their own: the wall clock's jumps are not theirs
        store, fake_services(history), clock=FakeClock(), wall=local.now,
        library=lambda: [], reminders=parts,
    )  # fmt: skip
    from hiptimer.ui.library.items import load_library

    window.shelf.load = load_library  # the catalog, where a reminder's Start looks too
    window._reload_library()
    qtbot.addWidget(window)
    connect_reminders(window)
    setup = Setup(window, local, notifier, history, store)
    window.reminders.start_requested.connect(setup.started.append)
    yield setup
    session = window.session
    if session is not None:
        session.controller.close()  # ends it (the window forgets it)
        session.driver.stop()
    window.close()
    history.close()


PLAN = WeeklyPlan(True, (PlanItem("quick-test", EVERY_DAY, "18:00"),))
