"""The exercise figure on the workout screen: shown in get-ready, sets and rests, in time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.figures.library import FigureLibrary, builtin_figures_dir
from hiptimer.core.figures.model import Figure
from hiptimer.core.figures.motion import Motion, along, pose_at
from hiptimer.core.figures.scene import RING_R, frame, scene
from hiptimer.core.figures.shapes import Face, Head
from hiptimer.core.routines.model import Rests, Routine, SideMode, Tempo
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.session.workout_page import WorkoutPage
from hiptimer.ui.widgets.figure_paint import LIMB, RING, TRUNK
from tests.harness import hold, reps, routine
from tests.ui.looks import apply_look
from tests.ui.session.shared_pages import SharedPage, ShowShared
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


# The page's room on screens the screen-fit checks use (the window less its menu bar and
# frame): 1280 x 800, 1024 x 768, and 1920 x 1080 at 200 % (960 x 540 to the app).
ROOMS = ((1268, 756), (1012, 724), (948, 496))
RIGHT_THEN_LEFT = (
    "Stand tall with one hand on a counter or chair.",
    "Raise one knee in front of you, open it outward, then let it come down, tracing a circle.",
    "Keep the movement small and easy.",
)


@dataclass(frozen=True)
class Laid:
    """The get-ready's page as laid out: the figure's drawn height, the fonts, the boxes."""

    drawn: float
    count_px: int
    steps_px: float
    largest_other_px: int
    boxes: dict[str, QRect]


def _laid(page: WorkoutPage) -> Laid:
    parts = {
        "figure": page.figure, "count": page.big, "count's caption": page.big_caption,
        "set line": page.set_line, "side": page.side, "rep line": page.rep_line,
        "steps": page.coaching, "phase": page.banner, "exercise": page.exercise,
        "caption": page.caption, "next": page.next_line, "buttons": page.controls,
    }  # fmt: skip
    # No event handled while measuring: a poll of the session would choose the place again.
    at = {name: QRect(w.mapTo(page, QPoint(0, 0)), w.size()) for name, w in parts.items()}
    boxes = {name: at[name] for name, w in parts.items() if w.isVisibleTo(page)}
    others = [
        label.font().pixelSize()
        for label in page.findChildren(QLabel)
        if label.isVisibleTo(page) and label.text() and label is not page.big
    ]
    return Laid(
        page.figure.drawn_height(page.figure.size()),
        page.big.font().pixelSize(),
        page.coaching.font_px,
        max(others),
        boxes,
    )


@pytest.fixture
def text_size(qapp: QApplication, request: pytest.FixtureRequest) -> int:
    """The app's look at the parameter's text size (per cent; put back as the next test that
    shows no shared page starts: tests/ui/looks.py)."""
    size: int = request.param
    apply_look(qapp, "dark", size)
    return size


@dataclass(frozen=True)
class ToPhase:
    """A session of RIGHT_THEN_LEFT's exercise to its first step of `phase`, half a second in:
    set 1's reps counted, each side's pain skipped."""

    phase: StepKind

    def __call__(self, h: SharedPage) -> None:
        h.driver.start()
        for _ in range(400):
            view = h.driver.view()
            if view.step.kind is self.phase:
                break
            if view.awaiting_pain:
                h.driver.skip_pain()
            elif view.step.kind is StepKind.WORK:
                h.driver.count_rep()
            h.advance(0.5)
        h.advance(0.5)


# The rooms of one text size in turn: the tests of a moment share a page (shared_pages.py).
@pytest.mark.parametrize("room", ROOMS, ids=lambda r: f"{r[0]}x{r[1]}")
@pytest.mark.parametrize("text_size", (100, 125, 150), indirect=True)
@pytest.mark.parametrize(
    ("exercise_id", "phase"),
    [
        ("gentle-hip-rotation", StepKind.GET_READY),
        ("gentle-hip-rotation", StepKind.REST),  # "Set 2 of 2 next" and "1:00" beside it
        ("standing-hip-abduction", StepKind.GET_READY),
        ("hamstring-stretch", StepKind.GET_READY),  # lying: wide, above the count
    ],
)
def test_while_the_steps_show_the_figure_is_as_large_as_the_layout_allows(
    shared_page: ShowShared,
    text_size: int,
    room: tuple[int, int],
    exercise_id: str,
    phase: StepKind,
) -> None:
    """An upright figure above the count was ~180 px tall at 1280 x 800 with half its room
    empty: beside the count it is drawn larger, where nothing else loses size for it (the
    count, the steps, every line whole) and nothing overlaps; the count stays the largest
    text. Placed upright figures beside the count once squeezed the steps' text."""
    ex = reps(exercise_id, 8, sets=2, sides=SideMode.EACH, setup=RIGHT_THEN_LEFT)
    page = shared_page(routine(ex, rests=Rests(between_sets_s=60)), ToPhase(phase), room).page
    assert page.coaching.isVisible()  # laid out as in the app
    laid = _laid(page)
    page.timer.place_figure(above=True)  # as it was: the figure above the count
    above = _laid(page)
    page.timer.refit()
    QApplication.processEvents()
    assert _laid(page) == laid  # measured again, the same choice
    assert laid.count_px >= above.count_px and laid.steps_px >= above.steps_px
    assert laid.count_px > laid.largest_other_px  # the count stays the largest thing
    page_box = QRect(QPoint(0, 0), page.size())
    for name, box in laid.boxes.items():
        assert page_box.contains(box), name
        for other, other_box in laid.boxes.items():
            assert other == name or not box.intersects(other_box), (name, other)
    assert laid.drawn >= above.drawn
    if exercise_id != "hamstring-stretch" and phase is StepKind.GET_READY and room == ROOMS[0]:
        assert laid.drawn >= 1.5 * above.drawn, (laid.drawn, above.drawn)
