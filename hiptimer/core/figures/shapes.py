"""The flat shapes a figure's scene is made of, in figure units with y up, ready to paint."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from hiptimer.core.figures.kinematics import Vec

Point = tuple[float, float]


class Ink(str, Enum):
    """How a body line is drawn: near or far side, still or moving."""

    NEAR = "near"
    FAR = "far"
    MOVING = "moving"
    FAR_MOVING = "far_moving"


@dataclass(frozen=True)
class Line:
    """A line of the body, with the depth of its ends (larger is nearer, as for every shape)."""

    a: Point
    b: Point
    depth_a: float
    depth_b: float
    ink: Ink
    trunk: bool = False

    @property
    def depth(self) -> float:
        return (self.depth_a + self.depth_b) / 2


@dataclass(frozen=True)
class Head:
    centre: Point
    radius: float
    nose: Point
    depth: float
    ink: Ink


@dataclass(frozen=True)
class Face:
    """One side of a prop that faces the viewer: a filled outline that hides what is behind it.

    `normal` (pointing at the viewer) and `through` (a corner) give its plane in screen space
    (x, y, depth), so the draw order can tell which side of it a limb is on. Faces of one
    `block` (a box, a chair's seat or back) never overlap: only their edges meet.
    """

    outline: tuple[Point, ...]
    depth: float
    normal: Vec
    through: Vec
    block: int = 0


@dataclass(frozen=True)
class Rod:
    """A thin line of a prop (a chair's leg), with the depth of its two ends."""

    a: Point
    b: Point
    depth_a: float
    depth_b: float

    @property
    def depth(self) -> float:
        return (self.depth_a + self.depth_b) / 2


Shape = Line | Head | Face | Rod
