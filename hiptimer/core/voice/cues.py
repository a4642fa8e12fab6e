"""What the voice says: engine events turned into short spoken phrases, with no Qt and no timing."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Literal

from hiptimer.core.routines.model import Exercise, Kind
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
from hiptimer.core.session.set_outcome import count_sets
from hiptimer.core.session.steps import Side, Step, StepKind
from hiptimer.core.voice.cue_words import (
    announce,
    caution_text,
    countdown,
    dose_change_text,
    dose_words,
    first_side_sentence,
    head,
    joined,
    lead_in_intro,
    named,
    paced,
    rep_phase,
    rest_text,
    rounded_duration_words,
    says_first_lift,
    sentence,
    session_seconds,
    set_of,
    side_sentence,
)
from hiptimer.core.voice.numbers import capital, number_words, say
from hiptimer.core.voice.phrase import (
    STALE_COUNT_S,
    STALE_FORM_CUE_S,
    STALE_MARK_S,
    Phrase,
    speaking_time,
)
from hiptimer.i18n import _, n_

LEAD_IN_MARGIN_S = 3.0  # a breath between the last setup line and the first set
SetupMode = Literal["always", "first", "never"]
SETUP_MODES: tuple[SetupMode, ...] = ("always", "first", "never")


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
        # A resumed session: the sets recorded before it stopped, and how long they took.
        self._earlier: tuple[SetRecord, ...] = ()
        self._earlier_s = 0.0
        self._recorded_s: Callable[[], float | None] = lambda: None
        self._new_session(None)

    def resumed_after(self, earlier: Iterable[SetRecord], earlier_s: float) -> None:
        """The session resumes one that stopped after `earlier` (which ran `earlier_s`
        seconds): its summary counts the whole session, as the summary page does."""
        self._earlier = tuple(earlier)
        self._earlier_s = earlier_s

    def time_from(self, recorded_s: Callable[[], float | None]) -> None:
        """Say the session's time as `recorded_s` gives it once the session has ended: the
        history's, in whole seconds (None: not recorded, and the voice times it itself).
        Its own clock and the history's whole seconds put a 36.6 s session on either side
        of a rounding: "thirty-seven seconds" beside History's 36 s."""
        self._recorded_s = recorded_s

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
            case StepStarted() if event.paused:
                # Reached by a key during a pause: where we are, and that it still waits.
                return [*self._step_started(event), Phrase(_("Paused."), "announce", at)]
            case StepStarted():
                return self._step_started(event)
            case Countdown():
                return [countdown(event.seconds_left, at)]
            case Halfway():
                return [Phrase(_("Halfway."), "cue", at, STALE_MARK_S)]
            case FormCue():
                return [Phrase(sentence(event.text), "form", at, STALE_FORM_CUE_S)]
            case RepPhase():
                return rep_phase(event)
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
                text = named(_("Type in the result, in {unit}."), event.record.result_unit, "unit")
                return [Phrase(text, "prompt", at)]
            case PainRated():
                if not event.above_limit:
                    return []
                question = (
                    _("That is above {limit}. Stop, go lighter, or carry on?")
                    if event.can_lower
                    else _("That is above {limit}. Stop, or carry on?")
                )
                text = say(question, limit=self.pain_limit)
                return [Phrase(text, "prompt", at)]
            case PainChoiceMade():
                return [Phrase(self._choice_text(event.record, event.choice), "prompt", at)]
            case DoseChanged():
                if not self._sets_to_come():
                    return []  # lowered after its last set: the summary offers to keep it
                return [Phrase(dose_change_text(event), "announce", at, interrupt=True)]
            case ExerciseSkipped():
                if self._stopped == event.exercise.id:
                    self._stopped = None
                    return []
                text = named(_("Skipping {name}."), event.exercise.name)
                return [Phrase(text, "announce", at, interrupt=True)]
            case Paused():
                return [Phrase(_("Paused."), "announce", at, interrupt=True)]
            case Resumed():
                return [Phrase(_("Go."), "announce", at, fleeting=True)]
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
            text = named(_("Get ready: {name}."), ex.name)
        elif step.kind is StepKind.REST:
            text = rest_text(e.duration_s or 0, ex.name if step.leads_in else None)
        elif step.kind is StepKind.SWITCH_SIDES and step.side is not None:
            if step.side is Side.LEFT:
                text = _("Switch to the left side.")
            else:
                text = _("Switch to the right side.")
        else:
            return []
        text = joined(text, self._intro(e, ex) or self._first_side(e, ex))
        # The setup is read in a lead-in that runs: one reached during a pause shows it.
        setup = self._setup(ex, e.at) if step.leads_in and not e.paused else []
        return [announce(text, e.at), *setup]

    def _intro(self, e: StepStarted, ex: Exercise) -> str:
        """What a pause says of the paced set after it, so that the set itself starts on its
        first tempo word: said at the set's start, the intro would drown the first rep's cues."""
        coming = e.next_step
        self._introduced = None
        if coming is None or coming.kind is not StepKind.WORK or not paced(ex):
            return ""
        self._introduced = coming
        if e.step.kind is StepKind.SWITCH_SIDES:
            return ""  # "Switch to the left side." says it all
        if e.step.leads_in:
            intro = dose_words(ex)
            if coming.set_number > 1:  # a session resumed part-way through an exercise
                intro = joined(set_of(coming.set_number, ex.sets), intro)
        else:
            intro = say(_("Then set {n} of {total}."), n=coming.set_number, total=ex.sets)
        return joined(intro, side_sentence(coming.side))

    def _first_side(self, e: StepStarted, ex: Exercise) -> str:
        """Which side an exercise done on each side starts on, said in its lead-in: the
        listener sets up for that side on the mat (a paced set's intro says it already)."""
        coming = e.next_step
        if not e.step.leads_in or paced(ex) or coming is None or coming.kind is not StepKind.WORK:
            return ""
        return first_side_sentence(coming.side)

    def lead_in_seconds(self, ex: Exercise) -> float:
        """How long a lead-in to `ex` must last for its announcement, setup and caution
        to be heard (with the longest wording a lead-in has, a rest's), in whole seconds: a
        rest stretched to 18.5 s was announced "Rest eighteen and a half seconds."."""
        lines = [joined(rest_text(30, ex.name), lead_in_intro(ex))]
        if self._will_read_setup(ex):
            lines += [sentence(line) for line in ex.setup]
        if self._will_say_caution(ex):
            lines.append(caution_text(ex))
        return math.ceil(sum(speaking_time(line) for line in lines) + LEAD_IN_MARGIN_S)

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
                Phrase(sentence(line), "setup", at, line=i) for i, line in enumerate(ex.setup)
            ]
        if self._will_say_caution(ex):
            self._cautioned.add(ex.id)
            phrases.append(Phrase(caution_text(ex), "caution", at))
        return phrases

    def _work(self, e: StepStarted, ex: Exercise) -> list[Phrase]:
        step = e.step
        introduced, self._introduced = self._introduced, None
        if introduced == step and not e.paused:
            # Its pause said the intro: the first tempo word starts the set, cutting off what
            # is left of the pause's words. Without a first word, "Go." does.
            go = Phrase(_("Go."), "announce", e.at, interrupt=True, fleeting=True)
            return [] if says_first_lift(ex) else [go]
        if e.first_of_exercise:
            # A session resumed part-way through an exercise says which set it starts on.
            set_number = step.set_number if step.set_number > 1 else None
            text = joined(head(ex.name, set_number, ex.sets, step.side), dose_words(ex))
        else:
            set_words = ""
            if step.set_number > 1 and step.side is not Side.LEFT:
                set_words = set_of(step.set_number, ex.sets)
            text = joined(set_words, side_sentence(step.side)) or named("{name}.", ex.name)
        if e.duration_s is None and ex.kind is Kind.REPS and not self._space_hint_given:
            self._space_hint_given = True
            text = joined(text, _("Press enter for each rep."))
        phrases = [announce(text, e.at)]
        if e.first_of_exercise and ex.id not in self._led_in and not e.paused:
            # No lead-in (its rest is zero): the setup follows the announcement instead.
            phrases += self._setup(ex, e.at)
        return phrases

    # ------------------------------------------------------------ reps and pain

    def _rep_counted(self, e: RepCounted) -> list[Phrase]:
        count = e.count
        step = self._step
        if step is not None and step.duration_s is not None and e.target:
            # Paced: the screen shows the rep in progress ("3 / 8" as the third starts), so
            # the voice names the rep starting; "Two." there read against "3 / 8". After the
            # last one the pain question follows at once.
            if count >= e.target:
                return []
            count += 1
        text = f"{capital(number_words(count))}."
        return [Phrase(text, "count", e.at, STALE_COUNT_S)]

    def _sets_to_come(self) -> bool:
        """Whether the exercise whose pain question this is has a set still to come. After its
        last set "Now five reps." was said over the next exercise's rest, as if of that one
        (seen under Xvfb), while the screen notes no new dose once an exercise is over."""
        e = self._step
        if e is None or e.step.kind is not StepKind.PAIN:
            return True  # + or - during a set: the set itself takes the new dose
        after = e.next_step
        return (
            after is not None
            and after.kind is not StepKind.DONE
            and after.exercise_index == e.step.exercise_index
        )

    def _choice_text(self, record: SetRecord, choice: PainChoice) -> str:
        if choice is PainChoice.STOP:
            self._stopped = record.exercise_id
            return _("Stopping {name} for today.").format(name=record.exercise_name)
        return _("Going lighter.") if choice is PainChoice.LOWER else _("Carrying on.")

    def _summary(self, e: SessionEnded) -> Phrase:
        if e.reason is not EndReason.COMPLETED:
            return Phrase(_("Session ended."), "summary", e.at, interrupt=True)
        records = (*self._earlier, *e.records)
        # Each set once however often Back repeated it, as the summary page and History
        # count them (docs/history.md, *What a set's outcome means*).
        begun = count_sets(records, None).begun
        parts = [_("Done.")]
        if begun:
            seconds = self._recorded_s()
            if seconds is None:
                seconds = self._earlier_s + session_seconds(e, self._started_at)
            took = rounded_duration_words(seconds)
            sets = n_("One set in {duration}.", "{n} sets in {duration}.", begun)
            parts.append(capital(say(sets, n=begun, duration=took)))
        pains = [r.pain for r in records if r.pain is not None]
        if pains:
            top = max(pains)
            parts.append(_("No pain.") if top == 0 else say(_("Highest pain {n}."), n=top))
        return Phrase(joined(*parts), "summary", e.at)
