"""Names that are markup, far too long or full of control characters show as plain text, everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.writer import save_routine
from hiptimer.core.session.steps import StepKind
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.keys import Mode
from hiptimer.ui.main_window import MainWindow
from tests.ui.hostile import (
    HOSTILE_ID,
    Fifo,
    Screen,
    hostile_names,
    hostile_picture,
    hostile_routine,
    overflow,
    watched_fifo,
)
from tests.ui.sessions import advance, fake_services, no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    # The offscreen platform says so whenever a shown window's size limits change; harmless.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

K = Qt.Key
ROOM = QSize(1280, 800)  # the main window's size where the screen has room


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Fifo]:
    yield from watched_fifo(tmp_path)


@pytest.fixture
def names(fifo: Fifo, tmp_path: Path) -> list[str]:
    return hostile_names(fifo.path, hostile_picture(tmp_path))


@dataclass
class Seen:
    """Everything wrong found on the screens looked at, by screen."""

    screen: Screen
    problems: dict[str, list[str]] = field(default_factory=dict)
    looked: list[str] = field(default_factory=list)

    def look(self, what: str, widget: QWidget, room: QSize | None = None) -> None:
        QApplication.processEvents()
        self.looked.append(what)
        found = self.screen.problems(widget) + overflow(widget.window(), room)
        if found:
            self.problems.setdefault(what, []).extend(found)

    def report(self) -> str:
        return "\n".join(f"{what}: {p}" for what, found in self.problems.items() for p in found)


@dataclass
class Hostile:
    """The app on a history and a routine file full of hostile names, on a fake clock."""

    qtbot: QtBot
    names: list[str]
    clock: FakeClock = field(default_factory=FakeClock)
    window: MainWindow | None = None

    def __post_init__(self) -> None:
        self.wall = FakeWall(self.clock)
        self.history: HistoryStore = open_history(paths.history_db_path())
        self.settings = SettingsStore()
        self.settings.update(first_run_done=True)
        self.routine = hostile_routine(self.names)
        save_routine(self.routine, paths.user_routines_dir() / f"{HOSTILE_ID}.json")
        self.seen = Seen(Screen(self.names))

    def open(self) -> MainWindow:
        self.close()
        window = MainWindow(
            self.settings, fake_services(self.history), clock=self.clock, wall=self.wall
        )
        self.qtbot.addWidget(window)
        window.show()
        window.resize(ROOM)
        self.window = window
        return window

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window = None

    def key(self, *keys: Qt.Key) -> None:
        assert self.window is not None
        for key in keys:
            self.qtbot.keyClick(self.window, key)

    def look(self, what: str) -> None:
        assert self.window is not None
        self.seen.look(what, self.window, ROOM)

    def run_session(self, pains: dict[str, int]) -> None:
        """Start the hostile routine and go through it, looking at every new kind of moment."""
        window = self.window
        assert window is not None and window.library.select(HOSTILE_ID)
        self.look("library")
        self.key(K.Key_Return)
        seen: set[tuple[object, ...]] = set()
        while window.session is not None:
            engine = window.session.driver.engine
            mode, kind = window.key_mode(), engine.step.kind
            ex = engine.view().exercise
            moment = (mode, kind, ex.id if ex else None)
            if moment not in seen:
                seen.add(moment)
                self.look(f"{mode.name} {kind.name} {moment[2]}")
            if mode is Mode.PAIN:
                rating = pains.get(ex.id if ex else "", 1)
                self.key(K.Key_T if rating == 10 else getattr(K, f"Key_{rating}"))
            elif mode is Mode.CHOICE:
                self.key(K.Key_L)  # a lower dose: the summary lists the change
            elif mode is Mode.COUNTING:
                self.key(K.Key_Space)
            else:
                advance(window, self.clock, 0.5)
        self.look("summary")

    def done(self) -> None:
        self.close()
        self.history.close()


@pytest.fixture
def app(qtbot: QtBot, names: list[str]) -> Iterator[Hostile]:
    made = Hostile(qtbot, names)
    made.open()
    yield made
    made.done()


def test_a_session_shows_every_name_as_plain_text(
    app: Hostile, fifo: Fifo, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.run_session({"e0": 9, "e1": 7, "e5": 8})
    assert not app.seen.problems, app.seen.report()
    assert fifo.opened() == 0
