"""Wires one session's engine events to the beeps, the voice, the history and the screen saver."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from hiptimer.core.clock import Clock
from hiptimer.core.routines.model import Exercise
from hiptimer.core.session.events import (
    Countdown,
    EndReason,
    Event,
    SessionEnded,
    SessionStarted,
    StepStarted,
)
from hiptimer.core.session.recorder import SessionRecorder
from hiptimer.core.session.steps import Step
from hiptimer.core.session.view import SessionView
from hiptimer.core.voice.cues import CueWriter
from hiptimer.core.voice.phrase import Phrase
from hiptimer.i18n import N_, translate
from hiptimer.ui.services.ports import Services
from hiptimer.ui.session.driver import EngineDriver

log = logging.getLogger(__name__)
# What the window says when a service fails during a session (the session goes on).
BEEPS_FAILED = N_("The beeps failed: {why}")
VOICE_FAILED = N_("The voice failed: {why}")
AWAKE_FAILED = N_("The screen-saver control failed: {why}")

BEEP_SECONDS = (3, 2, 1)
NO_CAPTION_KINDS = ("count", "tempo")  # numbers and tempo words: the screen shows them already
# With no voice, the steps and the caution are on screen whole: the caption keeps the announcement.
SILENT_NO_CAPTION_KINDS = (*NO_CAPTION_KINDS, "setup", "caution")
INHIBIT_REASON = N_("A guided exercise session is running")
FLEETING_CAPTION_S = 3.0  # "Go." on screen this long: a word for its moment only


class PhraseSource(Protocol):
    """What turns engine events into phrases: a CueWriter, or a test's stand-in."""

    def phrases_for(self, event: Event) -> list[Phrase]: ...


def make_cue_writer(
    setup_mode: str, setup_heard: tuple[str, ...], pain_limit: int, speak_cautions: bool = True
) -> CueWriter:
    """The session's cue writer, with the user's setup-reading choice, pain limit and whether
    cautions are said."""
    mode: Any = setup_mode  # Settings only ever holds one of cues.SETUP_MODES
    return CueWriter(
        setup_mode=mode,
        setup_heard=setup_heard,
        pain_limit=pain_limit,
        speak_cautions=speak_cautions,
    )


class SessionController(QObject):
    """Listens to one session and does what each event calls for beyond the screen.

    Every set is written to history as it completes (by a SessionRecorder); a failing
    service is logged and the session goes on.

    Lead-ins last as long as the voice needs to read them only while it speaks: muting, or a
    voice that fails, gives the engine back its pauses as written (a failure, the later ones:
    the lead-in on screen keeps its count rather than jumping down).

    Signals: caption(str) with each phrase as the voice starts saying it, or at once when
    there is no voice (the steps and caution are on screen then), and "" once its moment is
    over: a step ends, a question is answered or taken back, a pause starts or ends, or
    FLEETING_CAPTION_S after a fleeting word ("Go."); speaking_line(int) with the
    setup step the voice is saying, -1 once it says something else; voiced(bool) with
    whether phrases are said, after muting, unmuting or a failure; problem(str) when
    something the user should know about went wrong.
    """

    caption = Signal(str)
    speaking_line = Signal(int)
    problem = Signal(str)
    voiced = Signal(bool)

    def __init__(
        self,
        driver: EngineDriver,
        services: Services,
        *,
        clock: Clock,
        cues: PhraseSource | None = None,
        session_id: int | None = None,
        known_sets: Mapping[int, int] | None = None,
        muted: bool = False,
        lead_in: Callable[[Exercise], float] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`session_id`: an interrupted session being resumed, recorded into as it is
        (`known_sets`: its set still to be rated, see SessionRecorder);
        `lead_in`: how long lead-ins must last while the voice speaks (the engine has it then)."""
        super().__init__(parent)
        self.driver = driver
        self.services = services
        self.cues: PhraseSource = cues or CueWriter()
        self._muted = muted
        self._lead_in = lead_in
        self._saying: deque[Phrase] = deque()  # given to the voice, not yet started, in order
        self._clock = clock
        self.recorder = SessionRecorder(
            services.history, driver.engine, session_id=session_id,
            known_sets=known_sets, report=self.problem.emit,
        )  # fmt: skip
        self._step: Step | None = None
        self._counted_down: Step | None = None  # the step whose "1" beep sounded
        self._last_phrase: Phrase | None = None
        # The caption shown: the moment it belongs to, and when a fleeting one goes.
        self._captioned: tuple[object, ...] | None = None
        self._caption_ends: float | None = None
        self._inhibited = False
        driver.engine_event.connect(self.on_event)
        driver.view_changed.connect(self._clear_stale_caption)
        services.speech.connect_started(self._started)
        # Whether the voice spoke, as the session started and after each change: the
        # summary's planned time counted the first (ActiveSession.result).
        self.voice_states = [self.voice_on]
        # A bound method, not a lambda: Qt drops it with the controller, where a lambda was
        # called on the deleted controllers of earlier sessions ("Signal source has been
        # deleted") once a later session's voice failed.
        services.speech.connect_unavailable(self._voice_failed)

    @property
    def session_id(self) -> int | None:
        return self.recorder.session_id

    # ------------------------------------------------------------ events

    def on_event(self, event: Event) -> None:
        # The end is written before the voice's last words, which say the time it gives.
        ended = isinstance(event, SessionEnded)
        if ended:
            self.recorder.handle(event)
        self._guard(BEEPS_FAILED, self._beep, event)
        self._guard(VOICE_FAILED, self._speak, event)
        if not ended:
            self.recorder.handle(event)  # reports its own failures through `problem`
        self._guard(AWAKE_FAILED, self._keep_awake, event)

    def _guard(self, failed: str, handler: Callable[[Event], None], event: Event) -> None:
        """`failed`: the sentence (marked with N_) that names the service, with {why}."""
        try:
            handler(event)
        except Exception as exc:  # one failing service must not stop the session
            log.exception("%s (on %s)", failed.format(why=exc), type(event).__name__)
            self.problem.emit(translate(failed).format(why=exc))

    def _beep(self, event: Event) -> None:
        beeper = self.services.beeper
        if isinstance(event, Countdown) and event.seconds_left in BEEP_SECONDS:
            beeper.tick()
            if event.seconds_left == 1:
                self._counted_down = event.step
        elif isinstance(event, StepStarted):
            finished = self._step is not None and self._step == self._counted_down
            if finished:  # a hold or rest ran out (or was cut short in its last second)
                beeper.end()
            self._step, self._counted_down = event.step, None
        elif isinstance(event, SessionStarted):
            beeper.preload()  # so that the first tick is on time
            beeper.start()
        elif isinstance(event, SessionEnded):
            beeper.release()  # its stream closes once the last sound has played

    @property
    def voice_on(self) -> bool:
        """Whether phrases are being said (else they are only captioned)."""
        return not self._muted and self.services.speech.available

    def _speak(self, event: Event) -> None:
        speech = self.services.speech
        now = self._clock.now()
        voiced = self.voice_on
        if isinstance(event, StepStarted):
            self._show_caption(None)  # the last step's words are over; this step's come as said
            if voiced:  # a form cue still waiting behind the counts was said over the pain
                speech.forget("form")  # question once its set had ended (seen under Xvfb)
        for phrase in self.cues.phrases_for(event):
            if not voiced:
                if phrase.kind not in SILENT_NO_CAPTION_KINDS:
                    self._show_caption(phrase)
                continue
            last = self._last_phrase
            if phrase.interrupt and (last is None or last.at < phrase.at - 0.01):
                speech.clear()
                self._saying.clear()
            self._last_phrase = phrase
            stale = phrase.stale_after_s
            if stale is not None:
                stale -= max(0.0, now - phrase.at)  # time already lost before we got it
                if stale <= 0:
                    continue
            self._saying.append(phrase)
            speech.say(phrase.text, stale_after_s=stale, kind=phrase.kind)

    def _started(self, text: str) -> None:
        """The voice starts a phrase: caption it, and say which setup step it is."""
        while self._saying:
            phrase = self._saying.popleft()
            if phrase.text == text.strip():  # those before it were dropped as stale
                if phrase.kind not in NO_CAPTION_KINDS:
                    self._show_caption(phrase)
                if phrase.kind not in ("count", "tempo"):
                    self.speaking_line.emit(-1 if phrase.line is None else phrase.line)
                return

    def _show_caption(self, phrase: Phrase | None) -> None:
        """Caption `phrase` (None: clear the caption) for the moment the session is in now."""
        self._captioned = None if phrase is None else _moment(self.driver.view())
        fleeting = phrase is not None and phrase.fleeting
        self._caption_ends = self._clock.now() + FLEETING_CAPTION_S if fleeting else None
        self.caption.emit("" if phrase is None else phrase.text)

    def _clear_stale_caption(self, view: SessionView) -> None:
        """Clear the caption once its moment is over, so that no "Go." or "That is above
        five..." stays on screen after it (a new step's own words clear it too)."""
        if self._captioned is None:
            return
        ends = self._caption_ends
        if _moment(view) != self._captioned or (ends is not None and self._clock.now() >= ends):
            self._show_caption(None)

    def _keep_awake(self, event: Event) -> None:
        if isinstance(event, SessionStarted) and not self._inhibited:
            self.services.inhibitor.inhibit(translate(INHIBIT_REASON))
            self._inhibited = True
        elif isinstance(event, SessionEnded) and self._inhibited:
            self.services.inhibitor.release()
            self._inhibited = False

    # ------------------------------------------------------------ commands

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        self._guard_call(VOICE_FAILED, lambda: self.services.speech.set_muted(muted))
        self._guard_call(BEEPS_FAILED, lambda: self.services.beeper.set_muted(muted))
        self._voice_changed()

    def _voice_failed(self, _reason: str) -> None:
        self._voice_changed(failed=True)

    def _voice_changed(self, *, failed: bool = False) -> None:
        """Muted, unmuted, or the voice failed: pauses follow what the voice can still say.
        A failure leaves the lead-in on screen its count (nobody asked for a shorter one)."""
        changed = self.voice_on != self.voice_states[-1]
        self.voice_states.append(self.voice_on)
        if not self.voice_on:
            self._saying.clear()
            self.speaking_line.emit(-1)
        self.voiced.emit(self.voice_on)
        if changed and self.driver.engine.running:
            rule = self._lead_in if self.voice_on else None
            self.driver.set_lead_in(rule, keep_current=failed)

    def close(self, reason: EndReason = EndReason.ENDED_EARLY) -> None:
        """The window is closing mid-session: end it (ended early, or by the system)."""
        if self.driver.engine.running:
            self.driver.end(reason)
        self.driver.stop()
        if self._inhibited:
            self._guard_call(AWAKE_FAILED, self.services.inhibitor.release)
            self._inhibited = False

    def _guard_call(self, failed: str, call: Callable[[], object]) -> None:
        try:
            call()
        except Exception as exc:
            log.exception("%s", failed.format(why=exc))
            self.problem.emit(translate(failed).format(why=exc))


def _moment(view: SessionView) -> tuple[object, ...]:
    """What a caption belongs to: the step, and the pause or question it was said in."""
    asked = (view.awaiting_pain, view.awaiting_choice, view.awaiting_result)
    return (view.step, view.paused, view.ended, *asked)
