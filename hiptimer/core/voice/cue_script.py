"""A whole session's voice as a timed script: the real engine on a fake clock, then a speech model.

The engine runs a session in milliseconds while a simulated user answers pain prompts at
once and presses space on self-paced reps. Every phrase is then passed through a model of
the speech service: one phrase at a time, about 0.075 s per character (espeak's default
rate of ~175 words a minute, pauses included); a phrase that would start too late for its
`stale_after_s` is dropped, and an interrupting phrase cuts off speech from earlier moments.
"""

from __future__ import annotations

import itertools
import math
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.routines.model import SELF_PACED_REP_S, Exercise, Routine, estimated_seconds
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.events import (
    Event,
    PainChoice,
    PainRated,
    PainRequested,
    ResultRequested,
    StepStarted,
)
from hiptimer.core.session.marks import marks_for
from hiptimer.core.session.steps import SetKey, StepKind
from hiptimer.core.voice.cues import CueWriter
from hiptimer.core.voice.phrase import Phrase, interrupts, speaking_time

POLL_S = 0.25  # the simulated UI timer looks at least this often, and at every mark
PAST_DUE_S = 1e-9  # look just after a mark or deadline, so it has surely fallen due
MAX_SESSION_S = 24 * 3600.0
# Phrases looked at for upcoming_texts: 2.5 times the longest built-in (hip-strengthening, 1,575).
MAX_PREPARED = 4000


@dataclass(frozen=True)
class Spoken:
    """A phrase as the speech model said it; times are seconds on the same clock as `at`."""

    start: float
    end: float
    phrase: Phrase
    cut: bool = False  # an interrupting phrase cut it off before its end


def cue_script(
    routine: Routine,
    pain_rating: int | None = None,
    *,
    choice: PainChoice = PainChoice.CONTINUE,
    writer: CueWriter | None = None,
    stretched: bool = False,
) -> list[tuple[float, str]]:
    """(seconds from the session's start, text) for every phrase the voice would say."""
    return list(
        iter_cue_script(routine, pain_rating, choice=choice, writer=writer, stretched=stretched)
    )


def iter_cue_script(
    routine: Routine,
    pain_rating: int | None = None,
    *,
    choice: PainChoice = PainChoice.CONTINUE,
    writer: CueWriter | None = None,
    stretched: bool = False,
) -> Iterator[tuple[float, str]]:
    """cue_script one phrase at a time, as the simulation reaches it: a valid routine may
    plan years of counted reps, far more lines than fit in memory at once."""
    timeline = iter_timeline(
        routine, pain_rating, choice=choice, writer=writer, stretched=stretched
    )
    for s in timeline:
        yield round(s.start, 3), s.phrase.text


def cue_timeline(
    routine: Routine,
    pain_rating: int | None = None,
    *,
    choice: PainChoice = PainChoice.CONTINUE,
    writer: CueWriter | None = None,
    stretched: bool = False,
) -> list[Spoken]:
    """The spoken phrases of a whole session, timed from its start (0.0).

    At each pain prompt the simulated user skips the rating (None) or gives `pain_rating`;
    above the pain limit they then make `choice`. With `stretched`, lead-ins last as long as
    the voice needs to read them, as they do in the app while the voice is on; else as written.
    """
    return list(
        iter_timeline(routine, pain_rating, choice=choice, writer=writer, stretched=stretched)
    )


def iter_timeline(
    routine: Routine,
    pain_rating: int | None = None,
    *,
    choice: PainChoice = PainChoice.CONTINUE,
    writer: CueWriter | None = None,
    stretched: bool = False,
) -> Iterator[Spoken]:
    """cue_timeline one phrase at a time."""
    lead_in = None
    if stretched:
        writer = writer or CueWriter()
        lead_in = writer.lead_in_seconds
    run = SessionRun(routine, pain_rating, choice=choice, writer=writer, lead_in=lead_in)
    for s in iter_spoken(run):
        yield replace(s, start=s.start - run.start, end=s.end - run.start)


def upcoming_texts(
    routine: Routine,
    writer: CueWriter,
    *,
    done_sets: Iterable[SetKey] = (),
    limit: int = MAX_PREPARED,
) -> list[str]:
    """The texts of the first `limit` phrases a session of `routine` says, once each, in the
    order first said: what the voice renders ahead when a session starts.

    `writer` must be a fresh CueWriter with the session's own settings (it is used up); the
    session's lead-ins come from it, as they do in the app. Pain prompts are skipped, so the
    "above the limit" question is not among them. The limit keeps this quick on the GUI
    thread for any valid routine: one of long counted holds ran 70 s before it had one.
    """
    run = SessionRun(routine, writer=writer, lead_in=writer.lead_in_seconds, done_sets=done_sets)
    return list(dict.fromkeys(phrase.text for _, phrase in itertools.islice(run, limit)))


def session_phrases(
    routine: Routine,
    pain_rating: int | None = None,
    *,
    choice: PainChoice = PainChoice.CONTINUE,
    writer: CueWriter | None = None,
    lead_in: Callable[[Exercise], float] | None = None,
    done_sets: Iterable[SetKey] = (),
) -> tuple[float, list[tuple[float, Phrase]]]:
    """Run a whole session on a fake clock: its start time and every (arrival time, phrase).

    `lead_in` and `done_sets` go to the engine, as the app gives them to its own."""
    run = SessionRun(
        routine, pain_rating, choice=choice, writer=writer, lead_in=lead_in, done_sets=done_sets
    )
    return run.start, list(run)


class SessionRun:
    """A whole session on a fake clock; iterating it runs the session and gives every
    (arrival time, phrase) as it arrives. `start` is the clock's time at the start."""

    def __init__(
        self,
        routine: Routine,
        pain_rating: int | None = None,
        *,
        choice: PainChoice = PainChoice.CONTINUE,
        writer: CueWriter | None = None,
        lead_in: Callable[[Exercise], float] | None = None,
        done_sets: Iterable[SetKey] = (),
    ) -> None:
        if pain_rating is not None and not 0 <= pain_rating <= 10:
            raise ValueError(f"a pain rating is 0 to 10, not {pain_rating}")
        clock = FakeClock()
        self.engine = SessionEngine(
            routine, clock=clock, wall=FakeWall(clock), lead_in=lead_in, done_sets=done_sets
        )
        self._cues = writer or CueWriter(pain_limit=self.engine.pain_limit)
        self._heard: deque[tuple[float, Phrase]] = deque()
        self._clock = clock
        self.engine.subscribe(self._collect)
        self._user = _SimulatedUser(self.engine, clock, pain_rating, choice, _time_limit(routine))
        self.engine.subscribe(self._user.on_event)
        self.start = clock.now()

    def _collect(self, event: Event) -> None:
        self._heard.extend((self._clock.now(), p) for p in self._cues.phrases_for(event))

    def __iter__(self) -> Iterator[tuple[float, Phrase]]:
        self.engine.start()
        heard = self._heard
        for _ in self._user.steps():
            while heard:
                yield heard.popleft()
        while heard:
            yield heard.popleft()


def _time_limit(routine: Routine) -> float:
    """How long the simulation may run before it is called stuck: a day, or far longer than
    the routine's own length (a valid routine can plan more than a day of holds)."""
    return max(MAX_SESSION_S, 4 * estimated_seconds(routine) + MAX_SESSION_S)


class _SimulatedUser:
    """Plays the UI timer and the user: polls, presses space on self-paced reps, rates pain.

    The timer is punctual: it looks at the engine at each mark and deadline of the step, so
    every phrase reaches the speech model at its exact moment.
    """

    def __init__(
        self,
        engine: SessionEngine,
        clock: FakeClock,
        rating: int | None,
        choice: PainChoice,
        limit_s: float = MAX_SESSION_S,
    ) -> None:
        self.engine = engine
        self.limit_s = limit_s
        self.clock = clock
        self.rating = rating
        self.choice = choice
        self.wake: deque[float] = deque()  # the step's marks and deadline, in order
        self.next_press: float | None = None

    def on_event(self, event: Event) -> None:
        # Listeners may call back into the engine; its events queue up in order.
        if isinstance(event, StepStarted):
            duration = event.duration_s
            times = [m.offset for m in marks_for(event.step, event.exercise, duration)]
            if duration is not None:
                times.append(duration)
            self.wake = deque(sorted(event.at + t + PAST_DUE_S for t in times))
            self_paced = event.step.kind is StepKind.WORK and duration is None
            self.next_press = event.at + SELF_PACED_REP_S if self_paced else None
        elif isinstance(event, PainRequested):
            if self.rating is None:
                self.engine.skip_pain()
            else:
                self.engine.rate_pain(self.rating)
        elif isinstance(event, PainRated) and event.above_limit:
            self.engine.choose(self.choice)
        elif isinstance(event, ResultRequested):
            self.engine.enter_result(None)  # a re-test's typed result: no one types in a script

    def run(self) -> None:
        for _ in self.steps():
            pass

    def steps(self) -> Iterator[None]:
        """Run the session to its end, pausing after each look at the engine."""
        end = self.clock.now() + self.limit_s
        while self.engine.ended is None:
            now = self.clock.now()
            if now > end:  # a bug in the engine, not a long routine: see _time_limit
                raise RuntimeError("the simulated session did not end in time")
            while self.wake and self.wake[0] <= now:
                self.wake.popleft()
            # Straight to the next mark or deadline: nothing falls due between them, and a
            # routine of many hour-long holds then takes as many steps as it has marks.
            target = self.wake[0] if self.wake else now + POLL_S
            press = self.next_press
            if press is not None and press < target:
                target = max(now, press)
            self.clock.advance(target - now)
            self.engine.update()
            if press is not None and self.next_press == press and self.clock.now() >= press:
                self.next_press = press + SELF_PACED_REP_S
                self.engine.count_rep()
            yield


def simulate_speech(
    heard: Iterable[tuple[float, Phrase]], duration: Callable[[str], float] = speaking_time
) -> list[Spoken]:
    """Say phrases one at a time, as they arrive: (arrival time, phrase) in arrival order."""
    return list(iter_spoken(heard, duration))


def iter_spoken(
    heard: Iterable[tuple[float, Phrase]], duration: Callable[[str], float] = speaking_time
) -> Iterator[Spoken]:
    """simulate_speech one phrase at a time: each once no later phrase can cut it off."""
    speaker = _Speaker(duration)
    for arrival, phrase in heard:
        speaker.hear(arrival, phrase)
        yield from speaker.settled()
    speaker.run(math.inf)
    yield from speaker.settled(final=True)


class _Speaker:
    """A model of the speech service: a queue, one voice, stale phrases dropped, interrupts."""

    def __init__(self, duration: Callable[[str], float]) -> None:
        self.duration = duration
        self.spoken: deque[Spoken] = deque()  # said and not yet given out; the last may be cut
        self.pending: deque[tuple[float, Phrase]] = deque()
        self.free_at = -math.inf

    def hear(self, arrival: float, phrase: Phrase) -> None:
        self.run(arrival)
        if phrase.interrupt:
            self._interrupt(arrival, phrase)
        self.pending.append((arrival, phrase))

    def run(self, until: float) -> None:
        """Start every waiting phrase that can start before `until`."""
        while self.pending:
            arrival, phrase = self.pending[0]
            start = max(self.free_at, arrival)
            if start >= until:
                return
            self.pending.popleft()
            if phrase.is_stale(start):
                continue
            end = start + self.duration(phrase.text)
            self.spoken.append(Spoken(start, end, phrase))
            self.free_at = end

    def settled(self, *, final: bool = False) -> Iterator[Spoken]:
        """The phrases said that nothing can change any more: all but the last, or all."""
        keep = 0 if final else 1
        while len(self.spoken) > keep:
            yield self.spoken.popleft()

    def _interrupt(self, now: float, new: Phrase) -> None:
        last = self.spoken[-1] if self.spoken else None
        if last is not None and last.end > now and interrupts(new, last.phrase):
            self.spoken[-1] = replace(last, end=now, cut=True)
            self.free_at = now
        self.pending = deque(p for p in self.pending if not interrupts(new, p[1]))


def format_script(script: list[tuple[float, str]]) -> str:
    """One line per phrase: "MM:SS.s  phrase", a line break in it (a name of a routine file
    may hold one) as a space, so that every line of the script starts with its time."""
    return "\n".join(f"{_clock_text(offset)}  {' '.join(text.split())}" for offset, text in script)


def _clock_text(offset: float) -> str:
    tenths = round(max(0.0, offset) * 10)
    minutes, rest = divmod(tenths, 600)
    return f"{minutes:02d}:{rest // 10:02d}.{rest % 10}"
