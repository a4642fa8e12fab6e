"""The painter's order of a scene: a prop nearer than a limb is drawn over it, one farther under it."""

from __future__ import annotations

import pytest

from hiptimer.core.figures.draw_order import _box, _touch, draw_order
from hiptimer.core.figures.kinematics import Vec, placed, project, view_matrix
from hiptimer.core.figures.model import Anchor, Camera, Figure, Leg, Pose, Prop, PropKind
from hiptimer.core.figures.scene import Scene, scene
from hiptimer.core.figures.shapes import Face, Head, Ink, Line, Rod

STAND = Pose(right_leg=Leg(hip=20.0))
SIDE = Camera()
ANGLED = Camera(yaw=40.0, elevation=25.0)
CAMERAS = pytest.mark.parametrize("camera", [SIDE, ANGLED, Camera(yaw=90.0)], ids=str)
MIRRORED = pytest.mark.parametrize("mirrored", [False, True])


def cube_by(camera: Camera, point_a: str, point_b: str, away: float) -> Prop:
    """A cube 10 units wide, `away` units from the middle of a limb toward the viewer
    (negative: beyond the limb), so that the two overlap on screen."""
    points = placed(STAND, Anchor())
    middle = [(points[point_a][k] + points[point_b][k]) / 2 for k in range(3)]
    toward: Vec = view_matrix(camera)[2]  # the view's depth axis, in the room
    x, y, z = (middle[k] + away * toward[k] for k in range(3))
    return Prop(PropKind.BOX, x=x, y=y - 5.0, z=z, size=(10.0, 10.0, 10.0))


def with_prop(prop: Prop, camera: Camera = SIDE, anchor: Anchor | None = None) -> Figure:
    return Figure(
        id="t", start=Pose(), end=STAND, camera=camera, props=(prop,), anchor=anchor or Anchor()
    )


def index_of_line(shown: Scene, figure: Figure, a: str, b: str, *, mirrored: bool) -> int:
    """Where the body's line between two named points comes in the scene's order."""
    points = project(placed(STAND, figure.anchor), figure.camera, mirrored=mirrored)
    ends = {(points[a].x, points[a].y), (points[b].x, points[b].y)}
    found = [i for i, s in enumerate(shown.shapes) if isinstance(s, Line) and {s.a, s.b} == ends]
    assert len(found) == 1
    return found[0]


def faces_at(shown: Scene) -> list[int]:
    found = [i for i, s in enumerate(shown.shapes) if isinstance(s, Face)]
    assert found
    return found


@CAMERAS
@MIRRORED
def test_a_box_nearer_than_a_shin_is_drawn_after_it(camera: Camera, mirrored: bool) -> None:
    figure = with_prop(cube_by(camera, "right_knee", "right_ankle", 14.0), camera)
    shown = scene(figure, STAND, mirrored=mirrored)
    shin = index_of_line(shown, figure, "right_knee", "right_ankle", mirrored=mirrored)
    assert min(faces_at(shown)) > shin


@CAMERAS
@MIRRORED
def test_a_box_farther_than_a_shin_is_drawn_before_it(camera: Camera, mirrored: bool) -> None:
    figure = with_prop(cube_by(camera, "left_knee", "left_ankle", -14.0), camera)
    shown = scene(figure, STAND, mirrored=mirrored)
    shin = index_of_line(shown, figure, "left_knee", "left_ankle", mirrored=mirrored)
    assert max(faces_at(shown)) < shin


def test_lines_of_the_body_that_overlap_keep_their_order_of_depth_among_the_props() -> None:
    figure = with_prop(Prop(PropKind.CHAIR, x=-20.0, z=4.0), ANGLED)
    shown = scene(figure, STAND)
    body = shown.body
    for i, s in enumerate(body):
        for t in body[i + 1 :]:
            if _touch(_box(s), _box(t)):
                assert s.depth <= t.depth
    assert sum(isinstance(s, Rod) for s in shown.shapes) == 4  # the chair's legs are in it too


def test_the_body_is_the_drawn_shapes_lines_and_head_picked_once() -> None:
    figure = with_prop(Prop(PropKind.CHAIR, x=-20.0, z=4.0), ANGLED)
    shown = scene(figure, STAND)
    assert shown.body == tuple(s for s in shown.shapes if isinstance(s, Line | Head))
    assert shown.body is shown.body  # not picked again at each look


def test_a_foot_on_a_step_seen_from_above_is_drawn_over_the_step() -> None:
    """From above, the middle of the step's top is nearer than the foot standing on it (which
    a sort by depth alone would draw under it): the side of the top's plane decides."""
    step = Prop(PropKind.STEP, x=10.0, z=7.0, size=(60.0, 12.0, 36.0))
    figure = with_prop(step, Camera(yaw=20.0, elevation=60.0), Anchor("left_heel", y=14.3))
    shown = scene(figure, STAND)
    foot = index_of_line(shown, figure, "left_heel", "left_toe", mirrored=False)
    (top,) = [i for i in faces_at(shown) if _faces_up(shown.shapes[i])]
    assert shown.shapes[top].depth > shown.shapes[foot].depth
    assert top < foot


def _faces_up(shape: object) -> bool:
    return isinstance(shape, Face) and shape.normal[0] == pytest.approx(0.0) and shape.normal[1] > 0


def test_a_line_reaching_over_a_face_is_held_against_it_where_it_overlaps() -> None:
    """A leg pointing at the viewer past the edge of a box: its far end is well behind the
    face's plane and its middle too, but the part over the face is in front of it (the near
    knee beside a pillow between the knees)."""
    leg = Line((0.0, 0.0), (20.0, 0.0), -30.0, 30.0, Ink.NEAR)
    face = Face(((15.0, -5.0), (25.0, -5.0), (25.0, 5.0), (15.0, 5.0)), 5.0, (0, 0, 1), (15, -5, 5))
    assert draw_order([leg], [face], []) == (face, leg)
    behind = Line(
        (0.0, 0.0), (20.0, 0.0), 30.0, -30.0, Ink.NEAR
    )  # now its part over the face is behind
    assert draw_order([behind], [face], []) == (behind, face)
