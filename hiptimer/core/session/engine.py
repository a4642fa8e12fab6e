"""The session engine: runs a routine's steps on an injected monotonic clock.

Time is computed, never counted: a step's elapsed time is the running time
accumulated before the last pause plus `now - since`, so a late or dropped poll
cannot lose time. A driver (a QTimer in the app, a loop in tests) only calls
`update()` to let the engine look at the clock again; events that fall due are
delivered to subscribers in order, each with how late it was noticed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from hiptimer.core.clock import Clock, MonotonicClock, wall_now
from hiptimer.core.routines.model import Exercise, Routine, reads_first
from hiptimer.core.session import marks
from hiptimer.core.session.dose_adjust import DosesInForce, carried_changes
from hiptimer.core.session.dose_commands import DoseCommands
from hiptimer.core.session.events import (
    EndReason,
    Event,
    PainRequested,
    ResultRequested,
    SessionEnded,
    SessionStarted,
    SetCompleted,
    SetRecord,
    StepStarted,
)
from hiptimer.core.session.moves import MoveCommands
from hiptimer.core.session.ratings import RatingCommands
from hiptimer.core.session.results import ResultCommands
from hiptimer.core.session.set_record import set_record
from hiptimer.core.session.step_clock import StepClock
from hiptimer.core.session.steps import (
    UNTIMED,
    SetKey,
    Step,
    StepKind,
    counts_by_key,
    expand,
    first_work_steps,
    next_set,
    pain_step_of,
    resume_plan,
    step_estimate,
    work_duration,
)
from hiptimer.core.session.view import SessionView, rep_state

DEFAULT_PAIN_LIMIT = 5
# The wall clock ahead of the session's steady one by more than this has been asleep (or set
# forward); less is the two clocks' drift and the moments between their readings.
SLEPT = timedelta(seconds=2)

Listener = Callable[[Event], None]


class SessionEngine(MoveCommands, DoseCommands, RatingCommands, ResultCommands):
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
        in_force: DosesInForce | None = None,
        to_rate: SetRecord | None = None,
    ) -> None:
        """`lead_in` gives the least time a lead-in to an exercise must last for the voice to
        read it (None: every pause lasts as written, as when the voice is off or muted).
        A resumed session goes on after `done_sets` at the doses `in_force` when it stopped;
        `to_rate`, the last set done then, whose pain question the stop cut off, is asked first."""
        self.routine = routine
        self._lead_in = lead_in
        self.pain_limit = pain_limit
        self._clock = clock or MonotonicClock()
        self._wall = wall
        self._anchor: tuple[float, datetime] | None = None  # (monotonic, wall) at the start
        self._active = list(routine.active_exercises)
        carried = in_force or DosesInForce()
        self._doses = {ex.id: carried.doses.get(ex.id, ex) for ex in self._active}
        self.carried_changes = carried_changes(self._active, carried)  # for the screen's note
        get_ready_s = routine.rests.get_ready_s
        # With the voice on as the session starts, a 0 s pause before words to read is a
        # lead-in too (steps.expand); muted later, it passes in no time.
        voiced = functools.partial(reads_first, lead_in)
        steps = expand(routine, voiced)
        self._steps = resume_plan(steps, self._active, set(done_sets), get_ready_s, voiced)
        question = pain_step_of(steps, self._active, to_rate.key) if to_rate else None
        self._to_rate = to_rate if question else None
        self._first_step = 0 if question is None else 1  # Back never returns to that question
        if question is not None:
            self._steps.insert(0, question)
        # The seconds left after each step, by index: the view asks every tick, and the sum
        # runs over every later step. Emptied when a dose or the lead-in rule changes.
        self._later_s: dict[int, float] = {}
        self._first_work = first_work_steps(self._steps)
        self._listeners: list[Listener] = []
        self._queue: list[Event] = []
        self._dispatching = False
        self.records: list[SetRecord] = []
        self.adjustments = {ex_id: list(c) for ex_id, c in carried.changes.items()}
        self._index = 0
        self._started = False
        self._ended: EndReason | None = None
        self._paused = False
        self._done_s = 0.0  # active seconds of the steps already behind us
        self._rated_step: int | None = None  # the pain step just answered (see ratings.py)
        self._rerating = False  # the pain step is open again: its answer changes the rating
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

    def to_next_mark_s(self) -> float | None:
        """Seconds until the step's next mark (a countdown number, a cue, a rep's phase) falls
        due; None while paused, outside a running session or with no mark left. A driver on a
        fake clock can land on each mark instead of polling every tenth of a second."""
        if not self.running or self._paused:
            return None
        return self._time.to_next_mark(self._clock.now())

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
        # While paused nothing falls due: a step reached by a key during a pause fires even
        # its marks at 0 s only once resumed.
        while self.running and not self._paused:
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

    def wall_at(self, mono: float) -> datetime:
        """The wall time of monotonic moment `mono`: the wall clock read as the session started,
        plus the monotonic time since. A clock set back mid-session (NTP, travel, a user's fix)
        then moves no set and no duration; a wall clock that runs ahead of that is followed,
        as it is what a laptop that slept with its lid shut shows (the monotonic clock stops
        while it sleeps), so sets after a sleep keep the day and hour they were done on
        (docs/history.md)."""
        seen = self._wall() - timedelta(seconds=self._clock.now() - mono)
        if self._anchor is None:
            return seen
        start, wall = self._anchor
        steady = wall + timedelta(seconds=mono - start)
        if seen - steady > SLEPT:
            self._anchor = (start, wall + (seen - steady))  # the time slept counts from now on
            return seen
        return steady

    def _start_step(self, index: int, at: float) -> None:
        self._index = index
        step = self.step
        clocked = step.kind not in UNTIMED
        ex = self._exercise(step)
        duration = self._planned_duration(step, ex)
        # A pause lasts until resume(), as in any player: a step key pressed while paused
        # moves and the new step waits. A step that waits for the user anyway (the pain
        # question, self-paced reps: a set without a length) has no clock to hold, so it
        # ends the pause.
        self_paced = step.kind is StepKind.WORK and duration is None
        self._paused = self._paused and clocked and not self_paced
        self._reset_step_state(since=at if clocked and not self._paused else None)
        self._step_wall_start = self.wall_at(at)
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
                first_of_exercise=index in self._first_work,
                next_exercise=self._following_exercise(step),
                next_step=self._steps[index + 1] if index + 1 < len(self._steps) else None,
                paused=self._paused,
            )
        )
        if step.kind is StepKind.DONE:
            self._finish(EndReason.COMPLETED, at)
        elif step.kind is StepKind.PAIN and (record := self._rated_record) is not None:
            self._emit(PainRequested(at, record))
        elif step.kind is StepKind.MEASURE and self.records:
            self._emit(ResultRequested(at, self.records[-1]))

    def _planned_duration(self, step: Step, ex: Exercise | None) -> float | None:
        if step.leads_in and ex is not None and self._lead_in is not None:
            return max(step.planned_s, self._lead_in(ex))
        if step.is_timed_pause:
            return step.planned_s
        if step.kind is StepKind.WORK and ex is not None:
            return work_duration(ex)
        return None

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
        record = set_record(
            ex,
            step,
            index=len(self.records),
            elapsed=self._time.shown_elapsed(end) if current else 0.0,
            count=self._count if current else 0,
            early=early,
            skipped=skipped,
            started=self._step_wall_start if current else self.wall_at(end),
            ended=self.wall_at(end),
            adjustments=self.adjustments.get(ex.id, []),
        )
        self.records.append(record)
        if not skipped:
            self._emit(SetCompleted(end, record))
        return record

    def _finish(self, reason: EndReason, at: float) -> None:
        self._ended = reason
        self._time.stop()
        self._emit(SessionEnded(at, reason, tuple(self.records)))

    # ------------------------------------------------------------ the start (moves.py: the rest)

    def start(self) -> None:
        if self._started:
            return
        now = self._clock.now()
        self._started = True
        self._anchor = (now, self._wall())
        self._emit(SessionStarted(now, self.routine))
        self._start_step(0, now)
        self._process(now)
        self._flush()

    # ------------------------------------------------------------ the view

    def view(self) -> SessionView:
        now = self._clock.now()
        step = self.step
        ex = self._exercise(step)
        elapsed = self._time.shown_elapsed(now)
        remaining = self._time.remaining(now)
        rep = rep_state(step, ex, elapsed, self._count)
        more, less = self.keys_now()
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
            rating_changeable=self.can_change_rating(),
            last_rating=self._rated_record.pain if self._rated_record else None,
            rerating=self._rerating,
            can_lower=self._awaiting_choice and self.can_lower(),
            can_more=more,
            can_less=less,
            can_uncount=self.can_uncount(),
            can_back=self.can_back(),
            next_set=next_set(self._steps, self._index),
            awaiting_result=self.running and step.kind is StepKind.MEASURE,
            counted=self._count
            if ex and step.kind is StepKind.WORK and counts_by_key(ex)
            else None,
        )

    def _future_estimate(self) -> float:
        """Expected seconds of the steps after this one (all of them before the start)."""
        first = self._index if not self._started else self._index + 1
        known = self._later_s.get(first)
        if known is not None:
            return known
        total = 0.0
        for step in self._steps[first:]:
            ex = self._exercise(step)
            pause = self._planned_duration(step, ex) if step.is_timed_pause else None
            total += pause if pause is not None else step_estimate(step, ex)
        self._later_s[first] = total
        return total
