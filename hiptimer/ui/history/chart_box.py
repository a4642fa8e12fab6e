"""A history chart in its box: the styled QChart and its view, the key under it, and what a
screen reader is told of it (QtCharts is imported only when one is built)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QResizeEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from hiptimer.core.history.buckets import whole_ticks
from hiptimer.ui.history.chart_axes import chart_font, dates_that_fit, fit_dates, numbers_that_fit
from hiptimer.ui.history.chart_key import ChartKey
from hiptimer.ui.theme import current

if TYPE_CHECKING:
    from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QValueAxis


def styled_chart(title: str) -> tuple[QChart, QChartView]:
    """A dark chart with readable labels in a view that draws antialiased."""
    from PySide6.QtCharts import QChart, QChartView

    chart = QChart()
    chart.setBackgroundBrush(QBrush(QColor(current().chart_back)))
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setTitleBrush(QBrush(QColor(current().chart_text)))
    chart.setTitleFont(chart_font(17, bold=True))
    chart.setTitle(title)
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


class ChartBox(QWidget):
    """A QChartView in a plain widget, built on construction (QtCharts loads here), with
    its key under it (`key`, shown once a chart names its series)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart, self.view = styled_chart(title)
        self.key = ChartKey(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.key)
        self._dates: tuple[QDateTimeAxis, list[float], Callable[[], datetime], int] | None = None
        self._values: dict[QValueAxis, float] = {}

    def fit_dates(
        self, axis: QDateTimeAxis, times: list[float], wall: Callable[[], datetime], most: int = 5
    ) -> tuple[float, float]:
        """Range the date axis over these times (chart_axes.fit_dates), with no more dates
        than fit the chart's width whole; again as the chart is resized."""
        self._dates = (axis, times, wall, most)
        low, high = fit_dates(axis, times, wall, self._dates_shown())
        self.dates_fitted(low, high)
        return low, high

    def dates_fitted(self, low: float, high: float) -> None:
        """The date axis now runs from `low` to `high` (ms): for what spans the whole chart."""

    def fit_values(self, axis: QValueAxis, top: float) -> None:
        """A value axis from 0 to `top` or a little above, on whole numbers, with no more
        numbers than fit the chart's height whole; again as the chart is resized."""
        self._values[axis] = top
        most = numbers_that_fit(axis, self._plot_size().height()) - 1
        end, step = whole_ticks(top, most=min(8, most))
        axis.setRange(0, end)
        axis.setTickCount(end // step + 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        dates = self._dates
        if dates is not None and dates[0].tickCount() != self._dates_shown():
            self.fit_dates(*dates)
        for axis, top in self._values.items():
            self.fit_values(axis, top)

    def _dates_shown(self) -> int:
        assert self._dates is not None
        axis, _times, _wall, most = self._dates
        return min(most, dates_that_fit(axis, self._plot_size().width()))

    def _plot_size(self) -> QSizeF:
        """The plot's size at the view's: what the axes and margins took at the last layout
        (they hardly change with the size), or a third before the first."""
        plot, shown, view = self.chart.plotArea().size(), self.chart.size(), self.view.size()
        laid = 0 < plot.width() < shown.width() and 0 < plot.height() < shown.height()
        taken = shown - plot if laid else QSizeF(view.width() / 3, view.height() / 3)
        return QSizeF(view.width() - taken.width(), view.height() - taken.height())

    def tell(self, words: str) -> None:
        """Name the view after the chart's title, as plain text, and describe what it
        shows in `words`: all a screen reader has of a picture."""
        import html

        self.view.setAccessibleName(html.unescape(self.chart.title()))
        self.view.setAccessibleDescription(words)
