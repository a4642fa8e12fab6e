"""Tests for the steps beside a pause's countdown in large print on a small screen."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n, paths
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import Exercise, Kind
from hiptimer.core.routines.translation import translated
from hiptimer.core.session.steps import StepKind
from hiptimer.ui import theme
from hiptimer.ui.keys import Action
from hiptimer.ui.session.coaching_look import PAGED_PX
from hiptimer.ui.session.coaching_panel import MIN_PX
from hiptimer.ui.session.steps_room import PAUSE_COUNT_PX
from tests.harness import hold, quick_routine
from tests.ui.session.large_print import Page
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

LOW = (788, 519)  # the page on an 800 x 600 screen (menu bar, frame)
NETBOOK = (1012, 500)  # on a 1024 x 600 one
# The least the steps reach there: the body text's size at 100 %. At 800 x 600 the bridge's
# four long Spanish steps filled the 234 px of height at 16 px (14 px before) while the empty
# caption kept its row; given its 24 px, 258 px and 18 px.
LEAST = {LOW: PAGED_PX, NETBOOK: PAGED_PX}


def spanish(routine: str, exercise: str) -> Exercise:
    path = paths.builtin_routines_dir() / f"{routine}.json"
    found = translated(load_routine(path, builtin=True), "es").exercises
    return next(replace(ex, enabled=True) for ex in found if ex.id == exercise)


@pytest.mark.parametrize("size", [LOW, NETBOOK], ids=["800x600", "1024x600"])
def test_the_set_line_wraps_rather_than_squeeze_a_rests_steps(
    qtbot: QtBot, app_look: QApplication, size: tuple[int, int]
) -> None:
    # At 800 x 600 in Spanish large print "A continuación, serie 2 de 2" on one line held the
    # countdown's column 482 px wide in the rest: the steps had 258 px, and were 14 px (15 px
    # at 1024 x 600). Broken after its comma alone (session 25), the steps took the row until
    # the countdown was 36 px. The countdown keeps PAUSE_COUNT_PX now; the set line comes down
    # to the steps' normal size where the row alone does not give them theirs.
    i18n.use("es")  # English again after the test (tests/conftest.py)
    theme.apply(app_look, "dark", 150)
    bridge = spanish("hip-strengthening", "bridge")
    assert bridge.setup
    two_sets = replace(bridge, kind=Kind.HOLD, hold_s=20, sets=2, rest_between_sets_s=30)
    p = Page(qtbot, quick_routine(two_sets, hold("walk", 60, name="Easy walking")), size)
    try:
        p.driver.start()
        p.until(StepKind.PAIN)
        p.page.perform(Action.RATE, 2)
        p.until(StepKind.REST)
        p.settle()
        line, panel = p.page.set_line, p.page.coaching
        assert line.text() == "A continuación,\nserie 2 de 2"
        assert line.width() >= line.sizeHint().width()  # whole, on two lines
        assert line.height() >= line.sizeHint().height()
        assert p.page.timer.width() < p.page.width() // 2
        assert panel.isVisible() and not panel.paged
        assert panel.font_px >= LEAST[size]
        assert p.page.big.pixel_size() >= PAUSE_COUNT_PX  # read from the mat
        p.until(StepKind.WORK)
        p.settle()
        assert line.text() == "Serie 2 de 2"  # the set's own line, at its own size, again
        assert line.font().pixelSize() > PAGED_PX
    finally:
        p.driver.stop()


@pytest.mark.parametrize(
    ("routine", "exercise"),
    [
        ("hip-strengthening", "straight-leg-raise"),
        ("hip-strength-mobility", "standing-knee-raise"),
        ("fai-mobility-control", "tempo-chair-squat"),
        ("hip-strengthening", "hip-hiker"),
    ],
    ids=lambda name: name,
)
def test_a_get_ready_s_steps_reach_the_body_text_beside_a_readable_countdown(
    qtbot: QtBot, app_look: QApplication, routine: str, exercise: str
) -> None:
    # At 1024 x 600 in Spanish large print these four get-readys' steps were 17 px, where every
    # other one's reached 18 px: the row stopped at 1 : 4 for the steps (their countdown still
    # 98-128 px). In a pause the steps may take more, the countdown kept at PAUSE_COUNT_PX.
    i18n.use("es")
    theme.apply(app_look, "dark", 150)
    ex = spanish(routine, exercise)
    p = Page(qtbot, quick_routine(ex, hold("walk", 60, name="Easy walking")), NETBOOK)
    try:
        p.driver.start()
        p.until(StepKind.GET_READY)
        p.page.show_caption(f"Prepárate: {ex.name}. Primero, el lado derecho.")
        p.settle()
        panel = p.page.coaching
        assert panel.isVisible() and not panel.paged
        assert panel.font_px >= PAGED_PX, panel.font_px
        assert p.page.big.pixel_size() >= PAUSE_COUNT_PX
    finally:
        p.driver.stop()


def test_a_session_s_first_get_ready_shares_the_row_once_shown(
    qtbot: QtBot, app_look: QApplication
) -> None:
    # Its steps were fitted and the row shared as the page was laid out, still hidden, and
    # nothing shared it again until a caption came: the bridge's were 17 px at 1024 x 600.
    i18n.use("es")
    theme.apply(app_look, "dark", 150)
    bridge = spanish("hip-strengthening", "bridge")
    p = Page(qtbot, quick_routine(bridge, hold("walk", 60, name="Easy walking")), NETBOOK)
    try:
        p.driver.start()
        p.settle()
        assert p.driver.engine.step.kind is StepKind.GET_READY and not p.page.caption.text()
        assert p.page.coaching.isVisible() and not p.page.coaching.paged
        assert p.page.coaching.font_px >= PAGED_PX, p.page.coaching.font_px
        assert p.page.big.pixel_size() >= PAUSE_COUNT_PX
    finally:
        p.driver.stop()


def test_an_empty_caption_s_row_goes_to_a_rest_s_steps_and_comes_back_for_words(
    qtbot: QtBot, app_look: QApplication
) -> None:
    # With nothing said, the caption's row kept 24 px of the rest's height at 800 x 600 in
    # Spanish large print, and the bridge's steps were 16 px beside it. Words said come in
    # whole, their row taken back (the steps smaller meanwhile, never under MIN_PX).
    i18n.use("es")
    theme.apply(app_look, "dark", 150)
    bridge = spanish("hip-strengthening", "bridge")
    two_sets = replace(bridge, kind=Kind.HOLD, hold_s=20, sets=2, rest_between_sets_s=30)
    p = Page(qtbot, quick_routine(two_sets, hold("walk", 60, name="Easy walking")), LOW)
    try:
        p.driver.start()
        p.until(StepKind.PAIN)
        p.page.perform(Action.RATE, 2)
        p.until(StepKind.REST)
        p.settle()
        caption, panel = p.page.caption, p.page.coaching
        assert not caption.text() and caption.height() == 0
        assert panel.font_px >= PAGED_PX and not panel.paged
        p.page.show_caption("Descansa treinta segundos. A continuación, serie 2 de 2.")
        p.settle()
        assert caption.text() and caption.height() >= caption.heightForWidth(caption.width())
        assert panel.font_px >= MIN_PX and p.page.big.pixel_size() >= PAUSE_COUNT_PX
        p.page.show_caption("")
        p.settle()
        assert caption.height() == 0 and panel.font_px >= PAGED_PX
    finally:
        p.driver.stop()


@pytest.mark.parametrize(
    ("size", "least_px", "whole"),
    [(LOW, 16, True), (NETBOOK, PAGED_PX, True), ((628, 420), MIN_PX, False)],
    ids=["800x600", "1024x600", "640x480"],
)
def test_a_rest_s_steps_take_the_countdown_s_room_at_the_normal_text_size(
    qtbot: QtBot, app_look: QApplication, size: tuple[int, int], least_px: int, whole: bool
) -> None:
    # At 100 % in Spanish the hip hiker's rest showed its four two-line steps a page at a time
    # at 14-15 px beside a countdown of 236 px (800 x 600) and 103 px (1024 x 600), one step
    # of four at 800 x 600; at 640 x 480 the paged heading was cut, "Flecha abajo: ma…"
    # (Xvfb, session 27). The row was shared only where the steps were left out altogether.
    i18n.use("es")  # English again after the test (tests/conftest.py)
    theme.apply(app_look, "dark", 100)
    hiker = spanish("hip-strengthening", "hip-hiker")
    p = Page(qtbot, quick_routine(hiker, hold("walk", 60, name="Easy walking")), size)
    try:
        p.driver.start()
        p.until(StepKind.WORK)
        for _ in range(600):  # through the paced set and its pain question, to the rest
            if p.driver.view().awaiting_pain:
                p.driver.skip_pain()
            if p.driver.engine.step.kind is StepKind.REST:
                break
            p.advance(0.5)
        p.settle()
        panel, heading = p.page.coaching, p.page.coaching.heading
        assert p.driver.engine.step.kind is StepKind.REST and panel.isVisible()
        words = heading.fontMetrics().horizontalAdvance(heading.text())
        assert words <= heading.width(), heading.text()  # whole, not "(Flecha abajo: ma…"
        assert panel.paged is not whole
        assert panel.font_px >= least_px
        assert p.page.big.pixel_size() >= PAUSE_COUNT_PX  # read from the mat
    finally:
        p.driver.stop()
