"""Painting a scene: a prop's face hides the limb behind it, and a limb in front shows over it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from hiptimer.core.figures.model import Arm, Body, Figure, Pose, Prop, PropKind
from hiptimer.core.figures.scene import scene
from hiptimer.ui.widgets.figure_paint import LIMB, TRUNK, Colours, paint_figure, paint_scene

PAGE = QColor("#000000")
STAND = Pose(right_arm=Arm(shoulder=40.0))  # the legs straight down


def painted(box_z: float) -> tuple[QImage, tuple[float, float]]:
    """A standing figure seen from the side with a low box across both shins at depth box_z;
    the picture on a black page, and where the middle of the near shin is drawn."""
    box = Prop(PropKind.BOX, x=0.0, z=box_z, size=(40.0, 18.0, 6.0))
    figure = Figure(id="t", start=Pose(), end=STAND, props=(box,))
    shown = scene(figure, STAND)
    image = QImage(300, 300, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(PAGE)
    painter = QPainter(image)
    paint_scene(painter, shown, QRectF(0, 0, 300, 300))
    painter.end()
    left, bottom, right, top = shown.bounds
    scale = min(300 / (right - left), 300 / (top - bottom))
    # The near shin stands straight down to the floor at the pelvis's x (anchor x 0).
    x = 150 - (left + right) / 2 * scale
    y = 150 + (bottom + top) / 2 * scale - 9.0 * scale
    return image, (x, y)


def whiteness(image: QImage, at: tuple[float, float]) -> int:
    """The darkest channel of the brightest pixel around a point: 255 is the body's white."""
    x, y = round(at[0]), round(at[1])
    colours = [QColor(image.pixel(x + dx, y)) for dx in range(-2, 3)]
    return max(min(c.red(), c.green(), c.blue()) for c in colours)


def test_a_shin_behind_a_box_is_hidden_by_it_and_one_in_front_drawn_over_it(
    qtbot: QtBot,
) -> None:
    assert QColor(Colours().near) == QColor("#FFFFFF")
    behind, shin = painted(box_z=16.0)
    assert whiteness(behind, shin) < 120  # the box's see-through grey, not the white shin
    in_front, shin = painted(box_z=-16.0)
    assert whiteness(in_front, shin) > 230


def lowest_drawn_row(image: QImage) -> int:
    """The lowest row of the picture with anything of the body drawn in it."""
    for y in range(image.height() - 1, -1, -1):
        if any(QColor(image.pixel(x, y)).red() > 128 for x in range(image.width())):
            return y
    return -1


@pytest.mark.parametrize(
    "pose",
    [
        Pose(body=Body(pitch=90.0), right_arm=Arm(shoulder=180.0), left_arm=Arm(shoulder=180.0)),
        Pose(body=Body(pitch=-90.0)),
    ],
    ids=["face down, on the nose and trunk", "face up, on the back and legs"],
)
def test_a_body_lying_on_the_floor_is_painted_down_to_it_and_not_through_it(
    qtbot: QtBot, pose: Pose
) -> None:
    """The core rests a body on the floor by the edges of the lines the painter draws, so
    the widths have one source: the painter's trunk, limbs and nose reach the floor line and
    stop there (the core kept its own copies of the trunk's and nose's widths)."""
    figure = Figure(id="t", start=pose, end=pose)
    shown = scene(figure, pose)
    size = 400
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(PAGE)
    painter = QPainter(image)
    paint_figure(painter, shown, QRectF(0, 0, size, size))
    painter.end()
    left, bottom, right, top = shown.bounds
    scale = min(size / (right - left), size / (top - bottom))
    floor = size / 2 + (bottom + top) / 2 * scale  # y 0 in pixels
    assert lowest_drawn_row(image) == pytest.approx(floor, abs=1.5)
    assert min(LIMB, TRUNK) * scale > 10  # the widths matter at this size
