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
HEAD_DISC = 6.0  # the head's filled disc; the painter's outline (the nose's pen) adds NOSE_HALF
THIGH = 24.0
SHIN = 24.0
# From the ankle, in the foot's frame. The heel is under the shin's line, not behind it: 3 units
# behind, it hung below a leg stretched out on the floor and held the calf 2.3 units (4 cm) up
# (a limb is drawn the same width from knee to heel, so the back of the heel is the shin's edge).
HEEL: Vec = (0.0, -4.0, 0.0)
TOE: Vec = (10.0, -4.0, 0.0)
UPPER_ARM = 16.0
FOREARM = 15.0
NOSE = 3.0
# The drawn widths: ui/widgets/figure_paint draws with these, and a body rests on the floor
# by the edges they give (the painter kept copies, which nothing tied to these halves).
LIMB_WIDTH = 4.6
TRUNK_WIDTH = 6.0
NOSE_WIDTH = LIMB_WIDTH * 0.8
STROKE_HALF = LIMB_WIDTH / 2  # a limb on the floor rests on its edge
TRUNK_HALF = TRUNK_WIDTH / 2
NOSE_HALF = NOSE_WIDTH / 2
# The drawn head's radius, outline and all: what rests on the floor or an arm. The disc alone
# (6) rested there, and the outline went 1.84 units (3 cm) through the floor.
HEAD_R = HEAD_DISC + NOSE_HALF
# A trunk end this close above the floor rests on it (the lateral trunk rotation's, rolled
# 12 degrees onto its outstretched arm, was 5.9 over it), and one up to REST_FADE higher
# part of the way (side-lying, 9.3 up on the shoulder's width, stays).
REST_REACH = 6.0
REST_FADE = 3.0
# A body rolled within this of 90 degrees lies on its side (clamshell, side-lying abduction).
SIDE_ROLL = 30.0

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
    head_centre = add(neck, apply(head, (0.0, NECK + HEAD_DISC, 0.0)))
    points: dict[str, Vec] = {
        "pelvis": (0.0, 0.0, 0.0),
        "belly": apply(body, (2.0, 10.0, 0.0)),
        "chest": apply(body, (2.0, 22.0, 0.0)),
        "neck": neck,
        "head": head_centre,
        "nose": add(head_centre, apply(head, (HEAD_DISC + NOSE, 0.0, 0.0))),
    }
    _leg(points, "right", 1.0, body, pose.right_leg)
    _leg(points, "left", -1.0, body, pose.left_leg)
    _arm(points, "right", 1.0, body, pose.right_arm)
    _arm(points, "left", -1.0, body, pose.left_arm)
    return points


# Named points that are not a limb's: the trunk's ends, the head, and the trunk's two
# points for rings (not drawn).
NOT_LIMBS = frozenset({"pelvis", "neck", "head", "nose", "belly", "chest"})
TRUNK_ENDS = ("pelvis", "neck")


# The trunk's points for rings, a share of the way from the pelvis to the neck.
ON_TRUNK = {"belly": 10.0 / TRUNK, "chest": 22.0 / TRUNK}
# A hand this near a leg's thigh, knee or ankle holds it (the knee hugs, the hamstring
# stretch's hands behind the thigh), and stays with the leg as the trunk settles.
HOLD_REACH = 8.0
LEG_HOLDS = tuple((s, j) for s in SIDES for j in ("thigh", "knee", "ankle"))


def lowest_y(points: dict[str, Vec]) -> float:
    """The lowest y the figure's drawing reaches: its limbs, trunk, head and nose."""
    limbs = min(p[1] for name, p in points.items() if name not in NOT_LIMBS)
    trunk = min(points["pelvis"][1], points["neck"][1])
    return min(
        limbs - STROKE_HALF,
        trunk - TRUNK_HALF,
        points["head"][1] - HEAD_R,
        points["nose"][1] - NOSE_HALF,
    )


def _resting_y(points: dict[str, Vec]) -> float:
    """The lowest y of what the body rests on: the limbs and the trunk's ends, each by half a
    limb's drawn width. The trunk is drawn wider (TRUNK_HALF) and _settled lifts an end that
    goes into the floor onto it; placed by its own width it held the hips, and a leg
    stretched out long from them, 0.7 units over the floor. The head settles after, in
    _settled (lying face down it rested on its nose and held the whole body 14 cm over the
    floor)."""
    rests = (p[1] for name, p in points.items() if name not in NOT_LIMBS or name in TRUNK_ENDS)
    return min(rests) - STROKE_HALF


def placed(pose: Pose, anchor: Anchor) -> dict[str, Vec]:
    """The pose's points moved so the anchor point is where the figure says, then settled."""
    points = joint_points(pose)
    if anchor.y is None and _on_its_side(pose):
        return _lying_on_its_side(points, anchor)
    ax, ay, az = points[anchor.point]
    dy = -_resting_y(points) if anchor.y is None else anchor.y - ay
    shift = (anchor.x - ax, dy, 0.0 if anchor.z is None else anchor.z - az)
    moved = {name: add(p, shift) for name, p in points.items()}
    return _settled(moved, anchor.point if anchor.y is not None else "")


def _on_its_side(pose: Pose) -> bool:
    b = pose.body
    return abs(abs(b.roll) - 90) <= SIDE_ROLL and abs(b.pitch) <= SIDE_ROLL


def _lying_on_its_side(points: dict[str, Vec], anchor: Anchor) -> dict[str, Vec]:
    """A body on its side rests on its lower hip and lower shoulder, the head on the lower arm.

    Rested on its lowest point it floated: side-lying abduction on the hand of its arm
    stretched overhead, the lower hip 8.4 units (14 cm) up; the clamshell on the shoulder,
    which is wider than the hips, the lower hip 3 up. The whole body goes down until the
    lower hip's edge is on the floor (nothing else is planted: the legs follow it); the
    shoulder end of the trunk goes up as far as the wider shoulder needs (as a waist sags),
    the arms with it (a hand holding a leg stays on it), none through the floor; the head,
    on the trunk's line 6 units up, rests on the lower arm (on the floor when that arm is
    away from it).
    """
    lower = min(SIDES, key=lambda s: points[f"{s}_hip"][1])
    ax, _, az = points[anchor.point]
    shift = (
        anchor.x - ax,
        STROKE_HALF - points[f"{lower}_hip"][1],
        0.0 if anchor.z is None else anchor.z - az,
    )
    out = {name: add(p, shift) for name, p in points.items()}
    lift = max(0.0, STROKE_HALF - out[f"{lower}_shoulder"][1])
    ends = {"neck": 1.0, "head": 1.0, "nose": 1.0, **ON_TRUNK}
    for side in SIDES:
        # A hand that holds a leg (the IT band stretch's, at the ankle) stays on it.
        hand = out[f"{side}_hand"]
        holds = any(math.dist(hand, out[f"{s}_{j}"]) <= HOLD_REACH for s, j in LEG_HOLDS)
        ends.update({f"{side}_shoulder": 1.0, f"{side}_elbow": 0.5 if holds else 1.0})
        ends[f"{side}_hand"] = 0.0 if holds else 1.0
    for name, share in ends.items():
        x, y, z = out[name]
        y += lift * share
        out[name] = (x, y if name in NOT_LIMBS else max(y, STROKE_HALF), z)
    head = out["head"]
    under = any(
        math.dist((head[0], head[2]), (p[0], p[2])) <= 2 * HEAD_DISC
        for p in (out[f"{lower}_elbow"], out[f"{lower}_hand"])
    )
    down = head[1] - HEAD_R - (2 * STROKE_HALF if under else 0.0)  # or up, onto the arm
    for name in ("head", "nose"):
        x, y, z = out[name]
        out[name] = (x, y - down, z)
    return out


def _settled(points: dict[str, Vec], held: str) -> dict[str, Vec]:
    """The trunk's ends and the head rest on the floor when they come near it.

    The joints of a body lying face up, or sitting on the floor, are a body's depth above
    it, and the thin trunk and head drawn through them floated: lying, the back 3 units
    (5 cm) over the floor; sitting with a leg long, the seat 1.6 units, held up by the heel.
    An end whose edge is within REST_REACH of the floor is drawn on it (the head tangent to
    it), one up to REST_FADE higher a part of the way, so a figure lying down or sitting up
    moves smoothly; the legs stay where the angles put them (feet planted, a heel down).
    A head below the floor (face down) is lifted onto it; a nose pointing into the floor
    stops at it, inside the head. `held` is an anchor held at its height: it stays put.
    """
    out = dict(points)
    drops = {}
    for name in ("pelvis", "neck"):
        drops[name] = 0.0 if name == held else _drop(points[name][1] - TRUNK_HALF)
    # The head goes down no farther than the neck (side-lying, it stays on the trunk's
    # line), and up as far as it takes to be on the floor.
    head = _drop(points["head"][1] - HEAD_R)
    drops["head"] = head if head < 0 else min(head, max(0.0, drops["neck"]))
    for name, share in ON_TRUNK.items():
        drops[name] = drops["pelvis"] + (drops["neck"] - drops["pelvis"]) * share
    for side in SIDES:
        _settle_arm(points, drops, side)
    drops.pop(held, None)
    for name, down in drops.items():
        x, y, z = points[name]
        out[name] = (x, y - down, z)
    x, y, z = points["nose"]
    out["nose"] = (x, max(y - drops.get("head", 0.0), NOSE_HALF), z)
    return out


def _settle_arm(points: dict[str, Vec], drops: dict[str, float], side: str) -> None:
    """An arm goes down with the shoulders (lying along the trunk, or a hand on the belly),
    never through the floor; a hand that holds a leg stays on it, its elbow half way."""
    down = drops["neck"]
    hand = points[f"{side}_hand"]
    holds = any(math.dist(hand, points[f"{s}_{j}"]) <= HOLD_REACH for s, j in LEG_HOLDS)
    shoulder, elbow = f"{side}_shoulder", f"{side}_elbow"
    drops[shoulder] = _above_floor(points[shoulder], down)
    drops[f"{side}_hand"] = 0.0 if holds else _above_floor(hand, down)
    drops[elbow] = _above_floor(points[elbow], (drops[shoulder] + drops[f"{side}_hand"]) / 2)


def _above_floor(point: Vec, down: float) -> float:
    """down, or less: as far as a limb's point can go before its edge is on the floor."""
    return min(down, max(0.0, point[1] - STROKE_HALF))


def _drop(gap: float) -> float:
    """How far down to draw an end whose edge is gap above the floor (negative: lift it)."""
    if gap <= REST_REACH:
        return gap
    return gap * max(0.0, (REST_REACH + REST_FADE - gap) / REST_FADE)


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


def bounds(
    points: Iterable[ScreenPoint], pad: float = HEAD_DISC
) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) around the points, padded."""
    pts = list(points)
    return (
        min(p.x for p in pts) - pad,
        min(p.y for p in pts) - pad,
        max(p.x for p in pts) + pad,
        max(p.y for p in pts) + pad,
    )
