"""A history chart in its box: the styled QChart and its view, the key under it, and what a
screen reader is told of it (QtCharts is imported only when one is built)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from hiptimer.ui.history.chart_axes import chart_font
from hiptimer.ui.history.chart_key import ChartKey
from hiptimer.ui.theme import current

if TYPE_CHECKING:
    from PySide6.QtCharts import QChart, QChartView


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

    def tell(self, words: str) -> None:
        """Name the view after the chart's title, as plain text, and describe what it
        shows in `words`: all a screen reader has of a picture."""
        import html

        self.view.setAccessibleName(html.unescape(self.chart.title()))
        self.view.setAccessibleDescription(words)
