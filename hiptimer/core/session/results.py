"""A measured re-test result, typed in after its set: the engine's side of it."""

from __future__ import annotations

from typing import Protocol

from hiptimer.core.clock import Clock
from hiptimer.core.session.events import Event, ResultEntered, SetRecord
from hiptimer.core.session.steps import Step, StepKind

MAX_RESULT = 100_000.0  # a typed number beyond any range or distance a test measures


class _Engine(Protocol):
    """What these commands use of the engine (SessionEngine has all of it)."""

    _clock: Clock
    records: list[SetRecord]

    @property
    def running(self) -> bool: ...
    @property
    def step(self) -> Step: ...
    def _process(self, now: float) -> None: ...
    def _flush(self) -> None: ...
    def _emit(self, event: Event) -> None: ...
    def _complete_step(self, end: float, *, early: bool = False) -> None: ...


class ResultCommands:
    """The engine's result commands (a mixin: every method's self is the whole engine)."""

    def enter_result(self: _Engine, value: float | None) -> bool:
        """The measured result of the set just done (None: skipped); then the pain question."""
        if not (self.running and self.step.kind is StepKind.MEASURE and self.records):
            return False
        if value is not None and not 0 <= value <= MAX_RESULT:
            return False
        now = self._clock.now()
        record = self.records[-1]
        record.result = value
        self._emit(ResultEntered(now, record))
        self._complete_step(now)
        self._process(now)
        self._flush()
        return True
