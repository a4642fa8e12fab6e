"""Reading figure files (JSON, format version 1) into figures, naming every problem found.

Unknown fields are errors, as in routine files, because they are usually typos.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from hiptimer.core.figures.kinematics import POINT_NAMES
from hiptimer.core.figures.model import (
    FORMAT_MARKER,
    FORMAT_VERSION,
    VIEW_ANGLES,
    Anchor,
    Arm,
    Body,
    Camera,
    Figure,
    Leg,
    Pose,
    Prop,
    PropKind,
    View,
)
from hiptimer.core.routines.json_fields import describe
from hiptimer.core.safe_read import BadJson, UnreadableFile, parse_strict_json, read_small_text

MAX_FIGURE_BYTES = 64 * 1024
ABSENT: Any = object()  # a field left out: nothing to quote
MAX_VIA = 8
MAX_PROPS = 12
MAX_ANGLE = 360.0
MAX_PLACE = 500.0  # how far from the origin a prop or an anchor may be, in figure units
MAX_LOOP_S = 60.0
STEP_SIZE = (26.0, 12.0, 36.0)  # a figure 100 units tall is a person of about 170 cm
CHAIR_SIZE = (26.0, 27.0, 26.0)
WALL_SIZE = (2.0, 110.0, 60.0)
BOX_SIZE = (30.0, 30.0, 30.0)  # docs/figures.md's, and the model's (a box without a size was 40)

TOP_KEYS = {"format", "version", "id", "view", "anchor", "loop_s", "props", "start", "via", "end"}
POSE_PARTS: dict[str, type[Leg] | type[Arm] | type[Body]] = {
    "body": Body,
    "right_leg": Leg,
    "left_leg": Leg,
    "right_arm": Arm,
    "left_arm": Arm,
}
POSE_KEYS = {"like", "neck", "highlight", *POSE_PARTS}


class FigureError(ValueError):
    """A figure file that cannot be used: the file and every problem, one per line."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: {problems[0]}" if problems else source)

    def lines(self) -> list[str]:
        return [f"{self.source}: {p}" for p in self.problems]


def load_figure(path: Path) -> Figure:
    """Read and check one figure file; FigureError says what is wrong."""
    try:
        text = read_small_text(path, MAX_FIGURE_BYTES)
        data = parse_strict_json(text)
    except (UnreadableFile, BadJson) as exc:
        raise FigureError(str(path), [str(exc)]) from None
    return figure_from_data(data, str(path), expected_id=path.stem)


def figure_from_data(data: Any, source: str = "<figure>", *, expected_id: str = "") -> Figure:
    """Check decoded JSON and build a Figure, or raise FigureError listing every problem."""
    checker = _Checker()
    figure = checker.figure(data, expected_id)
    if checker.problems or figure is None:
        raise FigureError(source, checker.problems or ["not a figure"])
    return replace(figure, source=source)


@dataclass
class _Checker:
    problems: list[str]

    def __init__(self) -> None:
        self.problems = []

    def err(self, where: str, message: str, got: Any = ABSENT) -> None:
        """A problem at `where`; `got`, the value found, is quoted as a routine file's
        problems quote it (json_fields.describe), unless the field was left out."""
        if got is not ABSENT:
            message = f"{message}, got {describe(got)}"
        self.problems.append(f"{where}: {message}" if where else message)

    def figure(self, d: Any, expected_id: str) -> Figure | None:
        if not isinstance(d, dict):
            self.err("", "expected a JSON object", d)
            return None
        self.unknown(d, TOP_KEYS, "")
        if d.get("format") != FORMAT_MARKER:
            self.err("format", f'expected "{FORMAT_MARKER}"', d.get("format", ABSENT))
        if d.get("version") != FORMAT_VERSION:
            self.err("version", f"expected {FORMAT_VERSION}", d.get("version", ABSENT))
        figure_id = d.get("id")
        if not isinstance(figure_id, str) or not figure_id:
            self.err("id", "expected the exercise id this figure shows", d.get("id", ABSENT))
            figure_id = ""
        elif expected_id and figure_id != expected_id:
            self.err("id", f'"{figure_id}" does not match the file name ({expected_id}.json)')
        start = self.pose(d.get("start"), "start", None, {})
        named = {"start": start} if start else {}
        end = self.pose(d.get("end"), "end", None, named)
        if end:
            named["end"] = end
        via = self.via(d.get("via", []), named)
        camera = self.camera(d.get("view", "side"))
        anchor = self.anchor(d.get("anchor", {}))
        props = self.props(d.get("props", []))
        loop_s = self.number(d, "loop_s", "", low=0.5, high=MAX_LOOP_S, default=None)
        if start is None or end is None:
            return None
        return Figure(figure_id, start, end, via, camera, anchor, props, loop_s)

    # ------------------------------------------------------------ poses

    def pose(self, d: Any, where: str, base: Pose | None, named: dict[str, Pose]) -> Pose | None:
        if d is None:
            self.err(where, "missing; expected a pose")
            return None
        if not isinstance(d, dict):
            self.err(where, "expected a pose (a JSON object)", d)
            return None
        self.unknown(d, POSE_KEYS, where)
        if "like" in d:
            like = d["like"]
            if like not in named:
                choices = " or ".join(f'"{n}"' for n in named) or "an earlier pose"
                self.err(f"{where}.like", f"expected {choices}", like)
            base = named.get(like, base)
        pose = base or Pose()
        parts: dict[str, Any] = {}
        for key, kind in POSE_PARTS.items():
            if key in d:
                parts[key] = self.part(d[key], f"{where}.{key}", kind)
        neck = self.real(d, "neck", where, low=-MAX_ANGLE, high=MAX_ANGLE, default=pose.neck)
        highlight = self.highlight(d.get("highlight", list(pose.highlight)), f"{where}.highlight")
        return replace(pose, **parts, neck=neck, highlight=highlight)

    def part(self, d: Any, where: str, kind: type[Leg] | type[Arm] | type[Body]) -> Any:
        """A leg, an arm or the body given whole: an angle left out is 0, even after "like"."""
        if not isinstance(d, dict):
            self.err(where, "expected a JSON object of angles in degrees", d)
            return kind()
        names = [f.name for f in fields(kind)]
        self.unknown(d, set(names), where)
        angles = {
            name: self.real(d, name, where, low=-MAX_ANGLE, high=MAX_ANGLE, default=0.0)
            for name in names
        }
        return kind(**angles)

    def highlight(self, value: Any, where: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.err(where, "expected a list of point names", value)
            return ()
        for i, name in enumerate(value):
            if name not in POINT_NAMES:
                self.err(f"{where}[{i}]", "expected a point name (see docs/figures.md)", name)
        return tuple(n for n in value if n in POINT_NAMES)

    def via(self, value: Any, named: dict[str, Pose]) -> tuple[Pose, ...]:
        if not isinstance(value, list) or len(value) > MAX_VIA:
            self.err("via", f"expected a list of at most {MAX_VIA} poses", value)
            return ()
        poses = (self.pose(d, f"via[{i}]", None, named) for i, d in enumerate(value))
        return tuple(p for p in poses if p is not None)

    # ------------------------------------------------------------ the scene

    def camera(self, value: Any) -> Camera:
        if isinstance(value, str):
            try:
                return Camera(*VIEW_ANGLES[View(value)])
            except ValueError:
                pass
        elif isinstance(value, dict):
            self.unknown(value, {"yaw", "elevation"}, "view")
            yaw = self.real(value, "yaw", "view", low=-MAX_ANGLE, high=MAX_ANGLE, default=0.0)
            up = self.real(value, "elevation", "view", low=-90, high=90, default=0.0)
            return Camera(yaw, up)
        expected = 'expected "side", "front", "above" or {"yaw": degrees, "elevation": degrees}'
        self.err("view", expected, value)
        return Camera()

    def anchor(self, d: Any) -> Anchor:
        if not isinstance(d, dict):
            self.err("anchor", "expected a JSON object", d)
            return Anchor()
        self.unknown(d, {"point", "x", "y", "z"}, "anchor")
        point = d.get("point", "pelvis")
        if point not in POINT_NAMES:
            self.err("anchor.point", "expected a point name (see docs/figures.md)", point)
            point = "pelvis"
        x = self.real(d, "x", "anchor", low=-MAX_PLACE, high=MAX_PLACE, default=0)
        y = self.number(d, "y", "anchor", low=-MAX_PLACE, high=MAX_PLACE, default=None)
        z = self.number(d, "z", "anchor", low=-MAX_PLACE, high=MAX_PLACE, default=None)
        return Anchor(point, x, y, z)

    def props(self, value: Any) -> tuple[Prop, ...]:
        if not isinstance(value, list) or len(value) > MAX_PROPS:
            self.err("props", f"expected a list of at most {MAX_PROPS} props", value)
            return ()
        props = (self.prop(d, f"props[{i}]") for i, d in enumerate(value))
        return tuple(p for p in props if p is not None)

    def prop(self, d: Any, where: str) -> Prop | None:
        if not isinstance(d, dict):
            self.err(where, "expected a JSON object", d)
            return None
        try:
            kind = PropKind(d.get("type"))
        except ValueError:
            kinds = "expected " + ", ".join(f'"{k.value}"' for k in PropKind)
            self.err(f"{where}.type", kinds, d.get("type", ABSENT))
            return None
        if kind is PropKind.BAND:
            self.unknown(d, {"type", "from", "to"}, where)
            ends = (d.get("from"), d.get("to"))
            for key, end in zip(("from", "to"), ends, strict=True):
                if end not in POINT_NAMES:
                    point = d.get(key, ABSENT)
                    self.err(f"{where}.{key}", "expected a point name (see docs/figures.md)", point)
            if not all(e in POINT_NAMES for e in ends):
                return None
            return Prop(kind, ends=(str(ends[0]), str(ends[1])))
        self.unknown(d, {"type", "x", "y", "z", "size", "facing"}, where)
        place = {
            k: self.real(d, k, where, low=-MAX_PLACE, high=MAX_PLACE, default=0.0) for k in "xyz"
        }
        default = {
            PropKind.STEP: STEP_SIZE,
            PropKind.CHAIR: CHAIR_SIZE,
            PropKind.WALL: WALL_SIZE,
        }.get(kind, BOX_SIZE)
        size = self.size(d.get("size"), f"{where}.size", default)
        facing = d.get("facing", "right")
        if facing not in ("right", "left"):
            self.err(f"{where}.facing", 'expected "right" or "left"', facing)
        return Prop(kind, place["x"], place["y"], place["z"], size, -1 if facing == "left" else 1)

    def size(
        self, value: Any, where: str, default: tuple[float, float, float]
    ) -> tuple[float, float, float]:
        if value is None:
            return default
        ok = (
            isinstance(value, list)
            and len(value) == 3
            and all(_is_number(v) and 0 < v <= MAX_PLACE for v in value)
        )
        if not ok:
            sizes = f"expected [width, height, depth], each above 0 and up to {MAX_PLACE:g}"
            self.err(where, sizes, value)
            return default
        return (float(value[0]), float(value[1]), float(value[2]))

    # ------------------------------------------------------------ values

    def number(
        self,
        d: dict[str, Any],
        key: str,
        where: str,
        *,
        low: float,
        high: float,
        default: float | None,
    ) -> float | None:
        if key not in d:
            return default
        value = d[key]
        if not _is_number(value) or not low <= value <= high:
            path = f"{where}.{key}" if where else key
            self.err(path, f"expected a number from {low:g} to {high:g}", value)
            return default
        return float(value)

    def real(
        self, d: dict[str, Any], key: str, where: str, *, low: float, high: float, default: float
    ) -> float:
        value = self.number(d, key, where, low=low, high=high, default=default)
        return default if value is None else value

    def unknown(self, d: dict[str, Any], allowed: set[str], where: str) -> None:
        for key in d:
            if key not in allowed:
                path = f"{where}.{key}" if where else key
                self.err(path, "unknown field; expected one of " + ", ".join(sorted(allowed)))


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
