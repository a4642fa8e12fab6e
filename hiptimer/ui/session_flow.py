"""A session's life on the main window: its page opened, its end turned into the summary."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from hiptimer import APP_TITLE
from hiptimer.core.clock import Clock
from hiptimer.core.settings import SettingsStore
from hiptimer.i18n import _
from hiptimer.ui.keys import Mode
from hiptimer.ui.menus import confirm_quit
from hiptimer.ui.navigator import Navigator
from hiptimer.ui.services.ports import History, Services
from hiptimer.ui.widgets.plain import window_title

if TYPE_CHECKING:  # the first page needs none of these: they load with the first session
    from hiptimer.core.history.resume import ResumePlan
    from hiptimer.core.routines.model import Routine
    from hiptimer.core.routines.user_routines import DoseChange
    from hiptimer.core.session.events import SessionEnded
    from hiptimer.core.session.steps import SetKey
    from hiptimer.ui.guidance.coordinator import Guidance
    from hiptimer.ui.session.active import ActiveSession
    from hiptimer.ui.session.summary_page import SummaryPage


log = logging.getLogger(__name__)


class SessionFlow(QObject):
    """Opens a session's page on the navigator, turns its end into the summary page, and
    offers to keep the doses changed during it. One session at a time.

    `guidance` (set once the history is open) hears when a session starts and adds its
    suggestions to the summary. `clock` and `wall` go to every session's engine.

    Signals: title_changed(str), window_named(str) (the window's name for screen readers
    during a session, "" for its title), problem(str), action_requested(object) (a button on the
    workout page), started(str) with the routine id, ended(), library_requested(),
    done_requested() (the summary's Done), doses_kept(str) with the routine's title,
    room_wanted(bool) while the pain question wants the notice strip's room (False at the end).
    """

    title_changed = Signal(str)
    window_named = Signal(str)
    problem = Signal(str)
    action_requested = Signal(object)
    started = Signal(str)
    ended = Signal()
    library_requested = Signal()
    done_requested = Signal()
    doses_kept = Signal(str)
    room_wanted = Signal(bool)

    def __init__(
        self,
        nav: Navigator,
        settings: SettingsStore,
        services: Services,
        *,
        clock: Clock,
        wall: Callable[[], datetime],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._nav = nav
        self._settings = settings
        self._services = services
        self._clock = clock
        self._wall = wall
        self._parent = parent
        self.guidance: Guidance | None = None
        self.session: ActiveSession | None = None
        self.summary: SummaryPage | None = None
        self._summary_session: int | None = None  # the session the summary is of

    def start(
        self,
        routine: Routine,
        *,
        done_sets: Iterable[SetKey] = (),
        session_id: int | None = None,
        plan: ResumePlan | None = None,
    ) -> None:  # with `session_id`: resume that interrupted session after `done_sets`
        if self.session is not None:
            return
        from hiptimer.ui.session.active import open_session  # not needed for the first page

        self.drop_summary()
        session = open_session(
            routine, self._settings.settings, self._services, clock=self._clock,
            wall=self._wall, done_sets=done_sets, session_id=session_id, parent=self._parent,
            earlier=plan.earlier if plan else (), earlier_s=plan.earlier_s if plan else 0.0,
            in_force=plan.in_force if plan else None, to_rate=plan.rating_asked if plan else None,
        )  # fmt: skip
        session.controller.problem.connect(self.problem)
        page = session.page
        page.title_changed.connect(self.title_changed)
        page.window_name_changed.connect(self.window_named)
        page.action_requested.connect(self.action_requested)
        page.room_wanted.connect(self.room_wanted)
        session.driver.finished.connect(self._finished)
        self.session = session
        self._nav.add(page, page.key_mode, show=True)
        if self.guidance is not None:  # today's check-in waits for the library after it
            self.guidance.session_started()
        self.title_changed.emit(window_title(page.text.title) if page.text else APP_TITLE)
        self.window_named.emit(page.text.window_name if page.text else "")
        session.driver.start()
        self.started.emit(routine.id)

    def resume(self, plan: ResumePlan) -> None:
        self.start(plan.routine, done_sets=plan.done_sets, session_id=plan.session.id, plan=plan)

    def end(self, confirmed: Callable[[], bool]) -> None:
        """Esc: pause, ask, and end or go on as before."""
        if self.session is not None:
            self.session.end_if(confirmed)

    def quit_confirmed(
        self, parent: QWidget, history: History | None, quit_: Callable[[], bool]
    ) -> bool:
        """Ctrl+Q's question (menus.confirm_quit), asked as Esc's is, then `quit_` (True if
        it quit): a running session is paused meanwhile, and goes on as before if HipTimer
        stays open, by a no or by what the quit asks in turn (an editor's Cancel)."""
        session = self.session
        ask = partial(confirm_quit, parent, history, session_running=session is not None)

        def ask_and_quit() -> bool:
            return ask() and quit_()

        return ask_and_quit() if session is None else session.paused_while(ask_and_quit)

    def drop_summary(self) -> None:
        self._nav.remove(self.summary)
        self.summary = None

    def _finished(self, ended: SessionEnded) -> None:
        session = self.session
        if session is None:
            return
        self.session = None
        session.page.blockSignals(True)  # its last redraw must not retitle the summary
        self.room_wanted.emit(False)  # ended during the pain question: the strip comes back
        self._settings.update(setup_heard=sorted(session.cues.setup_heard)[-1000:])
        from hiptimer.core.session.events import EndReason
        from hiptimer.ui.session.active import recorded_seconds
        from hiptimer.ui.session.summary_page import SummaryPage

        result = session.result(ended)
        recorded = recorded_seconds(self._services, session.controller.session_id)
        if recorded is not None:  # History's time, to the second: the two never disagree
            result = dataclasses.replace(result, total_s=recorded)
        summary = SummaryPage(result, self._parent)
        summary.keep_doses_requested.connect(self._keep_doses)
        summary.library_requested.connect(self.library_requested)
        summary.done_requested.connect(self.done_requested)
        self.summary = summary
        self._summary_session = session.controller.session_id
        if self.guidance is not None:
            self.guidance.after_session(summary, session.controller.session_id)
        # Its focus as it opens is the button Enter presses, its ring showing, as a keyboard
        # user expects (the page itself showed none until Tab).
        self._nav.add(summary, Mode.SUMMARY, show=True, home=summary.library_button)
        what = _("Session complete") if ended.reason is EndReason.COMPLETED else _("Session ended")
        self.title_changed.emit(f"{what} \u2014 {APP_TITLE}")
        self.window_named.emit("")  # the title again (after it stopped ticking: read once)
        session.dispose()
        self._nav.remove(session.page)
        self.ended.emit()

    def keep_doses(self) -> None:
        """The summary's keep-doses key: its button's click, where the button is offered."""
        button = None if self.summary is None else self.summary.keep_button
        if button is not None and button.isVisible() and button.isEnabled():
            button.click()

    def _keep_doses(self, live: Routine, changes: list[DoseChange]) -> None:
        """Offer to save the session's doses as the routine's new doses (issue 6)."""
        summary = self.summary
        if summary is None or summary.result.started_with is None:
            return
        from hiptimer.ui.editor.keep_doses import (
            log_kept_doses,
            offer_answered,
            offer_to_keep_doses,
        )

        base, history = summary.result.started_with, self._services.history
        session_id = self._summary_session
        replies: list[None] = []

        def answered() -> None:  # Not now, or a Keep once saved: the stored offer is closed
            offer_answered(history, session_id)
            replies.append(None)

        saved = offer_to_keep_doses(self._parent, base, live, answered)
        if replies:  # the summary says the answer the store now holds (not after a failed save)
            summary.keep_answered(kept=saved is not None)
        if saved is not None:
            log_kept_doses(history, base, live, self._wall(), session_id)
            if self.guidance is not None:
                self.guidance.doses_kept(saved)
            self.doses_kept.emit(saved.title)
