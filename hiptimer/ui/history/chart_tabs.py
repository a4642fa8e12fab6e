"""The history window's chart tabs (pain and dose, adherence, re-tests), each built on first
sight and filled again only when shown after a change of the sessions in view."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QWidget

from hiptimer.core.history.queries import SessionSummary
from hiptimer.core.history.review import exercises_for
from hiptimer.core.history.store import HistoryStore
from hiptimer.core.routines.model import Routine
from hiptimer.i18n import _
from hiptimer.ui.history.page import Page
from hiptimer.ui.history.panes import AdherencePane, Filters, PainPane
from hiptimer.ui.widgets.tab_order import tab_after, tab_stops

if TYPE_CHECKING:
    from hiptimer.ui.history.retests_pane import RetestsPane

TAB_SESSIONS, TAB_PAIN, TAB_ADHERENCE, TAB_RETESTS = range(4)


class ChartTabs(QWidget):
    """The part of HistoryWindow (window.py) that owns its chart tabs: charts load (with
    QtCharts) the first time their tab is shown, and a tab is filled again only when shown
    after the sessions in view changed (`_charts_stale`). Signals: none of its own."""

    tabs: QTabWidget
    store: HistoryStore
    routines: dict[str, Routine]
    filters: Filters
    shown: list[SessionSummary]
    _wall: Callable[[], datetime]
    _stale: set[int]
    pain_pane: PainPane | None
    adherence_pane: AdherencePane | None
    retests_pane: RetestsPane | None

    def _charts_stale(self) -> None:
        self._stale = {TAB_PAIN, TAB_ADHERENCE, TAB_RETESTS}
        self._tab_shown(self.tabs.currentIndex())

    def _tab_shown(self, index: int) -> None:
        if index not in self._stale:
            return
        self._stale.discard(index)
        if index == TAB_PAIN:
            exercises = exercises_for(
                self.store, self.shown, self.routines, self.filters.routine_id
            )
            self.show_pain().set_filters(self.filters, self.shown, exercises)
        elif index == TAB_ADHERENCE:
            self.show_adherence().set_filters(self.filters, self.shown)
        elif index == TAB_RETESTS:
            f = self.filters
            self.show_retests().set_sessions(self.shown, f.since, f.until)

    def show_pain(self) -> PainPane:
        """The pain and dose tab, built (QtCharts loaded) on first use."""
        if self.pain_pane is None:
            self.pain_pane = PainPane(self.store, self._wall)
            self._place(TAB_PAIN, self.pain_pane, _("Pain and dose"))
        return self.pain_pane

    def show_adherence(self) -> AdherencePane:
        if self.adherence_pane is None:
            self.adherence_pane = AdherencePane(self.store, self.routines, self._wall)
            self._place(TAB_ADHERENCE, self.adherence_pane, _("Adherence"))
        return self.adherence_pane

    def show_retests(self) -> RetestsPane:
        """The re-tests tab: each test's results over time beside the pain."""
        if self.retests_pane is None:
            from hiptimer.ui.history.retests_pane import RetestsPane

            self.retests_pane = RetestsPane(self.store, self.routines, wall=self._wall)
            self._place(TAB_RETESTS, self.retests_pane, _("Re-tests"))
        return self.retests_pane

    def _place(self, index: int, pane: QWidget, title: str) -> None:
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        old = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, Page(pane), title)
        tab_after(self.tabs.tabBar(), tab_stops(pane))  # before the export buttons, as it reads
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if old is not None:
            old.deleteLater()
