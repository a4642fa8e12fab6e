"""The window's sessions per week: the weeks the period cuts short read as the PDF's do."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCharts import QValueAxis
from pytestqt.qtbot import QtBot

from hiptimer.core.history.queries import WeekCount
from hiptimer.core.history.store import open_history
from hiptimer.ui.history.charts import AdherenceChart
from hiptimer.ui.history.window import TAB_ADHERENCE, HistoryWindow
from tests.history_data import HIPS, record

TUESDAY = date(2026, 11, 17)
MONDAY = date(2026, 12, 7)  # today: its week has begun, no more
ENGLISH = (
    "Shaded: weeks the period cuts short (17 Nov – 22 Nov; 7 Dec), sessions on those days"
    " only; the average counts full weeks."
)
SPANISH = (
    "Sombreadas: semanas que el periodo deja incompletas (17 nov – 22 nov; 7 dic), solo con"
    " las sesiones de esos días; la media cuenta solo las semanas completas."
)


def _shown_weeks(qtbot: QtBot, tmp_path: Path) -> AdherenceChart:
    """The Adherence tab on a Monday, from a Tuesday three weeks back (the PDF test's period)."""
    store = open_history(tmp_path / "history.sqlite3")
    for back in (0, 2, 5, 7, 9, 12, 14, 16, 19):  # none yet on the Monday
        record(store, HIPS, MONDAY - timedelta(days=back + 1), {("bridge", None): [2]})
    now = datetime.combine(MONDAY, time(9)).astimezone()
    window = HistoryWindow(store, [HIPS], wall=lambda: now)
    qtbot.addWidget(window)
    window.destroyed.connect(store.close)
    window.set_filters("hips", TUESDAY, MONDAY)
    window.tabs.setCurrentIndex(TAB_ADHERENCE)
    assert window.adherence_pane is not None
    return window.adherence_pane.chart


@pytest.mark.parametrize(("language", "words"), [("en", ENGLISH), ("es", SPANISH)])
def test_this_week_and_the_first_are_shaded_and_named_as_in_the_pdf(
    qtbot: QtBot, tmp_path: Path, language: str, words: str
) -> None:
    """The window drew this week's empty bar as an ordinary week, none done; the PDF already
    shaded it and said why under its chart (test_report_weeks.py). The window now does too,
    in the same words."""
    from hiptimer import i18n

    i18n.use(language)
    chart = _shown_weeks(qtbot, tmp_path)
    assert chart.bar_values == [3.0, 3.0, 3.0, 0.0]
    assert chart.cut_bars == [True, False, False, True]  # begun on a Tuesday; this week
    assert chart.note.text() == words
    assert not chart.note.isHidden()
    assert words in chart.view.accessibleDescription()
    shades = [s for s in chart.chart.series() if type(s).__name__ == "QAreaSeries"]
    assert len(shades) == 2
    assert chart.chart.series()[:2] == shades  # added first: drawn behind the bars


def test_no_week_cut_short_no_shade_nor_note(qtbot: QtBot) -> None:
    chart = AdherenceChart()
    qtbot.addWidget(chart)
    monday = date(2025, 3, 3)
    chart.set_weeks([WeekCount(monday, 2), WeekCount(monday + timedelta(days=7), 1)], None)
    assert chart.cut_bars == [False, False]
    assert chart.note.isHidden()


def test_a_month_of_cut_weeks_only_is_shaded_and_months_average_full_weeks(
    qtbot: QtBot,
) -> None:
    """A year's chart, made on a Monday, ended with an empty bar for the month begun that
    week: a month with none done, to a clinician. It is shaded now, and a month's bar
    averages its full weeks only, as the summary's average does."""
    chart = AdherenceChart()
    qtbot.addWidget(chart)
    first = date(2025, 3, 3)
    weeks = [WeekCount(first + timedelta(weeks=i), 3) for i in range(39)]  # to 24 Nov
    this_week = WeekCount(date(2025, 12, 1), 0)  # begun today, a Monday
    chart.set_weeks([*weeks, this_week], None, [this_week.week_start], "Shaded: ...")
    assert chart.unit == "month"
    assert chart.bar_values[-2:] == [3.0, 0.0]  # November; December so far
    assert chart.cut_bars == [False] * (len(chart.bar_values) - 1) + [True]
    assert not chart.note.isHidden()
    weeks.append(WeekCount(date(2025, 12, 1), 4))  # a full week of December, then this one
    this_week = WeekCount(date(2025, 12, 8), 0)
    chart.set_weeks([*weeks, this_week], None, [this_week.week_start], "Shaded: ...")
    assert chart.bar_values[-1] == 4.0 and not chart.cut_bars[-1]  # not (4 + 0) / 2
    assert chart.note.isHidden()


def test_the_sessions_axis_names_its_unit(qtbot: QtBot) -> None:
    """A clinician reads what the numbers count: the pain chart's "pain (0-10)", the dose's
    "reps", and here "sessions" (the axis had no title)."""
    chart = AdherenceChart()
    qtbot.addWidget(chart)
    chart.set_weeks([WeekCount(date(2025, 3, 3), 2)], None)
    (axis,) = [a for a in chart.chart.axes() if isinstance(a, QValueAxis)]
    assert axis.titleText() == "sessions"
