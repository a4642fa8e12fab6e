"""Every built-in exercise has a figure drawn by the project, that loads and that moves."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from hiptimer import paths
from hiptimer.core.figures.files import figure_from_data, load_figure
from hiptimer.core.figures.kinematics import (
    POINT_NAMES,
    STROKE_HALF,
    apply,
    lowest_y,
    placed,
    view_matrix,
)
from hiptimer.core.figures.library import builtin_figures_dir
from hiptimer.core.figures.model import Figure, Pose, PropKind
from hiptimer.core.figures.motion import Motion, along, pose_at
from hiptimer.core.figures.scene import Head, scene
from hiptimer.core.routines.loader import load_routine

# Squeezing the buttocks shows as a ring where the work is, not as a movement.
STILL = {"glute-squeezes"}
# Figure files that are not for an exercise of a built-in routine, and may stay: the single-leg
# bridge's (it becomes a variant of the bridge on the fidelity branch, and a user's copy of a
# routine keeps its exercise ids, and with them its figures) and one the fidelity branch draws
# for a ladder variant. Any other figure file is a leftover.
NOT_BUILT_IN = {"single-leg-bridge", "straight-leg-raise-weighted"}


def builtin_exercise_ids() -> set[str]:
    ids = set()
    for path in sorted(paths.builtin_routines_dir().glob("*.json")):
        ids |= {ex.id for ex in load_routine(path, builtin=True).exercises}
    return ids


EXERCISES = sorted(builtin_exercise_ids())
FIGURE_FILES = sorted(builtin_figures_dir().glob("*.json"))
FIGURE_IDS = [path.stem for path in FIGURE_FILES]


@pytest.fixture(scope="module")
def figures() -> dict[str, Figure]:
    return {path.stem: load_figure(path) for path in FIGURE_FILES}


def test_every_built_in_exercise_has_a_figure_and_no_figure_is_left_over() -> None:
    assert len(EXERCISES) >= 30
    assert sorted(set(EXERCISES) - set(FIGURE_IDS)) == [], "built-in exercises without a figure"
    assert sorted(set(FIGURE_IDS) - set(EXERCISES) - NOT_BUILT_IN) == [], "figures left over"


@pytest.mark.parametrize("exercise_id", FIGURE_IDS)
def test_the_figure_loads_and_its_start_and_end_differ(
    exercise_id: str, figures: dict[str, Figure]
) -> None:
    fig = figures[exercise_id]
    assert fig.id == exercise_id
    assert fig.start != fig.end
    if exercise_id in STILL:
        assert fig.end.highlight, "a figure that does not move must ring where the work is"
    else:
        moved = [p for p in fig.keys[1:] if _angles(p) != _angles(fig.start)]
        assert moved, "the exercise moves, so must its figure"


@pytest.mark.parametrize("exercise_id", FIGURE_IDS)
def test_every_pose_of_the_figure_can_be_drawn(
    exercise_id: str, figures: dict[str, Figure]
) -> None:
    fig = figures[exercise_id]
    for phase, fraction in ((Motion.PAUSE, 0), (Motion.LIFT, 0.5), (Motion.HOLD, 0)):
        for mirrored in (False, True):
            shapes = scene(fig, pose_at(fig, phase, fraction), mirrored=mirrored)
            left, bottom, right, top = shapes.bounds
            assert all(math.isfinite(v) for v in shapes.bounds)
            assert 0 < right - left < 400 and 0 < top - bottom < 400


@pytest.mark.parametrize("exercise_id", FIGURE_IDS)
def test_no_pose_on_the_way_leaves_the_frame(exercise_id: str, figures: dict[str, Figure]) -> None:
    """The frame is fixed per figure (it must not jump), so every pose must fit inside it."""
    fig = figures[exercise_id]
    for mirrored in (False, True):
        for i in range(21):
            shapes = scene(fig, pose_at(fig, Motion.LIFT, i / 20), mirrored=mirrored)
            left, bottom, right, top = shapes.bounds
            for item in shapes.body:
                if isinstance(item, Head):
                    (x, y), r = item.centre, item.radius + 2  # and its outline
                    assert left <= x - r and x + r <= right and bottom <= y - r and y + r <= top
                else:
                    for x, y in (item.a, item.b):
                        assert left + 3 <= x <= right - 3 and bottom + 3 <= y <= top - 3


def test_the_figure_files_match_the_published_schema() -> None:
    schema_path = paths.resources_dir() / "schema" / "figure-v1.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in FIGURE_FILES:
        errors = [e.message for e in validator.iter_errors(json.loads(path.read_text("utf-8")))]
        assert errors == [], path.name
    assert schema["$defs"]["point"]["enum"] == list(POINT_NAMES)


def test_the_figure_format_doc_names_every_point_and_joint() -> None:
    doc = (Path(__file__).resolve().parents[3] / "docs" / "figures.md").read_text("utf-8")
    for name in (*POINT_NAMES, "abduction", "rotation", "pitch", "roll", "yaw", "loop_s"):
        assert f"`{name}`" in doc, name


def _angles(pose: Pose) -> Pose:
    return replace(pose, highlight=())


def test_the_example_in_the_doc_loads() -> None:
    doc = (Path(__file__).resolve().parents[3] / "docs" / "figures.md").read_text("utf-8")
    example = doc.split("```json", 1)[1].split("```", 1)[0]
    fig = figure_from_data(json.loads(example))
    assert fig.id == "straight-leg-raise" and fig.end.right_leg.hip == 22


def _squarely_seen(floor: tuple[tuple[float, float], ...]) -> bool:
    """Whether a floor mat (not a line) shows as a rectangle with level and upright sides."""
    ys = [y for _, y in floor]
    if max(ys) - min(ys) < 1.5:
        return False  # seen from the side: a line
    edges = zip(floor, floor[1:] + floor[:1], strict=True)
    return all(abs(ax - bx) < 0.5 or abs(ay - by) < 0.5 for (ax, ay), (bx, by) in edges)


@pytest.mark.parametrize("exercise_id", FIGURE_IDS)
def test_the_floor_is_a_line_or_a_mat_in_perspective_never_a_box(
    exercise_id: str, figures: dict[str, Figure]
) -> None:
    # Seen squarely, a mat is a rectangle on screen: a grey box behind the figure rather than
    # a floor (the IT band stretch, adductor squeeze, trunk rotation and breathing had one;
    # see docs/figures.md, Views).
    fig = figures[exercise_id]
    for mirrored in (False, True):
        assert not _squarely_seen(scene(fig, fig.end, mirrored=mirrored).floor)


@pytest.mark.parametrize("exercise_id", FIGURE_IDS)
def test_no_pose_on_the_way_sinks_into_the_floor(
    exercise_id: str, figures: dict[str, Figure]
) -> None:
    """A figure with an anchor held at a height can push a foot through the floor (the hip
    flexor release's front foot went 7 units under it as the hips moved forward)."""
    fig = figures[exercise_id]
    for i in range(21):
        assert lowest_y(placed(along(fig, i / 20), fig.anchor)) >= -0.5, i / 20


@pytest.mark.parametrize(
    ("exercise_id", "knee_on"), [("hip-flexor-stretch", 0.0), ("hip-flexor-release", 4.0)]
)
def test_a_kneeling_lunge_keeps_its_back_knee_down_and_its_front_foot_planted(
    exercise_id: str, knee_on: float, figures: dict[str, Figure]
) -> None:
    """The back knee rests on the floor (or the cushion) and the front foot stands flat on the
    floor, in the same place, while the hips move forward (the hip flexor stretch's knee
    floated 4 units up and its front foot stood on its toes)."""
    fig = figures[exercise_id]
    heels = []
    for pose in (fig.start, fig.end):
        points = placed(pose, fig.anchor)
        assert points["right_knee"][1] - STROKE_HALF == pytest.approx(knee_on, abs=0.5)
        for point in ("left_heel", "left_toe"):
            assert points[point][1] - STROKE_HALF == pytest.approx(0.0, abs=0.5), point
        heels.append(points["left_heel"][0])
    assert heels[0] == pytest.approx(heels[1], abs=1.0)


def test_the_hip_hiker_lifts_the_dropped_hanging_side_level_from_the_standing_hip(
    figures: dict[str, Figure],
) -> None:
    """As its steps say: start with the hanging (left) side of the pelvis dropped, lift it
    level; the work is in the standing hip. The figure did it the other way round, dropping
    the pelvis on the lift, with the ring on the hanging hip."""
    fig = figures["hip-hiker"]
    start, end = placed(fig.start, fig.anchor), placed(fig.end, fig.anchor)
    assert start["left_hip"][1] < start["right_hip"][1] - 2
    assert end["left_hip"][1] == pytest.approx(end["right_hip"][1], abs=0.5)
    assert start["right_heel"][1] == pytest.approx(end["right_heel"][1])  # on the step
    for points in (start, end):  # the standing knee straight, the leg upright
        assert points["right_ankle"][0] == pytest.approx(points["right_hip"][0], abs=1)
    assert fig.end.highlight == ("right_hip",)


def test_a_wall_shows_its_face_not_its_edge(figures: dict[str, Figure]) -> None:
    """A wall seen edge-on is a post: the hip hiker's, beside the standing leg and seen from
    the front, was 4 units wide and 110 tall on screen. Every wall must show at least a
    quarter of its height in width, on either side (a mirror keeps widths) and in the
    library's thumbnail, which uses the same view."""
    walls = 0
    for exercise_id, fig in figures.items():
        m = view_matrix(fig.camera)
        for wall in (prop for prop in fig.props if prop.kind is PropKind.WALL):
            walls += 1
            (w, h, d), x, z = wall.size, wall.x, wall.z
            corners = [
                apply(m, (x + sx * w / 2, wall.y + sy * h, z + sz * d / 2))
                for sx in (-1, 1)
                for sy in (0, 1)
                for sz in (-1, 1)
            ]
            wide = max(c[0] for c in corners) - min(c[0] for c in corners)
            tall = max(c[1] for c in corners) - min(c[1] for c in corners)
            assert wide >= tall / 4, exercise_id
    assert walls, "no built-in figure has a wall to check"


def test_the_step_down_keeps_its_foot_flat_on_the_step_and_taps_the_floor(
    figures: dict[str, Figure],
) -> None:
    """As its steps say: bend the standing knee to lower the other heel to the floor, in front
    of the step. The figure stopped that heel 9 units above the floor and dug the standing
    foot's toes 3 units into the step."""
    fig = figures["step-downs"]
    step = next(prop for prop in fig.props if prop.kind is PropKind.STEP)  # and its rail
    top, edge = step.y + step.size[1], step.x + step.size[0] / 2
    for pose in (fig.start, fig.end):
        points = placed(pose, fig.anchor)
        for point in ("right_heel", "right_toe"):
            assert points[point][1] - STROKE_HALF == pytest.approx(top, abs=0.5), point
    end = placed(fig.end, fig.anchor)
    assert end["left_heel"][1] - STROKE_HALF == pytest.approx(0.0, abs=1.0)
    assert end["left_heel"][0] > edge + STROKE_HALF


# Where each figure's ring goes, from its exercise's steps: where the stretch is felt, or the
# work is. The hamstring stretch's ring was at the knee; its steps say the back of the thigh.
FELT_AT = {
    "hamstring-stretch": ("right_thigh",),  # "the back of the thigh feels a gentle pull"
    "hip-flexor-stretch": ("right_hip",),  # "the front of the kneeling-side hip and thigh"
    "hip-flexor-release": ("right_hip",),  # "the front of the kneeling-side hip"
    "piriformis-stretch": ("right_hip",),  # "the crossed leg's buttock"
    "it-band-stretch": ("right_knee",),  # "the outer thigh near the knee"
    "seated-leg-hip-extension": ("right_hip",),  # "the hip and low back stretch"
    # Its ring was at the ankle, where the cuff goes: it read as the weight, not the work.
    "straight-leg-raise-weighted": ("right_thigh",),  # "firm up the front of the ... thigh"
    # These three had no ring. The monster walks' steps name no place: seed 003 says the
    # side steps work the gluteus medius at the sides of both hips, the walks back and
    # forward the gluteus maximus (drawn from the side, the hips are one ring).
    "straight-leg-raise": ("right_thigh",),  # "firm up the front of the straight thigh"
    "monster-walk": ("right_hip", "left_hip"),
    "monster-walk-back-forward": ("right_hip",),
}


@pytest.mark.parametrize(
    "exercise_id", ["straight-leg-raise-weighted", "monster-walk", "monster-walk-back-forward"]
)
def test_no_ring_marks_where_a_weight_or_band_goes(
    exercise_id: str, figures: dict[str, Figure]
) -> None:
    # The cuff and the band go round the ankles; the work is felt at the hip and thigh.
    assert not {"right_ankle", "left_ankle"} & set(figures[exercise_id].end.highlight)


@pytest.mark.parametrize(("exercise_id", "points"), sorted(FELT_AT.items()))
def test_the_ring_is_where_the_steps_say_the_stretch_is_felt(
    exercise_id: str, points: tuple[str, ...], figures: dict[str, Figure]
) -> None:
    assert figures[exercise_id].end.highlight == points


def test_the_thigh_point_is_the_middle_of_the_thigh(figures: dict[str, Figure]) -> None:
    fig = figures["hamstring-stretch"]
    end = placed(fig.end, fig.anchor)
    for axis in range(3):
        middle = (end["right_hip"][axis] + end["right_knee"][axis]) / 2
        assert end["right_thigh"][axis] == pytest.approx(middle)


def _surface_below(fig: Figure, point: tuple[float, float, float]) -> float:
    """The height of what a point would rest on: the floor, or the top of a prop under it."""
    tops = [0.0]
    for prop in fig.props:
        if prop.kind is PropKind.BAND:
            continue
        (w, h, d), x, y, z = prop.size, point[0], point[1], point[2]
        top = prop.y + h
        if abs(x - prop.x) <= w / 2 and abs(z - prop.z) <= d / 2 and top <= y:
            tops.append(top)
    return max(tops)


def _feet(fig: Figure) -> list[tuple[str, str, float, float]]:
    """(pose, side, heel, toe) for each key pose: how far each sole's end is above what is
    below it (the sole's edge, half a limb's width below the point)."""
    poses = [("start", fig.start), *((f"via {i}", p) for i, p in enumerate(fig.via))]
    found = []
    for name, pose in [*poses, ("end", fig.end)]:
        points = placed(pose, fig.anchor)
        for side in ("right", "left"):
            heel, toe = points[f"{side}_heel"], points[f"{side}_toe"]
            found.append(
                (
                    name,
                    side,
                    heel[1] - STROKE_HALF - _surface_below(fig, heel),
                    toe[1] - STROKE_HALF - _surface_below(fig, toe),
                )
            )
    return found


ON = 0.3  # a sole's end this close to the floor or a step rests on it
# Feet that rest on their edges, not their soles, so heel and toe may differ in height.
ON_EDGE = {
    ("butterfly-press", "start"),  # the soles pressed together
    ("butterfly-press", "end"),
    ("clamshell", "start"),  # on the side: the top foot lies on the bottom one
    ("clamshell", "end"),
    ("lateral-trunk-rotation", "end"),  # the knees dropped to one side roll the feet over
    ("low-impact-cardio", "via 0"),  # on a bike's pedals, not the floor
    ("low-impact-cardio", "end"),
    ("prone-leg-raise", "start"),  # face down: the toes on the floor, the heel up, sole skyward
    ("prone-leg-raise", "end"),
}


@pytest.mark.parametrize("exercise_id", FIGURE_IDS)
def test_a_foot_down_is_flat_unless_its_heel_is_clearly_raised(
    exercise_id: str, figures: dict[str, Figure]
) -> None:
    """Eleven figures lying face up with the knees bent, "feet planted" in their steps, stood
    on their toes with the heels 4.5 units (8 cm) up, and the monster walks, the stiff-leg
    bend and the chair stand's sitting feet a little less: a foot whose toes rest has its
    heel down too, unless the heel is raised on purpose (a lunge's back foot, a walking
    step's push-off), by 5 units or more."""
    fig = figures[exercise_id]
    for pose, side, heel, toe in _feet(fig):
        if (exercise_id, pose) in ON_EDGE or toe > ON:
            continue
        assert heel <= ON or heel >= 5, f"{pose} {side} heel {heel:.2f} above the floor"


@pytest.mark.parametrize("exercise_id", FIGURE_IDS)
def test_no_foot_hovers_just_above_what_is_under_it(
    exercise_id: str, figures: dict[str, Figure]
) -> None:
    """A foot is on the floor or a step, or clearly off it (2 units, 3.4 cm, or more): the
    step-down's free heel hovered 0.4 units over the step, the long leg of the hamstring
    stretch, the straight leg raise and the last lower-back stretch 1.4 units over the floor,
    which from across the room reads as neither lying nor lifted."""
    fig = figures[exercise_id]
    for pose, side, heel, toe in _feet(fig):
        if (exercise_id, pose) in ON_EDGE:
            continue
        for end, gap in (("heel", heel), ("toe", toe)):
            assert gap <= ON or gap >= 2, f"{pose} {side} {end} {gap:.2f} above what is below"


def test_a_figure_on_a_chair_sits_on_its_seat(figures: dict[str, Figure]) -> None:
    """The trunk is drawn 6 units wide, so a pelvis 3 units above the seat sits on it. The
    chair stand's pelvis was 9 units up (its buttocks 10 cm above the seat) and the tempo
    squat's 5: both hovered over their chairs."""
    seated = []
    for exercise_id, fig in figures.items():
        for chair in (prop for prop in fig.props if prop.kind is PropKind.CHAIR):
            seat = chair.y + chair.size[1]
            pelvis = placed(fig.start, fig.anchor)["pelvis"]
            if abs(pelvis[0] - chair.x) <= chair.size[0] / 2:  # over the seat: sitting
                seated.append(exercise_id)
                assert 3 <= pelvis[1] - seat <= 4, exercise_id
    assert {"chair-stand-30s", "tempo-chair-squat", "seated-hip-stretch"} <= set(seated)


@pytest.mark.parametrize("exercise_id", FIGURE_IDS)
def test_no_foot_passes_into_a_prop(exercise_id: str, figures: dict[str, Figure]) -> None:
    """At the bottom of each turn of the bike's pedals both feet went 3 units into its base
    plate (and the floor under it): a sole's edge never goes more than half a unit into a
    step, a box or a chair, all the way through the movement."""
    fig = figures[exercise_id]
    solid = [prop for prop in fig.props if prop.kind is not PropKind.BAND]
    for i in range(33):
        points = placed(along(fig, i / 32), fig.anchor)
        for name in ("right_heel", "right_toe", "left_heel", "left_toe"):
            x, y, z = points[name]
            sole = y - STROKE_HALF
            for prop in solid:
                w, _, d = prop.size
                top = prop.y + prop.size[1]
                over = abs(x - prop.x) < w / 2 and abs(z - prop.z) < d / 2
                assert not (over and prop.y < sole + 0.5 < top), (i / 32, name, prop.kind)
