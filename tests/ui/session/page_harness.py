"""The workout page driven by a fake clock, as the session tests drive it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hiptimer.core.routines.model import Routine
from hiptimer.ui.session.workout_page import WorkoutPage
from hiptimer.ui.session.workout_text import WorkoutText
from tests.ui.sessions import (
    DriverOnFakeClock,
    no_timer_left,  # noqa: F401 (a fixture)
)


class PageHarness(DriverOnFakeClock):
    def __init__(self, qtbot: QtBot, r: Routine) -> None:
        super().__init__(r)
        self.page = WorkoutPage(self.driver, muted=False)
        qtbot.addWidget(self.page)
        # A top-level widget whose minimum follows its layout makes the offscreen platform
        # warn on every font change; the main window sets a fixed minimum for the same reason.
        self.page.setMinimumSize(640, 480)
        self.page.resize(1280, 760)
        self.page.show()
        self.titles: list[str] = []
        self.page.title_changed.connect(self.titles.append)

    @property
    def text(self) -> WorkoutText:
        assert self.page.text is not None
        return self.page.text
