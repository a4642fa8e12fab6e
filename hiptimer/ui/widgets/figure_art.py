"""What stands for an exercise on screen: its figure, the routine's own picture, or a note why not.

Pictures are decoded once per file, with Qt's readers, from bytes read by the core (size-limited,
regular files only); an SVG is drawn by QSvgRenderer only after the core found nothing in it
that points outside the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer, QtSvg

from hiptimer.core.figures.images import ImageKind, ImageProblem, read_image
from hiptimer.core.figures.library import FigureLibrary
from hiptimer.core.figures.model import Figure
from hiptimer.core.routines.direction_marks import closed
from hiptimer.core.routines.ladder import variant_id
from hiptimer.core.routines.model import Exercise
from hiptimer.core.routines.pictures import image_path
from hiptimer.i18n import _

MAX_PICTURE_MB = 128  # decoded size; a 5 MiB PNG can claim gigabytes
SCALE_DOWN_TO = 1600  # pixels on the longer side: enough for a full-screen panel


@dataclass(frozen=True)
class Art:
    """One exercise's art: a figure, a picture, or (neither) a note saying what went wrong.

    A blank note with neither means there is simply nothing to show.
    """

    figure: Figure | None = None
    image: QImage | None = None
    svg: QSvgRenderer | None = None
    note: str = ""

    @property
    def empty(self) -> bool:
        return self.figure is None and self.image is None and self.svg is None and not self.note

    @property
    def picture_size(self) -> QSize | None:
        if self.image is not None:
            return self.image.size()
        if self.svg is not None:
            return self.svg.defaultSize()
        return None

    def draw_picture(self, painter: QPainter, box: QRectF) -> None:
        """The picture, as large as fits the box without changing its shape, centred."""
        size = self.picture_size
        if size is None or size.isEmpty():
            return
        scale = min(box.width() / size.width(), box.height() / size.height())
        w, h = size.width() * scale, size.height() * scale
        target = QRectF(box.center().x() - w / 2, box.center().y() - h / 2, w, h)
        if self.image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(target, self.image)
        elif self.svg is not None:
            self.svg.render(painter, target)


class ArtShelf:
    """Finds and keeps each exercise's art, so a file is read and decoded once."""

    def __init__(self, library: FigureLibrary | None = None, routine_path: str = "") -> None:
        self.library = library or FigureLibrary()
        self.routine_path = routine_path
        self._kept: dict[tuple[str, str], Art] = {}

    def art_for(self, exercise: Exercise) -> Art:
        key = (variant_id(exercise), exercise.image)
        if key not in self._kept:
            self._kept[key] = self._find(exercise)
        return self._kept[key]

    def _find(self, exercise: Exercise) -> Art:
        if exercise.image:
            return picture_art(self.routine_path, exercise.image)
        # A harder variant (a ladder's rung) has its own figure; else the exercise's shows.
        found = self.library.find(variant_id(exercise))
        if found.figure is None and not found.problem:
            found = self.library.find(exercise.id)
        if found.figure is not None:
            return Art(figure=found.figure)
        if not found.problem:
            return Art()
        return Art(note=_("Figure not shown: {problem}").format(problem=found.problem))


def picture_art(routine_path: str, image: str) -> Art:
    """The routine's picture, or a note naming the file and what is wrong with it."""
    if not routine_path:
        return _not_shown(image, _("the routine is not saved in a folder"))
    try:
        file = read_image(image_path(routine_path, image))
    except ImageProblem as exc:
        return _not_shown(image, str(exc))
    if file.kind is ImageKind.SVG:
        svg = QSvgRenderer()
        svg.setOptions(QtSvg.Option.DisableAnimations)
        if svg.load(QByteArray(file.data)) and not svg.defaultSize().isEmpty():
            return Art(svg=svg)
        return _not_shown(image, _("not an SVG picture HipTimer can draw"))
    decoded = _decode(file.data)
    if decoded is None:
        return _not_shown(image, _("the {kind} is damaged").format(kind=file.kind.value.upper()))
    return Art(image=decoded)


def _not_shown(image: str, problem: str) -> Art:
    """The note in a picture's place: which file, and what is wrong with it."""
    # Translators: {file} is the picture's path as the routine gives it.
    note = _("Picture not shown: {file} ({problem})")
    # The path is the routine's, its direction marks closed so that none runs on into ours.
    return Art(note=note.format(file=closed(image), problem=problem))


def _decode(data: bytes) -> QImage | None:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAllocationLimit(MAX_PICTURE_MB)
    reader.setAutoTransform(True)  # a phone photo's orientation tag
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > SCALE_DOWN_TO:
        reader.setScaledSize(
            size.scaled(SCALE_DOWN_TO, SCALE_DOWN_TO, Qt.AspectRatioMode.KeepAspectRatio)
        )
    image = reader.read()
    return None if image.isNull() else image
