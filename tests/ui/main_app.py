"""The main window built as the app builds it, on a fake clock and the test's own data folder."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.model import Routine
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.steps import StepKind
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.services.ports import Beeper
from tests.harness import short_routine
from tests.ui.sessions import (
    FakeBeeper,
    FakeInhibitor,
    FakeSpeech,
    fake_services,
    library_of,
    no_timer_left,  # noqa: F401 (a fixture)
    until_change,
)


@dataclass
class App:
    window: MainWindow
    clock: FakeClock
    history: HistoryStore
    settings: SettingsStore

    @property
    def engine(self) -> SessionEngine:
        assert self.window.session is not None
        return self.window.session.driver.engine

    def key(self, qtbot: QtBot, *keys: Qt.Key) -> None:
        for key in keys:
            qtbot.keyClick(self.window, key)

    def until(self, kind: StepKind, limit_s: float = 120) -> None:
        """Move the session on to a step of this kind, landing on each change and mark (the
        tours' clock) rather than polling every 0.1 s: 1,200 polls of a 2-minute limit."""

        def reached() -> bool:
            return self.engine.step.kind is kind

        until_change(self.window, self.clock, reached, marks=True, limit_s=limit_s)

    def services(self) -> tuple[FakeBeeper, FakeSpeech, FakeInhibitor]:
        s = self.window.services
        assert isinstance(s.beeper, FakeBeeper) and isinstance(s.speech, FakeSpeech)
        assert isinstance(s.inhibitor, FakeInhibitor)
        return s.beeper, s.speech, s.inhibitor


def make_app(
    qtbot: QtBot, *routines: Routine, first_run_done: bool = True, beeper: Beeper | None = None
) -> App:
    """`beeper`: a real one, say, in place of the recording fake."""
    clock = FakeClock()
    settings = SettingsStore()
    if first_run_done:
        settings.update(first_run_done=True)
    history = open_history(paths.history_db_path())
    services = fake_services(history)
    if beeper is not None:
        services.beeper = beeper
    window = MainWindow(
        settings,
        services,
        clock=clock,
        wall=FakeWall(clock),
        library=library_of(*(routines or (short_routine(),))),
    )
    qtbot.addWidget(window)
    window.show()
    return App(window, clock, history, settings)
