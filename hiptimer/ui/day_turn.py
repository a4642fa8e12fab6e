"""A day that turns while a window stays open: History's "today" at midnight, the check-in's at 04:00."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from hiptimer.core.history.checkin_day import checkin_day, next_day_start

# Past the boundary by a second: a timer rounded to whole milliseconds never looks just before.
SLACK_MS = 1000
# At most an hour between looks: a monotonic timer does not count a laptop's sleep, nor see
# the wall clock set or a time zone changed, so a boundary passed meanwhile is seen within
# the hour (or at once, as the window comes back: Show looks too).
MOST_MS = 3600 * 1000


class DayTurn(QObject):
    """Watches a window's day by the app's wall clock while the window is shown, as a calendar
    app's "today" moves on at midnight with the app left open; its days begin at `starts`
    (04:00 for the check-in, checkin_day.py). A single-shot timer is armed for the next
    boundary when the window shows and stopped when it hides, so a hidden or closed window
    keeps no timer running.

    Signals: turned() when the wall's day is another than the one last seen (`day`).
    """

    turned = Signal()

    def __init__(self, window: QWidget, wall: Callable[[], datetime], starts: time) -> None:
        super().__init__(window)
        self._wall, self._starts = wall, starts
        self.day = checkin_day(wall(), starts)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one may fire 5 % early
        self.timer.timeout.connect(self.look)
        window.installEventFilter(self)
        if window.isVisible():
            self._arm()

    def look(self) -> None:
        """Say whether the day has turned since the last look, and arm for the next boundary."""
        now = self._wall()
        day = checkin_day(now, self._starts)
        self._arm(now)
        if day != self.day:
            self.day = day
            self.turned.emit()

    def _arm(self, now: datetime | None = None) -> None:
        now = now or self._wall()
        ahead = next_day_start(now, self._starts) - now
        ms = math.ceil(ahead.total_seconds() * 1000) + SLACK_MS
        self.timer.start(min(max(ms, SLACK_MS), MOST_MS))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.look()
        elif event.type() in (QEvent.Type.Hide, QEvent.Type.Close):
            self.timer.stop()
        return False
