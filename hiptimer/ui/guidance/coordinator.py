"""Pain-guided dosing in the window: the morning check-in, and suggestions the user answers."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from hiptimer.core.dosing import decisions as dose_decisions
from hiptimer.core.dosing.inputs import routine_recommendations
from hiptimer.core.dosing.rules import DoseAction, Recommendation
from hiptimer.core.dosing.words import is_offer, spoken
from hiptimer.core.history.queries import SessionSummary
from hiptimer.core.history.store import HistoryStore
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.validation import RoutineError
from hiptimer.ui.guidance.checkin_page import QUESTION, CheckinPage
from hiptimer.ui.guidance.recommendations_panel import MorningAdvicePage, RecommendationsPanel
from hiptimer.ui.keys import Action, Mode

if TYPE_CHECKING:
    from hiptimer.ui.main_window import MainWindow
    from hiptimer.ui.session.summary_page import SummaryPage

log = logging.getLogger(__name__)
T = TypeVar("T")

READ_ERRORS = (sqlite3.Error, OSError)
SAVE_ERRORS = (ValueError, OSError, RoutineError, sqlite3.Error)
CHECKIN_KEYS = {
    Action.RATE,
    Action.SKIP_RATING,
    Action.ACCEPT,
    Action.SELECT_PREVIOUS,
    Action.SELECT_NEXT,
}
ANSWER_KEYS = {Action.ACCEPT_SUGGESTION: True, Action.NOT_NOW: False}


def _key(recs: list[Recommendation]) -> list[tuple[Any, ...]]:
    return [(r.exercise_id, r.side, r.action, r.proposed, r.rule) for r in recs]


def _worth_a_page(recs: list[Recommendation]) -> bool:
    """Something to answer or to heed: a new dose, or seeing a clinician (not only "keep it")."""
    return any(is_offer(r) or r.action is DoseAction.SEE_CLINICIAN for r in recs)


class Guidance(QObject):
    """Asks the morning check-in when the app opens the day after a session, and shows the
    dose suggestions (after it, and on the summary). Nothing changes without a yes.

    Signals: routine_saved(Routine) once an accepted suggestion has saved the user's routine.
    """

    routine_saved = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.checkin: CheckinPage | None = None
        self.advice: MorningAdvicePage | None = None
        self._waiting: list[SessionSummary] = []  # yesterday's sessions without a check-in
        self._before: dict[str, tuple[Routine, list[Recommendation]]] = {}
        self._summary_panel: RecommendationsPanel | None = None
        self._asked = False  # the question was said
        window.stack.currentChanged.connect(self._page_changed)

    # ------------------------------------------------------------ window hooks

    @property
    def store(self) -> HistoryStore | None:
        history = self.window.services.history
        return history if isinstance(history, HistoryStore) else None

    def start(self) -> None:
        """At start-up: put the check-in before the library when yesterday had a session."""
        store = self.store
        if store is None:
            return
        today = self.window.wall().astimezone().date()
        found = self._read(lambda: store.sessions_needing_morning_checkin(today), None)
        if found is None:
            return
        day = today - timedelta(days=1)
        none: list[SessionSummary] = []
        yesterday = self._read(lambda: store.list_sessions(since=day, until=day), none)
        self._waiting = [s for s in yesterday if s.sets_done and s.morning_at is None] or [found]
        for routine in self._routines({s.routine_id for s in self._waiting}):
            self._before[routine.id] = (routine, self._recommend(routine))
        titles = list(dict.fromkeys(s.routine_title for s in self._waiting))
        self.checkin = CheckinPage(f"The morning after: {' and '.join(titles)}", self.window)
        self.checkin.answered.connect(self._answered)
        self.checkin.skipped.connect(lambda: self._answered(None, None))
        self.window.stack.addWidget(self.checkin)
        if self.window.stack.currentWidget() is self.window.library:
            self.window.stack.setCurrentWidget(self.checkin)

    def page_before_library(self) -> QWidget | None:
        """The check-in or its suggestions while they wait: they come before the library."""
        return self.checkin or self.advice

    def owns(self, page: QWidget | None) -> bool:
        return page is not None and page in (self.checkin, self.advice)

    def key_mode(self) -> Mode:
        return Mode.CHECKIN

    def perform(self, action: Action, value: int) -> bool:
        """Handle a key meant for a check-in or suggestion; False when it is not one."""
        page = self.window.stack.currentWidget()
        if action in ANSWER_KEYS:
            panel = self._summary_panel if page is self.window.summary else None
            target = self.advice if page is self.advice else panel
            return target is not None and target.answer_next(ANSWER_KEYS[action])
        if page is self.checkin and self.checkin is not None and action in CHECKIN_KEYS:
            if action is Action.RATE:
                self.checkin.rate(value)
            elif action is Action.SKIP_RATING:
                self.checkin.skipped.emit()
            elif action is Action.ACCEPT:
                self.checkin.save()
            else:
                self.checkin.switch_scale(1 if action is Action.SELECT_NEXT else -1)
            return True
        if page is self.advice and action in (Action.ACCEPT, Action.LIBRARY):
            self._finish()
            return True
        return False

    def after_session(self, summary: SummaryPage, session_id: int | None) -> None:
        """Add the suggestions that follow this session to its summary, and say them."""
        store = self.store
        routine = summary.result.started_with or summary.result.routine
        if store is None or session_id is None:
            return
        recs = [r for r in self._recommend(routine) if r.session_id == session_id]
        if not recs:
            return
        panel = RecommendationsPanel(routine, recs, summary)
        panel.decided.connect(lambda rec, yes: self._decide(panel, rec, yes, summary))
        panel.destroyed.connect(lambda: self._forget(panel))
        self._summary_panel = panel
        summary.add_section(panel, 2 if panel.cards else 0)  # the table scrolls
        self._speak(routine, recs)

    # ------------------------------------------------------------ the check-in

    def _answered(self, pain: int | None, stiffness: int | None) -> None:
        store, at = self.store, self.window.wall()
        if store is None:
            return
        try:
            for session in self._waiting:
                store.record_morning(session.id, pain, stiffness, at)
        except Exception as exc:  # a bug in the data: say so, and go on to the library
            log.exception("Could not record the morning check-in")
            self.window.show_problem(f"The morning check-in was not saved: {exc}")
        panels = []
        for routine, before in self._before.values():
            after = self._recommend(routine)
            if pain is not None and _key(after) != _key(before) and _worth_a_page(after):
                panel = RecommendationsPanel(routine, after, heading=routine.title)
                panel.decided.connect(lambda rec, yes, p=panel: self._decide(p, rec, yes))
                panels.append(panel)
        self._drop_checkin()
        if not panels:
            self.window.show_library()
            return
        self.advice = MorningAdvicePage(panels, self.window)
        self.advice.done.connect(self._finish)
        self.window.stack.addWidget(self.advice)
        self.window.stack.setCurrentWidget(self.advice)
        for panel in panels:
            self._speak(panel.routine, [c.rec for c in panel.cards])

    def _finish(self) -> None:
        self._drop_advice()
        self.window.show_library()

    def _drop_checkin(self) -> None:
        checkin, self.checkin = self.checkin, None
        if checkin is not None:
            self.window.stack.removeWidget(checkin)
            checkin.deleteLater()

    def _drop_advice(self) -> None:
        advice, self.advice = self.advice, None
        if advice is not None:
            self.window.stack.removeWidget(advice)
            advice.deleteLater()

    def _page_changed(self, _index: int) -> None:
        page = self.window.stack.currentWidget()
        if self.window.session is not None and (self.checkin or self.advice):
            # A session started from the command line: today's check-in waits for next time.
            self._drop_checkin()
            self._drop_advice()
        elif page is self.checkin and not self._asked:
            self._asked = True
            self.window.services.speech.say(QUESTION, kind="prompt")

    # ------------------------------------------------------------ decisions

    def _decide(
        self,
        panel: RecommendationsPanel,
        rec: Recommendation,
        yes: bool,
        summary: SummaryPage | None = None,
    ) -> None:
        at = self.window.wall()
        try:
            if yes:
                saved = dose_decisions.accept(self.store, panel.routine, rec, at)
            else:
                dose_decisions.decline(self.store, panel.routine.id, rec, at)
        except SAVE_ERRORS as exc:
            log.exception("Could not save the decision on %s", rec.exercise_id)
            panel.mark(rec, f"Not saved: {exc}")
            self.window.show_problem(f"The new dose was not saved: {exc}")
            return
        if not yes:
            panel.mark(rec, "Not now: the dose stays as it is.")
            return
        panel.routine = saved
        assert rec.proposed is not None
        panel.mark(rec, f"Saved: next time {rec.proposed.text}.")
        if summary is not None:
            # Keeping this session's doses would start from the routine as it was.
            summary.keep_button.setEnabled(False)
        self.routine_saved.emit(saved)

    def _forget(self, panel: QObject) -> None:
        if self._summary_panel is panel:
            self._summary_panel = None

    # ------------------------------------------------------------ helpers

    def _recommend(self, routine: Routine) -> list[Recommendation]:
        store = self.store
        if store is None:
            return []
        return self._read(lambda: routine_recommendations(store, routine), [])

    def _read(self, query: Callable[[], T], fallback: T) -> T:
        try:
            return query()
        except READ_ERRORS as exc:  # the history cannot be read now: no guidance, no harm
            log.warning("Could not read the history for dose suggestions: %s", exc)
            return fallback

    def _routines(self, ids: set[str]) -> list[Routine]:
        items = self.window.library.items
        return [i.routine for i in items if i.id in ids and i.routine is not None]

    def _speak(self, routine: Routine, recs: list[Recommendation]) -> None:
        names = {ex.id: ex.name for ex in routine.exercises}
        for rec in recs:
            text = spoken(rec, names.get(rec.exercise_id, rec.exercise_id))
            if text:
                self.window.services.speech.say(text, kind="summary")
