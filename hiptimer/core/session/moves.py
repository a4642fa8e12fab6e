"""The user's moves through a session: pause and resume, next, back, skip an exercise, count
and un-count a self-paced rep, end it. A part of SessionEngine, kept apart so the engine's own
file is about time."""

from __future__ import annotations

from typing import Protocol

from hiptimer.core.routines.model import Kind, SideMode
from hiptimer.core.session.engine_parts import EngineCore
from hiptimer.core.session.events import (
    EndReason,
    ExerciseSkipped,
    Paused,
    RepCounted,
    RepUncounted,
    Resumed,
    SetRecord,
)
from hiptimer.core.session.steps import UNTIMED, Step, StepKind, counts_by_key, movements_per_set


class _Engine(EngineCore, Protocol):
    """What these commands use of the engine besides its core (SessionEngine has all of it)."""

    _steps: list[Step]
    _index: int
    _first_step: int  # 1 when a resumed session first asks a rating the stop cut off
    _done_s: float
    _paused: bool

    def resume(self) -> None: ...
    def pause(self) -> None: ...
    def _can_navigate(self) -> bool: ...
    def _finish(self, reason: EndReason, at: float) -> None: ...
    def _start_step(self, index: int, at: float) -> None: ...
    def _record_set(
        self, step: Step, end: float, *, early: bool, skipped: bool = False, current: bool = True
    ) -> SetRecord: ...
    def _skip_rest_of_exercise(self, now: float, *, include_current: bool) -> None: ...
    def can_uncount(self) -> bool: ...
    def can_back(self) -> bool: ...


class MoveCommands:
    """The engine's moves (a mixin: every method's self is the whole engine)."""

    def pause(self: _Engine) -> None:
        if not self.running or self._paused:
            return
        now = self._clock.now()
        self._process(now)
        self._time.pause(now)
        self._paused = True
        self._emit(Paused(now))
        self._flush()

    def resume(self: _Engine) -> None:
        if not self.running or not self._paused:
            return
        now = self._clock.now()
        self._paused = False
        if self.step.kind not in UNTIMED:
            self._time.resume(now)
        self._emit(Resumed(now))
        self._process(now)  # a step reached during the pause: its marks at 0 s fire now
        self._flush()

    def toggle_pause(self: _Engine) -> None:
        if self._paused:
            self.resume()
        else:
            self.pause()

    def _can_navigate(self: _Engine) -> bool:
        return self.running and self.step.kind not in UNTIMED

    def end(self: _Engine, reason: EndReason = EndReason.ENDED_EARLY) -> None:
        """End the session now; a set in progress is recorded as far as it got."""
        if not self.running:
            return
        now = self._clock.now()
        self._process(now)
        if self.running and self.step.kind is StepKind.WORK and self._time.elapsed(now) > 0:
            self._record_set(self.step, now, early=True)
        if self.running:
            self._done_s += self._time.elapsed(now)
            self._finish(reason, now)
        self._flush()

    def next(self: _Engine) -> bool:
        """Finish the current step now. A hold ended early records the time actually held."""
        if not self._can_navigate():
            return False
        now = self._clock.now()
        self._process(now)
        if not self._can_navigate():
            self._flush()
            return False
        self._complete_step(now, early=self.step.kind is StepKind.WORK)
        self._process(now)
        self._flush()
        return True

    def can_back(self: _Engine) -> bool:
        """Whether Back goes anywhere: not from the first step (the get-ready before the first
        set), where it only restarted that get-ready and dropped a +5 s added to it."""
        return self._can_navigate() and self._index > self._first_step

    def back(self: _Engine) -> bool:
        """Repeat the previous set (from a rest: the set just done; from the first set: its
        get-ready)."""
        if not self.can_back():
            return False
        now = self._clock.now()
        target = next(
            (j for j in range(self._index - 1, -1, -1) if self._steps[j].kind is StepKind.WORK),
            self._first_step,
        )
        self._done_s += self._time.elapsed(now)
        self._start_step(target, now)
        self._process(now)
        self._flush()
        return True

    def skip_exercise(self: _Engine) -> bool:
        """Skip the exercise in progress (or, in a lead-in, the one coming up)."""
        if not self._can_navigate():
            return False
        now = self._clock.now()
        self._skip_rest_of_exercise(now, include_current=True)
        self._flush()
        return True

    def _skip_rest_of_exercise(self: _Engine, now: float, *, include_current: bool) -> None:
        target = self.step.exercise_index
        ex = self._exercise(self.step)
        if ex is None:
            return
        skipped: list[SetRecord] = []
        start = self._index if include_current else self._index + 1
        for k in range(start, len(self._steps)):
            step = self._steps[k]
            if step.exercise_index != target:
                break
            if step.kind is StepKind.WORK:
                current = k == self._index
                skipped.append(
                    self._record_set(step, now, early=True, skipped=True, current=current)
                )
        jump = next(
            (
                k
                for k in range(self._index + 1, len(self._steps))
                if self._steps[k].exercise_index != target
            ),
            len(self._steps) - 1,
        )
        self._emit(ExerciseSkipped(now, ex, tuple(skipped)))
        self._done_s += self._time.elapsed(now)
        self._start_step(jump, now)
        self._process(now)

    def count_rep(self: _Engine) -> bool:
        """Count one self-paced rep (Enter); the set ends at its target."""
        step = self.step
        ex = self._exercise(step)
        if not self.running or step.kind is not StepKind.WORK or ex is None:
            return False
        if counts_by_key(ex):  # a timed re-test: count each movement; the clock ends the set
            if self._paused:
                return False
            now = self._clock.now()
            self._count += 1
            self._emit(RepCounted(now, step, self._count, 0))
            self._flush()
            return True
        if ex.kind is not Kind.REPS or self._time.duration is not None:
            return False
        now = self._clock.now()
        if self._paused:
            self.resume()
        self._count += 1
        target = movements_per_set(ex)
        # Each press is one leg when sides alternate; a rep is counted once both legs moved.
        if ex.sides is not SideMode.ALTERNATING:
            self._emit(RepCounted(now, step, self._count, target))
        elif self._count % 2 == 0:
            self._emit(RepCounted(now, step, self._count // 2, ex.reps or 0))
        if self._count >= target:
            self._complete_step(now)
            self._process(now)
        self._flush()
        return True

    def can_uncount(self: _Engine) -> bool:
        """Whether Backspace has a count to take back: a press counted in this set (a press of
        one leg too, when sides alternate, before its rep is whole)."""
        step = self.step
        ex = self._exercise(step)
        if not self.running or step.kind is not StepKind.WORK or ex is None or self._count == 0:
            return False
        return counts_by_key(ex) or (ex.kind is Kind.REPS and self._time.duration is None)

    def uncount_rep(self: _Engine) -> bool:
        """Take back the last self-paced count (Backspace): a press too many, or by mistake."""
        if not self.can_uncount():
            return False
        step = self.step
        ex = self._exercise(step)
        assert ex is not None  # can_uncount: a set of an exercise
        now = self._clock.now()
        self._count -= 1
        alternating = ex.sides is SideMode.ALTERNATING
        count = self._count // 2 if alternating else self._count
        self._emit(RepUncounted(now, step, count, ex.reps or 0))
        self._flush()
        return True
