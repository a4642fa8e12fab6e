"""What the exercise figure shows at each moment of a session, on a fake clock."""

from __future__ import annotations

import pytest

from hiptimer.core.clock import FakeClock
from hiptimer.core.figures.motion import Moment, Motion
from hiptimer.core.routines.model import Exercise, Routine, SideMode, Tempo
from hiptimer.core.session.figure_moment import figure_moment
from hiptimer.core.session.steps import StepKind
from tests.harness import advance, fake_engine, hold, reps, routine


class Session:
    def __init__(self, r: Routine) -> None:
        self.clock = FakeClock()
        self.engine = fake_engine(r, self.clock)
        self.engine.start()

    def at(self, seconds: float) -> tuple[Exercise | None, Moment]:
        """The figure's moment `seconds` after the session started."""
        advance(self.clock, seconds - self.elapsed, self.engine.update, step=0.25)
        return figure_moment(self.engine.view())

    @property
    def elapsed(self) -> float:
        return self.clock.now() - 1000.0


PACED = reps("bridge", 2, tempo=Tempo(lift_s=2, hold_s=1, lower_s=4))  # get-ready is 5 s


@pytest.mark.parametrize(
    ("seconds", "motion", "fraction", "phase_s"),
    [
        (5.0, Motion.LIFT, 0.0, 2.0),
        (6.5, Motion.LIFT, 0.75, 2.0),
        (7.5, Motion.HOLD, 0.5, 1.0),
        (9.0, Motion.LOWER, 0.25, 4.0),
        (12.0 + 1.0, Motion.LIFT, 0.5, 2.0),  # the second rep
        (12.0 + 6.0, Motion.LOWER, 0.75, 4.0),
    ],
)
def test_paced_reps_follow_the_tempo(
    seconds: float, motion: Motion, fraction: float, phase_s: float
) -> None:
    exercise, moment = Session(routine(PACED)).at(seconds)
    assert exercise is not None and exercise.id == "bridge"
    assert (moment.motion, moment.phase_s, moment.mirrored) == (motion, phase_s, False)
    assert moment.fraction == pytest.approx(fraction)
    assert moment.running


def test_a_paused_rep_stands_still() -> None:
    s = Session(routine(PACED))
    s.at(6.0)
    s.engine.pause()
    _, moment = figure_moment(s.engine.view())
    assert moment.motion is Motion.LIFT and not moment.running


def test_alternating_paced_reps_mirror_every_other_movement() -> None:
    ex = reps("knee-raise", 2, sides=SideMode.ALTERNATING, tempo=Tempo(1, 0, 1))
    s = Session(routine(ex))
    assert s.at(5.5)[1].mirrored is False  # right leg
    assert s.at(7.5)[1].mirrored is True  # left leg
    assert s.at(9.5)[1].mirrored is False


def test_each_side_is_mirrored_on_the_left() -> None:
    ex = hold("stretch", 10, sides=SideMode.EACH)
    s = Session(routine(ex))
    _, right = s.at(8.0)
    assert (right.motion, right.mirrored) == (Motion.HELD, False)
    assert right.clock_s == pytest.approx(3.0)
    assert s.engine.step.side is not None and s.engine.step.side.value == "right"
    s.at(5.0 + 10.0)
    s.engine.skip_pain()  # the rating after the right side
    assert s.engine.step.kind is StepKind.SWITCH_SIDES  # which previews the left side
    _, switching = figure_moment(s.engine.view())
    assert (switching.motion, switching.mirrored) == (Motion.DEMO, True)
    _, left = s.at(5.0 + 10.0 + 3.0 + 2.0)
    assert s.engine.step.kind is StepKind.WORK
    assert (left.motion, left.mirrored) == (Motion.HELD, True)


def test_get_ready_and_rests_preview_the_exercise_coming_up() -> None:
    first, second = hold("stretch", 4), reps("bridge", 2, tempo=Tempo(1, 0, 1))
    s = Session(routine(first, second))
    exercise, moment = s.at(1.0)
    assert exercise is not None and exercise.id == "stretch"
    assert moment.motion is Motion.DEMO and moment.clock_s == pytest.approx(1.0)
    s.at(9.5)  # past the hold: the pain prompt waits for a rating
    assert figure_moment(s.engine.view())[0] is None
    s.engine.skip_pain()
    exercise, moment = figure_moment(s.engine.view())
    assert s.engine.step.kind is StepKind.REST
    assert exercise is not None and exercise.id == "bridge" and moment.motion is Motion.DEMO


def test_self_paced_reps_loop_a_demonstration_on_the_side_to_move_next() -> None:
    ex = reps("march", 4, sides=SideMode.ALTERNATING)
    s = Session(routine(ex))
    _, moment = s.at(6.0)
    assert (moment.motion, moment.mirrored, moment.alternate) == (Motion.DEMO, False, False)
    s.engine.count_rep()
    assert figure_moment(s.engine.view())[1].mirrored is True


def test_no_figure_once_the_session_is_over() -> None:
    s = Session(routine(hold("stretch", 2)))
    s.at(7.5)
    s.engine.skip_pain()
    assert s.engine.view().ended
    assert figure_moment(s.engine.view())[0] is None
