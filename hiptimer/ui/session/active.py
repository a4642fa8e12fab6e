"""The objects of the session on screen: built together from the settings, torn down together."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject

from hiptimer.core.clock import Clock
from hiptimer.core.routines.model import Routine
from hiptimer.core.session.dose_adjust import DosesInForce
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.events import SessionEnded, SetRecord
from hiptimer.core.session.steps import SetKey, StepKind
from hiptimer.core.settings import Settings
from hiptimer.core.voice.cue_script import upcoming_texts
from hiptimer.core.voice.cues import CueWriter
from hiptimer.ui.services.ports import Services
from hiptimer.ui.session.controller import SessionController, make_cue_writer
from hiptimer.ui.session.driver import EngineDriver
from hiptimer.ui.session.lead_ins import estimate_for, lead_in_rule
from hiptimer.ui.session.screen_dump import install_screen_dump
from hiptimer.ui.session.summary_page import SessionResult
from hiptimer.ui.session.workout_page import WorkoutPage

log = logging.getLogger(__name__)


@dataclass
class ActiveSession:
    """The objects of the session on screen; they live as long as its page."""

    driver: EngineDriver
    controller: SessionController
    page: WorkoutPage
    cues: CueWriter
    started_at: float
    planned_s: float | None = None  # the session's estimated length as it started
    # A resumed session: the sets recorded before it stopped, and how long that part ran.
    earlier: tuple[SetRecord, ...] = ()
    earlier_s: float = 0.0

    def result(self, ended: SessionEnded) -> SessionResult:
        """What the summary shows of the session as it ended: the whole session, the sets
        done before an interruption included, counted as the history counts them."""
        engine = self.driver.engine
        # The engine of a resumed session plans only the sets still to do; those done before
        # are named as resuming names them (SetRecord.key: the side's value).
        before = {r.key for r in self.earlier}
        voice = self.controller.voice_states  # its lead-ins as planned, then as changed
        return SessionResult(
            routine=engine.live_routine(),
            records=(*self.earlier, *engine.records),
            reason=ended.reason,
            total_s=self.earlier_s + ended.at - self.started_at,
            started_with=engine.routine,
            planned_s=self.planned_s,
            planned_with_voice=voice[0] if len(set(voice)) > 1 else None,
            sets_planned=len(before)
            + sum(1 for step in engine.steps if step.kind is StepKind.WORK),
            pain_limit=engine.pain_limit,
        )

    def end_if(self, confirmed: Callable[[], bool]) -> None:
        """Pause while asking; then end, or go on as before (paused if it was)."""
        # The question is modal: the session may have been ended meanwhile (window closed).
        if self.paused_while(confirmed) and self.driver.engine.running:
            self.driver.end()

    def paused_while(self, question: Callable[[], bool]) -> bool:
        """Ask `question` with the session paused (no hold runs out behind it); on a no, go
        on as before (paused if it was). On a yes it stays paused, for the caller to end."""
        was_paused = self.driver.view().paused
        self.driver.pause()
        if question():
            return True
        if not was_paused and self.driver.engine.running:
            self.driver.resume()
        return False

    def set_muted(self, muted: bool) -> None:
        self.page.set_muted(muted)
        # After the page: the controller's `voiced` has the last word (unmuted, a voice that
        # failed still reads nothing, and its steps keep the muted panel's room).
        self.controller.set_muted(muted)

    def dispose(self) -> None:
        """Stop the timer and delete the driver and controller (the page is the navigator's).

        Deleted later, not now: they may be on the call stack (a button's click ended the set).
        """
        self.driver.stop()
        for obj in (self.controller, self.driver):
            obj.deleteLater()


def open_session(
    routine: Routine,
    settings: Settings,
    services: Services,
    *,
    clock: Clock,
    wall: Callable[[], datetime],
    done_sets: Iterable[SetKey] = (),
    session_id: int | None = None,
    earlier: Sequence[SetRecord] = (),
    earlier_s: float = 0.0,
    in_force: DosesInForce | None = None,
    to_rate: tuple[SetRecord, int] | None = None,
    parent: QObject | None = None,
) -> ActiveSession:
    """A session of `routine` ready to start; with `session_id`, that interrupted session
    resumed after `done_sets` (`earlier`: their records, which ran `earlier_s` seconds) at
    the doses `in_force` when it stopped, first asking the rating of `to_rate` (the last of
    `earlier`, and its id in the history) when the stop came on its pain question."""
    s = settings
    prepare_voice(routine, settings, services, done_sets=done_sets)
    cues = make_cue_writer(s.setup_mode, s.setup_heard, s.pain_limit, s.speak_cautions)
    cues.resumed_after(earlier, earlier_s)  # its spoken summary tells the whole session
    # While the voice speaks, lead-ins last long enough for it to read them; else as written.
    lead_in = lead_in_rule(settings, services, cues)
    planned_s = estimate_for(settings, services, cues)(routine)  # as the library said it
    engine = SessionEngine(
        routine, clock=clock, wall=wall, pain_limit=s.pain_limit, lead_in=lead_in,
        done_sets=done_sets, in_force=in_force, to_rate=to_rate[0] if to_rate else None,
    )  # fmt: skip
    driver = EngineDriver(engine, parent)
    controller = SessionController(
        driver, services, clock=clock, cues=cues, session_id=session_id,
        known_sets={to_rate[0].index: to_rate[1]} if to_rate else None, muted=s.muted,
        lead_in=cues.lead_in_seconds, parent=parent,
    )  # fmt: skip
    # The voice's last words give the session's time as the history does, as the summary.
    cues.time_from(lambda: recorded_seconds(services, controller.session_id))
    page = WorkoutPage(driver, muted=s.muted)
    # No voice reading the steps (muted, or it failed): no room kept for the highlight.
    page.coaching.set_voiced(controller.voice_on)
    controller.voiced.connect(page.coaching.set_voiced)
    controller.caption.connect(page.show_caption)
    controller.speaking_line.connect(page.show_speaking_line)
    install_screen_dump(page)
    return ActiveSession(
        driver, controller, page, cues, clock.now(), planned_s, tuple(earlier), earlier_s
    )


def recorded_seconds(services: Services, session_id: int | None) -> float | None:
    """The session's time as the history has it (whole seconds from its start to its end,
    less a stop before a resumption), or None when it is not saved there (yet)."""
    history = services.history
    if history is None or session_id is None or history.status.pending:
        return None
    try:
        stored = history.get_session(session_id)
    except sqlite3.Error:
        log.warning("Cannot read back session %s for its time", session_id, exc_info=True)
        return None
    return None if stored is None or stored.ended_at is None else stored.duration_s


def prepare_voice(
    routine: Routine, settings: Settings, services: Services, *, done_sets: Iterable[SetKey] = ()
) -> None:
    """Have the voice render the session's phrases ahead, so that each starts on its moment.

    The script comes from the engine run on a fake clock (a few milliseconds); a failure only
    means the phrases are rendered when they are due, as before.
    """
    s = settings
    try:
        writer = make_cue_writer(s.setup_mode, s.setup_heard, s.pain_limit, s.speak_cautions)
        services.speech.prepare(upcoming_texts(routine, writer, done_sets=done_sets))
    except Exception:
        log.exception("Could not prepare the voice for %s", routine.id)
