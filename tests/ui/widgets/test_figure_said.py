"""The figure for a screen reader: an image named by its exercise, described by its position."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.model import SideMode, Tempo
from hiptimer.core.session.steps import Side
from hiptimer.ui.widgets.figure_view import FigureView
from tests.harness import hold, reps

BRIDGE = reps("bridge", 8, tempo=Tempo(2, 1, 3))
STRETCH = hold("hamstring-stretch", 60, sides=SideMode.EACH)


KEPT: list[QWidget] = []  # the boxes, alive until their test ends (qtbot closes them)


@pytest.fixture(autouse=True)
def kept() -> Iterator[None]:
    yield
    KEPT.clear()


def shown(qtbot: QtBot, routine_path: str = "") -> FigureView:
    box = QWidget()
    KEPT.append(box)
    view = FigureView(box, routine_path=routine_path)
    QVBoxLayout(box).addWidget(view)
    box.setMinimumSize(400, 300)
    qtbot.addWidget(box)
    box.show()
    return view


def said(view: FigureView) -> tuple[str, str, str]:
    iface = QAccessible.queryAccessibleInterface(view)
    assert iface is not None
    name = iface.text(QAccessible.Text.Name)
    return iface.role().name, name, iface.text(QAccessible.Text.Description)


def test_a_reader_finds_the_figure_as_an_image_of_its_exercise_in_its_position(
    qtbot: QtBot,
) -> None:
    """Before, the figure was a nameless panel: a reader exploring the workout screen learnt
    nothing from it."""
    view = shown(qtbot)
    view.set_state(BRIDGE, "pause", 0.0, None)
    assert said(view) == ("Graphic", "Figure: Bridge", "In the starting position.")
    view.set_state(BRIDGE, "lift", 0.4, None)
    assert said(view)[2] == "Moving from the starting position into the end position."
    view.set_state(BRIDGE, "hold", 0.5, None)
    assert said(view)[2] == "Holding the end position."
    view.set_state(BRIDGE, "lower", 0.5, None)
    assert said(view)[2] == "Moving back to the starting position."
    view.set_state(STRETCH, "held", 0.0, Side.LEFT)
    assert said(view) == (
        "Graphic",
        "Figure: Hamstring stretch",
        "Holding the end position. Left side, drawn mirrored.",
    )


def test_the_description_changes_only_with_the_position(qtbot: QtBot) -> None:
    """A session reports ten times a second: a reader is told of a new position, not of
    every report."""
    view = shown(qtbot)
    view.set_state(BRIDGE, "lift", 0.1, None)
    changes: list[str] = []
    view.setAccessibleDescription = changes.append  # type: ignore[method-assign]
    for fraction in (0.2, 0.3, 0.4):
        view.set_state(BRIDGE, "lift", fraction, None)
    assert changes == []
    view.set_state(BRIDGE, "hold", 0.0, None)
    assert changes == ["Holding the end position."]


@pytest.mark.usefixtures("spanish")
def test_in_spanish(qtbot: QtBot) -> None:
    view = shown(qtbot)
    view.set_state(STRETCH, "held", 0.0, Side.LEFT)
    assert said(view) == (
        "Graphic",
        "Figura: Hamstring stretch",
        "Mantiene la posición final. Lado izquierdo, dibujado en espejo.",
    )


def test_a_missing_picture_is_said_with_its_note(qtbot: QtBot, tmp_path: Path) -> None:
    view = shown(qtbot, str(tmp_path / "mine.json"))
    view.set_state(hold("own", 30, image="pics/gone.png"), "held", 0.0, None)
    role, name, description = said(view)
    assert (role, name) == ("Graphic", "Picture missing: Own")
    assert description.startswith("Picture not shown: pics/gone.png (")
