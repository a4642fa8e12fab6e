"""A figure as flat shapes to paint: the floor, the props and the body's lines by depth, rings.

A painter only fills and strokes what is here, in order; everything 3D is done already.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, replace

from hiptimer.core.figures.draw_order import draw_order
from hiptimer.core.figures.kinematics import (
    HEAD_R,
    SEGMENTS,
    ScreenPoint,
    Vec,
    apply,
    joint_points,
    placed,
    project,
    view_matrix,
)
from hiptimer.core.figures.model import Body, Figure, Pose, PropKind
from hiptimer.core.figures.motion import along
from hiptimer.core.figures.props import prop_shapes
from hiptimer.core.figures.shapes import Head, Ink, Line, Point, Shape

TURNS_FROM = 20.0  # degrees: a limb line that turns more than this between key poses is "moving"
TRUNK_LINES = {("pelvis", "neck"), ("right_hip", "left_hip"), ("right_shoulder", "left_shoulder")}
FAR_BY = 3.0  # a line this much farther than the pelvis is on the far side
PAD = 4.0  # half the widest line, and a little air
FRAME_SAMPLES = 16
FLOOR_MARGIN = 6.0
FLOOR_ROOM = 4.0  # the most the floor widens the frame past the body, its props and rings
RING_R = 7.5  # a ring around a joint that works (drawn in ui/widgets/figure_paint)


@dataclass(frozen=True)
class Scene:
    """Shapes in figure units, y up; `bounds` (left, bottom, right, top) frames every pose."""

    floor: tuple[Point, ...]
    shapes: tuple[Shape, ...]  # the props' faces and rods and the body, farthest first
    bands: tuple[tuple[Point, Point], ...]
    rings: tuple[Point, ...]
    bounds: tuple[float, float, float, float]

    @functools.cached_property  # once per scene, and only where asked (not by the painter)
    def body(self) -> tuple[Line | Head, ...]:
        """The body's lines and head alone, in the order they are drawn."""
        return tuple(s for s in self.shapes if isinstance(s, Line | Head))


def scene(figure: Figure, pose: Pose, *, mirrored: bool = False) -> Scene:
    """The shapes of a figure in a pose, framed so that every key pose fits the same box."""
    camera = figure.camera
    world = placed(pose, figure.anchor)
    shown = project(world, camera, mirrored=mirrored)
    moving = moving_lines(figure)
    # The middle of the hips: the pelvis as the joints put it, before it settles on the floor
    # (settled, the lateral trunk rotation's far arm turned half white).
    pelvis_depth = (shown["right_hip"].depth + shown["left_hip"].depth) / 2
    body: list[Line | Head] = []
    for a, b in SEGMENTS:
        pa, pb = shown[a], shown[b]
        far = (pa.depth + pb.depth) / 2 < pelvis_depth - FAR_BY
        ink = _ink(far, (a, b) in moving)
        trunk = (a, b) == ("pelvis", "neck")
        body.append(Line(_xy(pa), _xy(pb), pa.depth, pb.depth, ink, trunk))
    head = shown["head"]
    head_moves = "head" in moving
    body.append(
        Head(_xy(head), HEAD_R, _xy(shown["nose"]), head.depth + 0.5, _ink(False, head_moves))
    )
    body.sort(key=lambda item: item.depth)
    faces, rods = prop_shapes(figure, mirrored)
    bands = tuple(
        (_xy(shown[p.ends[0]]), _xy(shown[p.ends[1]]))
        for p in figure.props
        if p.kind is PropKind.BAND
    )
    rings = tuple(_xy(shown[name]) for name in pose.highlight)
    box = frame(figure, mirrored)
    shapes = draw_order(body, faces, rods)
    return Scene(_floor(figure, mirrored), shapes, bands, rings, box)


@functools.lru_cache(maxsize=64)  # the same for every frame of a figure
def moving_lines(figure: Figure) -> frozenset[tuple[str, str]]:
    """The limb lines that turn between the figure's key poses, both in the room and against
    the body: an arm carried along by a leaning trunk is not marked, nor a leg that stays put
    while the trunk leans over it. The trunk itself never is.
    """
    in_room = [placed(p, figure.anchor) for p in figure.keys]
    on_body = [joint_points(replace(p, body=Body())) for p in figure.keys]
    return frozenset(
        (a, b)
        for a, b in SEGMENTS
        if (a, b) not in TRUNK_LINES and _turns(in_room, a, b) and _turns(on_body, a, b)
    )


def _turns(keys: list[dict[str, Vec]], a: str, b: str) -> bool:
    first = _direction(keys[0], a, b)
    return any(_angle(first, _direction(k, a, b)) > TURNS_FROM for k in keys[1:])


def _direction(points: dict[str, Vec], a: str, b: str) -> Vec:
    pa, pb = points[a], points[b]
    d = (pb[0] - pa[0], pb[1] - pa[1], pb[2] - pa[2])
    n = math.sqrt(sum(c * c for c in d)) or 1.0
    return (d[0] / n, d[1] / n, d[2] / n)


def _angle(u: Vec, v: Vec) -> float:
    dot = max(-1.0, min(1.0, sum(x * y for x, y in zip(u, v, strict=True))))
    return math.degrees(math.acos(dot))


@functools.lru_cache(maxsize=64)
def frame(figure: Figure, mirrored: bool) -> tuple[float, float, float, float]:
    """A box around every pose, ring and prop as seen, padded, and a little of the floor.

    The floor widens it by no more than FLOOR_ROOM: a mat seen from above runs past the
    body on every side, and framing it whole drew a lying figure in 3/4 view (the clamshell,
    the IT band stretch) at 60 % of its room; the painter crops the mat at the frame.
    """
    points: list[tuple[float, float]] = []
    # Poses between the key poses can reach farther (straight legs in mid-stride stand taller).
    between = [along(figure, i / FRAME_SAMPLES) for i in range(FRAME_SAMPLES + 1)]
    ringed = {name for pose in figure.keys for name in pose.highlight}
    for pose in (*figure.keys, *between):
        shown = project(placed(pose, figure.anchor), figure.camera, mirrored=mirrored)
        points += [(p.x, p.y) for p in shown.values()]
        points += _around(shown["head"], HEAD_R)
        for name in ringed & shown.keys():
            points += _around(shown[name], RING_R)  # its line within PAD
    for face in prop_shapes(figure, mirrored)[0]:
        points += face.outline
    left = min(x for x, _ in points) - PAD
    right = max(x for x, _ in points) + PAD
    bottom = min(y for _, y in points) - PAD
    top = max(y for _, y in points) + PAD
    floor = _floor(figure, mirrored)
    left = min(left, max(left - FLOOR_ROOM, min(x for x, _ in floor)))
    right = max(right, min(right + FLOOR_ROOM, max(x for x, _ in floor)))
    bottom = min(bottom, max(bottom - FLOOR_ROOM, min(y for _, y in floor)))
    top = max(top, min(top + FLOOR_ROOM, max(y for _, y in floor)))
    return left, bottom, right, top


def _around(p: ScreenPoint, r: float) -> list[tuple[float, float]]:
    """Two corners of the square around a point: a circle of radius r (padded after) fits."""
    return [(p.x + r, p.y + r), (p.x - r, p.y - r)]


def _ink(far: bool, moves: bool) -> Ink:
    if moves:
        return Ink.FAR_MOVING if far else Ink.MOVING
    return Ink.FAR if far else Ink.NEAR


def _xy(p: ScreenPoint) -> Point:
    return (p.x, p.y)


def _screen(v: Vec, figure: Figure, mirrored: bool) -> ScreenPoint:
    x, y, z = apply(view_matrix(figure.camera), v)
    return ScreenPoint(-x if mirrored else x, y, z)


@functools.lru_cache(maxsize=64)
def _floor(figure: Figure, mirrored: bool) -> tuple[Point, ...]:
    """The floor under the figure and its props: a line from the side, a mat from above."""
    xs: list[float] = []
    zs: list[float] = []
    for pose in figure.keys:
        for x, _, z in placed(pose, figure.anchor).values():
            xs.append(x)
            zs.append(z)
    for prop in figure.props:
        if prop.kind is not PropKind.BAND:
            xs += [prop.x - prop.size[0] / 2, prop.x + prop.size[0] / 2]
            zs += [prop.z - prop.size[2] / 2, prop.z + prop.size[2] / 2]
    x0, x1 = min(xs) - FLOOR_MARGIN, max(xs) + FLOOR_MARGIN
    z0, z1 = min(zs) - FLOOR_MARGIN, max(zs) + FLOOR_MARGIN
    corners = [(x0, 0.0, z0), (x1, 0.0, z0), (x1, 0.0, z1), (x0, 0.0, z1)]
    return tuple(_xy(_screen(c, figure, mirrored)) for c in corners)
