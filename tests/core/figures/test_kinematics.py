"""Joint angles to points: the conventions docs/figures.md promises, and the views."""

from __future__ import annotations

import pytest

from hiptimer.core.figures.kinematics import (
    SHIN,
    THIGH,
    joint_points,
    mul,
    placed,
    project,
    rx,
    rz,
)
from hiptimer.core.figures.model import Anchor, Arm, Body, Camera, Leg, Pose

Vec = tuple[float, float, float]


def approx(v: Vec) -> object:
    return pytest.approx(v, abs=1e-6)


def test_standing_straight_faces_right_with_the_right_side_toward_a_side_viewer() -> None:
    p = joint_points(Pose())
    assert p["right_hip"][2] > 0 > p["left_hip"][2]
    assert p["right_knee"] == approx((0.0, -THIGH, p["right_hip"][2]))
    assert p["nose"][0] > p["head"][0]  # the face looks toward +x
    assert p["right_toe"][0] > p["right_heel"][0]


def test_flexion_moves_a_limb_forward_and_a_knee_folds_back() -> None:
    p = joint_points(Pose(right_leg=Leg(hip=90.0, knee=90.0)))
    assert p["right_knee"][:2] == pytest.approx((THIGH, 0.0), abs=1e-6)
    assert p["right_ankle"][:2] == pytest.approx((THIGH, -SHIN), abs=1e-6)
    arm = joint_points(Pose(right_arm=Arm(shoulder=90.0)))
    assert arm["right_hand"][0] > arm["right_shoulder"][0] + 20


def test_abduction_takes_each_leg_out_to_its_own_side() -> None:
    p = joint_points(Pose(right_leg=Leg(abduction=30.0), left_leg=Leg(abduction=30.0)))
    assert p["right_knee"][2] > p["right_hip"][2]
    assert p["left_knee"][2] < p["left_hip"][2]


def test_pitch_lays_the_body_face_up_or_face_down() -> None:
    up = joint_points(Pose(body=Body(pitch=-90.0)))
    assert up["head"][0] < 0 and up["nose"][1] > up["head"][1]
    down = joint_points(Pose(body=Body(pitch=90.0)))
    assert down["head"][0] > 0 and down["nose"][1] < down["head"][1]


def test_yaw_turns_the_face_toward_the_viewer_of_a_side_view() -> None:
    p = joint_points(Pose(body=Body(yaw=90.0)))
    assert p["nose"][2] > p["head"][2]


def test_roll_lays_the_body_on_its_left_side() -> None:
    p = joint_points(Pose(body=Body(roll=90.0)))
    assert p["right_hip"][1] > p["left_hip"][1]


def test_external_rotation_of_a_bent_hip_swings_the_foot_inward() -> None:
    p = joint_points(Pose(right_leg=Leg(hip=90.0, knee=90.0, rotation=30.0)))
    assert p["right_ankle"][2] < p["right_knee"][2]


def test_a_figure_rests_on_the_floor_or_on_its_anchor() -> None:
    lying = placed(Pose(body=Body(pitch=-90.0)), Anchor())
    assert min(p[1] for p in lying.values()) >= -1e-6
    assert lying["pelvis"][0] == pytest.approx(0.0)
    on_step = placed(Pose(), Anchor("right_heel", x=5.0, y=12.0))
    assert on_step["right_heel"][:2] == pytest.approx((5.0, 12.0))
    # Without z the pelvis stays at z 0 and a spreading foot slides sideways; z pins it.
    wide = Pose(right_leg=Leg(abduction=20.0))
    assert placed(wide, Anchor("right_heel"))["pelvis"][2] == pytest.approx(0.0)
    pinned = placed(wide, Anchor("right_heel", z=7.0))
    assert pinned["right_heel"][2] == pytest.approx(7.0)
    assert pinned["pelvis"][2] == pytest.approx(7.0 - placed(wide, Anchor())["right_heel"][2])


def test_views_and_mirroring() -> None:
    p = joint_points(Pose(right_leg=Leg(hip=90.0)))
    side = project(p, Camera())
    assert side["right_knee"].x > 0 and side["right_hip"].depth > side["left_hip"].depth
    front = project(p, Camera(yaw=90.0))
    assert front["right_hip"].x < front["left_hip"].x  # the figure's right is the viewer's left
    mirrored = project(p, Camera(), mirrored=True)
    assert mirrored["right_knee"].x == pytest.approx(-side["right_knee"].x)
    above = project(joint_points(Pose(body=Body(pitch=-90.0))), Camera(elevation=90.0))
    assert above["nose"].depth > above["pelvis"].depth  # the face looks up at the viewer


def test_mul_is_the_matrix_product_row_by_column() -> None:
    a = ((1.0, 2.0, 3.0), (4.0, 5.0, 6.0), (7.0, 8.0, 10.0))
    b = ((2.0, 0.0, 1.0), (1.0, 3.0, 0.0), (0.0, 1.0, 4.0))
    assert mul(a, b) == ((4.0, 9.0, 13.0), (13.0, 21.0, 28.0), (22.0, 34.0, 47.0))
    assert mul(b, a) == (
        (9.0, 12.0, 16.0),
        (13.0, 17.0, 21.0),
        (32.0, 37.0, 46.0),
    )  # not commutative
    for x, y in zip(mul(rz(30), rz(15)), rz(45), strict=True):  # turns add up
        assert x == pytest.approx(y, abs=1e-12)
    flat = [x for row in mul(rx(90), rx(-90)) for x in row]  # and undo each other
    assert flat == pytest.approx([1, 0, 0, 0, 1, 0, 0, 0, 1], abs=1e-12)
