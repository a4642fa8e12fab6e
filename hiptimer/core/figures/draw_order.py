"""The painter's order of a figure and its props: farthest first, so what is nearer covers it.

The body's lines come in order of depth. A prop's face is a large flat shape, so the depth of
its middle says little about a limb beside it; instead a limb that is on the viewer's side of
the face's plane where the two overlap on screen is drawn after the face, and one on the far
side before it (a shin behind a box is hidden by it, a hand in front of a chair's seat is
drawn over it). Only shapes that overlap on screen need an order between them.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from hiptimer.core.figures.kinematics import Vec
from hiptimer.core.figures.shapes import Face, Head, Line, Point, Rod, Shape

PAD = 3.5  # half the thickest line, and a little: shapes closer than this touch on screen
Box = tuple[float, float, float, float]


def draw_order(
    body: Sequence[Line | Head], faces: Sequence[Face], rods: Sequence[Rod]
) -> tuple[Shape, ...]:
    """Every shape, farthest first: `body` keeps its order, `faces` and `rods` are put in it."""
    if not faces and not rods:  # most figures: the body is in order already
        return tuple(body)
    shapes: list[Shape] = sorted([*body, *faces, *rods], key=lambda s: s.depth)  # stable
    boxes = [_box(s) for s in shapes]
    after: list[list[int]] = [[] for _ in shapes]  # after[i]: the shapes drawn over shape i
    waiting = [0] * len(shapes)
    for i, s in enumerate(shapes):
        for j in range(i + 1, len(shapes)):
            t = shapes[j]
            if not _touch(boxes[i], boxes[j]) or _one_block(s, t):
                continue
            first, then = (j, i) if _covers(s, t) else (i, j)
            after[first].append(then)
            waiting[then] += 1
    return tuple(shapes[i] for i in _in_order(after, waiting))


def _in_order(after: list[list[int]], waiting: list[int]) -> list[int]:
    """A topological order, the farthest ready shape first; a cycle (shapes each over the
    next, all the way round) is broken at its farthest shape."""
    ready = [i for i, n in enumerate(waiting) if n == 0]
    heapq.heapify(ready)
    done = [False] * len(waiting)
    order: list[int] = []
    while len(order) < len(waiting):
        if not ready:
            ready = [done.index(False)]
        i = heapq.heappop(ready)
        if done[i]:
            continue
        done[i] = True
        order.append(i)
        for j in after[i]:
            waiting[j] -= 1
            if waiting[j] == 0 and not done[j]:
                heapq.heappush(ready, j)
    return order


def _covers(s: Shape, t: Shape) -> bool:
    """True when s, the farther by depth, is still drawn over t where they overlap."""
    if isinstance(t, Face):
        return _on_viewers_side(s, t)
    if isinstance(s, Face):
        return not _on_viewers_side(t, s)
    return False


def _on_viewers_side(s: Shape, face: Face) -> bool:
    """True when s, where it overlaps the face on screen, is on the viewer's side of its plane."""
    x, y, depth = _where(s, face)
    (nx, ny, nz), (fx, fy, fz) = face.normal, face.through
    return nx * (x - fx) + ny * (y - fy) + nz * (depth - fz) > 0


def _where(s: Shape, face: Face) -> Vec:
    """The point of s (x, y, depth) to hold against the face: for a line, the middle of its
    part over the face (a thigh beside a box can reach over it only near the knee), else the
    point nearest the face's middle; for a head or another face, its middle."""
    if isinstance(s, Head):
        return (*s.centre, s.depth)
    if isinstance(s, Face):
        return (*_centre(s.outline), s.depth)
    inside = _clip(s.a, s.b, face.outline)
    t = (inside[0] + inside[1]) / 2 if inside else _nearest(s.a, s.b, _centre(face.outline))
    return (
        s.a[0] + t * (s.b[0] - s.a[0]),
        s.a[1] + t * (s.b[1] - s.a[1]),
        s.depth_a + t * (s.depth_b - s.depth_a),
    )


def _centre(outline: tuple[Point, ...]) -> Point:
    n = len(outline)
    return (sum(p[0] for p in outline) / n, sum(p[1] for p in outline) / n)


def _nearest(a: Point, b: Point, p: Point) -> float:
    """The fraction along a-b of the point nearest p."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return 0.0
    return min(1.0, max(0.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))


def _clip(a: Point, b: Point, outline: tuple[Point, ...]) -> tuple[float, float] | None:
    """The fractions along a-b where it enters and leaves a convex outline (Cyrus-Beck), or
    None when it misses it."""
    n = len(outline)
    turn = _cross(outline[0], outline[1], outline[2])
    sign = 1.0 if turn > 0 else -1.0  # a mirrored face runs the other way round
    lo, hi = 0.0, 1.0
    for i in range(n):
        p, q = outline[i], outline[(i + 1) % n]
        start = sign * _cross(p, q, a)  # > 0: a is on the inner side of this edge
        change = sign * _cross(p, q, b) - start
        if change == 0:
            if start < 0:
                return None
        elif change > 0:
            lo = max(lo, -start / change)
        else:
            hi = min(hi, -start / change)
        if lo > hi:
            return None
    return lo, hi


def _cross(p: Point, q: Point, r: Point) -> float:
    return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])


def _one_block(s: Shape, t: Shape) -> bool:
    return isinstance(s, Face) and isinstance(t, Face) and s.block == t.block


def _box(s: Shape) -> Box:
    """(left, bottom, right, top) of a shape on screen, widened by the lines' thickness."""
    if isinstance(s, Head):
        (x, y), r = s.centre, s.radius
        points: list[Point] = [(x - r, y - r), (x + r, y + r), s.nose]
    elif isinstance(s, Face):
        points = list(s.outline)
    else:
        points = [s.a, s.b]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs) - PAD, min(ys) - PAD, max(xs) + PAD, max(ys) + PAD


def _touch(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]
