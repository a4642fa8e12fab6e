"""What the voice says: engine events turned into short spoken phrases, with no Qt and no timing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from hiptimer.core.routines.model import Exercise, Kind, SideMode
from hiptimer.core.session.engine import DEFAULT_PAIN_LIMIT
from hiptimer.core.session.events import (
    Countdown,
    DoseChanged,
    EndReason,
    Event,
    ExerciseSkipped,
    FormCue,
    Halfway,
    HoldCount,
    PainChoice,
    PainChoiceMade,
    PainRated,
    PainRequested,
    Paused,
    RepCounted,
    RepPhase,
    Resumed,
    SessionEnded,
    SessionStarted,
    SetCompleted,
    SetRecord,
    StepStarted,
)
from hiptimer.core.session.steps import RestKind, Side, StepKind, effective_tempo

# Estimated speaking speed, on the slow side of espeak-ng's default (about 0.055 s a character).
SECONDS_PER_CHAR = 0.075
MIN_UTTERANCE_S = 0.3  # even "Two" takes espeak this long, start-up included
LEAD_IN_MARGIN_S = 3.0  # a breath between the last setup line and the first set


def speaking_time(text: str) -> float:
    """Estimated seconds espeak takes to say `text` at its default rate."""
    return max(MIN_UTTERANCE_S, len(text) * SECONDS_PER_CHAR)


PhraseKind = Literal["announce", "setup", "cue", "count", "tempo", "prompt", "summary"]
SetupMode = Literal["always", "first", "never"]
SETUP_MODES: tuple[SetupMode, ...] = ("always", "first", "never")

# A countdown number, rep count or tempo word said later than this misleads: drop it instead.
STALE_COUNT_S = 0.6
# "Ten seconds." is a rough warning; a second late it is still nearly true.
STALE_TEN_SECONDS_S = 1.0
# "Halfway." and "Release." belong to their moment, but a few seconds late they still help.
STALE_MARK_S = 3.0
# Form cues repeat every 15 s; one that waited longer than this has lost its moment.
STALE_FORM_CUE_S = 8.0
# Tempo rule: a phase word ("Lift", "Hold", "Lower") is said only when the phase lasts at
# least this long. espeak needs about half a second for one word plus its start-up, and at a
# phase boundary the rep count may come first ("Four. Lift"), so a shorter phase would still
# be talking when the next word is due. Short phases leave the rhythm to the rep count (and,
# on alternating reps, to the side word "Right" / "Left", which is always said).
MIN_PHASE_WORD_S = 1.5
# The pause at the bottom of a rep is said "Hold low": "Pause" would sound like "Paused.".
PHASE_WORDS = {"pause": "Hold low"}
# Phrases whose moments are closer than this belong to the same moment (one engine command).
SAME_MOMENT_S = 0.01


@dataclass(frozen=True)
class Phrase:
    """One thing for the voice to say.

    `at` is the monotonic moment the phrase belongs to (the event's `at`). A phrase with
    `stale_after_s` must be dropped if it cannot start by `at + stale_after_s`. A phrase with
    `interrupt` cuts off speech from earlier moments, said or waiting (see `interrupts`).
    """

    text: str
    kind: PhraseKind
    at: float
    stale_after_s: float | None = None
    interrupt: bool = False

    def is_stale(self, now: float) -> bool:
        """Whether it is too late, at monotonic time `now`, to start saying this."""
        return self.stale_after_s is not None and now - self.at > self.stale_after_s


def interrupts(new: Phrase, old: Phrase) -> bool:
    """Whether `new` cuts off `old` (being said or still waiting).

    Only speech from an earlier moment is cut: phrases of one moment, such as "Skipping
    bridge." and the "Rest thirty seconds." that follows it, are all said in order.
    """
    return new.interrupt and old.at < new.at - SAME_MOMENT_S


class CueWriter:
    """Turns engine events into phrases, one event at a time, deterministically.

    It holds only wording settings and what was already said: which exercises' setup the
    user has heard (`setup_heard`, across sessions; read it back to keep it), and within a
    session which exercises had a lead-in and whether the self-paced hint was given.
    """

    def __init__(
        self,
        *,
        setup_mode: SetupMode = "first",
        setup_heard: Iterable[str] = (),
        pain_limit: int = DEFAULT_PAIN_LIMIT,
    ) -> None:
        if setup_mode not in SETUP_MODES:
            raise ValueError(f"setup_mode must be one of {SETUP_MODES}, not {setup_mode!r}")
        self.setup_mode: SetupMode = setup_mode
        self.setup_heard: set[str] = set(setup_heard)
        self.pain_limit = pain_limit
        self._new_session(None)

    def _new_session(self, at: float | None) -> None:
        self._started_at = at
        self._led_in: set[str] = set()  # exercises whose lead-in ("Next: ...") was said
        self._space_hint_given = False
        self._step: StepStarted | None = None
        self._stopped: str | None = None  # exercise just stopped for pain: no "Skipping" too

    def phrases_for(self, event: Event) -> list[Phrase]:
        """The phrases to say for one engine event, in order (often none)."""
        at = event.at
        match event:
            case SessionStarted():
                self._new_session(at)
                return []
            case StepStarted():
                return self._step_started(event)
            case Countdown():
                return [_countdown(event.seconds_left, at)]
            case Halfway():
                return [Phrase("Halfway.", "cue", at, STALE_MARK_S)]
            case FormCue():
                return [Phrase(_sentence(event.text), "cue", at, STALE_FORM_CUE_S)]
            case RepPhase():
                return _rep_phase(event)
            case HoldCount():
                return [Phrase(number_words(event.count), "tempo", at, STALE_COUNT_S)]
            case RepCounted():
                return self._rep_counted(event)
            case SetCompleted():
                if event.record.planned_hold_s is None:
                    return []  # reps end on their last count; the pain question follows
                return [Phrase("Release.", "cue", at, STALE_MARK_S)]
            case PainRequested():
                return [Phrase("How much pain, zero to ten?", "prompt", at)]
            case PainRated():
                if not event.above_limit:
                    return []
                limit = number_words(self.pain_limit)
                text = f"That is above {limit}. Stop, go lighter, or carry on?"
                return [Phrase(text, "prompt", at)]
            case PainChoiceMade():
                return [Phrase(self._choice_text(event.record, event.choice), "prompt", at)]
            case DoseChanged():
                return [Phrase(_dose_change_text(event), "announce", at, interrupt=True)]
            case ExerciseSkipped():
                if self._stopped == event.exercise.id:
                    self._stopped = None
                    return []
                return [Phrase(f"Skipping {event.exercise.name}.", "announce", at, interrupt=True)]
            case Paused():
                return [Phrase("Paused.", "announce", at, interrupt=True)]
            case Resumed():
                return [Phrase("Go.", "announce", at)]
            case SessionEnded():
                return [self._summary(event)]
        return []

    # ------------------------------------------------------------ steps

    def _step_started(self, e: StepStarted) -> list[Phrase]:
        self._step = e
        ex, step = e.exercise, e.step
        if ex is None:
            return []
        if step.kind is StepKind.GET_READY:
            return [_announce(f"Get ready: {ex.name}.", e.at), *self._setup(ex, e.at)]
        if step.kind is StepKind.REST:
            text = f"Rest {duration_words(e.duration_s or 0)}."
            if step.rest_kind is not RestKind.AFTER_EXERCISE:
                return [_announce(text, e.at)]
            return [_announce(f"{text} Next: {ex.name}.", e.at), *self._setup(ex, e.at)]
        if step.kind is StepKind.SWITCH_SIDES and step.side is not None:
            return [_announce(f"Switch to the {step.side.value} side.", e.at)]
        if step.kind is StepKind.WORK:
            return self._work(e, ex)
        return []

    def lead_in_seconds(self, ex: Exercise) -> float:
        """How long a lead-in to `ex` must last for its announcement and setup to be heard."""
        lines = [f"Rest thirty seconds. Next: {ex.name}."]
        if self._will_read_setup(ex):
            lines += [_sentence(line) for line in ex.setup]
        return sum(speaking_time(line) for line in lines) + LEAD_IN_MARGIN_S

    def _will_read_setup(self, ex: Exercise) -> bool:
        if not ex.setup or self.setup_mode == "never":
            return False
        return not (self.setup_mode == "first" and ex.id in self.setup_heard)

    def _setup(self, ex: Exercise, at: float) -> list[Phrase]:
        """The setup steps of an exercise coming up, as the setup mode allows."""
        self._led_in.add(ex.id)
        if not self._will_read_setup(ex):
            return []
        self.setup_heard.add(ex.id)
        return [Phrase(_sentence(line), "setup", at) for line in ex.setup]

    def _work(self, e: StepStarted, ex: Exercise) -> list[Phrase]:
        step = e.step
        set_words = f"set {number_words(step.set_number)} of {number_words(ex.sets)}"
        if e.first_of_exercise:
            head = ex.name
            if step.set_number > 1:  # a session resumed part-way through an exercise
                head += f", {set_words}"
            if step.side is not None:
                head += f", {step.side.value} side"
            text = f"{head}. {dose_words(ex)}"
        else:
            parts = []
            if step.set_number > 1 and step.side is not Side.LEFT:
                parts.append(f"{set_words.capitalize()}.")
            if step.side is not None:
                parts.append(f"{step.side.value.capitalize()} side.")
            text = " ".join(parts) or f"{ex.name}."
        if e.duration_s is None and ex.kind is Kind.REPS and not self._space_hint_given:
            self._space_hint_given = True
            text += " Press space for each rep."
        phrases = [_announce(text, e.at)]
        if e.first_of_exercise and ex.id not in self._led_in:
            # No lead-in (its rest is zero): the setup follows the announcement instead.
            phrases += self._setup(ex, e.at)
        return phrases

    # ------------------------------------------------------------ reps and pain

    def _rep_counted(self, e: RepCounted) -> list[Phrase]:
        return [Phrase(f"{number_words(e.count).capitalize()}.", "count", e.at, STALE_COUNT_S)]

    def _choice_text(self, record: SetRecord, choice: PainChoice) -> str:
        if choice is PainChoice.STOP:
            self._stopped = record.exercise_id
            return f"Stopping {record.exercise_name} for today."
        return "Going lighter." if choice is PainChoice.LOWER else "Carrying on."

    def _summary(self, e: SessionEnded) -> Phrase:
        if e.reason is not EndReason.COMPLETED:
            return Phrase("Session ended.", "summary", e.at, interrupt=True)
        done = [r for r in e.records if not r.skipped]
        parts = ["Done."]
        if done:
            sets = "one set" if len(done) == 1 else f"{number_words(len(done))} sets"
            seconds = _session_seconds(e, self._started_at)
            parts.append(f"{sets.capitalize()} in {_rounded_duration_words(seconds)}.")
        pains = [r.pain for r in e.records if r.pain is not None]
        if pains:
            top = max(pains)
            parts.append("No pain." if top == 0 else f"Highest pain {number_words(top)}.")
        return Phrase(" ".join(parts), "summary", e.at)


# ---------------------------------------------------------------- wording helpers


def _announce(text: str, at: float) -> Phrase:
    """A new step's announcement: never stale, and it cuts off what is left of the last step."""
    return Phrase(text, "announce", at, interrupt=True)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _countdown(seconds_left: int, at: float) -> Phrase:
    if seconds_left > 3:
        return Phrase(
            f"{duration_words(seconds_left).capitalize()}.", "count", at, STALE_TEN_SECONDS_S
        )
    return Phrase(number_words(seconds_left).capitalize(), "count", at, STALE_COUNT_S)


def _rep_phase(e: RepPhase) -> list[Phrase]:
    alternating = e.side is not None and e.step.side is None
    if e.phase == "lift" and alternating and e.side is not None:
        word = e.side.value.capitalize()  # on alternating reps the side is the cue
    elif e.phase_s < MIN_PHASE_WORD_S:
        return []
    else:
        word = PHASE_WORDS.get(e.phase, e.phase.capitalize())
    return [Phrase(word, "tempo", e.at, STALE_COUNT_S)]


def dose_words(ex: Exercise) -> str:
    """The spoken dose of one set: "Hold for sixty seconds." or "Twelve reps, hold ... top."."""
    if ex.kind is Kind.HOLD:
        return f"Hold for {duration_words(ex.hold_s or 0)}."
    reps = ex.reps or 0
    text = "One rep" if reps == 1 else f"{number_words(reps).capitalize()} reps"
    if ex.sides is SideMode.ALTERNATING:
        text += " each side, alternating"
    tempo = effective_tempo(ex)
    if tempo is not None and tempo.hold_s > 0:
        text += f", hold {duration_words(tempo.hold_s)} at the top"
    if tempo is not None and tempo.pause_s > 0:
        text += f", hold {duration_words(tempo.pause_s)} low"
    return f"{text}."


def _dose_change_text(e: DoseChanged) -> str:
    if e.field == "hold_s":
        return f"Hold now {duration_words(e.new)}."
    reps = round(e.new)
    return "Now one rep." if reps == 1 else f"Now {number_words(reps)} reps."


def _session_seconds(e: SessionEnded, started_at: float | None) -> float:
    if started_at is not None:
        return e.at - started_at
    if not e.records:
        return 0.0
    return (e.records[-1].ended_at - e.records[0].started_at).total_seconds()


def _rounded_duration_words(seconds: float) -> str:
    """A whole session's length as a person says it: "forty seconds", "twenty-two minutes"."""
    if seconds < 60:
        return duration_words(round(seconds))
    minutes = round(seconds / 60)
    return "one minute" if minutes == 1 else duration_words(minutes * 60)


# ---------------------------------------------------------------- numbers

_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(n: int) -> str:
    """A whole number in words, as espeak should say it: 21 -> "twenty-one"."""
    if n < 0 or n >= 1_000_000:
        raise ValueError(f"number_words takes 0 to 999999, not {n}")
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {number_words(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    return f"{number_words(thousands)} thousand" + (f" {number_words(rest)}" if rest else "")


def duration_words(seconds: float) -> str:
    """A duration as a coach says it: "sixty seconds", "one minute thirty", "one hour".

    Up to a minute it is said in seconds (half seconds kept); longer, in minutes and seconds.
    """
    if seconds < 0:
        raise ValueError(f"a duration cannot be negative: {seconds}")
    halves = round(seconds * 2)
    if seconds > 0 and halves == 0:  # a 0.1 s hold is short, not "zero seconds"
        return "less than a second"
    if halves <= 120:
        whole, half = divmod(halves, 2)
        if half:
            return "half a second" if whole == 0 else f"{number_words(whole)} and a half seconds"
        return _plural(whole, "second")
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(_plural(hours, "hour"))
    if minutes:
        parts.append(_plural(minutes, "minute"))
    if secs:  # "one minute thirty"; after hours the unit is needed
        parts.append(_plural(secs, "second") if hours else number_words(secs))
    return " ".join(parts)


def _plural(n: int, unit: str) -> str:
    return f"one {unit}" if n == 1 else f"{number_words(n)} {unit}s"
