"""The tests' clock moves straight to the next change (or mark), and always moves."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from hiptimer.core.clock import FakeClock
from hiptimer.core.session.view import SessionView
from hiptimer.ui.session.driver import EngineDriver
from tests.ui.next_change import to_change_s, to_next_s


def view(remaining_s: float | None, phase_s: float = 0.0, elapsed_s: float = 0.0) -> SessionView:
    shown = SimpleNamespace(
        remaining_s=remaining_s,
        rep_phase="lift" if phase_s else None,
        rep_phase_s=phase_s,
        rep_phase_elapsed_s=elapsed_s,
    )
    return cast(SessionView, shown)


def test_the_clock_goes_to_the_end_of_the_step_or_of_the_reps_phase() -> None:
    assert to_change_s(view(4.0)) == 4.0
    assert to_change_s(view(4.0, phase_s=3.0, elapsed_s=1.0)) == 2.0
    assert to_change_s(view(None)) == 0.5  # a step that waits for a key: a tick


def test_what_is_left_of_a_step_too_little_for_the_clock_still_moves_it() -> None:
    # Found by the resume page's tests: 5.3 s holds left 8.9e-16 s, and a clock at ~1,000 s
    # did not move by that, so the step never ended and the tour waited for ever.
    clock = FakeClock(1000.0)
    before = clock.now()
    clock.advance(to_change_s(view(8.9e-16)))
    assert clock.now() > before


def test_with_marks_the_clock_also_lands_on_the_steps_next_mark() -> None:
    def driver(due: float | None) -> EngineDriver:
        engine = SimpleNamespace(to_next_mark_s=lambda: due)
        return cast(EngineDriver, SimpleNamespace(view=lambda: view(4.0), engine=engine))

    assert to_next_s(driver(1.5)) == 4.0  # the tours' clock: to the step's end
    assert to_next_s(driver(1.5), marks=True) == 1.5  # a countdown number on the way
    assert to_next_s(driver(None), marks=True) == 4.0  # no mark left
    assert to_next_s(driver(0.0), marks=True) > 0  # a mark due now: still a move
