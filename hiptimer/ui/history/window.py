"""The history window: past sessions, pain and dose charts, adherence, re-tests, and the
export buttons (exports.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QMargins, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hiptimer.core.clock import wall_now
from hiptimer.core.history.adherence import check_routines, listed_text
from hiptimer.core.history.queries import SessionSummary
from hiptimer.core.history.review import (
    RoutineSource,
    local_day,
    routines_by_id,
)
from hiptimer.core.history.store import HistoryStore
from hiptimer.core.settings import DEFAULT_PAIN_LIMIT
from hiptimer.i18n import N_, _
from hiptimer.ui.day_turn import DayTurn
from hiptimer.ui.enter_keys import enter_presses_buttons
from hiptimer.ui.full_screen import full_screen_key
from hiptimer.ui.history.chart_tabs import (
    TAB_ADHERENCE,
    TAB_PAIN,
    TAB_RETESTS,
    TAB_SESSIONS,
    ChartTabs,
)
from hiptimer.ui.history.exports import HistoryExports
from hiptimer.ui.history.filter_bar import date_edit, filter_bar
from hiptimer.ui.history.filter_fold import FilterFold
from hiptimer.ui.history.foot_row import FootRow
from hiptimer.ui.history.page import Page
from hiptimer.ui.history.panes import AdherencePane, Filters, PainPane
from hiptimer.ui.history.sessions_pane import SessionsPane
from hiptimer.ui.history.split_kept import ShareKept, SplitKept
from hiptimer.ui.history.style import history_style_sheet
from hiptimer.ui.menu_shortcuts import set_shortcut
from hiptimer.ui.quit_key import share_quit
from hiptimer.ui.theme import follow
from hiptimer.ui.widgets.notification import Notification
from hiptimer.ui.widgets.plain import fit_names, plain, show_wrapped
from hiptimer.ui.widgets.plain_stacks import plain_stacks
from hiptimer.ui.widgets.screen_fit import fit_window

if TYPE_CHECKING:
    from hiptimer.ui.history.retests_pane import RetestsPane

PRESETS = ((N_("Last 4 weeks"), 28), (N_("3 months"), 91), (N_("All"), None))
DEFAULT_PRESET_DAYS = 91
TIGHT = QMargins(6, 6, 6, 6)  # the window's margins where it is short (filter_fold.py)


class HistoryWindow(ChartTabs):
    """Review of past sessions: a filtered list, one session's sets, charts and exports.

    Charts load (with QtCharts) the first time their tab is shown (chart_tabs.py), and each
    filter change costs one session query; the pain chart queries only the chosen exercise.
    `wall` says what day it is (the presets count back from it); tests pass a fixed one.
    `pain_limit` gives the user's pain limit at the moment of a PDF export (Settings);
    `split_kept`, where the user last dragged the sessions tab's splitter (Settings).
    Signals: none of its own.
    """

    def __init__(
        self,
        store: HistoryStore,
        catalog_or_routines: RoutineSource,
        parent: QWidget | None = None,
        *,
        wall: Callable[[], datetime] = wall_now,
        pain_limit: Callable[[], int] = lambda: DEFAULT_PAIN_LIMIT,
        split_kept: ShareKept | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("historyWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(history_style_sheet())
        follow(self, lambda: self.setStyleSheet(history_style_sheet()))
        self.setWindowTitle(_("History \u2014 HipTimer"))
        # An explicit minimum also keeps the layout from resizing the platform window.
        fit_window(self, QSize(1200, 800), QSize(820, 560))
        self.store = store
        self._wall = wall
        self.routines = routines_by_id(catalog_or_routines)
        self.filters = Filters()
        self.shown: list[SessionSummary] = []
        self.routine = QComboBox()
        self.routine.setObjectName("routine-filter")
        self.routine.setAccessibleDescription(_("The routine whose sessions are shown"))
        fit_names(self.routine, 24)
        self.since_edit, self.until_edit = date_edit(), date_edit()
        self.presets = QButtonGroup(self)
        self.presets.setExclusive(False)  # editing a date leaves no preset checked
        self.status = Notification()  # "Exporting…", "Note saved.": said as they show
        self.status.setObjectName("status")
        plain(self.status)  # names files and notes
        # A long file path must not make the window wider than the screen: the line wraps
        # where it can and is cut where it cannot.
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        plain_stacks()  # Tab into a page: no "layered pane" said before its first field
        self.tabs = QTabWidget()
        self.sessions_pane = SessionsPane(store, wall=wall, routines=self.routines)
        self.pain_pane: PainPane | None = None
        self.adherence_pane: AdherencePane | None = None
        self.retests_pane: RetestsPane | None = None
        self._stale = {TAB_PAIN, TAB_ADHERENCE, TAB_RETESTS}
        self.exports = HistoryExports(
            self, store, self.routines, wall, lambda: self.filters, self.say, pain_limit
        )
        self.csv_button, self.pdf_button = self.exports.csv_button, self.exports.pdf_button
        bar = filter_bar(self.routine, self.since_edit, self.until_edit, self.presets, PRESETS)
        self.filter_fold = FilterFold(bar)
        self._build()
        self._fill_routines()
        self._connect()
        self.apply_preset(self._default_preset())
        self.day_turn = DayTurn(self, wall, time(0))  # its days are the calendar's
        self.day_turn.turned.connect(self._new_day)
        self._split_kept = SplitKept(self.sessions_pane.split, split_kept) if split_kept else None

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        buttons = (self.csv_button, self.pdf_button)
        foot = self.foot = FootRow(self.filter_fold.toggle, self.status, buttons)
        self.tabs.addTab(Page(self.sessions_pane), _("Sessions"))
        self.tabs.addTab(QWidget(), _("Pain and dose"))
        self.tabs.addTab(QWidget(), _("Adherence"))
        self.tabs.addTab(QWidget(), _("Re-tests"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_fold)  # never squeezed under the tabs (FlowRow)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(foot)
        self.filter_fold.lead_tab()  # (the window holds the button and the filters now)
        self._margins = layout.contentsMargins()  # the style's, kept where it is not short

    def _connect(self) -> None:
        self.routine.currentIndexChanged.connect(self._filters_edited)
        self.since_edit.dateChanged.connect(self._dates_edited)
        self.until_edit.dateChanged.connect(self._dates_edited)
        self.presets.idClicked.connect(lambda i: self.apply_preset(PRESETS[i][1]))
        self.tabs.currentChanged.connect(self._tab_shown)
        # Esc leaves, as everywhere; with no window manager there is no other way out.
        close = QAction(self)
        set_shortcut(close, "close_history")
        close.triggered.connect(self.close)
        self.addAction(close)
        full_screen_key(self)
        enter_presses_buttons(self)  # a button reached by Tab: Enter presses it, as Space
        self.sessions_pane.message.connect(self.say)
        queued = Qt.ConnectionType.QueuedConnection  # once the splitter's resize is over
        self.sessions_pane.split.cramped.connect(self._fit_filters, queued)
        # A new text size, its rows measured again: decided for the old one, the filters
        # stayed folded at 100 % where History opened at 100 % shows them.
        self.sessions_pane.list_view.refit.refitted.connect(self._fit_filters, queued)

    def _fill_routines(self) -> None:
        """'All routines', then the routines with sessions, most recently used first."""
        self.routine.blockSignals(True)
        chosen = self.routine.currentData()
        self.routine.clear()
        self.routine.addItem(_("All routines"), None)
        used = []
        for rid, routine in self.routines.items():
            last = self.store.last_session_for(rid)
            if last is not None:
                used.append((last.started_at, rid, routine.title))
        for _when, rid, title in sorted(used, reverse=True):
            self.routine.addItem(title, rid)
        self.routine.setCurrentIndex(max(self.routine.findData(chosen), 0))
        self.routine.blockSignals(False)

    def _default_preset(self) -> int | None:
        """The last three months, unless nothing was done in them: then everything."""
        newest = self.store.list_sessions(limit=1)
        recent = newest and local_day(newest[0].started_at) > self.today() - timedelta(days=91)
        return DEFAULT_PRESET_DAYS if recent else None

    def today(self) -> date:
        """The local day it is now, by the window's wall clock."""
        return self._wall().astimezone().date()

    def _new_day(self) -> None:
        """Open past midnight: a preset's days move on to end on the new day (a session then
        was left out of the "Last 4 weeks" up to yesterday), as do the charts' "this week so
        far"; dates chosen by hand stay."""
        for i, (_label, days) in enumerate(PRESETS):
            if self.presets.button(i).isChecked():
                return self.apply_preset(days)
        self._charts_stale()

    # -- filters -------------------------------------------------------------------------

    def apply_preset(self, days: int | None) -> None:
        """Show the last `days` days up to today, or everything for None."""
        today = self.today()
        since = None if days is None else today - timedelta(days=days - 1)
        self.filters = Filters(self.routine.currentData(), since, None if days is None else today)
        for i, (_label, preset) in enumerate(PRESETS):
            self.presets.button(i).setChecked(preset == days)
        self._reload()

    def set_filters(self, routine_id: str | None, since: date | None, until: date | None) -> None:
        """Show one routine (None: all) between two local days (None: open-ended)."""
        self.routine.blockSignals(True)
        index = self.routine.findData(routine_id)
        if index < 0:
            self.routine.addItem(routine_id or "", routine_id)
            index = self.routine.count() - 1
        self.routine.setCurrentIndex(index)
        self.routine.blockSignals(False)
        self.filters = Filters(routine_id, since, until)
        for button in self.presets.buttons():
            button.setChecked(False)
        self._reload()

    def _filters_edited(self) -> None:
        f = self.filters
        self.filters = Filters(self.routine.currentData(), f.since, f.until)
        self._reload()

    def _dates_edited(self) -> None:
        since, until = self.since_edit.date().toPython(), self.until_edit.date().toPython()
        assert isinstance(since, date) and isinstance(until, date)
        self.filters = Filters(self.filters.routine_id, since, until)
        for button in self.presets.buttons():
            button.setChecked(False)
        self._reload()

    def reload(self) -> None:
        """Read the history again (after a session was recorded, say)."""
        self._fill_routines()
        self._reload()

    def _reload(self) -> None:
        f = self.filters
        self.shown = self.store.list_sessions(f.routine_id, f.since, f.until)  # the one query
        self._show_dates()
        self.sessions_pane.set_sessions(self.shown)
        if self.exports.running is None:  # else "Exporting…" stands until the export ends
            self.say(listed_text(self.shown, check_routines(self.routines)))
        self._charts_stale()

    def _show_dates(self) -> None:
        """The dates in force; for an open start, the first session's day, for an open end
        today (or a later session's day), as the figures count the period; and the filters'
        line where they are folded."""
        f, today = self.filters, self.today()
        since = f.since or (local_day(self.shown[-1].started_at) if self.shown else today)
        until = f.until or max(today, local_day(self.shown[0].started_at) if self.shown else today)
        for edit, day in ((self.since_edit, since), (self.until_edit, until)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.filter_fold.set_summary(
            self.routine.currentText(), self.since_edit.text(), self.until_edit.text()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_filters()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_filters()
        QTimer.singleShot(0, self, self._fit_filters)  # and once the tables are fitted

    def _fit_filters(self) -> None:
        """The filters folded where, open, they would leave the sessions tab too short for
        the list's header and chosen row, and the chosen session's heading and first set;
        the heading then brief (what the row says left out)."""
        page, layout = self.tabs.widget(TAB_SESSIONS), self.layout()
        if page is None or layout is None or not self.isVisible():
            return
        now, usual = layout.contentsMargins(), self._margins
        tall = page.height() - (usual.top() + usual.bottom()) + now.top() + now.bottom()
        need = self.sessions_pane.first_screen()
        short = self.filter_fold.fit(tall, self.tabs.width(), layout.spacing(), need)
        self.sessions_pane.set_brief(short)
        layout.setContentsMargins(TIGHT if short else usual)  # 10 px more for the sessions
        self.foot.refit()  # the Filters button shown or hidden beside the status line
        layout.activate()  # now, not at the next event: the tab is placed as it shows

    def say(self, text: str) -> None:
        """What the window tells in its status line; a path in it wraps rather than being cut."""
        show_wrapped(self.status, text)
        self.foot.refit()  # its words on one line beside the buttons, or the buttons under
        if text:
            self.status.tell(text)

    def save_note(self) -> None:
        """The chosen session's note, saved if it changed (the window stays open)."""
        self.sessions_pane.save_note()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_note()
        if self._split_kept is not None:
            self._split_kept.save()
        self.exports.abandon()  # no file appears after the window has gone
        super().closeEvent(event)


def open_history_window(
    parent: QWidget | None,
    store: HistoryStore,
    catalog: RoutineSource = None,
    *,
    wall: Callable[[], datetime] = wall_now,
    pain_limit: Callable[[], int] = lambda: DEFAULT_PAIN_LIMIT,
    split_kept: ShareKept | None = None,
) -> HistoryWindow:
    """Show the history window of `parent` (made on first use, reloaded after), in front.

    `wall`: the app's wall clock, which says what day it is; `pain_limit`: the user's now;
    `split_kept`: the splitter's place in the settings.
    """
    window = parent.findChild(HistoryWindow) if parent is not None else None
    if window is None:
        if catalog is None:
            from hiptimer.core.routines.catalog import load_catalog

            catalog = load_catalog()
        window = HistoryWindow(
            store, catalog, parent, wall=wall, pain_limit=pain_limit, split_kept=split_kept
        )
        share_quit(window)  # Ctrl+Q typed in it quits HipTimer
    else:
        window.reload()
    window.show()
    window.raise_()
    window.activateWindow()
    return window
