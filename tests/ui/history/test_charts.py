"""Tests for the history window's charts: what their legends say."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.ui.history.charts import PainChart

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
