"""Which pose a figure shows in each phase of a paced rep, a hold and a demonstration."""

from __future__ import annotations

import pytest

from hiptimer.core.figures.model import Figure, Leg, Pose, blend
from hiptimer.core.figures.motion import (
    Moment,
    Motion,
    advance,
    along,
    ease,
    frame,
    in_cycle,
    pose_at,
)

START = Pose(right_leg=Leg(hip=0.0, knee=0.0))
END = Pose(right_leg=Leg(hip=90.0, knee=90.0), highlight=("right_hip",))
FIG = Figure("raise", START, END)


def hip(pose: Pose) -> float:
    return pose.right_leg.hip


def test_lift_runs_from_start_to_end() -> None:
    assert pose_at(FIG, Motion.LIFT, 0.0) == START
    assert pose_at(FIG, Motion.LIFT, 1.0) == END
    halfway = pose_at(FIG, Motion.LIFT, 0.5)
    assert hip(halfway) == pytest.approx(45.0)  # smoothstep is symmetric about the middle
    assert 0 < hip(pose_at(FIG, Motion.LIFT, 0.2)) < 45 < hip(pose_at(FIG, Motion.LIFT, 0.8)) < 90


def test_hold_is_the_end_and_pause_the_start() -> None:
    for fraction in (0.0, 0.3, 1.0):
        assert pose_at(FIG, Motion.HOLD, fraction) == END
        assert pose_at(FIG, Motion.PAUSE, fraction) == START
        assert pose_at(FIG, Motion.HELD, fraction) == END


def test_lower_runs_from_end_back_to_start() -> None:
    assert pose_at(FIG, Motion.LOWER, 0.0) == END
    assert pose_at(FIG, Motion.LOWER, 1.0) == START
    assert hip(pose_at(FIG, Motion.LOWER, 0.25)) == pytest.approx(
        hip(pose_at(FIG, Motion.LIFT, 0.75))
    )


def test_movement_eases_in_and_out() -> None:
    assert ease(0.0) == 0.0 and ease(1.0) == 1.0
    assert ease(0.1) < 0.1 and ease(0.9) > 0.9
    assert ease(-1.0) == 0.0 and ease(2.0) == 1.0


def test_highlights_appear_as_the_movement_arrives() -> None:
    assert blend(START, END, 0.4).highlight == ()
    assert blend(START, END, 0.6).highlight == ("right_hip",)


def test_a_via_pose_is_passed_on_the_way_up_and_down() -> None:
    via = Pose(right_leg=Leg(hip=10.0, knee=120.0))
    fig = Figure("circle", START, END, via=(via,))
    assert along(fig, 0.5) == via
    assert pose_at(fig, Motion.LIFT, 0.5) == via
    assert pose_at(fig, Motion.LOWER, 0.5) == via
    assert hip(along(fig, 0.25)) == pytest.approx(5.0)


def test_a_demonstration_cycle_lifts_holds_lowers_and_rests() -> None:
    assert in_cycle(0.2) == (Motion.LIFT, pytest.approx(0.5))
    assert in_cycle(0.45)[0] is Motion.HOLD
    assert in_cycle(0.7) == (Motion.LOWER, pytest.approx(0.5))
    assert in_cycle(0.95)[0] is Motion.PAUSE
    assert in_cycle(1.2) == (Motion.LIFT, pytest.approx(0.5))


def test_a_timed_hold_stands_still_unless_the_figure_loops() -> None:
    assert frame(FIG, Moment(Motion.HELD, clock_s=7.3)) == (END, False)
    looping = Figure("march", START, END, loop_s=2.0)
    pose, _ = frame(looping, Moment(Motion.HELD, clock_s=0.4))  # a fifth of a cycle: lifting
    assert 0 < hip(pose) < 90


def test_a_demonstration_of_an_alternating_exercise_changes_side_each_cycle() -> None:
    moment = Moment(Motion.DEMO, clock_s=1.0, alternate=True)
    assert frame(FIG, moment)[1] is False
    assert frame(FIG, Moment(Motion.DEMO, clock_s=5.0, alternate=True))[1] is True
    assert frame(FIG, Moment(Motion.DEMO, clock_s=9.0, alternate=True))[1] is False
    assert frame(FIG, Moment(Motion.DEMO, clock_s=5.0, mirrored=True))[1] is True


def test_the_left_side_is_mirrored() -> None:
    assert frame(FIG, Moment(Motion.LIFT, 0.5, mirrored=True)) == (
        pose_at(FIG, Motion.LIFT, 0.5),
        True,
    )


def test_advancing_a_phase_stops_at_its_end() -> None:
    lifting = Moment(Motion.LIFT, 0.5, phase_s=2.0)
    assert advance(lifting, 0.5).fraction == pytest.approx(0.75)
    assert advance(lifting, 5.0).fraction == 1.0
    assert advance(Moment(Motion.LIFT, 0.5, phase_s=2.0, running=False), 1.0).fraction == 0.5
    assert advance(Moment(Motion.HOLD, 0.0), 1.0).fraction == 0.0  # no length: nothing to move


def test_advancing_a_loop_runs_its_clock_on() -> None:
    assert advance(Moment(Motion.DEMO, clock_s=1.0), 0.25).clock_s == pytest.approx(1.25)
    assert advance(Moment(Motion.HELD, clock_s=1.0, running=False), 0.25).clock_s == 1.0
