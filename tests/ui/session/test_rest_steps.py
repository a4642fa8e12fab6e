"""Tests for the steps beside a rest's countdown in large print on a small screen."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n, paths
from hiptimer.core.routines.loader import load_routine
from hiptimer.core.routines.model import Kind
from hiptimer.core.routines.translation import translated
from hiptimer.core.session.steps import StepKind
from hiptimer.ui import theme
from hiptimer.ui.keys import Action
from hiptimer.ui.session.coaching_panel import MIN_PX
from tests.harness import hold, quick_routine
from tests.ui.session.large_print import Page
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

LOW = (788, 519)  # the page on an 800 x 600 screen (menu bar, frame)


@pytest.mark.xfail(
    reason="not yet: breaking the set line after its comma (session 25) gave these steps 15-19 px "
    "but left the rest's countdown 36 px at 1024 x 600 (was 70-81 px): a trade not yet made",
    strict=True,
)
def test_the_set_line_wraps_rather_than_squeeze_a_rests_steps(
    qtbot: QtBot, app_look: QApplication
) -> None:
    # At 800 x 600 in Spanish large print "A continuación, serie 2 de 2" on one line held the
    # countdown's column 482 px wide in the rest: the steps had 258 px, and were 14 px.
    i18n.use("es")  # English again after the test (tests/conftest.py)
    theme.apply(app_look, "dark", 150)
    path = paths.builtin_routines_dir() / "hip-strengthening.json"
    bridge = translated(load_routine(path, builtin=True), "es").exercises[0]
    assert bridge.id == "bridge" and bridge.setup
    two_sets = replace(bridge, kind=Kind.HOLD, hold_s=20, sets=2, rest_between_sets_s=30)
    p = Page(qtbot, quick_routine(two_sets, hold("walk", 60, name="Easy walking")), LOW)
    try:
        p.driver.start()
        p.until(StepKind.PAIN)
        p.page.perform(Action.RATE, 2)
        p.until(StepKind.REST)
        p.settle()
        line, panel = p.page.set_line, p.page.coaching
        assert line.text() == "A continuación, serie 2 de 2"
        assert line.height() >= line.heightForWidth(line.width())  # whole, on two lines
        assert p.page.timer.width() < p.page.width() // 2
        assert panel.isVisible() and not panel.paged
        assert panel.font_px > MIN_PX + 1  # 14 px before
    finally:
        p.driver.stop()
