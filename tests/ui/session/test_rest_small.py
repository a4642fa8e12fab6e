"""A rest's steps and caution in a 640 x 480 window (a projector's window, an old netbook)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.session.coaching_look import MIN_PX
from hiptimer.ui.session.step_parts import MORE
from hiptimer.ui.session.steps_room import PAUSE_COUNT_PX
from tests.ui.looks import apply_look
from tests.ui.main_app import make_app
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)
from tests.ui.tour import STEPS, tour_routine
from tests.ui.tour_steps import go_on

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

ROOM = (628, 436)  # a 640 x 480 screen less the window's frame (screen_fit.FRAME_ALLOWANCE)


@pytest.mark.parametrize("text_size", [100, 150])
@pytest.mark.parametrize("language", ["en", "es"])
def test_at_640_x_480_a_rest_s_caution_is_whole_and_no_step_in_letters(
    qtbot: QtBot, qapp: QApplication, language: str, text_size: int, in_language: None
) -> None:
    """In large print the heading, the caution and not a line of a step fitted: the step came
    in parts of a letter ("4. L …", part 1 of 68) and the caution's box cut its last line (60
    px of words in 56). At 100 % in Spanish the set line held the countdown's column so wide
    that the panel had 142 px, and the caution was cut there too. Now the caution is whole,
    alone where no line of a step fits beside it, and a step shows only whole words."""
    i18n.use(language)
    apply_look(qapp, "dark", text_size)
    r = tour_routine()
    a = make_app(qtbot, r)
    a.window.resize(*ROOM)
    a.window.start_session(r)  # (as the tour: its routine's cautions are read before)
    go_on(qtbot, a.window, a.clock, lambda: a.engine.step.kind is StepKind.WORK)
    qtbot.keyClick(a.window, "+")  # as the tour: the dose's note takes a line in the rest
    go_on(qtbot, a.window, a.clock, lambda: a.engine.step.kind is StepKind.REST)
    session = a.window.session
    assert session is not None
    page = session.page
    page.show_caption("Rest two seconds.")  # (a caption takes its row: the least room)
    QApplication.processEvents()
    panel, caution = page.coaching, page.coaching.caution
    assert panel.isVisible() and caution.isVisible()
    assert caution.height() >= caution.heightForWidth(caution.width()), caution.text()
    assert caution.font().pixelSize() >= MIN_PX
    words = {word for step in STEPS for word in step.split()}
    for step in panel.steps:
        if step.isVisible():
            assert set(step.text().removesuffix(MORE).split()) <= words, step.text()
            assert step.height() >= step.heightForWidth(step.width()), step.text()
    assert page.big.pixel_size() >= PAUSE_COUNT_PX
    a.window.close()
