"""What every part of SessionEngine kept in its own module (moves, dose keys) uses of it."""

from __future__ import annotations

from typing import Protocol

from hiptimer.core.clock import Clock
from hiptimer.core.routines.model import Exercise
from hiptimer.core.session.events import Event
from hiptimer.core.session.step_clock import StepClock
from hiptimer.core.session.steps import Step


class EngineCore(Protocol):
    """The engine's clock, its current step and the way events go out (a mixin's self type
    extends this with what that mixin alone needs)."""

    _clock: Clock
    _time: StepClock
    _count: int

    @property
    def running(self) -> bool: ...
    @property
    def step(self) -> Step: ...
    def _exercise(self, step: Step) -> Exercise | None: ...
    def _process(self, now: float) -> None: ...
    def _flush(self) -> None: ...
    def _emit(self, event: Event) -> None: ...
    def _complete_step(self, end: float, *, early: bool = False) -> None: ...
