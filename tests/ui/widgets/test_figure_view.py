"""The figure view: the pose per tempo phase, mirrored for the left side, pictures and notes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hiptimer import paths
from hiptimer.core.figures.library import FigureLibrary
from hiptimer.core.figures.model import Figure
from hiptimer.core.figures.motion import Motion, pose_at
from hiptimer.core.routines.catalog import load_catalog
from hiptimer.core.routines.model import Exercise, SideMode, Tempo
from hiptimer.core.session.steps import Side
from hiptimer.ui.widgets.figure_art import Art, ArtShelf
from hiptimer.ui.widgets.figure_paint import ON_LIGHT
from hiptimer.ui.widgets.figure_view import FigureView, thumbnail
from tests.harness import hold, reps

BRIDGE = reps("bridge", 8, tempo=Tempo(2, 1, 3))
STRETCH = hold("hamstring-stretch", 60, sides=SideMode.EACH)
RED = QColor("#FF0000")


def bridge_figure() -> Figure:
    found = FigureLibrary().find("bridge").figure
    assert found is not None
    return found


class Box(QWidget):
    """A window holding one figure view, as a page's layout does."""

    def __init__(self, routine_path: str) -> None:
        super().__init__()
        self.view = FigureView(self, routine_path=routine_path)
        QVBoxLayout(self).addWidget(self.view)
        # A fixed minimum: one that follows the layout makes the offscreen platform warn.
        self.setMinimumSize(400, 300)
        self.resize(400, 300)


@pytest.fixture
def make(qtbot: QtBot) -> Callable[..., FigureView]:
    boxes: list[Box] = []

    def factory(routine_path: str = "") -> FigureView:
        box = Box(routine_path)
        qtbot.addWidget(box)
        box.show()
        boxes.append(box)
        return box.view

    return factory


def bright_x(view: FigureView) -> float:
    """The mean x of the near-white pixels the view drew, as a share of its width."""
    image = view.grab().toImage()
    xs = [
        x
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if QColor(image.pixel(x, y)).lightness() > 240
    ]
    assert xs, "the view drew nothing"
    return sum(xs) / len(xs) / image.width()


@pytest.mark.parametrize(
    ("phase", "fraction"),
    [
        (Motion.LIFT, 0.0),
        (Motion.LIFT, 0.25),
        (Motion.LIFT, 0.8),
        (Motion.HOLD, 0.5),
        (Motion.LOWER, 0.1),
        (Motion.LOWER, 0.9),
        (Motion.PAUSE, 0.0),
    ],
)
def test_the_figure_follows_each_tempo_phase(
    make: Callable[..., FigureView], phase: Motion, fraction: float
) -> None:
    view = make()
    view.set_state(BRIDGE, phase.value, fraction, None)
    shown = view.shown
    assert shown.kind == "figure" and not shown.mirrored
    assert shown.pose == pose_at(bridge_figure(), phase, fraction)


def test_lift_and_lower_pass_through_the_same_poses_in_opposite_order(
    make: Callable[..., FigureView],
) -> None:
    view = make()
    view.set_state(BRIDGE, "lift", 0.3, None)
    lifting = view.shown.pose
    view.set_state(BRIDGE, "lower", 0.7, None)
    lowering = view.shown.pose
    assert lifting is not None and lowering is not None
    assert lowering.right_leg.hip == pytest.approx(lifting.right_leg.hip)
    assert lowering.body.pitch == pytest.approx(lifting.body.pitch)
    fig = bridge_figure()
    view.set_state(BRIDGE, "hold", 0.0, None)
    assert view.shown.pose == fig.end
    view.set_state(BRIDGE, "pause", 0.0, None)
    assert view.shown.pose == fig.start


def test_the_left_side_is_drawn_mirrored(make: Callable[..., FigureView]) -> None:
    view = make()
    view.set_state(STRETCH, "held", 0.0, Side.RIGHT)
    right = view.shown
    right_x = bright_x(view)
    view.set_state(STRETCH, "held", 0.0, Side.LEFT)
    left = view.shown
    assert (right.mirrored, left.mirrored) == (False, True)
    assert left.pose == right.pose
    assert bright_x(view) == pytest.approx(1 - right_x, abs=0.03)


def test_a_hold_shows_its_held_pose_and_stands_still(make: Callable[..., FigureView]) -> None:
    view = make()
    view.set_state(STRETCH, "held", 0.0, Side.RIGHT, phase_s=60)
    found = FigureLibrary().find("hamstring-stretch").figure
    assert found is not None and view.shown.pose == found.end
    assert not view.animating


def test_the_figure_moves_by_itself_only_while_shown_and_moving(
    make: Callable[..., FigureView],
) -> None:
    view = make()
    view.set_state(BRIDGE, "lift", 0.2, None, phase_s=2.0)
    assert view.animating
    view.set_state(BRIDGE, "lift", 0.2, None)  # paused: no phase length to move through
    assert not view.animating
    view.set_state(BRIDGE, "hold", 0.2, None, phase_s=1.0)
    assert not view.animating
    view.set_state(BRIDGE, "demo", 0.2, None, phase_s=4.0)
    assert view.animating
    view.parentWidget().hide()  # type: ignore[union-attr]
    assert not view.animating


def test_an_exercise_without_a_figure_gives_its_room_away(make: Callable[..., FigureView]) -> None:
    view = make()
    view.set_state(reps("my-own-exercise", 5), "lift", 0.5, None)
    assert view.shown.kind == "nothing"
    assert not view.isVisible()
    view.set_state(BRIDGE, "lift", 0.5, None)
    assert view.isVisible()


def solid_png(path: Path, colour: QColor) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(colour)
    assert image.save(str(path))  # PNG, from the suffix


def with_image(image: str) -> Exercise:
    return reps("bridge", 8, tempo=Tempo(2, 1, 3), image=image)


def centre(view: FigureView) -> QColor:
    image = view.grab().toImage()
    return QColor(image.pixel(image.width() // 2, image.height() // 2))


def test_the_routines_own_picture_replaces_the_figure(
    make: Callable[..., FigureView], tmp_path: Path
) -> None:
    solid_png(tmp_path / "pics" / "bridge.png", RED)
    view = make(str(tmp_path / "mine.json"))
    view.set_state(with_image("pics/bridge.png"), "lift", 0.5, Side.LEFT)
    assert view.shown.kind == "picture"
    assert centre(view) == RED
    assert not view.animating  # a picture is shown as it is


def test_an_svg_picture_is_drawn(make: Callable[..., FigureView], tmp_path: Path) -> None:
    (tmp_path / "bridge.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30">'
        '<rect width="40" height="30" fill="#FF0000"/></svg>',
        encoding="utf-8",
    )
    view = make(str(tmp_path / "mine.json"))
    view.set_state(with_image("bridge.svg"), "hold", 0.0, None)
    assert view.shown.kind == "picture"
    assert centre(view) == RED


@pytest.mark.parametrize(
    ("image", "write", "reason"),
    [
        ("pics/gone.png", None, "file not found"),
        ("broken.png", b"\x89PNG\r\n\x1a\nnot really a picture", "the PNG is damaged"),
        ("notes.png", b"just some text", "not a PNG, JPEG or SVG picture"),
        (
            "linked.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/x.png"/></svg>',
            "refers to another file",
        ),
    ],
)
def test_a_missing_or_broken_picture_shows_a_placeholder_naming_the_file(
    make: Callable[..., FigureView], tmp_path: Path, image: str, write: bytes | None, reason: str
) -> None:
    if write is not None:
        (tmp_path / image).write_bytes(write)
    view = make(str(tmp_path / "mine.json"))
    view.set_state(with_image(image), "lift", 0.5, None)
    shown = view.shown
    assert shown.kind == "placeholder"
    assert shown.note.startswith(f"Picture not shown: {image} (")
    assert reason in shown.note
    assert view.isVisible()
    assert not view.grab().toImage().isNull()  # it paints, and nothing was raised


def test_the_missing_pictures_note_stands_out_in_the_light_look_and_the_dark(
    make: Callable[..., FigureView], tmp_path: Path, qapp: QApplication
) -> None:
    # The light look drew the note pale yellow in a light-grey frame: no pixel at 4.5:1 on
    # its pale phase tints.
    view = make(str(tmp_path / "mine.json"))
    view.set_state(with_image("pics/gone.png"), "lift", 0.5, None)
    assert view.shown.kind == "placeholder"
    assert_it_stands_out(view, qapp, step=2, at_least=150)


def test_a_broken_figure_file_of_yours_shows_a_placeholder_naming_it(
    make: Callable[..., FigureView],
) -> None:
    folder = paths.data_dir() / "figures"
    folder.mkdir(parents=True)
    (folder / "bridge.json").write_text('{"format": "hiptimer-figure"}', encoding="utf-8")
    view = make()
    view.set_state(BRIDGE, "lift", 0.5, None)
    assert view.shown.kind == "placeholder"
    assert view.shown.note.startswith(f"Figure not shown: {folder / 'bridge.json'}: ")


def test_a_thumbnail_shows_the_held_pose(make: Callable[..., FigureView], tmp_path: Path) -> None:
    shelf = ArtShelf(routine_path=str(tmp_path / "mine.json"))
    image = thumbnail(shelf.art_for(BRIDGE), 96, 64, 2.0)
    assert image is not None and (image.width(), image.height()) == (192, 128)
    assert thumbnail(shelf.art_for(reps("nobody-drew-this", 3)), 96, 64) is None
    assert thumbnail(shelf.art_for(with_image("gone.png")), 96, 64) is None


def test_a_thumbnail_is_drawn_once_for_a_figure_size_and_colours(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The library draws a routine's thumbnails at each choice, about 2 ms a figure: a figure
    # read again from an unchanged file is the same picture, one changed since is drawn anew.
    from hiptimer.ui.widgets import figure_view

    painted: list[object] = []
    paint = figure_view.paint_scene

    def counted(*args: Any) -> None:
        painted.append(args[1])
        paint(*args)

    monkeypatch.setattr(figure_view, "paint_scene", counted)
    figure = replace(bridge_figure(), id=f"thumbnail-{uuid4()}")  # drawn by no other test
    first = thumbnail(Art(figure=figure), 96, 64)
    again = thumbnail(Art(figure=replace(figure)), 96, 64)  # the file read again
    assert len(painted) == 1
    assert first is not None and again is not None and first == again
    moved = replace(figure, end=replace(figure.end, neck=figure.end.neck + 30))
    assert thumbnail(Art(figure=moved), 96, 64) != first  # the file changed
    thumbnail(Art(figure=figure), 96, 64, 2.0)
    thumbnail(Art(figure=figure), 96, 64, 1.0, ON_LIGHT)
    assert len(painted) == 4
    painter = QPainter(first)  # a picture handed out and painted on leaves the kept one
    painter.fillRect(0, 0, 96, 64, RED)
    painter.end()
    assert thumbnail(Art(figure=figure), 96, 64) == again != first
    assert len(painted) == 4


def test_a_harder_variant_shows_its_own_figure_and_the_first_rung_the_exercises() -> None:
    # hip-strengthening's bridge has a single-leg bridge rung; each has its own figure file.
    bridge = load_catalog().find("hip-strengthening").exercise("bridge")
    assert bridge.ladder, "the built-in bridge has a ladder"
    library = FigureLibrary()
    shelf = ArtShelf(library)
    first = shelf.art_for(bridge).figure
    harder = shelf.art_for(replace(bridge, rung=1)).figure
    assert first == library.find("bridge").figure
    assert harder == library.find("single-leg-bridge").figure
    assert harder is not None and harder != first


def test_the_figure_is_drawn_in_dark_lines_in_the_light_look(
    make: Callable[..., FigureView], qapp: QApplication
) -> None:
    # On the light look's pale phase tints the white body was all but gone.
    view = make()
    view.set_state(STRETCH, Motion.HELD, 1.0, Side.RIGHT)
    assert_it_stands_out(view, qapp, step=4, at_least=40)


def assert_it_stands_out(view: FigureView, qapp: QApplication, *, step: int, at_least: int) -> None:
    """More than `at_least` of the view's pixels (every `step`th) stand out at 4.5:1 from each
    phase's colour, in the light look and the dark."""
    from hiptimer.ui import theme
    from hiptimer.ui.palette import DARK, LIGHT
    from tests.ui.strong_pixels import strong_pixels

    font, sheet = qapp.font(), qapp.styleSheet()  # put back as found: later tests measure text
    try:
        for look in (LIGHT, DARK):
            theme.apply(qapp, look.name, 100)
            image = QImage(view.size(), QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(0)
            view.render(image)
            for phase, style in look.phases.items():
                assert strong_pixels(image, style.background, step) > at_least, (look.name, phase)
    finally:
        theme.use(DARK, 100)
        qapp.setStyleSheet(sheet)
        qapp.setFont(font)


def test_a_picture_s_name_with_an_override_left_open_keeps_our_words_in_their_direction(
    make: Callable[..., FigureView], tmp_path: Path
) -> None:
    """The library read "Picture not shown: pics/(dnuof ton elif) gnp.png-live": the RLO a
    routine may have in its image path ran on into our words after it."""
    image = "pics/\u202eevil-gnp.png"
    view = make(str(tmp_path / "mine.json"))
    view.set_state(with_image(image), "lift", 0.5, None)
    assert view.shown.note == f"Picture not shown: {image}\u202c (file not found)"
