"""The pain question after a set: rate it, skip it, choose after a high rating, or change it.

A rating can be changed right after it is given (Backspace): from the choice that a rating
above the limit brings up, or in the pause after the rating until the next set begins. The
new rating (or none) replaces the old one and a RatingChanged event says what it was, so
the history keeps both. A part of SessionEngine, kept apart so the engine's file is about time.
"""

from __future__ import annotations

from typing import Protocol

from hiptimer.core.clock import Clock
from hiptimer.core.routines.model import Exercise
from hiptimer.core.session import dose_adjust
from hiptimer.core.session.events import (
    Event,
    PainChoice,
    PainChoiceMade,
    PainRated,
    RatingChanged,
    RatingSkipped,
    SetRecord,
)
from hiptimer.core.session.step_clock import StepClock
from hiptimer.core.session.steps import Step, StepKind


class _Engine(Protocol):
    """What these commands use of the engine (SessionEngine has all of it)."""

    _clock: Clock
    _time: StepClock
    _steps: list[Step]
    _index: int
    _done_s: float
    _awaiting_choice: bool
    _rated_step: int | None
    _rerating: bool
    pain_limit: int
    records: list[SetRecord]
    _to_rate: SetRecord | None
    _doses: dict[str, Exercise]

    @property
    def running(self) -> bool: ...
    @property
    def _rated_record(self) -> SetRecord | None: ...
    @property
    def step(self) -> Step: ...
    def _awaiting_rating(self) -> bool: ...
    def _process(self, now: float) -> None: ...
    def _flush(self) -> None: ...
    def _emit(self, event: Event) -> None: ...
    def _start_step(self, index: int, at: float) -> None: ...
    def _complete_step(self, end: float, *, early: bool = False) -> None: ...
    def _skip_rest_of_exercise(self, now: float, *, include_current: bool) -> None: ...
    def _lower_dose(self, now: float, record: SetRecord) -> None: ...
    def _rated_and_moved_on(self, now: float) -> None: ...


class RatingCommands:
    """The engine's pain commands (a mixin: every method's self is the whole engine)."""

    _rated_step: int | None  # the pain step just answered, while its rating may change
    _rerating: bool  # the pain step is open again: its answer changes the rating

    @property
    def _rated_record(self: _Engine) -> SetRecord | None:
        """The set the pain question is about: the last one done, or, in a resumed session
        before its first set, the one whose question the app stopped on (`_to_rate`)."""
        return self.records[-1] if self.records else self._to_rate

    @property
    def asked_record(self: _Engine) -> SetRecord | None:
        """The set the pain question or a re-test's result is about (None before any set)."""
        return self._rated_record

    def _awaiting_rating(self: _Engine) -> bool:
        return (
            self.running
            and self.step.kind is StepKind.PAIN
            and not self._awaiting_choice
            and self._rated_record is not None
        )

    def rate_pain(self: _Engine, rating: int) -> bool:
        """Record the pain rating for the set just done; above the limit, ask what to do."""
        if not self._awaiting_rating() or not 0 <= rating <= 10:
            return False
        now = self._clock.now()
        record = self._rated_record
        assert record is not None  # _awaiting_rating() or _awaiting_choice: a set is rated
        previous, changing = record.pain, self._rerating
        record.pain, record.pain_skipped = rating, False
        self._rerating = False
        if changing and previous != rating:
            self._emit(RatingChanged(now, record, previous))
        above = rating > self.pain_limit
        lower = RatingCommands.can_lower(self)
        self._emit(PainRated(now, record, above, changed=changing, can_lower=lower))
        if above:
            self._awaiting_choice = True
        else:
            self._rated_and_moved_on(now)
        self._flush()
        return True

    def skip_pain(self: _Engine) -> bool:
        """Go on without rating this set (when changing a rating: remove it)."""
        if not self._awaiting_rating():
            return False
        now = self._clock.now()
        record = self._rated_record
        assert record is not None  # _awaiting_rating() or _awaiting_choice: a set is rated
        if self._rerating and record.pain is not None:
            previous, record.pain = record.pain, None
            self._emit(RatingChanged(now, record, previous))
        self._rerating = False
        record.pain_skipped = True
        self._emit(RatingSkipped(now, record))
        self._rated_and_moved_on(now)
        self._flush()
        return True

    def can_lower(self: _Engine) -> bool:
        """Whether the set just rated has a lower dose to go on at (not at 5 s or 1 rep)."""
        record = self._rated_record
        ex = self._doses.get(record.exercise_id) if record is not None else None
        return ex is not None and dose_adjust.can_lower(ex)

    def choose(self: _Engine, choice: PainChoice) -> bool:
        """After a rating above the limit: stop this exercise, lower the dose, or continue."""
        if not (self.running and self.step.kind is StepKind.PAIN and self._awaiting_choice):
            return False
        if choice is PainChoice.LOWER and not RatingCommands.can_lower(self):
            return False
        now = self._clock.now()
        record = self._rated_record
        assert record is not None  # _awaiting_rating() or _awaiting_choice: a set is rated
        record.pain_choice = choice
        self._awaiting_choice = False
        self._emit(PainChoiceMade(now, record, choice))
        if choice is PainChoice.STOP:
            self._skip_rest_of_exercise(now, include_current=False)
        elif choice is PainChoice.LOWER:
            self._lower_dose(now, record)
            self._complete_step(now)
            self._process(now)
        else:
            self._rated_and_moved_on(now)
        self._flush()
        return True

    def _rated_and_moved_on(self: _Engine, now: float) -> None:
        """Leave the pain step for the next; its rating may be changed until that one ends."""
        pain_step = self._index
        self._complete_step(now)
        self._rated_step = pain_step
        self._process(now)

    def can_change_rating(self: _Engine) -> bool:
        """Whether Backspace goes back to the last rating: on the choice after a high one, or
        in the step right after the rating, while it is not a set (and the rating led to no
        change of dose or of the exercise: those stay, and are corrected in History)."""
        record = self._rated_record
        if not self.running or record is None or self._rerating:
            return False
        if self._awaiting_choice:
            return True
        return (
            self._rated_step is not None
            and record.pain is not None
            and self._index == self._rated_step + 1
            and self.step.kind not in (StepKind.WORK, StepKind.PAIN, StepKind.DONE)
        )

    def change_rating(self: _Engine) -> bool:
        """Back to the pain scale for the set just rated (Backspace); the next rating, or
        K for none, replaces the one given."""
        if not RatingCommands.can_change_rating(self):
            return False
        now = self._clock.now()
        self._rerating = True
        if self._awaiting_choice:
            self._awaiting_choice = False
        else:
            assert self._rated_step is not None
            self._done_s += self._time.elapsed(now)
            self._start_step(self._rated_step, now)
        self._rated_step = None
        self._flush()
        return True
