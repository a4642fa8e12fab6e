"""Pain-guided dosing in the window: the morning check-in, and suggestions the user answers."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.dosing.dose_steps import Dose
from hiptimer.core.dosing.rules import Recommendation
from hiptimer.core.dosing.waiting import read_or
from hiptimer.core.dosing.words import is_offer, next_dose_text, spoken
from hiptimer.core.history.checkin_day import MORNING_STARTS, checkin_day
from hiptimer.core.history.names import routine_name
from hiptimer.core.history.queries import SessionSummary
from hiptimer.core.routines.model import Routine
from hiptimer.i18n import _, joined, translate
from hiptimer.ui.day_turn import DayTurn
from hiptimer.ui.guidance.checkin_page import QUESTION, CheckinPage
from hiptimer.ui.guidance.doses_left import DosesLeft
from hiptimer.ui.guidance.recommendations_panel import MorningAdvicePage, RecommendationsPanel
from hiptimer.ui.guidance.suggestion_answers import AnswersHost, SuggestionAnswers
from hiptimer.ui.keys import Action, Mode
from hiptimer.ui.navigator import Navigator

if TYPE_CHECKING:
    from hiptimer.ui.session.summary_page import SummaryPage

log = logging.getLogger(__name__)

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


class GuidanceHost(AnswersHost, Protocol):
    """What the guidance uses of the window around it (and its answers use)."""

    @property
    def nav(self) -> Navigator: ...
    def show_message(self, text: str, ms: int, /) -> None: ...  # in the status bar
    def routines(self) -> list[Routine]: ...  # the library's


class Guidance(QObject):
    """Asks the morning check-in when the app opens the day after a session, and shows the
    dose suggestions (after it, and on the summary). Nothing changes without a yes.

    Signals: routine_saved(Routine) once an accepted suggestion has saved the user's routine;
    kept_later(str) with the routine's title once a session's doses left unanswered on its
    summary are kept; library_requested() when the check-in and its suggestions are done with.
    """

    routine_saved = Signal(object)
    kept_later = Signal(str)
    library_requested = Signal()

    def __init__(self, host: GuidanceHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._nav = host.nav
        self.answers = SuggestionAnswers(host, saved=self.routine_saved.emit)
        window = self._nav.stack.window
        self.doses_left = DosesLeft(host, window, lambda kept: self.kept_later.emit(kept.title))
        self.checkin: CheckinPage | None = None
        self.advice: MorningAdvicePage | None = None
        self._waiting: list[SessionSummary] = []  # yesterday's sessions without a check-in
        self._before: dict[str, tuple[Routine, list[Recommendation]]] = {}
        self._summary: SummaryPage | None = None  # the one showing _summary_panel
        self._summary_panel: RecommendationsPanel | None = None
        self._asked = False  # the question was said
        self._looked_on: date | None = None  # the day start() last looked for a check-in
        self._nav.page_changed.connect(self._page_changed)
        # HipTimer may run for days (kept in the tray, a laptop asleep overnight): the
        # window coming back on a new day asks the check-in as a new start would, and so
        # does 04:00 passing with the window left open on the library.
        self._nav.stack.window().installEventFilter(self)
        self.day_turn = DayTurn(self._nav.stack.window(), host.wall, MORNING_STARTS)
        self.day_turn.turned.connect(self._look_again)

    # ------------------------------------------------------------ window hooks

    def unanswered(self, routine: Routine) -> list[Recommendation]:
        """`routine`'s suggestions still waiting for Accept or Not now (the library's line)."""
        return self.answers.unanswered(routine)

    def start(self) -> None:
        """At start-up: put the check-in before the library when yesterday had a session."""
        store = self.answers.store
        if store is None:
            return
        today = checkin_day(self._host.wall())  # from 04:00: past midnight is still evening
        self._looked_on = today
        found = read_or(lambda: store.sessions_needing_morning_checkin(today), None)
        if found is None:
            return
        none: list[SessionSummary] = []
        yesterday = read_or(lambda: store.sessions_of_checkin_day(today - timedelta(days=1)), none)
        self._waiting = [s for s in yesterday if s.morning_at is None] or [found]
        library = {r.id: r for r in self._routines({s.routine_id for s in self._waiting})}
        for routine in library.values():
            self._before[routine.id] = (routine, self.answers.recommend(routine))
        # As History names them (names.py): a session done in English reads in Spanish.
        named = (routine_name(library, s.routine_id, s.routine_title) for s in self._waiting)
        titles = list(dict.fromkeys(named))
        about = _("The morning after: {routines}").format(routines=joined(titles))
        self._asked = False
        self.checkin = CheckinPage(about, self._nav.stack)
        self.checkin.answered.connect(self._answered)
        self.checkin.skipped.connect(lambda: self._answered(None, None))
        # Before the library, but after the first-run notice or a session to resume.
        library_showing = self._nav.key_mode() is Mode.LIBRARY
        self._nav.add(self.checkin, Mode.CHECKIN, show=library_showing)

    def page_before_library(self) -> QWidget | None:
        """The check-in or its suggestions while they wait: they come before the library."""
        self._look_again()
        return self.checkin or self.advice

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.WindowActivate):
            self._look_again()
        return False

    def _look_again(self) -> None:
        """On a day after the one start() looked on, look again: from the library or a
        summary (a session, or yesterday's suggestions on screen, are finished first)."""
        if self._looked_on is None or self.checkin is not None or self.advice is not None:
            return
        if self._nav.key_mode() not in (Mode.LIBRARY, Mode.SUMMARY):
            return
        if checkin_day(self._host.wall()) != self._looked_on:
            self._before.clear()
            self.start()

    def session_started(self) -> None:
        """A session started while the check-in waits (a reminder's Start, the command line,
        a resume): the check-in waits for the library after it, as it would have been asked
        before (dropped, it was never asked: the next day looks at today's session only).
        Suggestions waiting are dropped: the summary gives them anew."""
        self._drop_advice()

    def perform(self, action: Action, value: int) -> bool:
        """Handle a key meant for a check-in or suggestion; False when it is not one."""
        page = self._nav.current
        if action in ANSWER_KEYS:
            panel = self._summary_panel if page is self._summary else None
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
        store = self.answers.store
        routine = summary.result.started_with or summary.result.routine
        if store is None or session_id is None:
            return
        # A session begun while the disk refused writes has a handle until it is saved.
        saved = store.saved_id(session_id)
        # Judged by the limit the session ran with: one changed in Settings meanwhile waits
        # for the next session (a 4 carried on under 5 is not "above 3" afterwards).
        limit = summary.result.pain_limit
        recs = [r for r in self.answers.recommend(routine, limit) if r.session_id == saved]
        if not recs:
            return
        wall = self._host.wall()
        panel = RecommendationsPanel(routine, recs, summary, scrolls=False, at=wall)
        panel.decided.connect(lambda rec, yes: self.answers.decide(panel, rec, yes, summary))
        panel.destroyed.connect(lambda: self._forget(panel))
        self._summary, self._summary_panel = summary, panel
        summary.add_section(panel)  # it scrolls with the table, as one
        said_no = self.answers.declined(panel)
        self._speak(routine, [r for r in recs if r not in said_no])

    def review(self, routine: Routine) -> bool:
        """Show `routine`'s suggestions in the summary's cards, for a user who left them
        unanswered (V in the library); False when none waits for an answer."""
        recs = self.answers.recommend(routine)
        panel = RecommendationsPanel(routine, recs, at=self._host.wall())
        self.answers.declined(panel)
        if panel.pending() is None:
            panel.deleteLater()
            return False
        panel.decided.connect(lambda rec, yes: self.answers.decide(panel, rec, yes))
        heading = _("From your last session of {routine}:").format(routine=routine.title)
        self.advice = MorningAdvicePage([panel], self._nav.stack, heading=heading)
        self.advice.done.connect(self._finish)
        self._nav.add(self.advice, Mode.CHECKIN, show=True)
        return True

    # ------------------------------------------------------------ the check-in

    def _answered(self, pain: int | None, stiffness: int | None) -> None:
        store, at = self.answers.store, self._host.wall()
        if store is None:
            return
        saved = pain is not None or stiffness is not None
        try:
            for session in self._waiting:
                store.record_morning(session.id, pain, stiffness, at)
        except Exception as exc:  # a bug in the data: say so, and go on to the library
            log.exception("Could not record the morning check-in")
            self._host.show_problem(_("The morning check-in was not saved: {why}").format(why=exc))
            saved = False
        panels: list[RecommendationsPanel] = []
        fresh: dict[RecommendationsPanel, list[Recommendation]] = {}
        for routine, before in self._before.values():
            after = self.answers.recommend(routine)
            if pain is None or _key(after) == _key(before):
                continue
            panel = RecommendationsPanel(routine, after, heading=routine.title, at=at)
            said_no = self.answers.declined(panel)  # shown as answered, not offered again
            fresh[panel] = [r for r in after if r not in said_no]
            if not _worth_a_page(fresh[panel]):
                panel.deleteLater()
                continue
            panel.decided.connect(lambda rec, yes, p=panel: self.answers.decide(p, rec, yes))
            panels.append(panel)
        self._drop_checkin()
        if not panels:
            if saved:  # the summary said it "suggests what to do next": nothing new, said so
                said = _("Morning check-in saved. Nothing new to suggest this morning.")
                self._host.show_message(said, 8000)
            self.library_requested.emit()
            return
        self.advice = MorningAdvicePage(panels, self._nav.stack)
        self.advice.done.connect(self._finish)
        self._nav.add(self.advice, Mode.CHECKIN, show=True)
        for panel in panels:
            self._speak(panel.routine, [c.rec for c in panel.cards if c.rec in fresh[panel]])

    def _finish(self) -> None:
        self._drop_advice()
        self.library_requested.emit()

    def _drop_checkin(self) -> None:
        checkin, self.checkin = self.checkin, None
        self._nav.remove(checkin)

    def _drop_advice(self) -> None:
        advice, self.advice = self.advice, None
        self._nav.remove(advice)

    def _page_changed(self, page: QWidget | None) -> None:
        if self.checkin is not None and page is self.checkin and not self._asked:
            self._asked = True
            self._host.services.speech.say(translate(QUESTION), kind="prompt")

    # ------------------------------------------------------------ decisions

    def doses_kept(self, saved: Routine) -> None:
        """The session's changed doses were kept: a suggestion made for a dose that is no
        longer the routine's is answered by that choice, not offered (its yes would fail),
        and a card that offered nothing (keep the same dose) or was declined says the dose
        kept, not the one it was made for."""
        panel = self._summary_panel
        if panel is None:
            return
        panel.routine = saved
        kept = {ex.id: ex for ex in saved.exercises}
        for card in panel.cards:
            ex = kept.get(card.rec.exercise_id)
            if ex is None or Dose.of(ex) == card.rec.current:
                continue
            if card.awaiting:
                text = _("Not taken: you kept this session's dose instead, so next time {dose}.")
            else:
                text = _("You kept this session's dose, so next time {dose}.")
            panel.mark(card.rec, text.format(dose=next_dose_text(ex)))

    def _forget(self, panel: QObject) -> None:
        if self._summary_panel is panel:
            self._summary, self._summary_panel = None, None

    # ------------------------------------------------------------ helpers

    def _routines(self, ids: set[str]) -> list[Routine]:
        return [routine for routine in self._host.routines() if routine.id in ids]

    def _speak(self, routine: Routine, recs: list[Recommendation]) -> None:
        names = {ex.id: ex.name for ex in routine.exercises}
        for rec in recs:
            text = spoken(rec, names.get(rec.exercise_id, rec.exercise_id))
            if text:
                self._host.services.speech.say(text, kind="summary")
