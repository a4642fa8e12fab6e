"""A switch of sides runs down on the clock alone: nothing the voice does can hold it, and the
only thing that stops its count, a pause, says so on the screen.

Session 28 (look28) saw a switch's count stay at 5 under Xvfb at load 13-15; stuck28 could not
reproduce it (load 10-11, voice off, a player that hangs). These pin what the code guarantees,
wired as the app wires a session (open_session), on a fake clock.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.routines.model import SideMode
from hiptimer.core.session.steps import Side, StepKind
from hiptimer.core.settings import Settings
from hiptimer.ui.session.active import ActiveSession, open_session
from hiptimer.ui.session.driver import REFRESH_MS
from tests.harness import advance, hold, quick_routine
from tests.ui.sessions import (
    FakeSpeech,
    fake_services,
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.usefixtures("no_timer_left")

SWITCH_S = 8  # the hip hiker's, as the Spanish large-print run had it


class Run:
    """A session opened as the window opens one, polled as its QTimer would poll it."""

    def __init__(self, qtbot: QtBot, voice: str) -> None:
        self.clock = FakeClock()
        services = fake_services()
        assert isinstance(services.speech, FakeSpeech)
        self.speech = services.speech
        # "silent": each phrase is taken and never starts nor ends (a player that hangs);
        # "speaking": each starts at once and is never reported done either.
        self.speech.auto_start = voice == "speaking"
        ex = hold("clam-hold", 3, 1, sides=SideMode.EACH, rest_between_sides_s=SWITCH_S)
        self.session: ActiveSession = open_session(
            quick_routine(ex), Settings(muted=voice == "muted"), services,
            clock=self.clock, wall=FakeWall(self.clock),
        )  # fmt: skip
        qtbot.addWidget(self.session.page)
        self.page = self.session.page
        self.driver = self.session.driver

    def poll(self) -> None:
        self.driver.poll()

    def to_the_switch(self) -> None:
        self.driver.start()
        for _ in range(200):
            if self.driver.view().awaiting_pain:
                break
            advance(self.clock, 0.1, self.poll)
        assert self.driver.rate_pain(2)
        assert self.driver.view().step.kind is StepKind.SWITCH_SIDES

    def counts(self, seconds: float) -> list[str]:
        """The count shown at each poll over `seconds`, each poll checked to plan a wake-up."""
        shown: list[str] = []
        end = self.clock.now() + seconds
        while self.clock.now() < end - 1e-9:
            advance(self.clock, 0.1, self.poll)
            if self.driver.view().step.kind is not StepKind.SWITCH_SIDES:
                break
            wake = self.driver.next_wake_ms
            assert wake is not None and wake <= REFRESH_MS, "the switch's clock stopped"
            if not shown or shown[-1] != self.page.big.text():
                shown.append(self.page.big.text())
        return shown


@pytest.fixture
def runs(qtbot: QtBot) -> Iterator[list[Run]]:
    made: list[Run] = []
    yield made
    for run in made:
        run.session.dispose()


@pytest.mark.parametrize("voice", ["silent", "speaking", "muted", "fails"])
def test_the_switch_counts_down_and_the_other_side_starts_whatever_the_voice_does(
    qtbot: QtBot, runs: list[Run], voice: str
) -> None:
    run = Run(qtbot, voice)
    runs.append(run)
    run.to_the_switch()
    if voice == "fails":  # the voice gives up as the switch begins (no device, a dead player)
        run.speech.fail("no audio device")
    assert run.page.banner.text() == "SWITCH SIDES"
    assert run.counts(SWITCH_S + 0.5) == [str(n) for n in range(SWITCH_S, 0, -1)]
    view = run.driver.view()
    assert (view.step.kind, view.step.side, view.paused) == (StepKind.WORK, Side.LEFT, False)


def test_a_paused_switch_keeps_its_count_and_says_paused_until_resumed(
    qtbot: QtBot, runs: list[Run]
) -> None:
    run = Run(qtbot, "silent")
    runs.append(run)
    run.to_the_switch()
    advance(run.clock, 3.05, run.poll)
    run.driver.toggle_pause()  # Space
    shown = run.page.big.text()
    assert (shown, run.page.banner.text()) == ("5", "PAUSED")
    assert run.driver.next_wake_ms is None  # nothing to wake for: the count waits for Space
    run.clock.advance(600)
    run.poll()
    assert (run.page.big.text(), run.page.banner.text()) == ("5", "PAUSED")
    run.driver.toggle_pause()
    assert run.page.banner.text() == "SWITCH SIDES"
    assert run.counts(SWITCH_S) == ["5", "4", "3", "2", "1"]
    assert run.driver.view().step.side is Side.LEFT
