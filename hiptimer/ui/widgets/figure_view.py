"""The exercise figure on screen: a stick figure moving in time with the session, or a picture."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PySide6.QtCore import QElapsedTimer, QObject, QRectF, QSize, Qt, QTimerEvent
from PySide6.QtGui import (
    QAccessible,
    QAccessibleInterface,
    QColor,
    QFont,
    QHideEvent,
    QImage,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QShowEvent,
    QTextOption,
)
from PySide6.QtWidgets import QAccessibleWidget, QSizePolicy, QWidget

from hiptimer.core.figures.library import FigureLibrary
from hiptimer.core.figures.model import Figure, Pose
from hiptimer.core.figures.motion import Moment, Motion, advance, frame
from hiptimer.core.figures.scene import Scene, scene
from hiptimer.core.figures.scene import frame as framed
from hiptimer.core.routines.model import Exercise
from hiptimer.core.session.figure_moment import figure_moment
from hiptimer.core.session.steps import Side
from hiptimer.core.session.view import SessionView
from hiptimer.ui.theme import current
from hiptimer.ui.widgets.accessible_roles import install_role_factory
from hiptimer.ui.widgets.figure_art import Art, ArtShelf
from hiptimer.ui.widgets.figure_paint import (
    Colours,
    colours_for,
    paint_figure,
    paint_ground,
    paint_scene,
)
from hiptimer.ui.widgets.figure_said import figure_said

INSET = 4  # px around the drawing
FRAME_MS = 40  # 25 frames a second: smooth to the eye, light on a shared laptop
STALE_S = 1.0  # a session reports at least every 0.1 s while it runs; after this it has stopped


@dataclass(frozen=True)
class Shown:
    """What the view draws now, for tests and for the window's accessibility text."""

    kind: str  # "figure", "picture", "placeholder" or "nothing"
    pose: Pose | None = None
    mirrored: bool = False
    note: str = ""


class FigureView(QWidget):
    """Draws an exercise's figure in a pose, or the routine's own picture, scaled to fit.

    Between two reports from the session the figure moves on smoothly by itself, but never
    past the end of the phase it was told (the session says when the next one begins).

    A screen reader finds it as an image named by its exercise and described by the position
    it shows ("Figure: Bridge", "Holding the end position."), told again as that changes.

    Signals: none; it only shows what it is told.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        library: FigureLibrary | None = None,
        routine_path: str = "",
    ) -> None:
        install_role_factory(_as_image)  # before a reader asks about this view
        super().__init__(parent)
        self.setObjectName("figure")
        self._said: object = None  # what the name and description were last made from
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.shelf = ArtShelf(library, routine_path)
        self._exercise: Exercise | None = None
        self._art = Art()
        self._moment = Moment(Motion.PAUSE)
        self._since = QElapsedTimer()
        self._since.start()
        # A timer owned by the widget (startTimer), so it can never outlive it; it runs only
        # while the widget is visible, the figure moves and the session keeps reporting.
        self._frames = 0
        self._ground_pixmap = QPixmap()
        self._ground_key: object = None

    # ------------------------------------------------------------ what to show

    def set_routine_path(self, path: str) -> None:
        """The routine file that picture paths are relative to."""
        if path != self.shelf.routine_path:
            self.shelf = ArtShelf(self.shelf.library, path)

    def set_state(
        self,
        exercise: Exercise | None,
        phase: Motion | str,
        fraction: float,
        side: Side | None,
        *,
        phase_s: float = 0.0,
    ) -> None:
        """Show an exercise at a fraction (0-1) of a phase: lift, hold, lower, pause, held, demo.

        For a demonstration `fraction` is the part of one cycle. The left side is mirrored.
        A phase_s above 0 lets the figure move on by itself until the phase ends.
        """
        self._use(exercise)
        motion = Motion(phase)
        figure = self._art.figure
        clock_s = fraction * figure.demo_s if figure is not None and motion is Motion.DEMO else 0.0
        moment = Moment(
            motion,
            fraction=fraction,
            clock_s=clock_s,
            phase_s=phase_s,
            running=phase_s > 0,
            mirrored=side is Side.LEFT,
        )
        self.show_moment(exercise, moment)

    def show_view(self, view: SessionView) -> None:
        """Follow a session: the one call a screen makes on each of its updates."""
        exercise, moment = figure_moment(view)
        self.show_moment(exercise, moment)

    def show_moment(self, exercise: Exercise | None, moment: Moment) -> None:
        self._use(exercise)
        self._moment = moment
        name = exercise.name if exercise is not None else ""
        said = (_key(exercise), name, id(self._art), moment.motion, moment.mirrored)
        if said != self._said:  # a session reports ten times a second; a reader hears changes
            self._said = said
            name, description = figure_said(exercise, self._art, moment)
            self.setAccessibleName(name)
            self.setAccessibleDescription(description)
        self._since.start()
        self._keep_moving()
        self.update()

    @property
    def shown(self) -> Shown:
        """What is shown for the moment last reported (frames in between run a little ahead)."""
        art = self._art
        if art.figure is not None:
            pose, mirrored = frame(art.figure, self._moment)
            return Shown("figure", pose, mirrored)
        if art.image is not None or art.svg is not None:
            return Shown("picture")
        if art.note:
            return Shown("placeholder", note=art.note)
        return Shown("nothing")

    def aspect(self) -> float:
        """Width over height of what is drawn: the figure's frame, the picture (0: nothing)."""
        art = self._art
        if art.figure is not None:
            left, bottom, right, top = framed(art.figure, False)  # cached: as paintEvent frames it
            return (right - left) / max(1e-6, top - bottom)
        picture = art.picture_size
        return 0.0 if picture is None or picture.isEmpty() else picture.width() / picture.height()

    def drawn_height(self, size: QSize) -> float:
        """How tall the figure or picture is drawn in a view of `size` (0: nothing drawn)."""
        aspect = self.aspect()
        w, h = size.width() - 2 * INSET, size.height() - 2 * INSET
        return max(0.0, min(h, w / aspect)) if aspect else 0.0

    @property
    def animating(self) -> bool:
        """True while the figure moves on by itself between two reports."""
        return self._frames != 0

    def _use(self, exercise: Exercise | None) -> None:
        if _key(exercise) == _key(self._exercise):
            return
        self._exercise = exercise
        self._art = self.shelf.art_for(exercise) if exercise is not None else Art()
        if self.parentWidget() is not None:  # in a layout, give the room away when empty
            self.setVisible(not self._art.empty)

    # ------------------------------------------------------------ moving

    def _now(self) -> Moment:
        if not self.animating:
            return self._moment
        return advance(self._moment, min(STALE_S, self._since.elapsed() / 1000.0))

    def _moves(self, figure: Figure | None) -> bool:
        m = self._moment
        if figure is None or not m.running:
            return False
        if m.motion is Motion.HELD:
            return figure.loop_s is not None
        return m.motion is Motion.DEMO or (
            m.motion in (Motion.LIFT, Motion.LOWER) and m.phase_s > 0
        )

    def _keep_moving(self) -> None:
        if self._moves(self._art.figure) and self.isVisible():
            if not self._frames:
                self._frames = self.startTimer(FRAME_MS)
        else:
            self._stop_frames()

    def _stop_frames(self) -> None:
        if self._frames:
            self.killTimer(self._frames)
            self._frames = 0

    def timerEvent(self, event: QTimerEvent) -> None:
        if event.timerId() != self._frames:
            super().timerEvent(event)
            return
        if self._since.elapsed() / 1000.0 > STALE_S:  # the session stopped reporting
            self._moment = self._now()
            self._stop_frames()
        self.update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._keep_moving()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._stop_frames()  # nothing to see: no frames drawn for nobody

    # ------------------------------------------------------------ drawing

    def sizeHint(self) -> QSize:
        return QSize(320, 260)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, 60)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        box = QRectF(self.rect()).adjusted(INSET, INSET, -INSET, -INSET)
        art = self._art
        if art.figure is not None:
            pose, mirrored = frame(art.figure, self._now())
            shapes = scene(art.figure, pose, mirrored=mirrored)
            colours = colours_for(current())  # the theme's, as it is now
            painter.drawPixmap(0, 0, self._ground(art.figure, shapes, mirrored, box, colours))
            paint_figure(painter, shapes, box, colours)
        elif art.image is not None or art.svg is not None:
            art.draw_picture(painter, box)
        elif art.note:
            self._paint_note(painter, box, art.note)
        painter.end()

    def _ground(
        self, figure: Figure, shapes: Scene, mirrored: bool, box: QRectF, colours: Colours
    ) -> QPixmap:
        """The floor, drawn once per figure, side, size and theme (it never moves; the props are
        drawn with the body, which they may hide or be hidden by)."""
        ratio = self.devicePixelRatioF()
        key = (figure, mirrored, self.size(), ratio, colours)
        if self._ground_key != key:
            pixmap = QPixmap(self.size() * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            paint_ground(painter, shapes, box, colours)
            painter.end()
            self._ground_pixmap, self._ground_key = pixmap, key
        return self._ground_pixmap

    def _paint_note(self, painter: QPainter, box: QRectF, note: str) -> None:
        """A dashed empty frame where the picture would be, and one line saying which file."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        colours = colours_for(current())  # the theme's, as it is now
        pen = QPen(QColor(colours.note_frame), 3, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box.adjusted(2, 2, -2, -2), 12, 12)
        font = QFont(self.font())
        font.setPixelSize(max(12, min(26, int(box.height() / 9))))
        painter.setFont(font)
        painter.setPen(QColor(colours.note))
        # drawText never reads markup, so a file name shows exactly as written; a long path
        # breaks where it must, other words where they end.
        option = QTextOption(Qt.AlignmentFlag.AlignCenter)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        painter.drawText(box.adjusted(16, 16, -16, -16), note, option)


def _key(exercise: Exercise | None) -> tuple[str, str] | None:
    """Which art an exercise has: a dose change during a session keeps the same figure."""
    return None if exercise is None else (exercise.id, exercise.image)


def thumbnail(
    art: Art, width: int, height: int, ratio: float = 1.0, colours: Colours | None = None
) -> QImage | None:
    """A still picture of the art for a list: a figure's end pose (held, or the top of a rep),
    in `colours` (the theme's: colours_for)."""
    if art.figure is None:
        return _drawn(art, width, height, ratio, colours)
    # A copy that shares the pixels until one of them is painted on.
    return QImage(_figure_thumbnail(art.figure, width, height, ratio, colours))


# The library draws a routine's pictures at each choice (a figure file changed meanwhile must
# show), about 2 ms a figure: the same figure at the same size in the same colours is the same
# picture. A figure is its value (a changed file reads as another), so only the drawing is
# kept, not the reading. 24 KB each at 96 x 64: a few MB at most.
@functools.lru_cache(maxsize=256)
def _figure_thumbnail(
    figure: Figure, width: int, height: int, ratio: float, colours: Colours | None
) -> QImage:
    image = _drawn(Art(figure=figure), width, height, ratio, colours)
    assert image is not None  # a figure is always drawn
    return image


def _drawn(
    art: Art, width: int, height: int, ratio: float, colours: Colours | None
) -> QImage | None:
    if art.figure is None and art.image is None and art.svg is None:
        return None
    image = QImage(
        round(width * ratio), round(height * ratio), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    box = QRectF(0, 0, width, height)
    if art.figure is not None:
        paint_scene(painter, scene(art.figure, art.figure.end), box, colours)
    else:
        art.draw_picture(painter, box)
    painter.end()
    return image


def _as_image(_key: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt's accessibility factory: a figure is an image (AT-SPI's "image"), not a panel
    (https://doc.qt.io/qt-6/qaccessible.html#installFactory)."""
    if isinstance(obj, FigureView):
        return QAccessibleWidget(obj, QAccessible.Role.Graphic)
    return None
