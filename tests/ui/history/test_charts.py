"""Tests for the history window's charts: what their legends and date axes say."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCharts import QAreaSeries, QDateTimeAxis, QValueAxis
from PySide6.QtCore import QDateTime, QRectF, Qt
from PySide6.QtWidgets import QApplication, QGraphicsTextItem
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.history.records import DosePoint, MorningPoint, PainPoint, WeekCount
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.model import Schedule
from hiptimer.ui.history.charts import AdherenceChart, ChartBox, DoseChart, PainChart
from hiptimer.ui.history.window import TAB_PAIN, TAB_RETESTS, HistoryWindow
from tests.harness import hold, routine
from tests.history_data import HIPS, STRETCH, Weeks, fill, knee_to_wall_checks, record
from tests.ui.history.looks import app_look

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


def drawn_words(box: ChartBox) -> list[tuple[str, QRectF]]:
    """Every piece of text the chart draws (its title, axis titles and labels), with its box."""
    words = []
    for item in box.view.scene().items():
        text = item.toGraphicsObject()
        if isinstance(text, QGraphicsTextItem) and item.isVisible() and text.toPlainText():
            words.append((text.toPlainText(), item.sceneBoundingRect()))
    return words


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


# The history window on 1920 x 1080 at 200 % (960 x 540 to the app), 1024 x 768, 1280 x 800.
@pytest.mark.parametrize(
    ("size", "text_size"),
    [((948, 496), 150), ((948, 496), 100), ((1012, 724), 150), ((1268, 756), 100)],
)
def test_every_number_and_date_on_a_chart_shows_whole(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks, size: tuple[int, int], text_size: int
) -> None:
    """A re-test's chart, in the planned dose's place on the Pain and dose tab, cut its dates
    to '15 No...' at 960 x 540 and 1024 x 768 (five dates where three fit), as the pain chart
    did in a window 700-750 px wide: no more dates than fit whole, again as the window is
    resized."""
    fill(store, weeks)
    knee_to_wall_checks(store, weeks, (12.0, 11.5, 10.0, 9.5))
    window = HistoryWindow(store, [HIPS, STRETCH])
    qtbot.addWidget(window)
    seen = set()
    with app_look(text_size):
        window.setMinimumSize(1, 1)
        window.show()
        for width in (size[0] + 300, size[0]):  # opened wide, then narrowed to the screen
            window.resize(width, size[1])
            for tab in (TAB_PAIN, TAB_RETESTS, TAB_PAIN):
                window.tabs.setCurrentIndex(tab)
                pane = window.pain_pane
                assert pane is not None
                for exercise in ("bridge", "knee-to-wall"):
                    if tab == TAB_PAIN:
                        pane.choose(exercise)
                    for _ in range(3):  # the window's layout, then each chart's own
                        QApplication.processEvents()
                    page = window.tabs.currentWidget()
                    for box in page.findChildren(ChartBox):
                        if not box.isVisibleTo(window):
                            continue
                        room = QRectF(0, 0, box.view.width(), box.view.height())
                        for words, where in drawn_words(box):
                            seen.add(type(box).__name__)
                            assert "..." not in words, (
                                type(box).__name__,
                                words,
                                width,
                                where,
                                room,
                                drawn_words(box),
                            )
                            assert room.contains(where), (type(box).__name__, words, width)
    assert seen == {"PainChart", "DoseChart", "RetestChart"}


LONG_NAME = "Side-lying hip abduction with a resistance band just above both knees"


@pytest.mark.parametrize(
    ("size", "text_size"), [((948, 496), 150), ((1012, 724), 100), ((1268, 756), 100)]
)
def test_a_long_chart_title_reads_whole_above_the_chart(
    qtbot: QtBot, store: HistoryStore, weeks: Weeks, size: tuple[int, int], text_size: int
) -> None:
    """QtCharts cut a title to one line, 'Planned dose: Side-lying hip ab...' (and 'Pain after
    sets: Side-lying hip abduction with a res...'): the title is a plain-text label above the
    chart, wrapped, every line of it shown; the chart draws no title of its own."""
    band = routine(hold("abduction", 6, name=LONG_NAME), id="band", title="Band")
    record(store, band, weeks.week2, {("abduction", None): [2, 3]})
    window = HistoryWindow(store, [band])
    qtbot.addWidget(window)
    with app_look(text_size):
        window.setMinimumSize(1, 1)
        window.show()
        window.resize(*size)
        window.tabs.setCurrentIndex(TAB_PAIN)
        for _ in range(3):
            QApplication.processEvents()
        pane = window.pain_pane
        assert pane is not None
        for box, title in (
            (pane.pain_chart, f"Pain after sets: {LONG_NAME}"),
            (pane.dose_chart, f"Planned dose: {LONG_NAME}"),
        ):
            drawn = [words for words, _where in drawn_words(box)]
            assert not any("..." in words for words in drawn), drawn
            label = box.heading
            assert label.isVisibleTo(window) and label.textFormat() is Qt.TextFormat.PlainText
            assert label.text().replace("\u200b", "") == title == box.view.accessibleName()
            assert label.height() >= label.heightForWidth(label.width()), "a line cut off"


@pytest.mark.parametrize(
    "values", [(12.0, 11.5, 10.0, 9.5), (3.0, 5.0, 8.0), (36.0, 40.0), (150.0, 180.0)]
)
@pytest.mark.parametrize("size", [(420, 300), (700, 420), (900, 720)])
def test_the_re_test_charts_two_axes_share_one_set_of_grid_lines(
    qtbot: QtBot, values: tuple[float, ...], size: tuple[int, int]
) -> None:
    """The results (left) and the pain (right, 0-10) were ticked each on its own (0, 2 ... 14
    beside 0, 2 ... 10): two sets of grid lines at odd heights. Both axes are ticked at the
    same heights, on whole numbers, and only one of them draws grid lines."""
    from hiptimer.core.history.retests import RetestSeries
    from hiptimer.ui.history.retests_pane import RetestChart

    chart = RetestChart()
    qtbot.addWidget(chart)
    chart.resize(*size)
    chart.show()
    first = datetime(2026, 11, 2, 9, 0).astimezone()
    points = [(first + timedelta(days=7 * i), v) for i, v in enumerate(values)]
    series = RetestSeries("knee-to-wall", "Knee to wall", None, "cm", "higher", points)
    pain = [PainPoint(when, 3.0, 4, i, 1) for i, (when, _v) in enumerate(points)]
    chart.show_series(series, pain, "Knee to wall", "")
    for _ in range(3):  # the chart's layout, then its refit
        QApplication.processEvents()
    left, right = chart.y_axis, chart.pain_axis
    assert left.tickCount() == right.tickCount() >= 2
    assert (left.min(), right.min(), right.max()) == (0, 0, 10)
    assert left.max() >= max(values)
    steps = left.tickCount() - 1
    for axis in (left, right):  # whole numbers at every tick ("%d" would round 2.5 to 2)
        assert (axis.max() / steps).is_integer(), (axis.max(), steps)
    assert [a.isGridLineVisible() for a in (left, right)] == [True, False]


@pytest.mark.parametrize("sessions", [1, 2, 10, 40, 60, 120, 200, 1000])
def test_the_pain_charts_marks_read_from_a_mat_with_few_sessions_and_stay_apart_with_many(
    qtbot: QtBot, sessions: int
) -> None:
    """With one or two sessions the highest-pain dots were 7 px, beside the dose chart's
    20 px dot: too small to read from a mat (look16). With many they must not merge."""
    first = datetime(2026, 1, 5, 9, 30).astimezone()
    times = [first + timedelta(days=i) for i in range(sessions)]
    chart = PainChart()
    qtbot.addWidget(chart)
    chart.set_points(
        [PainPoint(t, 3.0, 4, i, 2) for i, t in enumerate(times)],
        "Bridge",
        [MorningPoint(t, t + timedelta(hours=20), 2, 3, i) for i, t in enumerate(times)],
    )
    # Widths in px: a scatter's markerSize is its width, a line's is its radius.
    widths = {
        "highest": chart.highest.markerSize(),
        "morning": chart.morning.markerSize(),
        "stiffness": chart.stiffness.markerSize(),
    }
    if chart.average.pointsVisible():
        widths["average"] = 2 * chart.average.markerSize()
    shown = chart.point_count()  # more than 120 sessions are bucketed per week
    if shown <= 10:
        assert min(widths.values()) >= 14, widths
    # Spread over the ~640 px plot of a 1280 x 800 window, neighbours do not overlap.
    assert max(widths.values()) <= max(16, 640 / shown), (shown, widths)


# The chart's height on the Adherence tab at 1024 x 600 and 960 x 540 in large print, and more.
@pytest.mark.parametrize("height", [220, 260, 400])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_sessions_per_week_numbers_show_whole_in_a_short_chart(
    qtbot: QtBot, height: int, language: str
) -> None:
    """At 1024 x 600 in large print (Xvfb, Spanish) the sessions per week's numbers read
    '...', '...', '...': its axis kept a tick on each whole number up to the busiest week's
    (0 to 8, nine numbers in a 152-px plot), however short the chart under the summary."""
    before = i18n.language()
    i18n.use(language)
    try:
        with app_look(150):
            box = AdherenceChart()
            qtbot.addWidget(box)
            box.resize(974, height)
            box.show()
            monday = date(2026, 9, 7)
            weeks = [WeekCount(monday + timedelta(weeks=n), n % 8) for n in range(14)]
            box.set_weeks(weeks, Schedule(3, 7), cut={monday}, note="-")
            for _ in range(3):  # the box's layout, then the chart's own
                QApplication.processEvents()
            room = QRectF(0, 0, box.view.width(), box.view.height())
            (axis,) = [a for a in box.chart.axes() if isinstance(a, QValueAxis)]
            (shade,) = [s for s in box.chart.series() if isinstance(s, QAreaSeries)]
            tops = {p.y() for p in shade.upperSeries().points()}
            left = box.chart.plotArea().left()
            words = [(w, at) for w, at in drawn_words(box) if at.right() <= left]  # its numbers
    finally:
        i18n.use(before)
    assert tops == {axis.max()}  # the cut week's shade is the plot's height, as before
    numbers = [int(w) for w, _ in words if w.isdigit()]
    assert len(numbers) >= 2 and max(numbers) >= 7, words
    for text, where in words:
        assert "..." not in text and "\u2026" not in text, (text, where, room, words)


@pytest.mark.parametrize(("width", "months"), [(974, "once"), (1800, "each")])
@pytest.mark.usefixtures("spanish")
def test_each_week_under_the_sessions_per_week_reads_whole(
    qtbot: QtBot, width: int, months: str
) -> None:
    """At 974 px in Spanish (the Adherence tab at 1024 x 768 in large print) three of the 14
    weeks read '14 s...', '21 s...', '28 s...': where the day and month do not fit each bar's
    width, the month is named only where it changes ('7 sept', '14', '21', '28', '5 oct')."""
    with app_look(150):
        box = AdherenceChart()
        qtbot.addWidget(box)
        box.resize(width, 300)
        box.show()
        monday = date(2026, 9, 7)
        box.set_weeks([WeekCount(monday + timedelta(weeks=n), n % 5) for n in range(14)], None)
        for _ in range(3):  # the box's layout, then the chart's own
            QApplication.processEvents()
        below = box.chart.plotArea().bottom()
        drawn = sorted(drawn_words(box), key=lambda word: word[1].left())
        words = [w for w, at in drawn if at.top() >= below and w.strip("\u200b")]
    assert not [w for w in words if "..." in w or "\u2026" in w], words
    dates = [w.strip("\u200b") for w in words if w[0].isdigit()]
    assert len(dates) == 14, words
    assert dates[:2] == (["7 sept", "14"] if months == "once" else ["7 sept", "14 sept"])
    assert "5 oct" in dates
