"""A history chart in its box: the styled QChart and its view, the key under it, and what a
screen reader is told of it (QtCharts is imported only when one is built)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from hiptimer.core.history.buckets import shared_ticks, whole_ticks
from hiptimer.ui.history.chart_axes import chart_font, dates_that_fit, fit_dates, numbers_that_fit
from hiptimer.ui.history.chart_key import ChartKey
from hiptimer.ui.theme import current
from hiptimer.ui.widgets.plain import may_cut, show_wrapped

if TYPE_CHECKING:
    from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QValueAxis


def styled_chart(title: str) -> tuple[QChart, QChartView]:
    """A dark chart with readable labels in a view that draws antialiased; its title goes in
    the box's heading (heading()), not in the chart."""
    from PySide6.QtCharts import QChart, QChartView

    chart = QChart()
    chart.setBackgroundBrush(QBrush(QColor(current().chart_back)))
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 12, 4, 4))  # room above for half of the top number
    chart.legend().hide()  # cut its names short: each chart's ChartKey instead
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setBackgroundBrush(QBrush(QColor(current().chart_back)))
    view.setMinimumSize(280, 220)
    # One Tab stop, so that a screen reader names the chart and says what it shows
    # (ChartBox.tell). Not set on the viewport: it hands its policy on to the view.
    view.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    view.setAccessibleName(title)
    return chart, view


def heading(parent: QWidget) -> QLabel:
    """A chart's title as plain text above it, wrapped: QtCharts cut a title to one line
    ('Planned dose: Side-lying hip ab...') and reads it as HTML, where a name from a routine
    had to be escaped."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    may_cut(label)  # a long word breaks (show_wrapped) rather than widen the window
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    label.setFont(chart_font(17, bold=True))
    look = current()
    label.setStyleSheet(
        f"QLabel {{ color: {look.chart_text}; background: {look.chart_back};"
        " padding: 8px 6px 2px 6px; }"
    )
    return label


class ChartBox(QWidget):
    """A QChartView in a plain widget, built on construction (QtCharts loads here), with
    its key under it (`key`, shown once a chart names its series)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart, self.view = styled_chart(title)
        self.heading = heading(self)
        self.key = ChartKey(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.key)
        self._title = ""
        self.set_title(title)
        self._dates: tuple[QDateTimeAxis, list[float], Callable[[], datetime], int] | None = None
        self._beside: list[float] = []  # times of charts beside it over one period (share_dates)
        self._values: dict[QValueAxis, float] = {}
        self._shared: dict[QValueAxis, tuple[float, QValueAxis, int]] = {}
        self._fitting = False
        self.chart.plotAreaChanged.connect(self._refit)  # laid out anew: fit again

    def fit_dates(
        self, axis: QDateTimeAxis, times: list[float], wall: Callable[[], datetime], most: int = 5
    ) -> tuple[float, float]:
        """Range the date axis over these times (chart_axes.fit_dates), with no more dates
        than fit the chart's width whole; again as the chart is resized."""
        self._dates = (axis, times, wall, most)
        low, high = fit_dates(axis, sorted([*times, *self._beside]), wall, self._dates_shown())
        self.dates_fitted(low, high)
        return low, high

    def share_dates(self, times: list[float]) -> None:
        """Range the date axis over these times (ms) too: those of the charts beside it."""
        self._beside = times
        if self._dates is not None:
            self.fit_dates(*self._dates)

    def dates_fitted(self, low: float, high: float) -> None:
        """The date axis now runs from `low` to `high` (ms): for what spans the whole chart."""

    def fit_values(self, axis: QValueAxis, top: float) -> None:
        """A value axis from 0 to `top` or a little above, on whole numbers, with no more
        numbers than fit the chart's height whole; again as the chart is resized."""
        self._values[axis] = top
        end, step = whole_ticks(top, most=self._numbers_shown(axis))
        axis.setRange(0, end)
        axis.setTickCount(end // step + 1)
        self.values_fitted(end)

    def values_fitted(self, end: int) -> None:
        """A value axis now runs from 0 to `end`: for what spans the whole chart's height."""

    def share_values(self, axis: QValueAxis, top: float, beside: QValueAxis, end: int) -> None:
        """fit_values for `axis`, with a second axis `beside` it from 0 to `end` ticked at the
        same heights, whole numbers on both, and only `axis` drawing grid lines: each axis
        ticked on its own drew two sets of lines at odd heights, read against neither."""
        self._shared[axis] = (top, beside, end)
        top_end, step = shared_ticks(top, end, most=self._numbers_shown(axis))
        axis.setRange(0, top_end)
        axis.setTickCount(top_end // step + 1)
        beside.setRange(0, end)
        beside.setTickCount(top_end // step + 1)
        beside.setGridLineVisible(False)

    def _numbers_shown(self, axis: QValueAxis) -> int:
        return min(8, numbers_that_fit(axis, self._plot_size().height()) - 1)

    def _refit(self) -> None:
        """The plot's room changed (a resize, the title's lines, the axes' words): as many
        dates and numbers as fit it now."""
        if self._fitting:
            return  # the refit itself moves the plot: once is enough
        self._fitting = True
        try:
            dates = self._dates
            if dates is not None and dates[0].tickCount() != self._dates_shown():
                self.fit_dates(*dates)
            for axis, top in self._values.items():
                self.fit_values(axis, top)
            for axis, (top, beside, end) in self._shared.items():
                self.share_values(axis, top, beside, end)
        finally:
            self._fitting = False

    def _dates_shown(self) -> int:
        assert self._dates is not None
        axis, _times, _wall, most = self._dates
        return min(most, dates_that_fit(axis, self._plot_size().width()))

    def _plot_size(self) -> QSizeF:
        """The plot's size as QtCharts last laid it out, or two thirds of the view before."""
        plot = self.chart.plotArea().size()
        if plot.width() > 0 and plot.height() > 0:
            return plot
        return QSizeF(self.view.width() * 2 / 3, self.view.height() * 2 / 3)

    def title(self) -> str:
        return self._title

    def set_title(self, title: str) -> None:
        """The chart's title, plain text: a name in it is shown as written."""
        self._title = title
        show_wrapped(self.heading, title)

    def tell(self, words: str) -> None:
        """Name the view after the chart's title and describe what it shows in `words`: all
        a screen reader has of a picture."""
        self.view.setAccessibleName(self._title)
        self.view.setAccessibleDescription(words)


def share_dates(*boxes: ChartBox) -> None:
    """Charts of one period side by side run over one date range: each over all their times
    (the pain chart's next mornings ran its dates two days past the dose chart's)."""
    times = [t for box in boxes if box._dates is not None for t in box._dates[1]]
    for box in boxes:
        box.share_dates(times)
