"""Sessions driven from one change on screen to the next with the fake clock (the tours').

A tour checks fit only at its stops, never between them: what it needs of a session is to
get to the next page or phase. So the clock moves straight to the end of the step or of the
rep's tempo phase (sessions.next_change: one poll, landing on the change, never past it)
instead of polling every half second; only the seconds shown differ between those polls, and
no stop looks at them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hiptimer.core.clock import FakeClock
from hiptimer.ui.keys import Mode
from hiptimer.ui.main_window import MainWindow
from tests.ui.guided import DIGIT_KEYS, SMALL, Days
from tests.ui.sessions import next_change


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
        next_change(window, clock)
    raise AssertionError("the session never got there")


def day_session(days: Days, pains: Sequence[int]) -> None:
    """Days.session (the small routine started from the library, each set rated in turn, to
    its summary), moved change by change."""
    window = days.window
    assert window is not None and days.mode() is Mode.LIBRARY
    assert window.library.select(SMALL.id)
    days.key(Qt.Key.Key_Return)
    go_on(days.qtbot, window, days.clock, lambda: days.mode() is Mode.SUMMARY, pains)
