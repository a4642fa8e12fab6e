"""How far a test moves the fake clock to the session's next change: a step's or a tempo
phase's end, and with marks each countdown number or cue, instead of polling every 0.1 s.

Between changes only the seconds shown move; a test that looks at them polls instead.
"""

from __future__ import annotations

from hiptimer.core.session.view import SessionView
from hiptimer.ui.session.driver import EngineDriver

TICK_S = 0.5  # a step that waits for a key (a rating, a count) has no end: the clock ticks
MOVES_S = 1e-6  # the least the clock is moved: a step a clock of ~1,000 s can take


def to_change_s(view: SessionView) -> float:
    """How far the clock moves to the next change of what the session shows: the end of the
    rep's tempo phase or of the step, or a tick where the step waits for the user."""
    ends = [view.remaining_s] if view.remaining_s is not None else []
    if view.rep_phase:
        ends.append(view.rep_phase_s - view.rep_phase_elapsed_s)
    ends = [end for end in ends if end > 0]
    # Never less than a microsecond: a hold of 5.3 s less its parts left 8.9e-16 s, which a
    # clock at ~1,000 s swallowed whole, and the session never moved on (a hang).
    return max(min(ends), MOVES_S) if ends else TICK_S


def to_next_s(driver: EngineDriver, *, marks: bool = False) -> float:
    """to_change_s, or sooner with `marks`: the step's next mark, so that everything the
    session says falls due on time and is said, as with the app's 0.1 s timer."""
    left = to_change_s(driver.view())
    due = driver.engine.to_next_mark_s() if marks else None
    return left if due is None else max(min(left, due), MOVES_S)
