"""Muted, every setup step can be read from the screen: a long one no longer keeps the rest off it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from hiptimer.core.session.steps import StepKind
from hiptimer.ui.session.coaching_panel import MIN_PX
from tests.harness import hold
from tests.ui.session.muted_steps import muted_get_ready
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

LONG = (
    "Lie on your back on the mat with both knees bent and your feet flat, hip-width apart, "
    "heels a forearm's length from your seat; rest your arms by your sides, palms down, and "
    "let your shoulders and neck go soft. Before you move, find the middle of your pelvis: "
    "tilt it so your lower back presses gently into the mat, then let it come back halfway, "
    "so there is a small gap under your back that a hand could just slide into. Keep that "
    "gap through the whole exercise, and breathe out as you lift, in as you come down. "
    "If your hamstrings cramp, walk your feet a little closer; if your back arches, press it "
    "down again and lift less high. Keep your knees pointing at the ceiling, not falling in "
    "or out, and your weight even on both feet, the big toe and the heel pressing alike."
)
LONGER = (
    f"{LONG} Once you can do this without thinking, try it with your arms crossed over your "
    "chest, which asks more of the hips; stop at once and go back to the arms by your sides "
    "if your back or hamstrings complain, and tell your physiotherapist at your next visit. "
    "On a soft bed or a thick mat the feet sink and the hips twist: a firm floor with a thin "
    "mat is better, and a folded towel under the head if your chin pokes up towards the ceiling."
)


def steps(first: str) -> tuple[str, ...]:
    return (
        first,
        "Press through both heels and lift your hips until knees, hips and shoulders line up.",
        "Hold there without letting the hips drop or twist; squeeze your buttocks.",
        "Come down slowly, one part of the back at a time.",
    )


def whole(label: QLabel) -> bool:
    return label.isVisible() and label.height() >= label.heightForWidth(label.width())


# At 1280 x 800 the steps take up to three quarters of the row (mat21): LONGER fits beside
# the others there: a step of 1,700 characters fits there alone, not with them.
LONGEST = f"{LONGER} {LONG}"[:1700].rsplit(" ", 1)[0]


# A get-ready's steps take the countdown's room at 100 % too where they would be paged
# (session 28): LONG then fits beside the others at 1024 x 600, and even a step of 2,000
# characters at 1280 x 800 (at 14 px, the countdown at its 60 px): LONGEST is paged at 1024 x 600.
@pytest.mark.parametrize(("size", "first"), [((1024, 600), LONGEST)])
def test_muted_every_step_of_a_long_setup_is_reached_by_key_and_read_whole(
    qtbot: QtBot, size: tuple[int, int], first: str
) -> None:
    """user18: with the voice off, a setup step too long to fit with the others kept the later
    steps off screen for good (only the voice's highlight brought them). Down arrow (or Page
    Down, in the key table) shows the next ones, the heading says which are shown and the key."""
    exercise = hold("bridge", 30, setup=steps(first), caution="Stop if sharp.")
    a, panel = muted_get_ready(qtbot, exercise, size)
    try:
        assert panel.paged and panel.font_px >= MIN_PX  # the long step leaves no room for all
        read: set[int] = set()
        for _press in range(12):
            shown = [i for i, label in enumerate(panel.steps) if label.isVisible()]
            assert shown and all(whole(panel.steps[i]) for i in shown) and whole(panel.caution)
            low, high = shown[0] + 1, shown[-1] + 1
            span = f"steps {low}-{high}" if high > low else f"step {low}"
            # The long step in parts: cut where each fits at 18 px, it no longer shows whole
            # alone (it did at 14 px), "step 1 of 4, part 1 of 2".
            heading = rf"How to do it: {span} of 4(, part \d of \d)? \(Down arrow: more\)"
            assert re.fullmatch(heading, panel.heading.text()), panel.heading.text()
            assert whole(panel.heading) and panel.heading.font().pixelSize() >= MIN_PX
            read |= set(shown)
            a.key(qtbot, Qt.Key.Key_Down)
            QApplication.processEvents()
        assert read == {0, 1, 2, 3}
        a.key(qtbot, Qt.Key.Key_PageDown)  # the other key of the table's line
        assert a.engine.step.kind is StepKind.GET_READY  # paging moves no step of the session
    finally:
        a.window.close()
        a.history.close()
