"""The figure model: joint angles of one pose, the props around it and a figure's key poses."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from enum import Enum
from typing import TypeVar

FORMAT_MARKER = "hiptimer-figure"
FORMAT_VERSION = 1
DEFAULT_LOOP_S = 4.0  # one demonstration of the movement when the figure says nothing


@dataclass(frozen=True)
class Leg:
    """One leg's joint angles in degrees (0 everywhere is standing straight)."""

    hip: float = 0.0  # flexion: the thigh forward; negative takes it behind
    abduction: float = 0.0  # the thigh out to the side; negative crosses the midline
    rotation: float = 0.0  # external rotation: the knee (and toes) turn outward
    knee: float = 0.0  # flexion: the shin folds back behind the thigh
    ankle: float = 0.0  # plantarflexion: the toes point down; negative pulls them up


@dataclass(frozen=True)
class Arm:
    """One arm's joint angles in degrees (0 everywhere is hanging at the side)."""

    shoulder: float = 0.0  # flexion: the arm forward and up; 180 is overhead
    abduction: float = 0.0  # the arm out to the side
    rotation: float = 0.0  # internal rotation: a bent forearm turns in across the body
    elbow: float = 0.0  # flexion: the forearm folds forward and up


@dataclass(frozen=True)
class Body:
    """How the whole body (pelvis and trunk, which move as one) is turned, in degrees."""

    pitch: float = 0.0  # lean forward; -90 lies face up, 90 face down
    roll: float = 0.0  # tip onto the left side; 90 lies on the left side, right side up
    yaw: float = 0.0  # turn to face the viewer of a side view


@dataclass(frozen=True)
class Pose:
    """One key pose: the body, the head, two legs, two arms and the points to highlight."""

    body: Body = field(default_factory=Body)
    neck: float = 0.0  # flexion: the chin toward the chest
    right_leg: Leg = field(default_factory=Leg)
    left_leg: Leg = field(default_factory=Leg)
    right_arm: Arm = field(default_factory=Arm)
    left_arm: Arm = field(default_factory=Arm)
    highlight: tuple[str, ...] = ()  # named points ringed in the accent colour


class View(str, Enum):
    """Where the viewer stands; a figure may also give its own yaw and elevation."""

    SIDE = "side"
    FRONT = "front"
    ABOVE = "above"


VIEW_ANGLES = {View.SIDE: (0.0, 0.0), View.FRONT: (90.0, 0.0), View.ABOVE: (0.0, 90.0)}


@dataclass(frozen=True)
class Camera:
    """yaw: the viewer walks round toward the figure's front (90 is a front view);
    elevation: the viewer rises and looks down (90 is straight from above)."""

    yaw: float = 0.0
    elevation: float = 0.0


@dataclass(frozen=True)
class Anchor:
    """The named point held still at x (and y, and z); y None rests the figure's lowest point
    on the floor, z None keeps the pelvis at z 0 (a foot then slides sideways as the legs
    spread or the body tips: the standing hip pushdown's feet slid 17 cm)."""

    point: str = "pelvis"
    x: float = 0.0
    y: float | None = None
    z: float | None = None


class PropKind(str, Enum):
    CHAIR = "chair"
    STEP = "step"
    BOX = "box"
    WALL = "wall"
    BAND = "band"


@dataclass(frozen=True)
class Prop:
    """Something drawn with the figure: furniture in place, or a band between two points."""

    kind: PropKind
    x: float = 0.0
    y: float = 0.0
    z: float = 0.0
    size: tuple[float, float, float] = (30.0, 30.0, 30.0)  # x, y (height), z extents
    facing: int = 1  # a chair's sitter looks toward +x (1) or -x (-1)
    ends: tuple[str, str] = ("", "")  # a band's two named points


@dataclass(frozen=True)
class Figure:
    """A figure for one exercise: start and end poses, optional poses between, props, a view."""

    id: str
    start: Pose
    end: Pose
    via: tuple[Pose, ...] = ()  # passed through on the way from start to end
    camera: Camera = field(default_factory=Camera)
    anchor: Anchor = field(default_factory=Anchor)
    props: tuple[Prop, ...] = ()
    loop_s: float | None = None  # a timed hold plays the movement over and over, this long
    source: str = ""  # the file it came from; not part of the file

    @property
    def keys(self) -> tuple[Pose, ...]:
        """The key poses in order from start to end."""
        return (self.start, *self.via, self.end)

    @property
    def demo_s(self) -> float:
        """Seconds of one demonstration of the movement (a preview or a self-paced set)."""
        return self.loop_s or DEFAULT_LOOP_S


def _mix(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


Part = TypeVar("Part", Leg, Arm, Body)


def _mix_parts(a: Part, b: Part, t: float) -> Part:
    values = {f.name: _mix(getattr(a, f.name), getattr(b, f.name), t) for f in fields(a)}
    return replace(a, **values)


def blend(a: Pose, b: Pose, t: float) -> Pose:
    """The pose a fraction t (0-1) of the way from a to b, angle by angle.

    Highlights switch halfway, so a ring appears as the movement arrives.
    """
    return Pose(
        body=_mix_parts(a.body, b.body, t),
        neck=_mix(a.neck, b.neck, t),
        right_leg=_mix_parts(a.right_leg, b.right_leg, t),
        left_leg=_mix_parts(a.left_leg, b.left_leg, t),
        right_arm=_mix_parts(a.right_arm, b.right_arm, t),
        left_arm=_mix_parts(a.left_arm, b.left_arm, t),
        highlight=a.highlight if t < 0.5 else b.highlight,
    )
