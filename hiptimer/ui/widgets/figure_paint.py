"""Painting a figure's scene with QPainter: thick, round, high-contrast lines, light on a dark
page and dark on a light one; props see-through to the page but hiding what is behind them."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPolygonF

from hiptimer.core.figures.kinematics import LIMB_WIDTH, NOSE_WIDTH, TRUNK_WIDTH
from hiptimer.core.figures.scene import RING_R, Scene
from hiptimer.core.figures.shapes import Face, Head, Ink, Line, Point, Rod
from hiptimer.ui.palette import HIGH_CONTRAST, Palette

# Line widths in figure units (a figure is about 100 units tall); the body's are the core's,
# which rests the body on the floor by their edges.
LIMB = LIMB_WIDTH
TRUNK = TRUNK_WIDTH
FAR_LIMB = 4.0
PROP_EDGE = 1.2
BAND = 2.2
RING = 1.6
MIN_PX = 2.5  # no line thinner than this many pixels, however small the box


@dataclass(frozen=True)
class Colours:
    """White body, dimmer far side, yellow for what moves: all read on every phase's colour."""

    near: str = "#FFFFFF"
    far: str = "#AEBBC5"
    moving: str = "#FFD54F"
    far_moving: str = "#C9A63A"
    prop_fill: str = "#33FFFFFF"
    prop_edge: str = "#B3C8D3DC"
    floor: str = "#C8D3DC"
    floor_fill: str = "#26FFFFFF"
    band: str = "#FF8A65"
    ring: str = "#FFD54F"
    face: str = "#1F2A33"
    note: str = "#FFD54F"  # the words where a picture is missing (figure_view), and
    note_frame: str = "#C8D3DC"  # the dashed frame around them


# The same parts in dark inks, for the light theme's white lists and pale phase tints, where
# the white body all but vanished: near nearly black, far and the props grey, what moves in
# amber (yellow does not read on white). Each ink reads at 3:1 or more on every light page and
# phase colour, the body at 4.5:1, and so does the note where a picture is missing (its words in
# the look's warning brown at 4.5:1, its frame in the fields' grey at 3:1; they were pale yellow
# and light grey) (tests/ui/test_palette.py). The props' edges are solid, at 3:1 too (a
# see-through grey drew them at 2.4:1).
ON_LIGHT = Colours(
    near="#111820", far="#6B7A86", moving="#A34E00", far_moving="#B8782A",
    prop_fill="#261F2A33", prop_edge="#5A6B78", floor="#8A98A3", floor_fill="#1F1F2A33",
    band="#C2410C", ring="#A34E00", face="#FFFFFF", note="#7A4200", note_frame="#5A6B78",
)  # fmt: skip

# High contrast, on black: the props in solid white edges over a lighter face (the dark look's
# see-through grey drew the hip flexor release's cushion as a faint dark slab).
ON_BLACK = Colours(prop_fill="#66FFFFFF", prop_edge="#FFFFFF")

INKS = {Ink.NEAR: "near", Ink.FAR: "far", Ink.MOVING: "moving", Ink.FAR_MOVING: "far_moving"}


def colours_for(look: Palette) -> Colours:
    """The figure's colours on a page of the look: dark, light or high contrast."""
    if look is HIGH_CONTRAST:
        return ON_BLACK
    return Colours() if look.dark else ON_LIGHT


class _Fit:
    """Figure units (y up) to pixels in a box, keeping the aspect and centring."""

    def __init__(self, bounds: tuple[float, float, float, float], box: QRectF) -> None:
        left, bottom, right, top = bounds
        width, height = max(1e-6, right - left), max(1e-6, top - bottom)
        self.scale = min(box.width() / width, box.height() / height)
        self.x0 = box.center().x() - (left + right) / 2 * self.scale
        self.y0 = box.center().y() + (bottom + top) / 2 * self.scale

    def at(self, p: Point) -> QPointF:
        return QPointF(self.x0 + p[0] * self.scale, self.y0 - p[1] * self.scale)

    def px(self, units: float) -> float:
        return max(MIN_PX, units * self.scale)


def paint_scene(
    painter: QPainter, scene: Scene, box: QRectF, colours: Colours | None = None
) -> None:
    """Draw the floor, then the props and the body back to front, then bands and rings."""
    paint_ground(painter, scene, box, colours)
    paint_figure(painter, scene, box, colours)


def paint_ground(
    painter: QPainter, scene: Scene, box: QRectF, colours: Colours | None = None
) -> None:
    """The floor: the same in every frame of a figure, so a view may keep it."""
    c = colours or Colours()
    fit = _Fit(scene.bounds, box)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setClipRect(box)
    _floor(painter, fit, scene, c)
    painter.restore()


def paint_figure(
    painter: QPainter, scene: Scene, box: QRectF, colours: Colours | None = None
) -> None:
    """The props and the body back to front, then the bands and the rings.

    With props they are drawn on a layer of their own, where a prop's face replaces what is
    under it (CompositionMode_Source): its see-through fill then shows the page and the
    floor, not a limb or prop behind it. The layer goes over the page as usual. A figure
    without props needs no layer (and most have none: it saves a third of a frame's time).
    """
    c = colours or Colours()
    if not any(isinstance(shape, Face) for shape in scene.shapes):
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setClipRect(box)
        _shapes(painter, _Fit(scene.bounds, box), scene, c)
        painter.restore()
        return
    ratio = painter.device().devicePixelRatioF()
    layer = QImage(
        math.ceil(box.width() * ratio),
        math.ceil(box.height() * ratio),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    layer.setDevicePixelRatio(ratio)
    layer.fill(Qt.GlobalColor.transparent)
    on_layer = QPainter(layer)
    on_layer.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    on_layer.translate(-box.topLeft())
    _shapes(on_layer, _Fit(scene.bounds, box), scene, c)
    on_layer.end()
    painter.drawImage(box.topLeft(), layer)


def _shapes(painter: QPainter, fit: _Fit, scene: Scene, c: Colours) -> None:
    for shape in scene.shapes:
        if isinstance(shape, Face):
            _face(painter, fit, shape, c)
        elif isinstance(shape, Rod):
            painter.setPen(_pen(c.prop_edge, fit.px(PROP_EDGE)))
            painter.drawLine(fit.at(shape.a), fit.at(shape.b))
        elif isinstance(shape, Head):
            _head(painter, fit, shape, c)
        else:
            _line(painter, fit, shape, c)
    painter.setPen(_pen(c.band, fit.px(BAND)))
    for a, b in scene.bands:
        painter.drawLine(fit.at(a), fit.at(b))
    painter.setPen(_pen(c.ring, fit.px(RING)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for centre in scene.rings:
        painter.drawEllipse(fit.at(centre), RING_R * fit.scale, RING_R * fit.scale)


def _pen(colour: str, width: float) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _floor(painter: QPainter, fit: _Fit, scene: Scene, c: Colours) -> None:
    """Seen from the side the floor is a line; from above, a mat with no edges to misread."""
    outline = QPolygonF([fit.at(p) for p in scene.floor])
    if outline.boundingRect().height() < fit.px(1.5):
        painter.setPen(_pen(c.floor, fit.px(1.5)))
        painter.drawLine(outline.boundingRect().bottomLeft(), outline.boundingRect().bottomRight())
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(c.floor_fill)))
    painter.drawPolygon(outline)


def _face(painter: QPainter, fit: _Fit, face: Face, c: Colours) -> None:
    outline = QPolygonF([fit.at(p) for p in face.outline])
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(c.prop_fill)))
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    painter.drawPolygon(outline)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
    painter.setPen(_pen(c.prop_edge, fit.px(PROP_EDGE)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolygon(outline)


def _line(painter: QPainter, fit: _Fit, line: Line, c: Colours) -> None:
    far = line.ink in (Ink.FAR, Ink.FAR_MOVING)
    width = TRUNK if line.trunk else FAR_LIMB if far else LIMB
    painter.setPen(_pen(getattr(c, INKS[line.ink]), fit.px(width)))
    painter.drawLine(fit.at(line.a), fit.at(line.b))


def _head(painter: QPainter, fit: _Fit, head: Head, c: Colours) -> None:
    colour = getattr(c, INKS[head.ink])
    painter.setPen(_pen(colour, fit.px(NOSE_WIDTH)))
    painter.drawLine(fit.at(head.centre), fit.at(head.nose))
    painter.setBrush(QBrush(QColor(colour)))
    # The outline, drawn with the nose's pen, is part of the head's radius (the core rests the
    # head by it): the disc is drawn that much smaller.
    r = (head.radius - NOSE_WIDTH / 2) * fit.scale
    painter.drawEllipse(fit.at(head.centre), r, r)
