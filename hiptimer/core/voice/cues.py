"""What the voice says: engine events turned into short spoken phrases, with no Qt and no timing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from hiptimer.core.routines.model import Exercise, Kind, Measure, SideMode
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
    RepUncounted,
    ResultRequested,
    Resumed,
    SessionEnded,
    SessionStarted,
    SetCompleted,
    SetRecord,
    StepStarted,
)
from hiptimer.core.session.steps import Side, Step, StepKind, effective_tempo
from hiptimer.core.voice.numbers import capital, duration_words, number_words, say, weight_words
from hiptimer.core.voice.phrase import (
    SECONDS_PER_CHAR,
    STALE_COUNT_S,
    STALE_FORM_CUE_S,
    STALE_MARK_S,
    STALE_TEN_SECONDS_S,
    Phrase,
    PhraseKind,
    interrupts,
    speaking_time,
)
from hiptimer.i18n import _, n_, p_

__all__ = [
    "SECONDS_PER_CHAR",
    "STALE_COUNT_S",
    "CueWriter",
    "Phrase",
    "PhraseKind",
    "dose_words",
    "duration_words",
    "interrupts",
    "number_words",
    "speaking_time",
]

LEAD_IN_MARGIN_S = 3.0  # a breath between the last setup line and the first set
SetupMode = Literal["always", "first", "never"]
SETUP_MODES: tuple[SetupMode, ...] = ("always", "first", "never")
# Tempo rule: a phase word ("Lift", "Hold", "Lower") is said only when the phase lasts at
# least this long. espeak needs about half a second for one word plus its start-up, and at a
# phase boundary the rep count may come first ("Four. Lift"), so a shorter phase would still
# be talking when the next word is due. Short phases leave the rhythm to the rep count (and,
# on alternating reps, to the side word "Right" / "Left", which is always said).
MIN_PHASE_WORD_S = 1.5


class CueWriter:
    """Turns engine events into phrases, one event at a time, deterministically.

    It holds only wording settings and what was already said: which exercises' setup the
    user has heard (`setup_heard`, across sessions; read it back to keep it), and within a
    session which exercises had a lead-in, whose caution was said, and whether the
    self-paced hint was given.
    """

    def __init__(
        self,
        *,
        setup_mode: SetupMode = "first",
        setup_heard: Iterable[str] = (),
        pain_limit: int = DEFAULT_PAIN_LIMIT,
        speak_cautions: bool = True,
    ) -> None:
        if setup_mode not in SETUP_MODES:
            raise ValueError(f"setup_mode must be one of {SETUP_MODES}, not {setup_mode!r}")
        self.setup_mode: SetupMode = setup_mode
        self.setup_heard: set[str] = set(setup_heard)
        self.pain_limit = pain_limit
        self.speak_cautions = speak_cautions
        self._new_session(None)

    def _new_session(self, at: float | None) -> None:
        self._started_at = at
        self._led_in: set[str] = set()  # exercises whose lead-in ("Next: ...") was said
        self._cautioned: set[str] = set()  # exercises whose caution was said this session
        self._space_hint_given = False
        self._step: StepStarted | None = None
        self._introduced: Step | None = None  # a paced set whose intro its pause said
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
                return [Phrase(_("Halfway."), "cue", at, STALE_MARK_S)]
            case FormCue():
                return [Phrase(_sentence(event.text), "cue", at, STALE_FORM_CUE_S)]
            case RepPhase():
                return _rep_phase(event)
            case HoldCount():
                return [Phrase(number_words(event.count), "tempo", at, STALE_COUNT_S)]
            case RepCounted():
                return self._rep_counted(event)
            case RepUncounted():
                text = say(_("Back to {n}."), n=event.count)
                return [Phrase(text, "count", at, STALE_MARK_S, interrupt=True)]
            case SetCompleted():
                if event.record.planned_hold_s is None:
                    return []  # reps end on their last count; the pain question follows
                if event.record.result_unit:  # a re-test: its time is up, or the user ended it
                    return [Phrase(_("Time."), "cue", at, STALE_MARK_S)]
                return [Phrase(_("Release."), "cue", at, STALE_MARK_S)]
            case PainRequested():
                return [Phrase(_("How much pain, zero to ten?"), "prompt", at)]
            case ResultRequested():
                text = _("Type in the result, in {unit}.").format(unit=event.record.result_unit)
                return [Phrase(text, "prompt", at)]
            case PainRated():
                if not event.above_limit:
                    return []
                text = say(
                    _("That is above {limit}. Stop, go lighter, or carry on?"),
                    limit=self.pain_limit,
                )
                return [Phrase(text, "prompt", at)]
            case PainChoiceMade():
                return [Phrase(self._choice_text(event.record, event.choice), "prompt", at)]
            case DoseChanged():
                return [Phrase(_dose_change_text(event), "announce", at, interrupt=True)]
            case ExerciseSkipped():
                if self._stopped == event.exercise.id:
                    self._stopped = None
                    return []
                text = _("Skipping {name}.").format(name=event.exercise.name)
                return [Phrase(text, "announce", at, interrupt=True)]
            case Paused():
                return [Phrase(_("Paused."), "announce", at, interrupt=True)]
            case Resumed():
                return [Phrase(_("Go."), "announce", at)]
            case SessionEnded():
                return [self._summary(event)]
        return []

    # ------------------------------------------------------------ steps

    def _step_started(self, e: StepStarted) -> list[Phrase]:
        self._step = e
        ex, step = e.exercise, e.step
        if ex is None:
            return []
        if step.kind is StepKind.WORK:
            return self._work(e, ex)
        if step.kind is StepKind.GET_READY:
            text = _("Get ready: {name}.").format(name=ex.name)
        elif step.kind is StepKind.REST:
            text = _rest_text(e.duration_s or 0, ex.name if step.leads_in else None)
        elif step.kind is StepKind.SWITCH_SIDES and step.side is not None:
            if step.side is Side.LEFT:
                text = _("Switch to the left side.")
            else:
                text = _("Switch to the right side.")
        else:
            return []
        text = _joined(text, self._intro(e, ex))
        return [_announce(text, e.at), *(self._setup(ex, e.at) if step.leads_in else [])]

    def _intro(self, e: StepStarted, ex: Exercise) -> str:
        """What a pause says of the paced set after it, so that the set itself starts on its
        first tempo word: said at the set's start, the intro would drown the first rep's cues."""
        coming = e.next_step
        self._introduced = None
        if coming is None or coming.kind is not StepKind.WORK or not _paced(ex):
            return ""
        self._introduced = coming
        if e.step.kind is StepKind.SWITCH_SIDES:
            return ""  # "Switch to the left side." says it all
        if e.step.leads_in:
            intro = dose_words(ex)
            if coming.set_number > 1:  # a session resumed part-way through an exercise
                intro = _joined(_set_of(coming.set_number, ex.sets), intro)
        else:
            intro = say(_("Then set {n} of {total}."), n=coming.set_number, total=ex.sets)
        return _joined(intro, _side_sentence(coming.side))

    def lead_in_seconds(self, ex: Exercise) -> float:
        """How long a lead-in to `ex` must last for its announcement, setup and caution
        to be heard (with the longest wording a lead-in has, a rest's)."""
        lines = [_joined(_rest_text(30, ex.name), _lead_in_intro(ex))]
        if self._will_read_setup(ex):
            lines += [_sentence(line) for line in ex.setup]
        if self._will_say_caution(ex):
            lines.append(_caution_text(ex))
        return sum(speaking_time(line) for line in lines) + LEAD_IN_MARGIN_S

    def _will_read_setup(self, ex: Exercise) -> bool:
        if not ex.setup or self.setup_mode == "never":
            return False
        return not (self.setup_mode == "first" and ex.id in self.setup_heard)

    def _will_say_caution(self, ex: Exercise) -> bool:
        return self.speak_cautions and bool(ex.caution.strip()) and ex.id not in self._cautioned

    def _setup(self, ex: Exercise, at: float) -> list[Phrase]:
        """The setup steps of an exercise coming up, as the setup mode allows, then its
        caution, once a session."""
        self._led_in.add(ex.id)
        phrases = []
        if self._will_read_setup(ex):
            self.setup_heard.add(ex.id)
            phrases += [
                Phrase(_sentence(line), "setup", at, line=i) for i, line in enumerate(ex.setup)
            ]
        if self._will_say_caution(ex):
            self._cautioned.add(ex.id)
            phrases.append(Phrase(_caution_text(ex), "caution", at))
        return phrases

    def _work(self, e: StepStarted, ex: Exercise) -> list[Phrase]:
        step = e.step
        introduced, self._introduced = self._introduced, None
        if introduced == step:
            # Its pause said the intro: the first tempo word starts the set, cutting off what
            # is left of the pause's words. Without a first word, "Go." does.
            return [] if _says_first_lift(ex) else [_announce(_("Go."), e.at)]
        if e.first_of_exercise:
            # A session resumed part-way through an exercise says which set it starts on.
            set_number = step.set_number if step.set_number > 1 else None
            text = _joined(_head(ex.name, set_number, ex.sets, step.side), dose_words(ex))
        else:
            set_words = ""
            if step.set_number > 1 and step.side is not Side.LEFT:
                set_words = _set_of(step.set_number, ex.sets)
            text = _joined(set_words, _side_sentence(step.side)) or f"{ex.name}."
        if e.duration_s is None and ex.kind is Kind.REPS and not self._space_hint_given:
            self._space_hint_given = True
            text = _joined(text, _("Press enter for each rep."))
        phrases = [_announce(text, e.at)]
        if e.first_of_exercise and ex.id not in self._led_in:
            # No lead-in (its rest is zero): the setup follows the announcement instead.
            phrases += self._setup(ex, e.at)
        return phrases

    # ------------------------------------------------------------ reps and pain

    def _rep_counted(self, e: RepCounted) -> list[Phrase]:
        text = f"{capital(number_words(e.count))}."
        return [Phrase(text, "count", e.at, STALE_COUNT_S)]

    def _choice_text(self, record: SetRecord, choice: PainChoice) -> str:
        if choice is PainChoice.STOP:
            self._stopped = record.exercise_id
            return _("Stopping {name} for today.").format(name=record.exercise_name)
        return _("Going lighter.") if choice is PainChoice.LOWER else _("Carrying on.")

    def _summary(self, e: SessionEnded) -> Phrase:
        if e.reason is not EndReason.COMPLETED:
            return Phrase(_("Session ended."), "summary", e.at, interrupt=True)
        done = [r for r in e.records if not r.skipped]
        parts = [_("Done.")]
        if done:
            took = _rounded_duration_words(_session_seconds(e, self._started_at))
            sets = n_("One set in {duration}.", "{n} sets in {duration}.", len(done))
            parts.append(capital(say(sets, n=len(done), duration=took)))
        pains = [r.pain for r in e.records if r.pain is not None]
        if pains:
            top = max(pains)
            parts.append(_("No pain.") if top == 0 else say(_("Highest pain {n}."), n=top))
        return Phrase(_joined(*parts), "summary", e.at)


# ---------------------------------------------------------------- wording helpers


def _announce(text: str, at: float) -> Phrase:
    """A new step's announcement: never stale, and it cuts off what is left of the last step."""
    return Phrase(text, "announce", at, interrupt=True)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _countdown(seconds_left: int, at: float) -> Phrase:
    if seconds_left > 3:
        text = f"{capital(duration_words(seconds_left))}."
        return Phrase(text, "count", at, STALE_TEN_SECONDS_S)
    return Phrase(capital(number_words(seconds_left)), "count", at, STALE_COUNT_S)


def _rep_phase(e: RepPhase) -> list[Phrase]:
    alternating = e.side is not None and e.step.side is None
    if e.phase == "lift" and alternating and e.side is not None:
        # On alternating reps the side is the cue.
        word = p_("tempo", "Left") if e.side is Side.LEFT else p_("tempo", "Right")
    elif e.phase_s < MIN_PHASE_WORD_S:
        return []
    else:
        word = _tempo_word(e.phase)
    # The set's first word starts it: it cuts off what is left of the pause before.
    first = e.phase == "lift" and e.rep == 1 and e.side in (None, Side.RIGHT, e.step.side)
    return [Phrase(word, "tempo", e.at, STALE_COUNT_S, interrupt=first)]


def _paced(ex: Exercise) -> bool:
    return effective_tempo(ex) is not None


def _says_first_lift(ex: Exercise) -> bool:
    """Whether a paced set's first rep starts with a word ("Lift", or the side)."""
    tempo = effective_tempo(ex)
    if tempo is None or tempo.lift_s <= 0:
        return False
    return ex.sides is SideMode.ALTERNATING or tempo.lift_s >= MIN_PHASE_WORD_S


def _lead_in_intro(ex: Exercise) -> str:
    """The longest intro a lead-in says of a paced exercise (see CueWriter._intro)."""
    if not _paced(ex):
        return ""
    return _joined(dose_words(ex), _side_sentence(Side.RIGHT) if ex.has_sides else "")


def _caution_text(ex: Exercise) -> str:
    return _("Caution: {text}").format(text=_sentence(ex.caution))


def _tempo_word(phase: str) -> str:
    """A paced rep's phase as one spoken word (a command in the coaching voice)."""
    if phase == "lift":
        return p_("tempo", "Lift")
    if phase == "hold":
        return p_("tempo", "Hold")
    if phase == "lower":
        return p_("tempo", "Lower")
    if phase == "pause":  # at the bottom; "Pause" would sound like "Paused."
        return p_("tempo", "Hold low")
    return capital(phase)


def _rest_text(seconds: float, next_name: str | None) -> str:
    rest = _("Rest {duration}.").format(duration=duration_words(seconds))
    if next_name is None:
        return rest
    return _joined(rest, _("Next: {name}.").format(name=next_name))


def _set_of(number: int, total: int) -> str:
    return say(_("Set {n} of {total}."), n=number, total=total)


def _side_sentence(side: Side | None) -> str:
    if side is None:
        return ""
    return _("Left side.") if side is Side.LEFT else _("Right side.")


def _head(name: str, set_number: int | None, total: int, side: Side | None) -> str:
    """An exercise's first announcement: its name, the set a resumed session starts on, and
    the side, each combination one whole sentence for translators."""
    if set_number is None:
        if side is None:
            return f"{name}."
        if side is Side.LEFT:
            return _("{name}, left side.").format(name=name)
        return _("{name}, right side.").format(name=name)
    if side is None:
        template = _("{name}, set {n} of {total}.")
    elif side is Side.LEFT:
        template = _("{name}, set {n} of {total}, left side.")
    else:
        template = _("{name}, set {n} of {total}, right side.")
    return say(template, name=name, n=set_number, total=total)


def _joined(*texts: str) -> str:
    return " ".join(t for t in texts if t)


def dose_words(ex: Exercise) -> str:
    """The spoken dose of one set: "Hold for sixty seconds." or "Twelve reps, hold ... top.";
    a pause at the bottom and an added weight follow: "Hold one second low. Weight: one kilogram."."""
    load = ""
    if ex.load is not None:
        # Translators: an added weight, such as an ankle weight: "Weight: one kilogram."
        load = _("Weight: {weight}.").format(
            weight=weight_words(ex.load.amount, ex.load.unit.value)
        )
    if ex.kind is Kind.HOLD:
        duration = duration_words(ex.hold_s or 0)
        if ex.test is not None and ex.test.measure is Measure.COUNT:
            return _("As many as you can in {duration}; press enter at each one.").format(
                duration=duration
            )
        if ex.test is not None and ex.test.measure is Measure.TIME:
            return _("As long as you can, up to {duration}.").format(duration=duration)
        return _joined(_("Hold for {duration}.").format(duration=duration), load)
    reps = ex.reps or 0
    tempo = effective_tempo(ex)
    hold = duration_words(tempo.hold_s) if tempo is not None and tempo.hold_s > 0 else None
    alternating = ex.sides is SideMode.ALTERNATING
    if alternating and hold:
        template = n_(
            "One rep each side, alternating, hold {hold} at the top.",
            "{n} reps each side, alternating, hold {hold} at the top.",
            reps,
        )
    elif alternating:
        template = n_("One rep each side, alternating.", "{n} reps each side, alternating.", reps)
    elif hold:
        template = n_("One rep, hold {hold} at the top.", "{n} reps, hold {hold} at the top.", reps)
    else:
        template = n_("One rep.", "{n} reps.", reps)
    low = None
    if tempo is not None and tempo.pause_s > 0:  # format 2: a pause at the bottom
        # Translators: after the reps, the pause at the bottom of each rep.
        low = _("Hold {duration} low.").format(duration=duration_words(tempo.pause_s))
    return _joined(capital(say(template, n=reps, hold=hold)), low or "", load)


def _dose_change_text(e: DoseChanged) -> str:
    if e.field == "hold_s":
        return _("Hold now {duration}.").format(duration=duration_words(e.new))
    reps = round(e.new)
    return say(n_("Now one rep.", "Now {n} reps.", reps), n=reps)


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
    if minutes == 1:  # not "sixty seconds"
        return say(n_("{n} minute", "{n} minutes", 1), n=1)
    return duration_words(minutes * 60)
