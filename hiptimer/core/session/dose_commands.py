"""The doses of a running session: those in force, the +/- keys on a hold, a set of reps or a
rest, the voice's lead-in rule, and the lower dose chosen after pain. A part of SessionEngine,
kept apart so the engine's own file is about stepping through time."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, Protocol

from hiptimer.core.routines.model import Exercise, Kind, Routine
from hiptimer.core.session import dose_adjust, marks
from hiptimer.core.session.engine_parts import EngineCore
from hiptimer.core.session.events import DoseChanged, SetRecord
from hiptimer.core.session.steps import StepKind, movements_per_set, work_duration

ADJUST_SECONDS = 5


class _Engine(EngineCore, Protocol):
    """What these commands use of the engine besides its core (SessionEngine has all of it)."""

    routine: Routine
    _doses: dict[str, Exercise]
    _lead_in: Callable[[Exercise], float] | None
    _later_s: dict[int, float]
    _stretch: float
    adjustments: dict[str, list[str]]
    _index: int
    _keys_now: tuple[tuple[object, ...], tuple[bool, bool]] | None

    def can_adjust(self, direction: int) -> bool: ...
    def _adjusted(self, direction: int) -> _Adjusted | None: ...
    def _retime(self, duration: float | None, now: float) -> None: ...
    def _set_dose(self, change: dose_adjust.SessionDoseChange, now: float, reason: str) -> None: ...


class _Adjusted(NamedTuple):
    """What the +/- key would make of the current step: its new length, and the exercise at
    its new dose (None in a get-ready or a rest, which change no dose)."""

    duration: float | None  # None: a self-paced set, which the count ends
    dose: Exercise | None


class DoseCommands:
    """The engine's dose commands (a mixin: every method's self is the whole engine)."""

    # What keys_now last answered, and for which step, length and dose (the exercise itself,
    # which a change of dose replaces: comparing it is comparing identities until then).
    _keys_now: tuple[tuple[object, ...], tuple[bool, bool]] | None = None

    def dose(self: _Engine, exercise_id: str) -> Exercise:
        """The live dose of an exercise, with this session's adjustments."""
        return self._doses[exercise_id]

    def live_routine(self: _Engine) -> Routine:
        """The routine with this session's dose changes applied."""
        routine = self.routine
        for ex in self._doses.values():
            routine = routine.replace_exercise(ex)
        return routine

    def adjust(self: _Engine, direction: int) -> bool:
        """The +/- key (`direction` above or below 0): 5 s on a hold or a pause, one rep on a
        reps set; a hold's or a set's change holds for the exercise's later sets too.

        Where the screen shows the key greyed (can_adjust) it does nothing, and does not look
        at the clock. A key pressed for a step whose time ran out since the last poll does
        nothing either: it was meant for the step on screen (a pause's "+5 s"), and made the
        hold that began a lasting dose change.
        """
        if self._adjusted(direction) is None:
            return False
        now = self._clock.now()
        meant_for = self._index
        self._process(now)
        change = self._adjusted(direction) if self._index == meant_for else None
        if change is not None:
            ex = self._exercise(self.step)
            if change.dose is not None and ex is not None:
                self._set_dose(dose_adjust.dose_change(ex, change.dose), now, "adjusted")
            self._retime(change.duration, now)
            # A self-paced set whose new target is already reached ends.
            dose, counted = change.dose, self._count
            if dose is not None and change.duration is None and counted >= movements_per_set(dose):
                self._complete_step(now)
            self._process(now)
        self._flush()
        return change is not None

    def can_adjust(self: _Engine, direction: int) -> bool:
        """Whether the +/- key (`direction` above or below 0) would change anything now: not
        in a pain question or a re-test's set, nor past a dose's limit (1 s, 1 rep)."""
        return self._adjusted(direction) is not None

    def keys_now(self: _Engine) -> tuple[bool, bool]:
        """can_adjust(+1) and can_adjust(-1), worked out again only when the step, its length or
        its dose changed: the view asks twice a tick, and each answer builds an Exercise."""
        key = (self._index, self._time.duration, self.running, self._exercise(self.step))
        if self._keys_now is None or self._keys_now[0] != key:
            self._keys_now = (key, (self.can_adjust(+1), self.can_adjust(-1)))
        return self._keys_now[1]

    def _adjusted(self: _Engine, direction: int) -> _Adjusted | None:
        """What +/- would change now, or None where it changes nothing."""
        if not self.running:
            return None
        step, ex, duration = self.step, self._exercise(self.step), self._time.duration
        if step.kind is StepKind.WORK and ex is not None and ex.kind is Kind.REPS:
            more = dose_adjust.adjusted_reps(ex, 1 if direction > 0 else -1)
            return None if more.reps == ex.reps else _Adjusted(work_duration(more), more)
        delta_s = ADJUST_SECONDS if direction > 0 else -ADJUST_SECONDS
        if duration is None:
            return None
        if step.kind is StepKind.WORK and ex is not None:
            if ex.test is not None or ex.kind is not Kind.HOLD:
                return None  # a re-test's time is part of the test: a longer one is another
            more = dose_adjust.adjusted_hold(ex, delta_s)
            longer = float(more.hold_s or 0)
            return None if longer == float(ex.hold_s or 0) else _Adjusted(longer, more)
        if not step.is_timed_pause:
            return None
        pause = dose_adjust.shortened(duration, delta_s)
        return None if pause == duration else _Adjusted(pause, None)

    def _set_dose(
        self: _Engine, change: dose_adjust.SessionDoseChange, now: float, reason: str
    ) -> None:
        self._doses[change.dose.id] = change.dose
        self._later_s.clear()  # the session's time left changes with the dose
        self.adjustments.setdefault(change.dose.id, []).append(change.text)
        self._emit(DoseChanged(now, change.dose.id, change.field, change.old, change.new, reason))

    def set_lead_in(
        self: _Engine, lead_in: Callable[[Exercise], float] | None, *, keep_current: bool = False
    ) -> None:
        """A new lead-in rule (None: pauses as written; the voice was muted or failed).

        A lead-in in progress gives back what the old rule added, down to the time already
        run, and is never lengthened now: its words are being said, or were not queued.
        With `keep_current` (the voice failed: nobody asked for less) it keeps its length, so
        that the count on screen runs on rather than jumping down (0:24 to 0:10 a moment
        after a get-ready began, where the first words found no sound device); the later
        lead-ins follow the new rule.
        """
        self._lead_in = lead_in
        self._later_s.clear()
        if not self.running or keep_current:
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
        change = dose_adjust.lowered_change(self._doses[record.exercise_id])
        self._set_dose(change, now, f"pain {record.pain}/10: lower dose")
