"""Tests for the history window's charts: what their legends and date axes say."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCharts import QDateTimeAxis
from PySide6.QtCore import QDateTime
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history.records import DosePoint, PainPoint
from hiptimer.ui.history.charts import DoseChart, PainChart

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_pain_chart_legend_tells_its_series_apart_when_cut_short(
    qtbot: QtBot, language: str
) -> None:
    """At 1024 x 768 the legend cuts each name to a few letters: the Spanish one showed
    'maña…' twice (and the English one 'next mor…' twice) for the morning pain and stiffness."""
    before = i18n.language()
    i18n.use(language)
    try:
        chart = PainChart()
        qtbot.addWidget(chart)
        names = [s.name() for s in chart.chart.series() if s.name()]
    finally:
        i18n.use(before)
    firsts = [name.split()[0] for name in names]
    assert len(names) == 7 and len(set(firsts)) == len(firsts), names


def tick_labels(axis: QDateTimeAxis) -> list[str]:
    """The labels a QDateTimeAxis draws: its tick count spread evenly from its min to its max."""
    low, high = axis.min().toMSecsSinceEpoch(), axis.max().toMSecsSinceEpoch()
    n = axis.tickCount() - 1
    return [
        QDateTime.fromMSecsSinceEpoch(round(low + k * (high - low) / n)).toString(axis.format())
        for k in range(n + 1)
    ]


@pytest.mark.parametrize("days", [0, 1, 2, 3, 6, 10, 40, 400])
def test_the_date_axes_never_repeat_a_day(qtbot: QtBot, days: int) -> None:
    """Sessions a day apart gave "2 Dec 26, 2 Dec 26, 3 Dec 26, ..." (ticks every 12 h)."""
    first = datetime(2026, 11, 20, 9, 30).astimezone()
    times = [first, first + timedelta(days=days, hours=8)]
    pain = PainChart()
    dose = DoseChart()
    for chart in (pain, dose):
        qtbot.addWidget(chart)
    pain.set_points([PainPoint(t, 2.0, 3, i, 1) for i, t in enumerate(times)], "Bridge")
    dose.set_points([DosePoint(t, 30.0, None, i) for i, t in enumerate(times)], "Bridge")
    for axis in (pain.x_axis, dose.x_axis):
        labels = tick_labels(axis)
        assert len(labels) >= 2 and len(set(labels)) == len(labels), labels
        low, high = axis.min().toMSecsSinceEpoch(), axis.max().toMSecsSinceEpoch()
        assert low / 1000 <= (times[0] - timedelta(hours=2)).timestamp()
        assert high / 1000 >= (times[-1] + timedelta(hours=2)).timestamp()
