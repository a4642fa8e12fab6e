"""The running time of one step, computed from a monotonic clock, never counted in ticks.

Elapsed time is what ran before the last pause plus `now - since` while running, so a late or
dropped poll cannot lose time, and a step ends at its exact deadline however late that is seen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hiptimer.core.session.marks import Mark


@dataclass
class StepClock:
    """Elapsed and remaining time of the current step, and which of its marks fell due."""

    since: float | None = None  # running since; None while paused, and for untimed prompts
    duration: float | None = None  # None: no clock ends the step (self-paced reps, prompts)
    accum: float = 0.0  # time run before the last pause
    marks: list[Mark] = field(default_factory=list)
    next_mark: int = 0

    def elapsed(self, now: float) -> float:
        running = now - self.since if self.since is not None else 0.0
        return self.accum + running

    def shown_elapsed(self, now: float) -> float:
        """Elapsed time, never past the step's end."""
        elapsed = self.elapsed(now)
        return elapsed if self.duration is None else min(elapsed, self.duration)

    def remaining(self, now: float) -> float | None:
        if self.duration is None:
            return None
        return max(0.0, self.duration - self.shown_elapsed(now))

    def pause(self, now: float) -> None:
        if self.since is not None:
            self.accum += now - self.since
            self.since = None

    def resume(self, now: float) -> None:
        self.since = now

    def stop(self) -> None:
        self.since = None

    def due(self, now: float) -> list[tuple[Mark, float]]:
        """The marks reached since the last call, each with the moment it fell due."""
        elapsed = self.elapsed(now)
        upto = self.shown_elapsed(now)
        origin = now - elapsed  # when the step would have started had it never paused
        fired = []
        while self.next_mark < len(self.marks) and self.marks[self.next_mark].offset <= upto:
            mark = self.marks[self.next_mark]
            self.next_mark += 1
            fired.append((mark, origin + mark.offset))
        return fired

    def to_next_mark(self, now: float) -> float | None:
        """Running seconds until the next mark falls due (0 if it has already); None when
        the clock is stopped or every mark has fired."""
        if self.since is None or self.next_mark >= len(self.marks):
            return None
        return max(0.0, self.marks[self.next_mark].offset - self.elapsed(now))

    def deadline_passed(self, now: float) -> float | None:
        """The exact moment a running step ended, once its time has run out; else None."""
        if self.duration is None or self.since is None:
            return None
        over = self.elapsed(now) - self.duration
        return now - over if over >= 0 else None

    def retime(self, duration: float | None, marks: list[Mark], now: float) -> None:
        """A new length and marks; marks already passed do not fire again."""
        self.duration = duration
        self.marks = marks
        elapsed = self.elapsed(now)
        self.next_mark = sum(1 for m in marks if m.offset <= elapsed)
