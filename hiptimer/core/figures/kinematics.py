"""Forward kinematics: a pose's joint angles become named points in 3D, then points on screen.

World axes: x runs to the right of a side view, y up from the floor (y = 0), z toward the
viewer of a side view. A figure in its zero pose stands facing +x, its right side toward
the viewer. Lengths are in units of about 1 cm of a figure 100 units tall.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from hiptimer.core.figures.model import Anchor, Arm, Camera, Leg, Pose

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]  # rows

HIP_HALF = 7.0
SHOULDER_HALF = 10.0
SHOULDER_UP = 28.0
TRUNK = 31.0
NECK = 4.0
HEAD_R = 6.0
THIGH = 24.0
SHIN = 24.0
HEEL: Vec = (-3.0, -4.0, 0.0)  # from the ankle, in the foot's frame
TOE: Vec = (10.0, -4.0, 0.0)
UPPER_ARM = 16.0
FOREARM = 15.0
NOSE = 3.0
STROKE_HALF = 2.3  # half a limb's drawn width: a limb on the floor rests on its edge

SIDES = ("right", "left")

# The lines of a stick figure, each between two named points.
SEGMENTS: tuple[tuple[str, str], ...] = (
    ("pelvis", "neck"),
    ("right_hip", "left_hip"),
    ("right_shoulder", "left_shoulder"),
    *((f"{s}_hip", f"{s}_knee") for s in SIDES),
    *((f"{s}_knee", f"{s}_ankle") for s in SIDES),
    *((f"{s}_heel", f"{s}_toe") for s in SIDES),
    *((f"{s}_ankle", f"{s}_heel") for s in SIDES),
    *((f"{s}_shoulder", f"{s}_elbow") for s in SIDES),
    *((f"{s}_elbow", f"{s}_hand") for s in SIDES),
)

POINT_NAMES: tuple[str, ...] = (
    "pelvis", "belly", "chest", "neck", "head", "nose",
    *(f"{s}_{j}" for s in SIDES for j in ("hip", "thigh", "knee", "ankle", "heel", "toe")),
    *(f"{s}_{j}" for s in SIDES for j in ("shoulder", "elbow", "hand")),
)  # fmt: skip


def rx(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def ry(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def rz(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def mul(a: Mat, b: Mat) -> Mat:
    """a times b, written out: a library row's thumbnails multiply some 20,000 of them the
    first time (the frame around every pose), which took 34 ms a figure with zip and sum.
    The same sums in the same order: the same floats."""
    (a00, a01, a02), (a10, a11, a12), (a20, a21, a22) = a
    (b00, b01, b02), (b10, b11, b12), (b20, b21, b22) = b
    return (
        (a00 * b00 + a01 * b10 + a02 * b20, a00 * b01 + a01 * b11 + a02 * b21,
         a00 * b02 + a01 * b12 + a02 * b22),
        (a10 * b00 + a11 * b10 + a12 * b20, a10 * b01 + a11 * b11 + a12 * b21,
         a10 * b02 + a11 * b12 + a12 * b22),
        (a20 * b00 + a21 * b10 + a22 * b20, a20 * b01 + a21 * b11 + a22 * b21,
         a20 * b02 + a21 * b12 + a22 * b22),
    )  # fmt: skip


def apply(m: Mat, v: Vec) -> Vec:
    return (
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    )


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def body_matrix(pose: Pose) -> Mat:
    """Pitch (about the body's left-right axis), then roll (front-back), then yaw (vertical)."""
    b = pose.body
    return mul(ry(-b.yaw), mul(rx(-b.roll), rz(-b.pitch)))


def _leg(points: dict[str, Vec], side: str, sign: float, body: Mat, leg: Leg) -> None:
    hip = apply(body, (0.0, 0.0, sign * HIP_HALF))
    thigh = mul(body, mul(rz(leg.hip), mul(rx(-sign * leg.abduction), ry(-sign * leg.rotation))))
    knee = add(hip, apply(thigh, (0.0, -THIGH, 0.0)))
    shin = mul(thigh, rz(-leg.knee))
    ankle = add(knee, apply(shin, (0.0, -SHIN, 0.0)))
    foot = mul(shin, rz(-leg.ankle))
    points[f"{side}_hip"] = hip
    # The middle of the thigh: where a hamstring stretch is felt (a ring at the knee said knee).
    points[f"{side}_thigh"] = add(hip, apply(thigh, (0.0, -THIGH / 2, 0.0)))
    points[f"{side}_knee"] = knee
    points[f"{side}_ankle"] = ankle
    points[f"{side}_heel"] = add(ankle, apply(foot, HEEL))
    points[f"{side}_toe"] = add(ankle, apply(foot, TOE))


def _arm(points: dict[str, Vec], side: str, sign: float, body: Mat, arm: Arm) -> None:
    shoulder = apply(body, (0.0, SHOULDER_UP, sign * SHOULDER_HALF))
    upper = mul(
        body, mul(rz(arm.shoulder), mul(rx(-sign * arm.abduction), ry(sign * arm.rotation)))
    )
    elbow = add(shoulder, apply(upper, (0.0, -UPPER_ARM, 0.0)))
    fore = mul(upper, rz(arm.elbow))
    points[f"{side}_shoulder"] = shoulder
    points[f"{side}_elbow"] = elbow
    points[f"{side}_hand"] = add(elbow, apply(fore, (0.0, -FOREARM, 0.0)))


def joint_points(pose: Pose) -> dict[str, Vec]:
    """Every named point of a pose, with the pelvis at the origin."""
    body = body_matrix(pose)
    head = mul(body, rz(-pose.neck))
    neck = apply(body, (0.0, TRUNK, 0.0))
    head_centre = add(neck, apply(head, (0.0, NECK + HEAD_R, 0.0)))
    points: dict[str, Vec] = {
        "pelvis": (0.0, 0.0, 0.0),
        "belly": apply(body, (2.0, 10.0, 0.0)),
        "chest": apply(body, (2.0, 22.0, 0.0)),
        "neck": neck,
        "head": head_centre,
        "nose": add(head_centre, apply(head, (HEAD_R + NOSE, 0.0, 0.0))),
    }
    _leg(points, "right", 1.0, body, pose.right_leg)
    _leg(points, "left", -1.0, body, pose.left_leg)
    _arm(points, "right", 1.0, body, pose.right_arm)
    _arm(points, "left", -1.0, body, pose.left_arm)
    return points


def lowest_y(points: dict[str, Vec]) -> float:
    """The lowest y the figure reaches: its points, and the bottom of its head."""
    return min(min(p[1] for p in points.values()) - STROKE_HALF, points["head"][1] - HEAD_R)


def placed(pose: Pose, anchor: Anchor) -> dict[str, Vec]:
    """The pose's points moved so the anchor point is where the figure says."""
    points = joint_points(pose)
    ax, ay, az = points[anchor.point]
    dy = -lowest_y(points) if anchor.y is None else anchor.y - ay
    shift = (anchor.x - ax, dy, 0.0 if anchor.z is None else anchor.z - az)
    return {name: add(p, shift) for name, p in points.items()}


@dataclass(frozen=True)
class ScreenPoint:
    """A point as the viewer sees it: x right, y up, and depth (larger is nearer)."""

    x: float
    y: float
    depth: float


def view_matrix(camera: Camera) -> Mat:
    return mul(rx(camera.elevation), ry(-camera.yaw))


def project(
    points: dict[str, Vec], camera: Camera, *, mirrored: bool = False
) -> dict[str, ScreenPoint]:
    """Points on the viewer's screen (an orthographic view); mirrored flips left and right."""
    m = view_matrix(camera)
    flip = -1.0 if mirrored else 1.0
    out = {}
    for name, p in points.items():
        x, y, z = apply(m, p)
        out[name] = ScreenPoint(flip * x, y, z)
    return out


def bounds(points: Iterable[ScreenPoint], pad: float = HEAD_R) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) around the points, padded."""
    pts = list(points)
    return (
        min(p.x for p in pts) - pad,
        min(p.y for p in pts) - pad,
        max(p.x for p in pts) + pad,
        max(p.y for p in pts) + pad,
    )
