"""A figure's props as the viewer sees them: the faces turned toward the viewer, and thin rods."""

from __future__ import annotations

import functools

from hiptimer.core.figures.kinematics import Mat, Vec, apply, view_matrix
from hiptimer.core.figures.model import Figure, Prop, PropKind
from hiptimer.core.figures.shapes import Face, Rod

SEAT = 3.0  # a chair seat's thickness
BACK = (2.0, 26.0)  # a chair back's thickness and height


Corners = list[Vec]


def _box_faces(x: float, y: float, z: float, size: tuple[float, float, float]) -> list[Corners]:
    w, h, d = size[0] / 2, size[1], size[2] / 2
    x0, x1, y0, y1, z0, z1 = x - w, x + w, y, y + h, z - d, z + d
    return [
        [(x0, y0, z1), (x1, y0, z1), (x1, y1, z1), (x0, y1, z1)],  # toward a side viewer
        [(x1, y0, z0), (x0, y0, z0), (x0, y1, z0), (x1, y1, z0)],
        [(x0, y1, z0), (x0, y1, z1), (x1, y1, z1), (x1, y1, z0)],  # top
        [(x0, y0, z0), (x1, y0, z0), (x1, y0, z1), (x0, y0, z1)],
        [(x1, y0, z1), (x1, y0, z0), (x1, y1, z0), (x1, y1, z1)],
        [(x0, y0, z0), (x0, y0, z1), (x0, y1, z1), (x0, y1, z0)],
    ]


def _prop_shapes(prop: Prop) -> tuple[list[list[Corners]], list[tuple[Vec, Vec]]]:
    """A prop's blocks, each its faces (corners counter-clockwise seen from outside), and its
    thin lines."""
    if prop.kind in (PropKind.BOX, PropKind.STEP, PropKind.WALL):
        return [_box_faces(prop.x, prop.y, prop.z, prop.size)], []
    if prop.kind is PropKind.CHAIR:
        w, h, d = prop.size
        seat = _box_faces(prop.x, prop.y + h - SEAT, prop.z, (w, SEAT, d))
        back_x = prop.x - prop.facing * (w / 2 - BACK[0] / 2)
        back = _box_faces(back_x, prop.y + h, prop.z, (BACK[0], BACK[1], d))
        legs = [
            (
                (prop.x + sx * (w / 2 - 2), prop.y + h - SEAT, prop.z + sz * (d / 2 - 2)),
                (prop.x + sx * (w / 2 - 2), prop.y, prop.z + sz * (d / 2 - 2)),
            )
            for sx in (-1, 1)
            for sz in (-1, 1)
        ]
        return [back, seat], legs
    return [], []


@functools.lru_cache(maxsize=64)  # the same in every frame of a figure
def prop_shapes(figure: Figure, mirrored: bool) -> tuple[tuple[Face, ...], tuple[Rod, ...]]:
    """The props' faces that face the viewer, farthest first, and their rods."""
    faces: list[Face] = []
    rods: list[Rod] = []
    m = view_matrix(figure.camera)
    blocks = 0
    for prop in figure.props:
        shapes, thin = _prop_shapes(prop)
        for block in shapes:
            blocks += 1
            for corners in block:
                face = _face([_seen(m, v, mirrored) for v in corners], mirrored, blocks)
                if face is not None:
                    faces.append(face)
        for a, b in thin:
            sa, sb = _seen(m, a, mirrored), _seen(m, b, mirrored)
            rods.append(Rod(sa[:2], sb[:2], sa[2], sb[2]))
    faces.sort(key=lambda f: f.depth)
    return tuple(faces), tuple(rods)


def _seen(m: Mat, v: Vec, mirrored: bool) -> Vec:
    x, y, z = apply(m, v)
    return (-x if mirrored else x, y, z)


def _face(seen: list[Vec], mirrored: bool, block: int) -> Face | None:
    """The face, or None when its outside points away from the viewer (or it is edge-on)."""
    (ax, ay, az), (bx, by, bz), (cx, cy, cz) = seen[0], seen[1], seen[2]
    u, v = (bx - ax, by - ay, bz - az), (cx - ax, cy - ay, cz - az)
    normal = (u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0])
    if mirrored:  # a mirror turns the corners' order round, and with it the normal
        normal = (-normal[0], -normal[1], -normal[2])
    if normal[2] <= 1e-6:
        return None
    depth = sum(p[2] for p in seen) / len(seen)
    return Face(tuple((p[0], p[1]) for p in seen), depth, normal, seen[0], block)
