"""Dose suggestions against the history: what is suggested now, what was already declined,
what still waits for an answer, and saving the user's answer."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from hiptimer.core.dosing import decisions as dose_decisions
from hiptimer.core.dosing.dose_steps import rules_for
from hiptimer.core.dosing.inputs import routine_recommendations
from hiptimer.core.dosing.rules import Recommendation
from hiptimer.core.dosing.waiting import Unanswered, read_or
from hiptimer.core.dosing.words import next_dose_text
from hiptimer.core.history.queries import DoseChange
from hiptimer.core.history.store import HistoryStore
from hiptimer.core.history.wording import day_text
from hiptimer.core.routines.model import Routine
from hiptimer.core.routines.validation import RoutineError
from hiptimer.core.settings import SettingsStore
from hiptimer.i18n import _
from hiptimer.ui.guidance.recommendations_panel import RecommendationsPanel
from hiptimer.ui.services.ports import Services
from hiptimer.ui.write_failure import why_not_saved

if TYPE_CHECKING:
    from datetime import datetime

    from hiptimer.ui.session.summary_page import SummaryPage

log = logging.getLogger(__name__)

SAVE_ERRORS = (ValueError, OSError, RoutineError, sqlite3.Error)


class AnswersHost(Protocol):
    """What the answers use of the window around them."""

    @property
    def services(self) -> Services: ...
    def wall(self) -> datetime: ...
    def show_problem(self, text: str, /) -> None: ...
    @property
    def settings(self) -> SettingsStore: ...  # the pain limit


class SuggestionAnswers:
    """Reads a routine's suggestions and the user's earlier answers from the history, and
    saves a new answer. A history that cannot be read gives no suggestions: no guidance,
    no harm. `saved` hears of each routine an accepted suggestion saved."""

    def __init__(self, host: AnswersHost, saved: Callable[[Routine], None]) -> None:
        self._host = host
        self._saved = saved
        self._unanswered = Unanswered()  # counted again only once something changed

    @property
    def store(self) -> HistoryStore | None:
        history = self._host.services.history
        return history if isinstance(history, HistoryStore) else None

    def recommend(self, routine: Routine, pain_limit: int | None = None) -> list[Recommendation]:
        """`routine`'s suggestions, judged with `pain_limit` (the one a session ran with, for
        its summary), else the user's now (Settings)."""
        store = self.store
        if store is None:
            return []
        limit = self._host.settings.settings.pain_limit if pain_limit is None else pain_limit
        rules = rules_for(limit)
        return read_or(lambda: routine_recommendations(store, routine, rules), [])

    def unanswered(self, routine: Routine) -> list[Recommendation]:
        """`routine`'s suggestions still waiting for Accept or Not now (the library's line),
        counted again only once the history, the routine or the pain limit has changed: the
        library asks at every routine its arrow keys pass."""
        store = self.store
        if store is None:
            return []
        return self._unanswered.of(store, routine, self._host.settings.settings.pain_limit)

    def declined(self, panel: RecommendationsPanel) -> set[Recommendation]:
        """Mark each suggestion of `panel` the user already said "not now" to (the same
        change after the same session: the log's rows, dose_decisions.declined_at), or
        answered by changing the dose after the same session (dose_decisions.changed_at), as
        answered, with the day; returns them. An unreadable log offers them again."""
        store = self.store
        if store is None:
            return set()
        none: list[DoseChange] = []
        changes = read_or(lambda: store.dose_changes(panel.routine.id), none)
        found = set()
        for card in panel.cards:
            if not card.awaiting:
                continue
            when = dose_decisions.declined_at(card.rec, changes)
            text = _("Not now (on {day}): the dose stays as it is.")
            if when is None:  # a dose changed after the same session answered it (a Reset since)
                when = dose_decisions.changed_at(card.rec, changes)
                text = _("Answered on {day}: you changed this exercise's dose after that session.")
            if when is not None:
                found.add(card.rec)
                panel.mark(card.rec, text.format(day=day_text(when)))
        return found

    def decide(
        self,
        panel: RecommendationsPanel,
        rec: Recommendation,
        yes: bool,
        summary: SummaryPage | None = None,
    ) -> None:
        """Save the user's Accept (the routine's new dose) or Not now, and say so on its card."""
        at = self._host.wall()
        try:
            if yes:
                saved = dose_decisions.accept(self.store, panel.routine, rec, at)
            else:
                dose_decisions.decline(self.store, panel.routine.id, rec, at)
        except SAVE_ERRORS as exc:
            log.exception("Could not save the decision on %s", rec.exercise_id)
            why = why_not_saved(exc)
            panel.mark(rec, _("Not saved: {why}").format(why=why))
            self._host.show_problem(_("The new dose was not saved: {why}").format(why=why))
            return
        if not yes:
            panel.mark(rec, _("Not now: the dose stays as it is."))
            return
        panel.routine = saved
        dose = next_dose_text(saved.exercise(rec.exercise_id))
        panel.mark(rec, _("Saved: next time {dose}.").format(dose=dose))
        if summary is not None:
            summary.suggestion_saved()  # keeping this session's doses would undo it
        self._saved(saved)
