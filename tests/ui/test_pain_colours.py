"""One pain colour scale: the same rating has the same colour on the pain prompt, the morning
check-in, the summary, the history table, the history chart and the clinician's PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCharts import QAreaSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from hiptimer.core.session.events import EndReason
from hiptimer.ui.history import report_charts
from hiptimer.ui.history.charts import PainChart
from hiptimer.ui.pain_colours import BANDS, band, pain_fill, pain_ink, tint
from hiptimer.ui.session.pain_prompt import PainPrompt
from hiptimer.ui.session.summary_page import PAIN_COLUMN, SessionResult, SummaryPage
from hiptimer.ui.widgets.score_scale import ScoreScale
from tests.harness import short_routine
from tests.history_data import Weeks
from tests.ui.history.sessions_table import sessions_model
from tests.ui.session.set_records import record

RATINGS = range(11)


def test_the_bands_are_those_of_the_pain_monitoring_model() -> None:
    assert [band(r).label for r in (0, 2, 3, 5, 6, 10)] == [
        "0-2 safe", "0-2 safe", "3-5 acceptable", "3-5 acceptable", "over 5 too much",
        "over 5 too much",
    ]  # fmt: skip
    assert band(2.4) is BANDS[0] and band(2.6) is BANDS[1]  # averages fall in a band too


def test_the_pain_prompt_and_the_morning_check_in_colour_each_rating_so(qtbot: QtBot) -> None:
    prompt = PainPrompt(5)
    scale = ScoreScale("Pain", {})
    for widget in (prompt, scale):
        qtbot.addWidget(widget)
    for n in RATINGS:
        for button in (prompt.scale_buttons[n], scale.buttons[n]):
            style = button.styleSheet()
            assert f"background: {pain_fill(n)};" in style and f"color: {pain_ink(n)};" in style


def test_the_summary_colours_each_rating_so(qtbot: QtBot) -> None:
    records = [record(i, set_number=i + 1, pain=n) for i, n in enumerate(RATINGS)]
    page = SummaryPage(SessionResult(short_routine(), tuple(records), EndReason.COMPLETED, 60.0))
    qtbot.addWidget(page)
    for row, n in enumerate(RATINGS):
        item = page.table.item(row, PAIN_COLUMN)
        assert item is not None and item.text() == f"{n}/10"
        assert item.background().color() == QColor(pain_fill(n))
        assert item.foreground().color() == QColor(pain_ink(n))


def test_the_history_table_colours_each_session_s_pain_so(tmp_path: Path, weeks: Weeks) -> None:
    model = sessions_model(tmp_path, weeks)
    shown = 0
    for row, session in enumerate(model.rows()):
        if session.max_pain is None:
            continue
        cell = model.index(row, 4)
        assert cell.data(Qt.ItemDataRole.BackgroundRole) == QColor(pain_fill(session.max_pain))
        assert cell.data(Qt.ItemDataRole.ForegroundRole) == QColor(pain_ink(session.max_pain))
        shown += 1
    assert shown >= 3


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_history_chart_and_the_pdf_draw_each_band_in_its_colour(qtbot: QtBot) -> None:
    chart = PainChart()
    qtbot.addWidget(chart)
    areas = [s for s in chart.chart.series() if isinstance(s, QAreaSeries)]
    assert len(areas) == len(BANDS)
    for area, b in zip(areas, BANDS, strict=True):
        drawn = area.brush().color()
        assert drawn.rgb() == QColor(b.fill).rgb()  # the fill, a little see-through
        for n in RATINGS:
            if b.low <= n <= b.high:
                assert b.fill == pain_fill(n)
    for (low, high, colour), b in zip(report_charts.BANDS, BANDS, strict=True):
        for n in RATINGS:
            if low < n <= high or n == low == 0:
                assert colour == QColor(tint(n))  # paler on paper, the same colour
                assert tint(n, strength=1.0) == b.fill == pain_fill(n)
