"""The exercise's name above the countdown: read from the mat, a long one on two or three lines."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.model import dose_text
from hiptimer.core.session.steps import StepKind
from hiptimer.ui import theme
from hiptimer.ui.keys import Action
from tests.harness import hold, quick_routine
from tests.ui.session.large_print import SMALL, WIDE, Page, Size
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.usefixtures("no_timer_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

# The longest name a routine file allows (docs/routine-format.md: 1-120 characters).
LONGEST = (
    "Side-lying hip abduction with a resistance band just above both knees, slow lowering, "
    "top leg straight and toes forward!"
)
READABLE_PX = 28  # the body text's size in large print, and the pain question's least
SHORT_PX = 37  # "Hamstring stretch" on one line at 1024 x 768, as before


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest) -> str:
    """The test in English, then in Spanish."""
    if request.param == "es":
        request.getfixturevalue("spanish")
    chosen: str = request.param
    return chosen


def shown_lines(p: Page) -> list[str]:
    """The lines the heading draws (one, as a FitLabel drew every name)."""
    heading = p.page.exercise
    drawn: list[str] = getattr(heading, "shown_lines", lambda: [heading.text()])()
    return drawn


@pytest.mark.parametrize("text_size", [100, 150])
@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["1024x768", "1280x800"])
def test_a_long_name_wraps_to_at_most_three_lines_readable_from_the_mat(
    qtbot: QtBot,
    app_look: QApplication,
    size: Size,
    text_size: int,
    language: str,
) -> None:
    # At 111 characters the heading shrank to one line of 17 px (14 px on 1024 x 768), while
    # the caption under the countdown, repeating it, was 30 px.
    assert len(LONGEST) == 120
    theme.apply(app_look, "dark", text_size)
    ex = hold("long", 30, 2, name=LONGEST)
    p = Page(qtbot, quick_routine(ex), size)
    try:
        p.driver.start()
        for kind in (StepKind.GET_READY, StepKind.WORK, StepKind.REST):
            p.until(kind)
            p.settle()
            heading = p.page.exercise
            lines = shown_lines(p)
            assert 2 <= len(lines) <= 3 and " ".join(lines) == LONGEST, kind
            assert heading.text() == LONGEST  # whole, for the window's name and the tests
            assert heading.pixel_size() >= READABLE_PX, kind
            metrics = QFontMetricsF(heading.font())
            assert max(metrics.horizontalAdvance(line) for line in lines) <= heading.width()
            assert len(lines) * metrics.height() <= heading.height(), kind
            assert p.page.contentsRect().contains(p.box(heading))
            assert p.page.big.pixel_size() >= 3 * heading.pixel_size()  # still the largest
            if kind is StepKind.GET_READY and not p.page.steps_room.next_folded:
                # 'Up next: Side-lying ... toes f…' cut the dose, which the name above
                # does not say: the name is cut instead.
                shown = p.page.next_line.shown_text()
                assert shown.endswith(f"\u2014 {dose_text(ex)}") and "\u2026" in shown
            if kind is StepKind.WORK:
                p.until(StepKind.PAIN)
                p.settle()  # the question takes the room of the name's further lines
                assert shown_lines(p) == [LONGEST]
                p.page.perform(Action.RATE, 0)
    finally:
        p.driver.stop()


@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["1024x768", "1280x800"])
def test_a_short_name_keeps_its_one_large_line(
    qtbot: QtBot,
    app_look: QApplication,
    size: Size,
) -> None:
    theme.apply(app_look, "dark", 100)
    p = Page(qtbot, quick_routine(hold("hamstring-stretch", 30, name="Hamstring stretch")), size)
    try:
        p.driver.start()
        p.until(StepKind.WORK)
        p.settle()
        assert shown_lines(p) == ["Hamstring stretch"]
        assert p.page.exercise.pixel_size() >= SHORT_PX
    finally:
        p.driver.stop()


@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["1024x768", "1280x800"])
def test_next_exercise_cuts_a_long_name_not_the_words_after_it(
    qtbot: QtBot,
    app_look: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    size: Size,
) -> None:
    # A language may put words after the name ("{name} viene después"): the line cut them
    # off with the end of a long name, as Up next cut its dose.
    from hiptimer.ui.session import workout_text

    after = " (after this set)"
    own = workout_text._

    def later(text: str) -> str:
        return own(text) + after if text == "Next exercise: {name}" else own(text)

    monkeypatch.setattr(workout_text, "_", later)
    theme.apply(app_look, "dark", 150)
    r = quick_routine(hold("first", 30, name="Stretch"), hold("long", 30, name=LONGEST))
    p = Page(qtbot, r, size)
    try:
        p.driver.start()
        p.until(StepKind.WORK)
        p.settle()
        assert p.page.next_line.text() == f"Next exercise: {LONGEST}{after}"
        shown = p.page.next_line.shown_text()
        assert shown.startswith("Next exercise: Side-lying") and shown.endswith(f"\u2026{after}")
    finally:
        p.driver.stop()
