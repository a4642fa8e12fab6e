"""A body lying or sitting on the floor touches it: the trunk along its back (or front, or
seat), the head tangent to it, nothing through it."""

from __future__ import annotations

import math

import pytest

from hiptimer.core.figures.files import load_figure
from hiptimer.core.figures.kinematics import (
    HEAD_R,
    SHIN,
    STROKE_HALF,
    THIGH,
    TRUNK_HALF,
    lowest_y,
    placed,
    project,
)
from hiptimer.core.figures.library import builtin_figures_dir
from hiptimer.core.figures.model import Figure, Pose, PropKind
from hiptimer.core.figures.motion import along
from hiptimer.core.figures.scene import scene
from hiptimer.core.figures.shapes import Ink, Line

FIGURES = {path.stem: load_figure(path) for path in sorted(builtin_figures_dir().glob("*.json"))}
ON = 0.5  # an edge this close above the floor touches it
STEPS = 16


def _poses(fig: Figure) -> list[tuple[str, Pose]]:
    """The key poses and the poses between them, as the figure moves."""
    keys = [("start", fig.start), *((f"via {i}", p) for i, p in enumerate(fig.via))]
    return [
        *keys,
        ("end", fig.end),
        *((f"{i}/{STEPS}", along(fig, i / STEPS)) for i in range(STEPS)),
    ]


def _lying(pose: Pose, points: dict[str, tuple[float, float, float]], most: float = 30) -> bool:
    """Face up or face down, not on the side (a side-lying body rests on its shoulder), and
    down on the floor (not a standing forward bend)."""
    flat = 90 - most <= abs(pose.body.pitch) <= 90 + most and abs(pose.body.roll) <= 30
    return flat and min(points["pelvis"][1], points["neck"][1]) < 20


def _trunk_gap(points: dict[str, tuple[float, float, float]]) -> float:
    """How far the trunk's lowest edge (it is drawn TRUNK_HALF either side of its line) is
    above the floor."""
    return min(points["pelvis"][1], points["neck"][1]) - TRUNK_HALF


def test_a_lying_trunk_touches_the_floor_at_its_lowest_point() -> None:
    """Lying on the back the trunk was drawn 3 units (5 cm) over the floor, only the head and
    the feet on it; face down, the body rested on its nose, the trunk 8 units up."""
    lying = set()
    for exercise_id, fig in FIGURES.items():
        for name, pose in _poses(fig):
            points = placed(pose, fig.anchor)
            if _lying(pose, points):
                lying.add(exercise_id)
                gap = _trunk_gap(points)
                assert -1e-6 <= gap <= ON, f"{exercise_id} {name}: the trunk {gap:.2f} up"
    assert {"bridge", "straight-leg-raise", "prone-leg-raise", "lateral-trunk-rotation"} <= lying


def test_a_head_lying_flat_rests_on_the_floor() -> None:
    """Tangent to it, beside a trunk on the floor (a head centred on the trunk's line would
    go 3 units into the floor); rolling up to sit it leaves the floor, as it should."""
    for exercise_id, fig in FIGURES.items():
        for name, pose in _poses(fig):
            points = placed(pose, fig.anchor)
            if _lying(pose, points, most=10):
                head = points["head"][1] - HEAD_R
                assert -1e-6 <= head <= ON, f"{exercise_id} {name}: the head {head:.2f} up"


def _on_a_prop(fig: Figure, point: tuple[float, float, float]) -> bool:
    return any(
        abs(point[0] - p.x) <= p.size[0] / 2 and abs(point[2] - p.z) <= p.size[2] / 2
        for p in fig.props
        if p.kind is not PropKind.BAND
    )


def test_a_figure_sitting_on_the_floor_sits_on_it() -> None:
    """The floor's equivalent of a chair's seat: the seated leg and hip extension sat 1.6
    units (3 cm) up, held by the heel of its long leg, the butterfly press 3.4."""
    seated = set()
    for exercise_id, fig in FIGURES.items():
        for name, pose in _poses(fig):
            points = placed(pose, fig.anchor)
            upright = abs(pose.body.pitch) <= 45 and abs(pose.body.roll) <= 30
            if upright and points["pelvis"][1] < 12 and not _on_a_prop(fig, points["pelvis"]):
                seated.add(exercise_id)
                gap = _trunk_gap(points)
                assert -1e-6 <= gap <= ON, f"{exercise_id} {name}: the seat {gap:.2f} up"
    assert {"seated-leg-hip-extension", "butterfly-press", "lower-back-hip-stretch"} <= seated


def test_face_down_the_head_rests_on_the_floor_and_the_nose_stops_at_it() -> None:
    """Face down the figure rested on its nose, its head 5 units and its trunk 8 over the floor."""
    fig = FIGURES["prone-leg-raise"]
    points = placed(fig.start, fig.anchor)
    assert points["pelvis"][1] == pytest.approx(TRUNK_HALF)
    assert points["head"][1] == pytest.approx(HEAD_R)
    assert lowest_y(points) == pytest.approx(0.0)


def test_a_settled_trunk_leaves_each_arm_on_its_side() -> None:
    """Near and far are judged against the hips, not the settled pelvis: judged against the
    pelvis, 5.9 units lower, the lateral trunk rotation's far forearm turned near (white)
    while its upper arm stayed far (grey)."""
    fig = FIGURES["lateral-trunk-rotation"]
    shown = project(placed(fig.end, fig.anchor), fig.camera)
    inks = {
        (line.a, line.b): line.ink for line in scene(fig, fig.end).body if isinstance(line, Line)
    }
    for side in ("right", "left"):
        arm = [
            inks[((shown[a].x, shown[a].y), (shown[b].x, shown[b].y))]
            for a, b in ((f"{side}_shoulder", f"{side}_elbow"), (f"{side}_elbow", f"{side}_hand"))
        ]
        assert len({ink in (Ink.FAR, Ink.FAR_MOVING) for ink in arm}) == 1, (side, arm)


def _on_its_side(pose: Pose) -> bool:
    return abs(abs(pose.body.roll) - 90) <= 30 and abs(pose.body.pitch) <= 30


def test_a_side_lying_body_rests_on_its_lower_hip_and_shoulder() -> None:
    """Through each movement, as a person lies: side-lying abduction rested on the hand of its
    arm stretched overhead, the lower hip 8.4 units (14 cm) up; the clamshell (start) on a
    toe; the clamshell (end) and the IT band stretch on the shoulder, the hip 3 up."""
    on_side = set()
    for exercise_id, fig in FIGURES.items():
        for name, pose in _poses(fig):
            if not _on_its_side(pose):
                continue
            on_side.add(exercise_id)
            points = placed(pose, fig.anchor)
            lower = min(("right", "left"), key=lambda s: points[f"{s}_hip"][1])
            for part in ("hip", "shoulder"):
                gap = points[f"{lower}_{part}"][1] - STROKE_HALF
                assert -1e-6 <= gap <= ON, f"{exercise_id} {name}: the lower {part} {gap:.2f} up"
    assert on_side == {"side-lying-abduction", "clamshell", "it-band-stretch"}


def test_a_side_lying_head_rests_on_the_lower_arm() -> None:
    """It was 11.7 units (20 cm) over the floor in side-lying abduction, 6.3 in the clamshell,
    on the trunk's line; the lower arm lies under it, one limb's width (4.6) thick."""
    for exercise_id, fig in FIGURES.items():
        for name, pose in _poses(fig):
            if _on_its_side(pose):
                head = placed(pose, fig.anchor)["head"][1] - HEAD_R
                assert head == pytest.approx(2 * STROKE_HALF), f"{exercise_id} {name}: {head:.2f}"


def test_no_part_of_a_body_is_below_the_floor() -> None:
    """No figure sinks a foot or hand into the floor: resting a side-lying body on its hip
    (the clamshell's top toe, tipped below the bottom foot, would have gone 6.5 units in, the
    overhead hand of side-lying abduction 8.4), nor a kneeling one held on its knee (the hip
    flexor stretch's front foot was 0.2 units in)."""
    for exercise_id, fig in FIGURES.items():
        for name, pose in _poses(fig):
            low = lowest_y(placed(pose, fig.anchor))
            assert low >= -1e-6, f"{exercise_id} {name}: {low:.2f} below the floor"


def _long_legs(points: dict[str, tuple[float, float, float]]) -> list[str]:
    """The legs stretched out long on the floor: knee straight, the shin level and low."""
    legs = []
    for side in ("right", "left"):
        hip, knee, ankle = (points[f"{side}_{j}"] for j in ("hip", "knee", "ankle"))
        bent = math.degrees(
            math.acos(
                max(-1.0, min(1.0, _dot(_minus(knee, hip), _minus(ankle, knee)) / THIGH / SHIN))
            )
        )
        run = math.hypot(ankle[0] - knee[0], ankle[2] - knee[2])
        level = abs(math.degrees(math.atan2(ankle[1] - knee[1], run))) < 15
        if bent < 15 and level and max(knee[1], ankle[1]) < 12:
            legs.append(side)
    return legs


def _minus(a: tuple[float, float, float], b: tuple[float, float, float]) -> tuple[float, ...]:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _dot(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_a_leg_stretched_out_on_the_floor_lies_on_it() -> None:
    """Lying or sitting with a leg long, the leg lies along the floor from the knee to the ankle:
    the heel point hung 2.3 units below the leg's line, so the calf floated 2.3 units (4 cm)
    over the floor, held up by the heel (the straight leg raise, the hamstring stretch, the
    seated leg and hip extension)."""
    long = set()
    for exercise_id, fig in FIGURES.items():
        for name, pose in _poses(fig)[: 2 + len(fig.via)]:  # the key poses: not a leg rising
            points = placed(pose, fig.anchor)
            for side in _long_legs(points):
                long.add(exercise_id)
                for joint in ("knee", "ankle"):
                    gap = points[f"{side}_{joint}"][1] - STROKE_HALF
                    assert gap <= ON, f"{exercise_id} {name}: the {side} {joint} {gap:.2f} up"
    assert {"straight-leg-raise", "hamstring-stretch", "seated-leg-hip-extension"} <= long
