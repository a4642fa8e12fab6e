"""A paused count is plain from the mat in every kind of step: its digits dimmed, a pause sign
drawn beside them, "Paused." first in its name for a screen reader; resumed, it is as before at once.

From the floor a paused count had looked exactly like a count that stopped by itself (white,
as large as ever; only the band above it said PAUSED): a switch of sides "stuck at 5"."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.routines.model import Routine, SideMode
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.keys import Action
from hiptimer.ui.palette import PALETTES, Phase
from hiptimer.ui.session.paused_count import BAR, GAP
from hiptimer.ui.theme import current, style_for
from tests.harness import hold, paced, quick_routine, self_paced
from tests.ui.contrast import contrast
from tests.ui.fit_checks import paused_count_misfits
from tests.ui.looks import apply_look
from tests.ui.session.large_print import Page
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)
from tests.ui.tour import CAUTION, STEPS

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

WIDE, SMALL = (1268, 719), (628, 436)  # 1280 x 800 and 640 x 480 less the window's frame


def _rate_then(kind: StepKind) -> Callable[[Page], None]:
    def reach(p: Page) -> None:
        p.until(StepKind.PAIN)
        p.page.perform(Action.RATE, 2)
        assert p.driver.engine.step.kind is kind

    return reach


@dataclass(frozen=True)
class Kind:
    routine: Callable[[], Routine]
    reach: Callable[[Page], None]
    shows: StepKind


def _until(kind: StepKind) -> Callable[[Page], None]:
    return lambda p: p.until(kind)


COACHED = hold("abduction", 20, setup=STEPS, caution=CAUTION)  # its steps beside the count
SIDED = hold("clam", 5, 1, sides=SideMode.EACH, rest_between_sides_s=8, setup=("Lie down.",))
KINDS = {
    "get ready": Kind(lambda: quick_routine(hold(hold_s=20)), _until(StepKind.GET_READY),
                      StepKind.GET_READY),
    "get ready beside the steps": Kind(lambda: quick_routine(COACHED), _until(StepKind.GET_READY),
                                       StepKind.GET_READY),
    "hold": Kind(lambda: quick_routine(hold(hold_s=20)), _until(StepKind.WORK), StepKind.WORK),
    "paced reps": Kind(lambda: quick_routine(paced(4)), _until(StepKind.WORK), StepKind.WORK),
    "self-paced reps": Kind(lambda: quick_routine(self_paced(4)), _until(StepKind.WORK),
                            StepKind.WORK),
    "rest": Kind(lambda: quick_routine(hold(hold_s=3, sets=2)), _rate_then(StepKind.REST),
                 StepKind.REST),
    "switch sides": Kind(lambda: quick_routine(SIDED), _rate_then(StepKind.SWITCH_SIDES),
                         StepKind.SWITCH_SIDES),
}  # fmt: skip


@pytest.fixture(params=["wide", "small-es-150"])
def look(request: pytest.FixtureRequest, qapp: QApplication, in_language: None) -> Iterator[str]:
    """1280 x 800 as it comes; 640 x 480 in Spanish large print (the longest words, the least
    room)."""
    if request.param != "wide":
        i18n.use("es")
        apply_look(qapp, "dark", 150)
    yield request.param
    i18n.use("en")


def shown(p: Page) -> QImage:
    """The count as drawn on the page (its own grab has no page behind it)."""
    big = p.page.big
    return p.page.grab(QRect(big.mapTo(p.page, QPoint(0, 0)), big.size())).toImage()


def pixels_of(image: QImage, colour: str, box: QRect | None = None) -> int:
    """How many pixels of `image` (inside `box`) are exactly `colour`."""
    want = QColor(colour).rgb()
    area = box or image.rect()
    return sum(
        image.pixel(x, y) == want
        for y in range(area.top(), area.bottom() + 1, 2)
        for x in range(area.left(), area.right() + 1, 2)
    )


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_paused_count_is_dimmed_with_a_pause_sign_and_named_paused_until_resumed(
    qtbot: QtBot, look: str, kind: str
) -> None:
    case = KINDS[kind]
    p = Page(qtbot, case.routine(), WIDE if look == "wide" else SMALL)
    p.driver.start()
    case.reach(p)
    p.advance(1.05)
    assert p.driver.engine.step.kind is case.shows
    p.settle()
    big, page = p.page.big, p.page
    running_name, running_px = big.accessibleName(), big.pixel_size()
    running_ink = style_for(page.text.phase if page.text else Phase.WORK).text
    assert big.text() and not big.paused and big.sign_rect().isEmpty()
    assert pixels_of(shown(p), current().paused_count) == 0
    assert pixels_of(shown(p), running_ink) > 100  # the digits, in the phase's words' colour

    page.perform(Action.PAUSE, 0)
    p.settle()
    assert big.paused
    count = big.text()
    assert big.accessibleName() == i18n._("Paused. {count}").format(count=running_name)
    image = shown(p)
    assert pixels_of(image, style_for(Phase.PAUSED).text) == 0  # no digit at full strength
    assert pixels_of(image, current().paused_count) > 100  # the digits, dimmed
    sign = big.sign_rect().toRect()
    assert paused_count_misfits(page) == []  # the sign and the digits whole, apart
    bars = sign.width() * sign.height() * 2 * BAR / (2 * BAR + GAP)
    assert pixels_of(image, style_for(Phase.PAUSED).accent, sign) >= 0.8 * bars / 4
    assert sign.height() >= 0.5 * big.pixel_size()  # seen from the mat: as tall as a digit
    # The time left still read from the mat: never under the pauses' 60 px, nor much smaller.
    assert big.pixel_size() >= min(running_px, 60) and big.pixel_size() >= 0.75 * running_px

    page.perform(Action.PAUSE, 0)  # resumed: as before, at once
    p.settle()
    assert (big.paused, big.text(), big.pixel_size()) == (False, count, running_px)
    assert big.accessibleName() == running_name and big.sign_rect().isEmpty()
    assert pixels_of(shown(p), current().paused_count) == 0
    p.driver.stop()


@pytest.mark.parametrize("name", list(PALETTES))
def test_the_paused_count_is_dimmer_than_a_running_one_and_still_reads(name: str) -> None:
    palette = PALETTES[name]
    paused = palette.phases[Phase.PAUSED]
    least = 7.0 if name == "high-contrast" else 4.5
    dimmed = contrast(palette.paused_count, paused.background)
    assert least <= dimmed <= 0.6 * contrast(paused.text, paused.background)


def test_a_paused_re_test_shows_one_sign_by_its_time_and_dims_its_count_too(qtbot: QtBot) -> None:
    from hiptimer.core.routines.model import Measure, Retest

    chair = hold("chair", hold_s=30, test=Retest(Measure.COUNT, "stands"))
    p = Page(qtbot, quick_routine(chair), WIDE)
    p.driver.start()
    p.until(StepKind.WORK)
    p.advance(3.5)
    p.page.perform(Action.COUNT_REP, 0)
    p.page.perform(Action.PAUSE, 0)
    p.settle()
    count, time = p.page.big, p.page.big_time
    assert (count.text(), time.text()) == ("1", "27")
    assert count.paused and time.paused
    assert count.sign_rect().isEmpty() and not time.sign_rect().isEmpty()  # one sign, not two
    assert paused_count_misfits(p.page) == []
    assert pixels_of(shown(p), current().paused_count) > 100
    assert pixels_of(shown(p), style_for(Phase.PAUSED).text) == 0
    p.page.perform(Action.PAUSE, 0)
    p.settle()
    assert not (count.paused or time.paused) and time.sign_rect().isEmpty()
    p.driver.stop()
