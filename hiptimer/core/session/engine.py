"""The session engine: runs a routine's steps on an injected monotonic clock.

Time is computed, never counted: a step's elapsed time is the running time
accumulated before the last pause plus `now - since`, so a late or dropped poll
cannot lose time. A driver (a QTimer in the app, a loop in tests) only calls
`update()` to let the engine look at the clock again; events that fall due are
delivered to subscribers in order, each with how late it was noticed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from hiptimer.core.clock import Clock, MonotonicClock, wall_now
from hiptimer.core.routines.model import Exercise, Kind, Routine, SideMode
from hiptimer.core.session import dose_adjust, marks
from hiptimer.core.session.events import (
    DoseChanged,
    EndReason,
    Event,
    ExerciseSkipped,
    PainChoice,
    PainChoiceMade,
    PainRated,
    PainRequested,
    Paused,
    RepCounted,
    RepUncounted,
    Resumed,
    SessionEnded,
    SessionStarted,
    SetCompleted,
    SetRecord,
    StepStarted,
)
from hiptimer.core.session.step_clock import StepClock
from hiptimer.core.session.steps import (
    SetKey,
    Step,
    StepKind,
    expand,
    movements_per_set,
    resume_plan,
    step_estimate,
    work_duration,
)
from hiptimer.core.session.view import SessionView, rep_state, reps_done

DEFAULT_PAIN_LIMIT = 5
ADJUST_SECONDS = 5

Listener = Callable[[Event], None]


class SessionEngine:
    """Steps through a routine: holds, paced and self-paced reps, rests, sides and pain prompts."""

    def __init__(
        self,
        routine: Routine,
        *,
        clock: Clock | None = None,
        wall: Callable[[], datetime] = wall_now,
        pain_limit: int = DEFAULT_PAIN_LIMIT,
        done_sets: Iterable[SetKey] = (),
        lead_in: Callable[[Exercise], float] | None = None,
    ) -> None:
        """`lead_in` gives the least time a lead-in to an exercise must last for the voice to
        read it (None: every pause lasts as written, as when the voice is off or muted)."""
        self.routine = routine
        self._lead_in = lead_in
        self.pain_limit = pain_limit
        self._clock = clock or MonotonicClock()
        self._wall = wall
        self._active = list(routine.active_exercises)
        self._doses: dict[str, Exercise] = {ex.id: ex for ex in self._active}
        self._steps = resume_plan(expand(routine), self._active, set(done_sets))
        self._listeners: list[Listener] = []
        self._queue: list[Event] = []
        self._dispatching = False
        self.records: list[SetRecord] = []
        self.adjustments: dict[str, list[str]] = {}
        self._index = 0
        self._started = False
        self._ended: EndReason | None = None
        self._paused = False
        self._done_s = 0.0  # active seconds of the steps already behind us
        self._reset_step_state(since=None)

    # ------------------------------------------------------------ subscribing

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, event: Event) -> None:
        self._queue.append(event)

    def _flush(self) -> None:
        # Listeners may call back into the engine; their events join the same queue in order.
        if self._dispatching:
            return
        self._dispatching = True
        try:
            while self._queue:
                event = self._queue.pop(0)
                for listener in list(self._listeners):
                    listener(event)
        finally:
            self._dispatching = False

    # ------------------------------------------------------------ state

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(self._steps)

    @property
    def step(self) -> Step:
        return self._steps[self._index]

    @property
    def started(self) -> bool:
        return self._started

    @property
    def ended(self) -> EndReason | None:
        return self._ended

    @property
    def running(self) -> bool:
        return self._started and self._ended is None

    @property
    def paused(self) -> bool:
        return self._paused

    def dose(self, exercise_id: str) -> Exercise:
        """The live dose of an exercise, with this session's adjustments."""
        return self._doses[exercise_id]

    def live_routine(self) -> Routine:
        """The routine with this session's dose changes applied."""
        routine = self.routine
        for ex in self._doses.values():
            routine = routine.replace_exercise(ex)
        return routine

    def _exercise(self, step: Step) -> Exercise | None:
        if 0 <= step.exercise_index < len(self._active):
            return self._doses[self._active[step.exercise_index].id]
        return None

    # ------------------------------------------------------------ driving

    def update(self) -> None:
        """Look at the clock: emit whatever fell due and move past finished steps."""
        if self.running:
            self._process(self._clock.now())
        self._flush()

    def _process(self, now: float) -> None:
        while self.running:
            for mark, at in self._time.due(now):
                self._emit(mark.make(at, max(0.0, now - at)))
            end = self._time.deadline_passed(now)
            if end is None:
                return
            # Finished: the next step starts at the exact deadline, not when we noticed.
            self._complete_step(end=end)

    # ------------------------------------------------------------ steps

    def _reset_step_state(self, since: float | None) -> None:
        self._time = StepClock(since=since)
        self._stretch = 0.0  # seconds the lead-in rule added to this pause
        self._count = 0
        self._awaiting_choice = False
        self._step_wall_start = self._wall()

    def _wall_at(self, mono: float) -> datetime:
        return self._wall() - timedelta(seconds=self._clock.now() - mono)

    def _start_step(self, index: int, at: float) -> None:
        self._index = index
        step = self.step
        self._paused = False
        clocked = step.kind not in (StepKind.PAIN, StepKind.DONE)
        self._reset_step_state(since=at if clocked else None)
        self._step_wall_start = self._wall_at(at)
        ex = self._exercise(step)
        duration = self._planned_duration(step, ex)
        self._time.duration = duration
        if step.is_timed_pause and duration is not None:
            self._stretch = max(0.0, duration - step.planned_s)
        self._time.marks = marks.marks_for(step, ex, duration)  # those at 0 s fire at once
        self._emit(
            StepStarted(
                at,
                step,
                ex,
                duration,
                first_of_exercise=self._is_first_work(index),
                next_exercise=self._following_exercise(step),
                next_step=self._steps[index + 1] if index + 1 < len(self._steps) else None,
            )
        )
        if step.kind is StepKind.DONE:
            self._finish(EndReason.COMPLETED, at)
        elif step.kind is StepKind.PAIN and self.records:
            self._emit(PainRequested(at, self.records[-1]))

    def _planned_duration(self, step: Step, ex: Exercise | None) -> float | None:
        if step.leads_in and ex is not None and self._lead_in is not None:
            return max(step.planned_s, self._lead_in(ex))
        if step.is_timed_pause:
            return step.planned_s
        if step.kind is StepKind.WORK and ex is not None:
            return work_duration(ex)
        return None

    def _is_first_work(self, index: int) -> bool:
        step = self._steps[index]
        if step.kind is not StepKind.WORK:
            return False
        return not any(
            s.kind is StepKind.WORK and s.exercise_index == step.exercise_index
            for s in self._steps[:index]
        )

    def _following_exercise(self, step: Step) -> Exercise | None:
        """The next exercise: for a lead-in (get-ready, rest after an exercise) the one it leads to."""
        if step.leads_in:
            return self._exercise(step)
        for later in self._steps[self._index + 1 :]:
            if later.kind is StepKind.WORK and later.exercise_index != step.exercise_index:
                return self._exercise(later)
        return None

    def _complete_step(self, end: float, *, early: bool = False) -> None:
        """Close the current step at monotonic time `end` and start the next one there."""
        step = self.step
        if step.kind is StepKind.WORK:
            self._record_set(step, end, early=early)
        self._done_s += self._time.elapsed(end)
        self._start_step(self._index + 1, end)

    def _record_set(
        self, step: Step, end: float, *, early: bool, skipped: bool = False, current: bool = True
    ) -> SetRecord:
        """Record a set; `current` is False for later sets skipped before they began."""
        ex = self._exercise(step)
        assert ex is not None
        elapsed = self._time.shown_elapsed(end) if current else 0.0
        count = self._count if current else 0
        planned_hold = ex.hold_s if ex.kind is Kind.HOLD else None
        planned_reps = ex.reps if ex.kind is Kind.REPS else None
        actual_hold: float | None = None
        actual_reps: int | None = None
        if ex.kind is Kind.HOLD:
            actual_hold = round(elapsed, 1) if early or skipped else planned_hold
            completed = not early and not skipped
        else:
            actual_reps = reps_done(ex, elapsed, count) if early or skipped else planned_reps
            completed = not skipped and (actual_reps or 0) >= (planned_reps or 0)
        started = self._step_wall_start if current else self._wall_at(end)
        record = SetRecord(
            index=len(self.records),
            exercise_id=ex.id,
            exercise_name=ex.name,
            side=step.side,
            set_number=step.set_number,
            planned_hold_s=planned_hold,
            actual_hold_s=actual_hold,
            planned_reps=planned_reps,
            actual_reps=actual_reps,
            completed=completed,
            skipped=skipped,
            started_at=started,
            # The wall clock may have been set back during the set: never end before the start.
            ended_at=max(self._wall_at(end), started),
            adjustment="; ".join(self.adjustments.get(ex.id, [])),
        )
        self.records.append(record)
        if not skipped:
            self._emit(SetCompleted(end, record))
        return record

    def _finish(self, reason: EndReason, at: float) -> None:
        self._ended = reason
        self._time.stop()
        self._emit(SessionEnded(at, reason, tuple(self.records)))

    # ------------------------------------------------------------ commands

    def start(self) -> None:
        if self._started:
            return
        now = self._clock.now()
        self._started = True
        self._emit(SessionStarted(now, self.routine))
        self._start_step(0, now)
        self._process(now)
        self._flush()

    def pause(self) -> None:
        if not self.running or self._paused:
            return
        now = self._clock.now()
        self._process(now)
        self._time.pause(now)
        self._paused = True
        self._emit(Paused(now))
        self._flush()

    def resume(self) -> None:
        if not self.running or not self._paused:
            return
        now = self._clock.now()
        self._paused = False
        if self.step.kind not in (StepKind.PAIN, StepKind.DONE):
            self._time.resume(now)
        self._emit(Resumed(now))
        self._flush()

    def toggle_pause(self) -> None:
        if self._paused:
            self.resume()
        else:
            self.pause()

    def next(self) -> bool:
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

    def back(self) -> bool:
        """Repeat the previous set (from a rest: the set just done); at the start, restart."""
        if not self._can_navigate():
            return False
        now = self._clock.now()
        target = next(
            (j for j in range(self._index - 1, -1, -1) if self._steps[j].kind is StepKind.WORK),
            0,
        )
        self._done_s += self._time.elapsed(now)
        self._start_step(target, now)
        self._process(now)
        self._flush()
        return True

    def skip_exercise(self) -> bool:
        """Skip the exercise in progress (or, in a lead-in, the one coming up)."""
        if not self._can_navigate():
            return False
        now = self._clock.now()
        self._skip_rest_of_exercise(now, include_current=True)
        self._flush()
        return True

    def _skip_rest_of_exercise(self, now: float, *, include_current: bool) -> None:
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

    def _can_navigate(self) -> bool:
        return self.running and self.step.kind not in (StepKind.PAIN, StepKind.DONE)

    def adjust(self, direction: int) -> bool:
        """The +/- key: 5 s on a hold or rest, one rep on a reps set."""
        if not self.running:
            return False
        ex = self._exercise(self.step)
        if self.step.kind is StepKind.WORK and ex is not None and ex.kind is Kind.REPS:
            return self.adjust_reps(1 if direction > 0 else -1)
        return self.adjust_time(ADJUST_SECONDS if direction > 0 else -ADJUST_SECONDS)

    def adjust_time(self, delta_s: float) -> bool:
        """Lengthen or shorten the current hold (and later sets of it) or the current rest."""
        step = self.step
        if not self.running or self._time.duration is None:
            return False
        now = self._clock.now()
        self._process(now)
        ex = self._exercise(step)
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

    def adjust_reps(self, delta: int) -> bool:
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
        self, new: Exercise, field: str, old: float, value: float, now: float, reason: str
    ) -> None:
        self._doses[new.id] = new
        unit = " s" if field == "hold_s" else " reps"
        label = "hold" if field == "hold_s" else "reps"
        self.adjustments.setdefault(new.id, []).append(f"{label} {old:g} -> {value:g}{unit}")
        self._emit(DoseChanged(now, new.id, field, old, value, reason))

    def set_lead_in(self, lead_in: Callable[[Exercise], float] | None) -> None:
        """A new lead-in rule (None: pauses as written; the voice was muted or failed).

        A lead-in in progress gives back what the old rule added, down to the time already
        run, and is never lengthened now: its words are being said, or were not queued.
        """
        self._lead_in = lead_in
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

    def _retime(self, duration: float | None, now: float) -> None:
        """A new length for the current step, with its timed marks rebuilt to match."""
        step_marks = marks.marks_for(self.step, self._exercise(self.step), duration)
        self._time.retime(duration, step_marks, now)

    def count_rep(self) -> bool:
        """Count one self-paced rep (Space or Enter); the set ends at its target."""
        step = self.step
        ex = self._exercise(step)
        if not self.running or step.kind is not StepKind.WORK or ex is None:
            return False
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

    def uncount_rep(self) -> bool:
        """Take back the last self-paced count (Backspace): a press too many, or by mistake."""
        step = self.step
        ex = self._exercise(step)
        if not self.running or step.kind is not StepKind.WORK or ex is None:
            return False
        if ex.kind is not Kind.REPS or self._time.duration is not None or self._count == 0:
            return False
        now = self._clock.now()
        self._count -= 1
        alternating = ex.sides is SideMode.ALTERNATING
        count = self._count // 2 if alternating else self._count
        self._emit(RepUncounted(now, step, count, ex.reps or 0))
        self._flush()
        return True

    def rate_pain(self, rating: int) -> bool:
        """Record the pain rating for the set just done; above the limit, ask what to do."""
        if not self._awaiting_rating() or not 0 <= rating <= 10:
            return False
        now = self._clock.now()
        record = self.records[-1]
        record.pain = rating
        above = rating > self.pain_limit
        self._emit(PainRated(now, record, above))
        if above:
            self._awaiting_choice = True
        else:
            self._complete_step(now)
            self._process(now)
        self._flush()
        return True

    def skip_pain(self) -> bool:
        """Go on without rating this set."""
        if not self._awaiting_rating():
            return False
        now = self._clock.now()
        self._complete_step(now)
        self._process(now)
        self._flush()
        return True

    def choose(self, choice: PainChoice) -> bool:
        """After a rating above the limit: stop this exercise, lower the dose, or continue."""
        if not (self.running and self.step.kind is StepKind.PAIN and self._awaiting_choice):
            return False
        now = self._clock.now()
        record = self.records[-1]
        record.pain_choice = choice
        self._awaiting_choice = False
        self._emit(PainChoiceMade(now, record, choice))
        if choice is PainChoice.STOP:
            self._skip_rest_of_exercise(now, include_current=False)
        else:
            if choice is PainChoice.LOWER:
                self._lower_dose(now, record)
            self._complete_step(now)
            self._process(now)
        self._flush()
        return True

    def _lower_dose(self, now: float, record: SetRecord) -> None:
        ex = self._doses[record.exercise_id]
        changed = dose_adjust.lowered(ex)
        reason = f"pain {record.pain}/10: lower dose"
        if ex.kind is Kind.HOLD:
            old, new = float(ex.hold_s or 0), float(changed.hold_s or 0)
            self._set_dose(changed, "hold_s", old, new, now, reason)
        else:
            self._set_dose(changed, "reps", ex.reps or 1, changed.reps or 1, now, reason)

    def _awaiting_rating(self) -> bool:
        return (
            self.running
            and self.step.kind is StepKind.PAIN
            and not self._awaiting_choice
            and bool(self.records)
        )

    def end(self, reason: EndReason = EndReason.ENDED_EARLY) -> None:
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

    # ------------------------------------------------------------ the view

    def view(self) -> SessionView:
        now = self._clock.now()
        step = self.step
        ex = self._exercise(step)
        elapsed = self._time.shown_elapsed(now)
        remaining = self._time.remaining(now)
        rep = rep_state(step, ex, elapsed, self._count)
        return SessionView(
            step=step,
            exercise=ex,
            duration_s=self._time.duration,
            elapsed_s=elapsed,
            remaining_s=remaining,
            paused=self._paused,
            reps_done=rep.done,
            reps_target=rep.target,
            rep_phase=rep.phase,
            rep_side=rep.side,
            awaiting_pain=self._awaiting_rating(),
            awaiting_choice=self._awaiting_choice,
            next_exercise=self._following_exercise(step),
            session_elapsed_s=self._done_s + (elapsed if self._started else 0.0),
            session_remaining_s=(remaining or 0.0) + self._future_estimate(),
            started=self._started,
            ended=self._ended is not None,
            rep_phase_elapsed_s=rep.phase_elapsed_s,
            rep_phase_s=rep.phase_s,
        )

    def _future_estimate(self) -> float:
        """Expected seconds of the steps after this one (all of them before the start)."""
        first = self._index if not self._started else self._index + 1
        total = 0.0
        for step in self._steps[first:]:
            ex = self._exercise(step)
            pause = self._planned_duration(step, ex) if step.is_timed_pause else None
            total += pause if pause is not None else step_estimate(step, ex)
        return total
