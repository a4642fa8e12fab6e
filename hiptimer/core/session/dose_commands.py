"""The dose keys of a running session: +/- on a hold, a set of reps or a rest, the voice's
lead-in rule, and the lower dose chosen after pain. A part of SessionEngine, kept apart so the
engine's own file is about stepping through time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from hiptimer.core.routines.model import Exercise, Kind
from hiptimer.core.session import dose_adjust, marks
from hiptimer.core.session.engine_parts import EngineCore
from hiptimer.core.session.events import DoseChanged, SetRecord
from hiptimer.core.session.steps import StepKind, movements_per_set, work_duration

ADJUST_SECONDS = 5


class _Engine(EngineCore, Protocol):
    """What these commands use of the engine besides its core (SessionEngine has all of it)."""

    _doses: dict[str, Exercise]
    _lead_in: Callable[[Exercise], float] | None
    _later_s: dict[int, float]
    _stretch: float
    adjustments: dict[str, list[str]]

    def adjust_time(self, delta_s: float) -> bool: ...
    def adjust_reps(self, delta: int) -> bool: ...
    def _retime(self, duration: float | None, now: float) -> None: ...
    def _set_dose(
        self, new: Exercise, field: str, old: float, value: float, now: float, reason: str
    ) -> None: ...


class DoseCommands:
    """The engine's dose commands (a mixin: every method's self is the whole engine)."""

    def adjust(self: _Engine, direction: int) -> bool:
        """The +/- key: 5 s on a hold or rest, one rep on a reps set."""
        if not DoseCommands.can_adjust(self, direction):
            return False
        ex = self._exercise(self.step)
        if self.step.kind is StepKind.WORK and ex is not None and ex.kind is Kind.REPS:
            return self.adjust_reps(1 if direction > 0 else -1)
        return self.adjust_time(ADJUST_SECONDS if direction > 0 else -ADJUST_SECONDS)

    def can_adjust(self: _Engine, direction: int) -> bool:
        """Whether the +/- key (`direction` above or below 0) would change anything now: not
        in a pain question or a re-test's set, nor past a dose's limit (1 s, 1 rep)."""
        step, ex, duration = self.step, self._exercise(self.step), self._time.duration
        if not self.running:
            return False
        if step.kind is StepKind.WORK and ex is not None and ex.kind is Kind.REPS:
            return dose_adjust.adjusted_reps(ex, 1 if direction > 0 else -1).reps != ex.reps
        delta_s = ADJUST_SECONDS if direction > 0 else -ADJUST_SECONDS
        if duration is None:
            return False
        if step.kind is StepKind.WORK and ex is not None:
            if ex.test is not None or ex.kind is not Kind.HOLD:
                return False  # a re-test's time is part of the test: a longer one is another
            return dose_adjust.adjusted_hold(ex, delta_s).hold_s != ex.hold_s
        return step.is_timed_pause and dose_adjust.shortened(duration, delta_s) != duration

    def adjust_time(self: _Engine, delta_s: float) -> bool:
        """Lengthen or shorten the current hold (and later sets of it) or the current rest."""
        step = self.step
        if not self.running or self._time.duration is None:
            return False
        now = self._clock.now()
        self._process(now)
        ex = self._exercise(step)
        if step.kind is StepKind.WORK and ex is not None and ex.test is not None:
            return False  # a re-test's time is part of the test: a longer one is another test
        if step.kind is StepKind.WORK and ex is not None and ex.kind is Kind.HOLD:
            changed = dose_adjust.adjusted_hold(ex, delta_s)
            old, new = float(ex.hold_s or 0), float(changed.hold_s or 0)
            if new == old:
                return False
            self._set_dose(changed, "hold_s", old, new, now, "adjusted")
            self._retime(new, now)
        elif step.is_timed_pause:
            new = dose_adjust.shortened(self._time.duration, delta_s)
            if new == self._time.duration:
                return False
            self._retime(new, now)
        else:
            return False
        self._process(now)
        self._flush()
        return True

    def adjust_reps(self: _Engine, delta: int) -> bool:
        """One rep more or fewer for this set and the later sets of this exercise."""
        step = self.step
        ex = self._exercise(step)
        if not self.running or ex is None or ex.kind is not Kind.REPS:
            return False
        now = self._clock.now()
        self._process(now)
        changed = dose_adjust.adjusted_reps(ex, delta)
        old, new = ex.reps or 0, changed.reps or 0
        if new == old:
            return False
        self._set_dose(changed, "reps", old, new, now, "adjusted")
        if step.kind is StepKind.WORK:
            self._retime(work_duration(self._doses[ex.id]), now)
            if self._time.duration is None and self._count >= movements_per_set(self._doses[ex.id]):
                self._complete_step(now)
        self._process(now)
        self._flush()
        return True

    def _set_dose(
        self: _Engine, new: Exercise, field: str, old: float, value: float, now: float, reason: str
    ) -> None:
        self._doses[new.id] = new
        self._later_s.clear()  # the session's time left changes with the dose
        change = dose_adjust.change_text(field, old, value)
        self.adjustments.setdefault(new.id, []).append(change)
        self._emit(DoseChanged(now, new.id, field, old, value, reason))

    def set_lead_in(self: _Engine, lead_in: Callable[[Exercise], float] | None) -> None:
        """A new lead-in rule (None: pauses as written; the voice was muted or failed).

        A lead-in in progress gives back what the old rule added, down to the time already
        run, and is never lengthened now: its words are being said, or were not queued.
        """
        self._lead_in = lead_in
        self._later_s.clear()
        if not self.running:
            return
        now = self._clock.now()
        self._process(now)
        step, ex, duration = self.step, self._exercise(self.step), self._time.duration
        if self.running and step.leads_in and ex is not None and duration is not None:
            wanted = 0.0 if lead_in is None else lead_in(ex) - step.planned_s
            cut = self._stretch - max(0.0, wanted)
            if cut > 0:
                self._stretch -= cut
                self._retime(max(self._time.elapsed(now), duration - cut), now)
                self._process(now)
        self._flush()

    def _retime(self: _Engine, duration: float | None, now: float) -> None:
        """A new length for the current step, with its timed marks rebuilt to match."""
        step_marks = marks.marks_for(self.step, self._exercise(self.step), duration)
        self._time.retime(duration, step_marks, now)

    def _lower_dose(self: _Engine, now: float, record: SetRecord) -> None:
        ex = self._doses[record.exercise_id]
        changed = dose_adjust.lowered(ex)
        reason = f"pain {record.pain}/10: lower dose"
        if ex.kind is Kind.HOLD:
            old, new = float(ex.hold_s or 0), float(changed.hold_s or 0)
            self._set_dose(changed, "hold_s", old, new, now, reason)
        else:
            self._set_dose(changed, "reps", ex.reps or 1, changed.reps or 1, now, reason)
