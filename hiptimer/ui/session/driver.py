"""The thin Qt driver of a session: a precise QTimer asks the engine to look at its clock."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from hiptimer.core.routines.model import Exercise
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.events import EndReason, Event, PainChoice, SessionEnded
from hiptimer.core.session.steps import UNTIMED
from hiptimer.core.session.view import SessionView

REFRESH_MS = 100  # redraw progress and tempo phases this often while the clock runs
BOUNDARY_SLACK_MS = 2  # wake just after a whole second so the display has already turned


class EngineDriver(QObject):
    """Owns a SessionEngine, wakes it on time and re-emits what it reports.

    The timer holds no time of its own: each wake-up only calls `engine.update()`, which
    computes everything from the engine's clock, so a late wake-up cannot lose time.

    Signals: engine_event(Event) for every engine event, in order;
    view_changed(SessionView) after every look at the clock and every command;
    finished(SessionEnded) once, when the session ends.
    """

    # Named engine_event, not event: a signal called `event` would shadow QObject.event(),
    # the virtual through which Qt delivers timer and deferred-delete events to this object.
    engine_event = Signal(object)
    view_changed = Signal(object)
    finished = Signal(object)

    def __init__(self, engine: SessionEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poll)
        self._in_refresh = False
        self._dirty = False
        engine.subscribe(self._on_event)

    @property
    def timer_active(self) -> bool:
        return self._timer.isActive()

    @property
    def next_wake_ms(self) -> int | None:
        """Milliseconds until the next wake-up, or None when the timer is stopped."""
        return self._timer.remainingTime() if self._timer.isActive() else None

    def view(self) -> SessionView:
        return self.engine.view()

    # ------------------------------------------------------------ the clock

    def poll(self) -> None:
        """Let the engine look at its clock, then redraw and plan the next wake-up."""
        self.engine.update()
        self._refresh()

    def _on_event(self, event: Event) -> None:
        self.engine_event.emit(event)
        if isinstance(event, SessionEnded):
            self._timer.stop()
            self.finished.emit(event)

    def _refresh(self) -> None:
        if self._in_refresh:  # a listener ran a command while we were redrawing: go again
            self._dirty = True
            return
        self._in_refresh = True
        try:
            self._dirty = True
            while self._dirty:
                self._dirty = False
                view = self.engine.view()
                self.view_changed.emit(view)
        finally:
            self._in_refresh = False
        # The view just drawn: a command run meanwhile came through here and drew again.
        self._schedule(view)

    def _schedule(self, view: SessionView) -> None:
        interval = wake_interval_ms(view, self.engine.running)
        if interval is None:
            self._timer.stop()
        else:
            self._timer.start(interval)

    def stop(self) -> None:
        """Stop waking the engine (the window is closing)."""
        self._timer.stop()

    # ------------------------------------------------------------ commands

    def _after(self, done: bool) -> bool:
        self._refresh()
        return done

    def start(self) -> None:
        self.engine.start()
        self._refresh()

    def toggle_pause(self) -> None:
        self.engine.toggle_pause()
        self._refresh()

    def pause(self) -> None:
        self.engine.pause()
        self._refresh()

    def resume(self) -> None:
        self.engine.resume()
        self._refresh()

    def next(self) -> bool:
        return self._after(self.engine.next())

    def back(self) -> bool:
        return self._after(self.engine.back())

    def skip_exercise(self) -> bool:
        return self._after(self.engine.skip_exercise())

    def adjust(self, direction: int) -> bool:
        return self._after(self.engine.adjust(direction))

    def count_rep(self) -> bool:
        return self._after(self.engine.count_rep())

    def uncount_rep(self) -> bool:
        return self._after(self.engine.uncount_rep())

    def set_lead_in(
        self, lead_in: Callable[[Exercise], float] | None, *, keep_current: bool = False
    ) -> None:
        """A new rule for lead-ins (None: as written): the voice was muted or failed
        (`keep_current`: the lead-in in progress keeps its length, see the engine's)."""
        self.engine.set_lead_in(lead_in, keep_current=keep_current)
        self._refresh()

    def rate_pain(self, rating: int) -> bool:
        return self._after(self.engine.rate_pain(rating))

    def skip_pain(self) -> bool:
        return self._after(self.engine.skip_pain())

    def choose(self, choice: PainChoice) -> bool:
        return self._after(self.engine.choose(choice))

    def change_rating(self) -> bool:
        return self._after(self.engine.change_rating())

    def enter_result(self, value: float | None) -> bool:
        return self._after(self.engine.enter_result(value))

    def end(self, reason: EndReason = EndReason.ENDED_EARLY) -> None:
        self.engine.end(reason)
        self._refresh()


def wake_interval_ms(view: SessionView, running: bool) -> int | None:
    """When to look again: at the next whole second of the time left, at most REFRESH_MS away.

    None when nothing can change without a key press: paused, waiting for a pain
    rating, or ended.
    """
    if not running or view.paused or view.step.kind in UNTIMED:
        return None
    if view.remaining_s is None:
        return REFRESH_MS  # self-paced reps: form cues still fall due on the clock
    to_boundary = view.remaining_s - math.floor(view.remaining_s)
    if to_boundary <= 0:
        to_boundary = 1.0
    return max(1, min(REFRESH_MS, math.ceil(to_boundary * 1000) + BOUNDARY_SLACK_MS))
