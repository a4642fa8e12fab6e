"""The history window's re-tests tab: each test's results over time, beside the pain."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hiptimer.core.clock import wall_now
from hiptimer.core.history.adherence import check_routines
from hiptimer.core.history.chart_words import result_words
from hiptimer.core.history.queries import PainPoint, SessionSummary
from hiptimer.core.history.result_text import unit_text
from hiptimer.core.history.retests import RetestSeries, retest_series
from hiptimer.core.history.store import HistoryStore
from hiptimer.core.history.wording import with_side
from hiptimer.core.routines.model import Routine
from hiptimer.i18n import _
from hiptimer.ui.history.chart_axes import msecs, new_date_axis, style_axis
from hiptimer.ui.history.chart_box import ChartBox
from hiptimer.ui.history.chart_key import DOTTED, LINE, KeyEntry
from hiptimer.ui.history.charts import _line
from hiptimer.ui.theme import current
from hiptimer.ui.widgets.names_box import NamesBox
from hiptimer.ui.widgets.plain import escape, fit_names, plain, show_wrapped


class RetestChart(ChartBox):
    """One test's results (left axis, its unit) and the pain of the sessions (right, 0-10)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtCharts import QValueAxis

        super().__init__(_("Re-tests"), parent)
        self.x_axis = new_date_axis()
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%d")
        style_axis(self.y_axis)
        self.pain_axis = QValueAxis()
        self.pain_axis.setLabelFormat("%d")
        self.pain_axis.setTitleText(_("pain (0-10)"))
        style_axis(self.pain_axis)
        self.results = _line(_("result"), current().ok, 3, Qt.PenStyle.SolidLine)
        self.results.setPointsVisible(True)
        self.pain = _line(
            _("average pain per session"), current().chart_average, 1.5, Qt.PenStyle.DotLine
        )
        self._key = [
            KeyEntry(LINE, current().ok, self.results.name()),
            KeyEntry(DOTTED, current().chart_average, self.pain.name()),
        ]
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.pain_axis, Qt.AlignmentFlag.AlignRight)
        self.share_values(self.y_axis, 1, self.pain_axis, 10)
        for series, axis in ((self.results, self.y_axis), (self.pain, self.pain_axis)):
            self.chart.addSeries(series)
            series.attachAxis(self.x_axis)
            series.attachAxis(axis)

    def show_series(
        self, series: RetestSeries | None, pain: list[PainPoint], label: str, words: str
    ) -> None:
        """`words`: result_words(series), the caller's too, to describe the chart with; a chart
        without a series has no description."""
        # With nothing to draw, no axes (they read '1 Jan 70' and '0 0 0 1') and no legend.
        for axis in (self.x_axis, self.y_axis, self.pain_axis):
            axis.setVisible(series is not None)
        self.key.set_entries([] if series is None else self._key)
        if series is None:
            self.results.replace([])
            self.pain.replace([])
            self.set_title(_("No re-tests in this period"))
            self.tell("")
            return
        points = [QPointF(msecs(when), value) for when, value in series.points]
        self.results.replace(points)
        self.pain.replace([QPointF(msecs(p.started_at), p.avg_pain) for p in pain])
        times = [p.x() for p in points] + [msecs(p.started_at) for p in pain]
        self.fit_dates(self.x_axis, sorted(times), wall_now)
        top = max([v for _when, v in series.points] + [1]) * 1.2  # a middle result too
        self.share_values(self.y_axis, top, self.pain_axis, 10)  # one set of grid lines
        # Read as HTML too; a unit of the user's own comes from a routine file.
        self.y_axis.setTitleText(escape(unit_text(series.unit)))
        self.set_title(_("Re-test: {name}").format(name=label))
        self.tell(words)

    def point_count(self) -> int:
        return int(self.results.count())


class RetestsPane(QWidget):
    """Choose a test (and side): its results over the period, beside the pain of the
    sessions in range; a line says the first and the latest result. No norms are shown.

    Signals: none of its own.
    """

    def __init__(
        self,
        store: HistoryStore,
        routines: Mapping[str, Routine],
        parent: QWidget | None = None,
        *,
        wall: Callable[[], datetime] = wall_now,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.routines = routines
        self._wall = wall
        self.test = NamesBox()  # a long name's side still shows
        self.test.setAccessibleName(_("Test"))
        self.test.setAccessibleDescription(_("The re-test whose results the chart shows"))
        fit_names(self.test, 24)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        plain(self.summary)
        self.chart = RetestChart()
        self._series: list[RetestSeries] = []
        self._pain: list[PainPoint] = []
        controls = QHBoxLayout()
        # Its label, for a screen reader too: on Linux Qt names a drop-down list by its choice
        # and Orca reads its label beside it, so without this it said a test's name alone.
        label = QLabel(_("Test"))
        label.setBuddy(self.test)
        controls.addWidget(label)
        # As wide as its longest name, where the row has room (NamesBox.sizeHint): with a
        # share of the row by stretch it cut a name with half the row empty beside it.
        controls.addWidget(self.test)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart, 1)
        self.test.currentIndexChanged.connect(self.refresh)

    def set_sessions(
        self, sessions: list[SessionSummary], since: date | None, until: date | None
    ) -> None:
        """The re-tests of the period (whichever routine), and the pain of its exercise
        sessions: a re-test session's own ratings (a chair stand rated 1) drew the line down to
        them on each test's day, a dip that read as the pain easing as the result rose."""
        self._series = retest_series(self.store.test_results(None, since, until), self.routines)
        checks = check_routines(self.routines)
        shown = {
            s.id
            for s in sessions
            if s.avg_pain is not None and not s.not_representative and s.routine_id not in checks
        }
        self._pain = [
            PainPoint(s.started_at, s.avg_pain or 0.0, s.max_pain or 0, s.id, 1)
            for s in reversed(sessions)
            if s.id in shown
        ]
        chosen = self.test.currentIndex()
        self.test.blockSignals(True)
        self.test.clear()
        for series in self._series:
            self.test.addItem(_label(series))
        self.test.setCurrentIndex(min(max(chosen, 0), len(self._series) - 1))
        self.test.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        index = self.test.currentIndex()
        series = self._series[index] if 0 <= index < len(self._series) else None
        words = result_words(series)
        self.chart.show_series(series, self._pain, _label(series) if series else "", words)
        show_wrapped(self.summary, words)


def _label(series: RetestSeries) -> str:
    return with_side(series.name, series.side)
