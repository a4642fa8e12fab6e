"""The check-in comes at 04:00 to a window left open on the library overnight."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt

from hiptimer.ui.keys import Mode
from tests.ui.guided import Days, until_local


def test_left_open_on_the_library_overnight_the_check_in_comes_at_four(days: Days) -> None:
    # The window stayed on the library all night, shown and active: nothing showed it again,
    # so the morning's check-in waited for a hide and show that never came.
    until_local(days, time(21, 0))
    days.session([0, 1])
    days.key(Qt.Key.Key_Return)
    assert days.mode() is Mode.LIBRARY
    window = days.window
    assert window is not None and window.guidance is not None
    turn = window.guidance.day_turn
    until_local(days, time(3, 59))
    turn.timer.timeout.emit()  # a look before 04:00: still the evening's day
    assert days.mode() is Mode.LIBRARY
    assert turn.timer.isActive() and turn.timer.interval() == 61 * 1000  # 04:00, and a second
    until_local(days, time(4, 0, 1))
    turn.timer.timeout.emit()  # as the timer fires
    assert days.mode() is Mode.CHECKIN
