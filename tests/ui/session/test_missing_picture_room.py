"""A routine's own picture that is missing keeps the room to name the file on the workout page."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.session.steps import StepKind
from hiptimer.ui.session.timer_column import Room
from tests.harness import hold, quick_routine
from tests.ui.session.page_harness import PageHarness

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def before_the_plank(qtbot: QtBot, tmp_path: Path) -> Iterator[PageHarness]:
    """The rest before a side plank whose picture, pictures/side-plank.png, is not there."""
    plank = hold(
        "side-plank",
        20,
        name="Side plank",
        image="pictures/side-plank.png",
        setup=("Lie on your side on your forearm.",),
    )
    r = quick_routine(hold("clamshell-hold", 5, name="Clamshell hold"), plank)
    h = PageHarness(qtbot, dataclasses.replace(r, path=str(tmp_path / "mine.json")))
    h.driver.start()
    h.until(StepKind.PAIN)
    h.driver.rate_pain(0)
    h.until(StepKind.REST)
    yield h
    h.driver.stop()


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)])
def test_the_placeholder_naming_a_missing_picture_keeps_its_room(
    before_the_plank: PageHarness, size: tuple[int, int]
) -> None:
    """Seen retaking the README's figure-placeholder.png at 1024 x 768: the dashed frame was a
    4 px sliver at the page's edge and its note, "Picture not shown: pictures/side-plank.png
    (file not found)", nowhere. With the steps shown, the figure goes beside the count only
    where it is drawn larger there; a placeholder, drawn no size either way, counted as such
    (0 >= 1.1 x 0) and was given the width an aspect of 0 asks: none."""
    page = before_the_plank.page
    page.resize(*size)
    before_the_plank.advance(0.2)
    QApplication.processEvents()
    figure = page.timer.figure
    assert figure.shown.kind == "placeholder"
    assert figure.shown.note.startswith("Picture not shown: pictures/side-plank.png")
    assert figure.isVisible()
    assert figure.width() >= page.width() // 3, figure.width()
    assert figure.height() >= 120, figure.height()


def test_beside_wins_only_where_the_figure_is_drawn_larger() -> None:
    nothing = Room(0.0, (100.0,), True)
    assert not nothing.better_than(Room(0.0, (100.0,), True))  # nothing drawn either way
    assert Room(230.0, (100.0,), True).better_than(Room(200.0, (100.0,), True))
