"""A voice that fails during a session: the count on screen runs on, and the steps take the
muted panel's room.

Under Xvfb with no sound device the first words fail ~25 ms into the get-ready: its count went
0:24 -> 0:10 as the lead-in gave back the time kept for reading the steps aloud, and the steps'
rows kept the room of the voice's highlight that a muted panel gives to their words. Sessions
are opened as the window opens one (open_session), on a fake clock, with a fake voice.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.routines.model import Routine
from hiptimer.core.session.steps import StepKind
from hiptimer.core.settings import Settings
from hiptimer.ui.services.ports import Services
from hiptimer.ui.services.speech import SpeechService
from hiptimer.ui.session.active import ActiveSession, open_session
from tests.harness import advance, hold, quick_routine
from tests.ui.sessions import (
    FakeBeeper,
    FakeInhibitor,
    FakeSpeech,
    fake_services,
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.usefixtures("no_timer_left")

SETUP = (
    "Stand side-on to a step, the right foot on it and the left hanging free.",
    "Keep both knees straight and your hands on a wall.",
    "Drop the left hip down slowly, then lift it above level with the right.",
    "Keep the trunk upright: the movement is at the hip only.",
)
HIKER = hold("hip-hiker", 10, name="Hip hiker", setup=SETUP, caution="No pain in the groin.")
PANEL = QSize(526, 300)  # the steps' room in the get-ready on a 1024 x 600 screen
BRIDGE = hold("bridge", 5, name="Bridge", setup=("Lie on your back.", "Lift your hips."))


class Run:
    """A session opened as the window opens one; `voice`: "speaks" (its words queued, none
    started yet), "muted", "failed" (unavailable before it starts) or "fails" (see fail())."""

    def __init__(self, qtbot: QtBot, voice: str, routine: Routine | None = None) -> None:
        self.clock = FakeClock()
        services = fake_services()
        assert isinstance(services.speech, FakeSpeech)
        self.speech = services.speech
        self.speech.auto_start = False  # the words are queued, none started yet
        self.speech.works = voice != "failed"
        self.session: ActiveSession = open_session(
            routine or quick_routine(HIKER, BRIDGE), Settings(muted=voice == "muted"),
            services, clock=self.clock, wall=FakeWall(self.clock),
        )  # fmt: skip
        self.page = self.session.page
        self.driver = self.session.driver
        qtbot.addWidget(self.page)
        self.page.setMinimumSize(1, 1)  # the offscreen screen of the tests is smaller
        self.page.resize(1012, 560)
        self.page.show()

    def fail(self) -> None:
        """The voice gives up on its first words, as aplay with no sound device does: the
        service reported them started as it handed them over (their caption shows)."""
        self.speech.start(self.speech.texts[0])
        self.speech.fail("no audio device")

    def poll(self) -> None:
        self.driver.poll()

    def geometry(self) -> tuple[float, list[QRect]]:
        """The size of the steps' words and where each row is, in a panel of one size for
        every run (the page around it differs: muted, *Sound off* shows beside the time left,
        and the count beside it has its own width)."""
        panel = self.page.coaching
        panel.setFixedSize(PANEL)  # the page's layout gives it that, whatever is around it
        QApplication.processEvents()
        assert panel.size() == PANEL
        rows = [QRect(row.mapTo(panel, QPoint(0, 0)), row.size()) for row in panel.rows]
        return panel.font_px, [row for row in rows if not row.isEmpty()]


@pytest.fixture
def runs() -> Iterator[list[Run]]:
    made: list[Run] = []
    yield made
    for run in made:
        run.session.dispose()


def _seconds(count: str) -> int:
    total = 0
    for part in count.split(":"):
        total = total * 60 + int(part)
    return total


def started(qtbot: QtBot, runs: list[Run], voice: str) -> Run:
    run = Run(qtbot, voice)
    runs.append(run)
    run.driver.start()
    return run


def test_a_voice_that_fails_leaves_the_get_ready_its_count(qtbot: QtBot, runs: list[Run]) -> None:
    run = started(qtbot, runs, "fails")
    duration = run.driver.view().duration_s
    assert duration is not None and duration > 2  # the voice's lead-in: the written 2 s, longer
    shown = [run.page.big.text()]
    titles = [run.page.text.title if run.page.text else ""]
    advance(run.clock, 0.025, run.poll)
    run.fail()
    while run.driver.view().step.kind is StepKind.GET_READY:
        shown.append(run.page.big.text())
        titles.append(run.page.text.title if run.page.text else "")
        advance(run.clock, 0.1, run.poll)
    seconds = [_seconds(count) for count in shown]
    assert all(b >= a - 1 for a, b in itertools.pairwise(seconds)), shown  # never jumps down
    assert seconds[0] == seconds[1] == math.ceil(duration) and seconds[-1] == 1
    assert titles[0] == titles[1] and titles[0].startswith(f"0:{seconds[0]:02} ")  # "0:27 Hip…"
    # The later lead-ins are as written: the rest before the bridge lasts its 2 s.
    for _ in range(400):
        if run.driver.view().awaiting_pain:
            break
        advance(run.clock, 0.1, run.poll)
    assert run.driver.rate_pain(0)
    view = run.driver.view()
    assert view.step.kind is StepKind.REST and view.duration_s == 2


def test_a_failed_voice_gives_the_steps_the_muted_panels_room(
    qtbot: QtBot, runs: list[Run]
) -> None:
    muted = started(qtbot, runs, "muted")
    fails = started(qtbot, runs, "fails")
    speaks = started(qtbot, runs, "speaks")
    assert speaks.geometry() != muted.geometry()  # the highlight's room, while a voice reads
    fails.fail()
    assert fails.geometry() == muted.geometry()
    assert started(qtbot, runs, "failed").geometry() == muted.geometry()  # failed before it


def test_unmuting_a_failed_voice_keeps_the_muted_panel(qtbot: QtBot, runs: list[Run]) -> None:
    muted = started(qtbot, runs, "muted")
    fails = started(qtbot, runs, "fails")
    fails.fail()
    fails.session.set_muted(True)
    fails.session.set_muted(False)  # M twice: still nothing can read the steps
    assert fails.geometry() == muted.geometry()


def test_a_voice_failing_after_a_session_ended_leaves_its_deleted_controller_alone(
    qtbot: QtBot,
) -> None:
    # The speech service outlives each session; the controller of one that ended is deleted.
    # Connected through a lambda, it was still called, on a deleted object, once a later
    # session's voice failed: "RuntimeError: Signal source has been deleted".
    speech = SpeechService(enabled=False)
    services = Services(beeper=FakeBeeper(), speech=speech, inhibitor=FakeInhibitor())
    clock = FakeClock()
    ended = open_session(quick_routine(BRIDGE), Settings(), services, clock=clock,
                         wall=FakeWall(clock))  # fmt: skip
    qtbot.addWidget(ended.page)
    ended.dispose()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert not shiboken6.isValid(ended.controller)
    with qtbot.captureExceptions() as raised:
        speech.unavailable.emit("no audio device")
    assert raised == []
    speech.shutdown()
