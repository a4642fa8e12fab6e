"""Tests for the workout screen: what it shows in each phase, and its buttons."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.model import Routine
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.keys import Action, Mode
from hiptimer.ui.session.workout_page import WorkoutPage
from hiptimer.ui.session.workout_text import WorkoutText
from hiptimer.ui.theme import PHASES, Phase
from tests.harness import hold, paced, quick_routine, self_paced, side_hold
from tests.ui.sessions import (
    DriverOnFakeClock,
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.usefixtures("no_timer_left")


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


MakePage = Callable[[Routine], PageHarness]


@pytest.fixture
def make(qtbot: QtBot) -> Iterator[MakePage]:
    made: list[PageHarness] = []

    def factory(r: Routine) -> PageHarness:
        h = PageHarness(qtbot, r)
        made.append(h)
        return h

    yield factory
    for h in made:
        h.driver.stop()


def background(page: WorkoutPage) -> str:
    return page.palette().color(QPalette.ColorRole.Window).name().upper()


def test_a_hold_shows_phase_side_set_and_a_huge_countdown(make: MakePage) -> None:
    h = make(quick_routine(side_hold(hold_s=30, sets=2)))
    h.driver.start()
    assert h.text.phase is Phase.GET_READY
    assert h.page.banner.text() == "GET READY"
    assert h.text.next_line.startswith("Up next: Clamshell hold")
    assert background(h.page) == PHASES[Phase.GET_READY].background
    h.until(StepKind.WORK)
    h.advance(0.5)
    assert h.page.banner.text() == "WORK"
    assert background(h.page) == PHASES[Phase.WORK].background
    assert (h.text.big, h.text.side, h.text.set_line) == ("30", "RIGHT", "Set 1 of 2")
    assert h.page.big.text() == "30"
    # Huge: the digits take a good part of the screen's height.
    assert h.page.big.pixel_size() > 0.25 * h.page.height()
    assert h.titles[-1] == "0:30 Clamshell hold \u2014 HipTimer"
    assert h.text.next_line == "Last exercise"


def test_switch_sides_names_the_new_side(make: MakePage) -> None:
    h = make(quick_routine(side_hold(hold_s=5)))
    h.driver.start()
    h.until(StepKind.PAIN)
    h.driver.rate_pain(0)
    assert h.text.phase is Phase.SWITCH_SIDES
    assert h.page.banner.text() == "SWITCH SIDES"
    assert h.text.side == "LEFT"


def test_self_paced_reps_show_a_huge_count(make: MakePage) -> None:
    h = make(quick_routine(self_paced(n=12)))
    h.driver.start()
    h.until(StepKind.WORK)
    assert h.page.key_mode() is Mode.COUNTING
    for _ in range(7):
        h.page.perform(Action.COUNT_REP, 0)
    assert h.page.big.text() == "7 / 12"
    assert h.text.rep_line == ""  # the huge count says it
    assert h.titles[-1] == "7/12 Bridge \u2014 HipTimer"
    assert h.page.controls.buttons[Action.COUNT_REP].isVisibleTo(h.page)
    assert h.page.controls.buttons[Action.MORE].text() == "+1 rep"


def test_paced_reps_show_the_rep_and_the_tempo_phase(make: MakePage) -> None:
    h = make(quick_routine(paced(n=2)))
    h.driver.start()
    h.until(StepKind.WORK)
    h.advance(0.5)
    assert (h.page.big.text(), h.page.tempo.text()) == ("1 / 2", "LIFT")
    assert h.text.rep_line == "6 s left in this set"
    h.advance(1)
    assert h.page.tempo.text() == "HOLD"
    h.advance(1)
    assert h.page.tempo.text() == "LOWER"
    h.advance(1)
    assert (h.page.big.text(), h.page.tempo.text()) == ("2 / 2", "LIFT")
    assert h.text.rep_line == "3 s left in this set"
    assert h.page.key_mode() is Mode.WORKOUT


def test_rest_between_sets_says_which_set_is_next(make: MakePage) -> None:
    h = make(quick_routine(hold(hold_s=5, sets=2)))
    h.driver.start()
    h.until(StepKind.PAIN)
    h.driver.rate_pain(1)
    assert h.page.banner.text() == "REST"
    assert h.text.set_line == "Set 2 of 2 next"
    assert background(h.page) == PHASES[Phase.REST].background


def test_pause_shows_in_words_and_colour_and_relabels_the_button(make: MakePage) -> None:
    h = make(quick_routine(hold(hold_s=10)))
    h.driver.start()
    pause = h.page.controls.buttons[Action.PAUSE]
    pause.click()
    assert h.page.banner.text() == "PAUSED"
    assert background(h.page) == PHASES[Phase.PAUSED].background
    assert pause.text() == "Resume"
    assert h.titles[-1].startswith("Paused ")
    pause.click()
    assert h.page.banner.text() == "GET READY"


def test_buttons_run_commands_and_report_the_rest(make: MakePage, qtbot: QtBot) -> None:
    h = make(quick_routine(hold(hold_s=10)))
    h.driver.start()
    h.until(StepKind.WORK)
    h.page.controls.buttons[Action.MORE].click()
    assert h.driver.view().duration_s == 15
    h.page.controls.buttons[Action.LESS].click()
    assert h.driver.view().duration_s == 10
    with qtbot.waitSignal(h.page.action_requested) as blocker:
        h.page.controls.buttons[Action.MUTE].click()
    assert blocker.args == [Action.MUTE]
    tips = [b.toolTip() for b in h.page.controls.buttons.values()]
    assert all("(key: " in tip for tip in tips)
    h.page.controls.buttons[Action.NEXT].click()
    assert h.driver.view().awaiting_pain
    assert not h.page.controls.buttons[Action.NEXT].isEnabled()


def test_the_pain_prompt_replaces_the_timer_in_the_page(make: MakePage) -> None:
    h = make(quick_routine(hold(hold_s=5)))
    h.driver.start()
    h.until(StepKind.PAIN)
    assert h.page.pain.isVisible() and not h.page.big.isVisible()
    assert h.page.key_mode() is Mode.PAIN
    assert h.titles[-1] == "Rate pain: Stretch \u2014 HipTimer"
    h.page.pain.scale_buttons[6].click()
    assert h.page.key_mode() is Mode.CHOICE
    assert h.page.pain.asking_choice
    h.page.pain.choice_buttons[next(iter(h.page.pain.choice_buttons))].click()
    assert h.driver.view().ended


def test_captions_show_quoted(make: MakePage) -> None:
    h = make(quick_routine(hold()))
    h.page.show_caption("Breathe out.")
    assert h.page.caption.text() == "\u201cBreathe out.\u201d"
    assert h.page.caption.alignment() & Qt.AlignmentFlag.AlignHCenter
