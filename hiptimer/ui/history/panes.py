"""The history window's chart tabs: pain and dose, adherence (sessions: sessions_pane.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hiptimer.core.history.adherence import adherence, check_routines, schedule_for
from hiptimer.core.history.chart_words import result_words
from hiptimer.core.history.queries import MorningPoint, SessionSummary
from hiptimer.core.history.records import RetestResult
from hiptimer.core.history.retests import RetestSeries, retest_series
from hiptimer.core.history.review import ExerciseInfo, points_in
from hiptimer.core.history.store import HistoryStore
from hiptimer.core.history.wording import with_side
from hiptimer.core.routines.model import Routine
from hiptimer.i18n import N_, _, translate
from hiptimer.ui.history.chart_box import share_dates
from hiptimer.ui.history.filter_bar import buddy, together
from hiptimer.ui.widgets.flow_layout import FlowLayout
from hiptimer.ui.widgets.names_box import NamesBox
from hiptimer.ui.widgets.plain import fit_names, plain, show_wrapped

SIDES = ((N_("Both sides"), None), (N_("Right"), "right"), (N_("Left"), "left"))


@dataclass(frozen=True)
class Filters:
    """What the window shows: a routine (None: all) and local days (None: open-ended)."""

    routine_id: str | None = None
    since: date | None = None
    until: date | None = None


class PainPane(QWidget):
    """Pain per session for one exercise and side over the bands, beside its planned dose."""

    def __init__(
        self, store: HistoryStore, wall: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        from hiptimer.ui.history.charts import DoseChart, PainChart
        from hiptimer.ui.history.retests_pane import RetestChart

        super().__init__(parent)
        self.store = store
        # A long name cut in its middle with "…", not clipped at the box's edge mid-word.
        self.exercise = NamesBox(grows=False)
        self.exercise.setAccessibleName(_("Exercise"))
        self.exercise.setAccessibleDescription(
            _("The exercise whose pain and dose the charts show")
        )
        fit_names(self.exercise, 24)
        self.side = QComboBox()
        self.side.setAccessibleName(_("Side"))
        self.side.setAccessibleDescription(_("Both sides, or one"))
        for label, side in SIDES:
            self.side.addItem(translate(label), side)
        self.pain_chart = PainChart(wall=wall)
        self.dose_chart = DoseChart(wall=wall)
        # A re-test's time is the test's, not a dose: its results are charted in its place.
        self.result_chart = RetestChart()
        self.result_chart.hide()
        self._filters = Filters()
        self._session_ids: set[int] = set()
        self._mornings: list[MorningPoint] = []
        self._tests: list[RetestResult] | None = None  # in range; read when first needed
        # The two lists wrap to two rows where one does not fit (960 x 540 in large print,
        # where their arrows, grown with the text, made the tab scroll sideways).
        controls = FlowLayout(spacing=16)
        controls.addWidget(together(buddy(_("Exercise"), self.exercise), self.exercise))
        controls.addWidget(together(buddy(_("Side"), self.side), self.side))
        charts = QHBoxLayout()
        charts.addWidget(self.pain_chart, 3)
        charts.addWidget(self.dose_chart, 2)
        charts.addWidget(self.result_chart, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(controls)
        layout.addLayout(charts, 1)
        self.exercise.currentIndexChanged.connect(self._exercise_changed)
        self.side.currentIndexChanged.connect(self.refresh)

    def set_filters(
        self, filters: Filters, sessions: list[SessionSummary], exercises: list[ExerciseInfo]
    ) -> None:
        """Chart the period and routine of `filters`, offering `exercises` (the chosen one
        kept when it is still there): one draw. Why together: offering the exercises first
        drew the chosen one in the old period, and on the tab's first show in the whole
        history (ten years: ~70 ms of the first show; docs/performance.md, session 17)."""
        self._offer(exercises)
        self._filters = filters
        self._session_ids = {s.id for s in sessions}
        # The check-ins after the sessions in range: one query per filter, not per exercise.
        self._mornings = self.store.morning_series(filters.routine_id, filters.since, filters.until)
        self._tests = None  # the re-tests' results in the new range: read once, when asked
        self._exercise_changed()

    def _offer(self, exercises: list[ExerciseInfo]) -> None:
        """Offer these exercises, keeping the chosen one when it is still there; no draw."""
        chosen = self.exercise.currentData()
        self.exercise.blockSignals(True)
        self.exercise.clear()
        for ex in exercises:
            self.exercise.addItem(ex.name, ex)
        keep = next((i for i, ex in enumerate(exercises) if chosen and ex.id == chosen.id), 0)
        self.exercise.setCurrentIndex(keep if exercises else -1)
        self.exercise.blockSignals(False)

    def choose(self, exercise_id: str, side: str | None = None) -> None:
        """Show this exercise (and side), as if chosen in the boxes: one redraw."""
        ids = [self.exercise.itemData(i).id for i in range(self.exercise.count())]
        if exercise_id not in ids:
            raise KeyError(exercise_id)
        self.exercise.blockSignals(True)
        self.exercise.setCurrentIndex(ids.index(exercise_id))
        self.exercise.blockSignals(False)
        self._sync_side(side)
        self.refresh()

    def _exercise_changed(self) -> None:
        self._sync_side(self.side.currentData())
        self.refresh()

    def _sync_side(self, side: str | None) -> None:
        """SideMode only for exercises done on each side; set without a redraw of its own."""
        ex: ExerciseInfo | None = self.exercise.currentData()
        sided = bool(ex and ex.has_sides)
        self.side.setEnabled(sided)
        self.side.blockSignals(True)
        self.side.setCurrentIndex(max(self.side.findData(side if sided else None), 0))
        self.side.blockSignals(False)

    def refresh(self) -> None:
        """Query and draw the chosen exercise only: its pain, and its planned dose or, for a
        re-test, its results."""
        ex: ExerciseInfo | None = self.exercise.currentData()
        if ex is None:
            self.pain_chart.set_points([], "")  # no exercise: titles of their own
            self.dose_chart.set_points([], "")
            share_dates(self.pain_chart, self.dose_chart)
            self.dose_chart.show()
            self.result_chart.hide()
            return
        f, side = self._filters, self.side.currentData()
        what = with_side(ex.name, side)
        pain = points_in(
            self.store.pain_series(ex.id, side, f.routine_id, f.since, f.until), f.since, f.until
        )
        # The whole hip's morning after each session in range, whichever exercise is shown.
        self.pain_chart.set_points(pain, what, self._mornings)
        results = self._results(ex.id, side)
        self.dose_chart.setVisible(results is None)
        self.result_chart.setVisible(results is not None)
        if results is not None:
            label = with_side(ex.name, results.side)  # the library's name, as `what` is
            self.result_chart.show_series(results, pain, label, result_words(results))
            share_dates(self.pain_chart)
            return
        doses = self.store.exercise_dose_series(ex.id, side, f.since, f.until)
        doses = [d for d in points_in(doses, f.since, f.until) if d.session_id in self._session_ids]
        self.dose_chart.set_points(doses, what)
        share_dates(self.pain_chart, self.dose_chart)

    def _results(self, exercise_id: str, side: str | None) -> RetestSeries | None:
        """A re-test's results in range (one side: the first found when both are asked
        for, and the chart's title names it); None for an exercise without any."""
        if self._tests is None:  # one query per filter, not one per exercise shown
            f = self._filters
            self._tests = self.store.test_results(f.routine_id, f.since, f.until)
        found = [
            r
            for r in self._tests
            if r.exercise_id == exercise_id and (side is None or r.side == side)
        ]
        series = retest_series(found, {})  # the way that is better: not charted
        return series[0] if series else None


class AdherencePane(QWidget):
    """Sessions per week as bars against the routine's schedule, with a summary line."""

    def __init__(
        self,
        store: HistoryStore,
        routines: Mapping[str, Routine],
        wall: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        from hiptimer.ui.history.charts import AdherenceChart

        super().__init__(parent)
        self._wall = wall
        self.store = store
        self.routines = routines
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        plain(self.summary)
        self.summary.setContentsMargins(6, 6, 6, 6)
        self.chart = AdherenceChart()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart, 1)

    def set_filters(self, filters: Filters, sessions: list[SessionSummary]) -> None:
        rid = filters.routine_id
        schedule = schedule_for(self.routines, [rid] if rid else [s.routine_id for s in sessions])
        today = self._wall().astimezone().date()
        result = adherence(
            self.store, sessions, schedule, rid, filters.since, filters.until, today=today,
            checks=check_routines(self.routines),
        )  # fmt: skip
        cut = [w.week_start for w in result.cut_weeks]
        self.chart.set_weeks(result.weeks, schedule, cut, result.cut_note())
        if not self.store.list_sessions(limit=1):  # said plainly, as the Sessions tab says it
            words = _("No sessions yet. Each set is saved here as soon as you finish it.")
        elif schedule is None:
            words = result.sentence(_("choose one routine to compare with its schedule"))
        else:
            words = result.sentence()
        show_wrapped(self.summary, words)
        self.chart.tell(" ".join(filter(None, [words, self.chart.note.text()])))
