"""A pain digit typed the moment its question appears counts; one typed between the sides'
questions, where no question waits, rates nothing (the real window's lost digit was that)."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.session.steps import Side, StepKind
from hiptimer.ui.keys import Mode
from tests.harness import quick_routine, side_hold
from tests.ui.main_app import App, make_app
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("no_timer_left")

K = Qt.Key
QUESTION = "Rate pain: Clamshell hold \u2014 HipTimer"


def pains() -> list[tuple[object, ...]]:
    with sqlite3.connect(paths.history_db_path()) as conn:
        return conn.execute("SELECT side, pain FROM sets ORDER BY seq").fetchall()


def started(qtbot: QtBot) -> App:
    made = make_app(qtbot, quick_routine(side_hold()))
    made.key(qtbot, K.Key_Return)  # the chosen routine starts
    return made


def test_a_digit_typed_as_each_sides_question_appears_rates_that_side(qtbot: QtBot) -> None:
    made = started(qtbot)
    try:
        for side in (Side.RIGHT, Side.LEFT):
            # The look at the clock that brought the question, and at once the key: no event
            # handled, nothing drawn in between.
            made.until(StepKind.PAIN)
            assert made.engine.step.side is side and made.window.windowTitle() == QUESTION
            made.key(qtbot, K.Key_2)
        assert pains() == [("right", 2), ("left", 2)]
    finally:
        made.window.close()
        made.history.close()


def test_a_digit_typed_between_the_sides_questions_rates_nothing(qtbot: QtBot) -> None:
    # The end-to-end test took the X server's title, still the right side's question, for the
    # left side's, and typed its digit in the switch of sides: the left set stayed unrated.
    made = started(qtbot)
    try:
        made.until(StepKind.PAIN)
        made.key(qtbot, K.Key_2)
        assert made.engine.step.kind is StepKind.SWITCH_SIDES
        assert made.window.nav.key_mode() is Mode.WORKOUT
        made.key(qtbot, K.Key_3)  # no question here: nothing to rate
        assert pains() == [("right", 2)]
        made.until(StepKind.PAIN)
        made.key(qtbot, K.Key_4)
        assert pains() == [("right", 2), ("left", 4)]
    finally:
        made.window.close()
        made.history.close()
