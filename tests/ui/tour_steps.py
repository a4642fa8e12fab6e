"""Sessions driven from one change on screen to the next with the fake clock (the tours').

A tour checks fit only at its stops, never between them: what it needs of a session is to
get to the next page or phase. So the clock moves straight to the end of the step or of the
rep's tempo phase (one poll, landing on the change, never past it) instead of polling every
half second; only the seconds shown differ between those polls, and no stop looks at them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hiptimer.core.clock import FakeClock
from hiptimer.core.session.view import SessionView
from hiptimer.ui.keys import Mode
from hiptimer.ui.main_window import MainWindow
from tests.ui.guided import DIGIT_KEYS, SMALL, Days
from tests.ui.sessions import TICK_S, advance

# A step that waits for a key (a rating, a choice, a count) has no end to go to: the clock
# moves a tick, as the app's timer would.
_LIMIT_S = 600.0
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


def _next(window: MainWindow, clock: FakeClock) -> float:
    session = window.session
    left = to_change_s(session.driver.view()) if session is not None else TICK_S
    advance(window, clock, left, step=left)
    return left


def until(window: MainWindow, clock: FakeClock, done: Callable[[], bool]) -> None:
    """Move the session on, change by change, until done()."""
    waited = 0.0
    while not done():
        assert waited < _LIMIT_S, f"still not there after {_LIMIT_S} s of fake time"
        waited += _next(window, clock)


def go_on(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    done: Callable[[], bool],
    pains: Sequence[int] = (),
) -> None:
    """Let the session run until done(): each set rated in turn from `pains` (then 2), a
    rating above the limit carried on from, self-paced reps counted."""
    rated = 0
    for _ in range(2000):
        if done():
            return
        mode = window.nav.key_mode()
        if mode is Mode.PAIN:
            pain = pains[rated] if rated < len(pains) else 2
            rated += 1
            qtbot.keyClick(window, DIGIT_KEYS[pain])
            if window.nav.key_mode() is Mode.CHOICE:
                qtbot.keyClick(window, Qt.Key.Key_C)
            continue
        if mode is Mode.COUNTING:
            qtbot.keyClick(window, Qt.Key.Key_Return)
        _next(window, clock)
    raise AssertionError("the session never got there")


def day_session(days: Days, pains: Sequence[int]) -> None:
    """Days.session (the small routine started from the library, each set rated in turn, to
    its summary), moved change by change."""
    window = days.window
    assert window is not None and days.mode() is Mode.LIBRARY
    assert window.library.select(SMALL.id)
    days.key(Qt.Key.Key_Return)
    go_on(days.qtbot, window, days.clock, lambda: days.mode() is Mode.SUMMARY, pains)
