"""The exercise figure on the workout screen: shown in get-ready, sets and rests, in time."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.figures.library import FigureLibrary, builtin_figures_dir
from hiptimer.core.figures.model import Figure
from hiptimer.core.figures.motion import Motion, along, pose_at
from hiptimer.core.figures.scene import RING_R, frame, scene
from hiptimer.core.figures.shapes import Face, Head
from hiptimer.core.routines.model import Routine, SideMode, Tempo
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.session.workout_page import WorkoutPage
from hiptimer.ui.widgets.figure_paint import LIMB, RING, TRUNK
from tests.harness import hold, reps, routine
from tests.ui.sessions import (
    DriverOnFakeClock,
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.usefixtures("no_timer_left")

BRIDGE = reps("bridge", 2, tempo=Tempo(lift_s=2, hold_s=1, lower_s=3))
STRETCH = hold("hamstring-stretch", 10, sides=SideMode.EACH)


def figure(exercise_id: str) -> Figure:
    found = FigureLibrary().find(exercise_id).figure
    assert found is not None
    return found


class Page(DriverOnFakeClock):
    def __init__(self, qtbot: QtBot, r: Routine) -> None:
        super().__init__(r)
        self.page = WorkoutPage(self.driver, muted=True)
        qtbot.addWidget(self.page)
        self.page.setMinimumSize(640, 480)
        self.page.resize(1280, 760)
        self.page.show()


@pytest.fixture
def make(qtbot: QtBot) -> Iterator[Callable[[Routine], Page]]:
    made: list[Page] = []

    def factory(r: Routine) -> Page:
        made.append(Page(qtbot, r))
        return made[-1]

    yield factory
    for page in made:
        page.driver.stop()


def test_the_get_ready_previews_the_exercise_coming_up(make: Callable[[Routine], Page]) -> None:
    h = make(routine(BRIDGE))
    h.driver.start()
    h.advance(1.0)
    view = h.page.figure
    assert view.isVisible()
    assert view.shown.kind == "figure"
    assert view.shown.pose == pose_at(figure("bridge"), Motion.DEMO, 1.0 / 4.0)
    assert view.animating


@pytest.mark.parametrize(
    ("into_set", "phase", "fraction"),
    [(0.5, Motion.LIFT, 0.25), (2.5, Motion.HOLD, 0.5), (4.5, Motion.LOWER, 0.5)],
)
def test_paced_reps_move_the_figure_in_time(
    make: Callable[[Routine], Page], into_set: float, phase: Motion, fraction: float
) -> None:
    h = make(routine(BRIDGE))
    h.driver.start()
    h.until(StepKind.WORK)
    h.advance(into_set)
    assert h.page.text is not None and h.page.text.tempo == phase.value.upper()
    shown = h.page.figure.shown
    expected = pose_at(figure("bridge"), phase, fraction)
    assert shown.pose is not None
    assert shown.pose.right_leg.hip == pytest.approx(expected.right_leg.hip, abs=0.5)
    assert shown.pose.body.pitch == pytest.approx(expected.body.pitch, abs=0.5)


def test_a_hold_shows_the_held_pose_mirrored_on_the_left(
    make: Callable[[Routine], Page],
) -> None:
    h = make(routine(STRETCH))
    h.driver.start()
    h.until(StepKind.WORK)
    assert h.page.figure.shown.pose == figure("hamstring-stretch").end
    assert not h.page.figure.shown.mirrored
    h.advance(10.5)
    assert h.driver.engine.step.kind is StepKind.PAIN
    assert not h.page.figure.isVisibleTo(h.page)  # the pain prompt takes the panel
    h.driver.skip_pain()
    h.until(StepKind.WORK)
    assert h.page.figure.isVisibleTo(h.page)
    assert h.page.figure.shown.mirrored


def test_a_rest_shows_the_next_exercise(make: Callable[[Routine], Page]) -> None:
    h = make(routine(hold("hamstring-stretch", 3), BRIDGE))
    h.driver.start()
    h.until(StepKind.PAIN)
    h.driver.skip_pain()
    assert h.driver.engine.step.kind is StepKind.REST
    h.advance(0.5)
    assert h.page.figure.shown.kind == "figure"
    assert h.page.figure.shown.pose == pose_at(figure("bridge"), Motion.DEMO, 0.5 / 4.0)


def test_an_exercise_without_a_figure_leaves_the_countdown_the_room(
    make: Callable[[Routine], Page],
) -> None:
    h = make(routine(hold("my-own-stretch", 5)))
    h.driver.start()
    h.until(StepKind.WORK)
    assert not h.page.figure.isVisibleTo(h.page)
    assert h.page.big.isVisibleTo(h.page)


def _box(page: WorkoutPage, widget: QWidget) -> QRect:
    """A widget's rectangle in the page's coordinates, once the layouts have settled."""
    QApplication.processEvents()  # a layout changes on its next event, as in the app
    return QRect(widget.mapTo(page, QPoint(0, 0)), widget.size())


def test_the_figure_goes_above_the_count_while_the_steps_show_and_beside_it_otherwise(
    make: Callable[[Routine], Page],
) -> None:
    coached = hold("hamstring-stretch", 10, sides=SideMode.EACH, setup=("Lie face up.",))
    h = make(routine(coached))
    h.driver.start()
    h.advance(0.5)  # the get-ready: steps beside, the figure above the countdown
    page = h.page
    figure, big, steps = _box(page, page.figure), _box(page, page.big), _box(page, page.coaching)
    assert page.coaching.isVisible()
    assert figure.bottom() <= big.top() and figure.right() < steps.left()
    assert figure.width() > 1.5 * figure.height() / 2  # a lying figure gets a wide panel
    h.until(StepKind.WORK)  # the set: no steps, the figure beside the count
    figure, big = _box(page, page.figure), _box(page, page.big)
    assert not page.coaching.isVisible()
    assert figure.right() <= big.left() and figure.height() > big.height() / 2
    page.toggle_steps()  # I: the steps in the set too; the side's pill stays in its column
    steps, side = _box(page, page.coaching), _box(page, page.side)
    assert page.coaching.isVisible() and page.side.isVisible()
    assert _box(page, page.figure).bottom() <= _box(page, page.big).top()
    assert side.right() < steps.left()


def _builtin_figure_ids() -> list[str]:
    return sorted(path.stem for path in builtin_figures_dir().glob("*.json"))


def _fill_and_cuts(fig: Figure, box: QRect) -> tuple[float, list[str]]:
    """How much of `box` the body takes in the dimension that binds it (1.0: all of it), over
    every pose of the movement, and what of the body, its rings or props the frame cuts."""
    left, bottom, right, top = frame(fig, False)
    scale = min(box.width() / (right - left), box.height() / (top - bottom))
    xs: list[float] = []
    ys: list[float] = []
    cuts: list[str] = []

    def keep(x: float, y: float, r: float, what: str) -> None:
        if not (left <= x - r and x + r <= right and bottom <= y - r and y + r <= top):
            cuts.append(what)

    for i in range(17):
        shapes = scene(fig, along(fig, i / 16))
        for item in shapes.body:
            if isinstance(item, Head):
                (x, y), r = item.centre, item.radius
                xs += [x - r, x + r]
                ys += [y - r, y + r]
                keep(x, y, r + LIMB * 0.4, "the head")
            else:
                for x, y in (item.a, item.b):
                    xs.append(x)
                    ys.append(y)
                    keep(x, y, TRUNK / 2, "a limb")
        for x, y in shapes.rings:
            keep(x, y, RING_R + RING / 2, "a ring")
        for face in shapes.shapes:
            if isinstance(face, Face):
                for x, y in face.outline:
                    keep(x, y, 0, "a prop")
    body_w, body_h = (max(xs) - min(xs)) * scale, (max(ys) - min(ys)) * scale
    return max(body_w / box.width(), body_h / box.height()), cuts


LEAST_FILL = 0.7  # framed on the body: 0.71-0.93 at 1280 x 760 (a whole mat: from 0.56)


@pytest.mark.parametrize("exercise_id", _builtin_figure_ids())
def test_every_built_in_figure_is_drawn_as_large_as_its_place_allows(
    make: Callable[[Routine], Page], exercise_id: str
) -> None:
    """The body fills its view, in the get-ready beside the steps and in the set, whichever
    of the height or the width binds it, and nothing of it, its rings or its props is cut.
    A mat seen from above framed whole drew the short-arc hip circles at 59 % of its room and
    the clamshell and IT band stretch at 63 %."""
    h = make(routine(hold(exercise_id, 10, setup=("Lie down.",))))
    fig = figure(exercise_id)
    h.driver.start()
    h.advance(0.5)
    seen = []
    for _ in range(2):  # the get-ready, then the set
        QApplication.processEvents()  # laid out for the phase
        view = h.page.figure
        assert view.isVisible() and view.shown.kind == "figure"
        fill, cuts = _fill_and_cuts(fig, QRect(view.rect()).adjusted(4, 4, -4, -4))
        seen.append(round(fill, 2))
        assert not cuts, cuts
        h.until(StepKind.WORK)
    assert min(seen) >= LEAST_FILL, seen
