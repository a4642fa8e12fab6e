"""History charts (QtCharts, imported only when a chart is built): pain, dose and adherence."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QLabel, QWidget

from hiptimer.core.clock import wall_now
from hiptimer.core.history.buckets import (
    bucket_label,
    bucket_mornings,
    bucket_pain,
    week_bars,
)
from hiptimer.core.history.chart_words import dose_words, pain_words
from hiptimer.core.history.queries import DosePoint, MorningPoint, PainPoint, WeekCount
from hiptimer.core.history.review import known_doses
from hiptimer.core.history.wording import dose_unit
from hiptimer.core.routines.model import Schedule
from hiptimer.i18n import _, translate
from hiptimer.ui.history.chart_axes import (
    chart_font,
    fit_week_labels,
    msecs,
    new_date_axis,
    style_axis,
)
from hiptimer.ui.history.chart_box import ChartBox
from hiptimer.ui.history.chart_key import (
    DASHED,
    DOT,
    LINE,
    SQUARE,
    TRIANGLE,
    KeyEntry,
)
from hiptimer.ui.history.chart_key import (
    FONT_PX as KEY_PX,
)
from hiptimer.ui.history.mark_size import mark_px
from hiptimer.ui.pain_colours import BANDS
from hiptimer.ui.theme import current

if TYPE_CHECKING:
    from PySide6.QtCharts import (
        QAbstractAxis,
        QAbstractSeries,
        QBarCategoryAxis,
        QLineSeries,
        QScatterSeries,
    )

# Pain bands come from the one pain colour scale (hiptimer/ui/pain_colours.py), a little
# see-through over the chart; the other colours are the theme's (hiptimer/ui/palette.py).
BAND_ALPHA = 95
SHADE_ALPHA = 150  # a week cut short: its column in the grid's colour, the grid lines showing
_BOTTOM = Qt.AlignmentFlag.AlignBottom
DOSE_TICKS = 3  # the dose chart is narrow: three dates fit under it
_LEFT = Qt.AlignmentFlag.AlignLeft


def _line(name: str, colour: str, width: float, style: Qt.PenStyle) -> QLineSeries:
    from PySide6.QtCharts import QLineSeries

    series = QLineSeries()
    series.setName(name)
    pen = QPen(QColor(colour), width)
    pen.setStyle(style)
    series.setPen(pen)
    return series


def _scatter(name: str, colour: str, size: float, shape: str) -> QScatterSeries:
    from PySide6.QtCharts import QScatterSeries

    series = QScatterSeries()
    series.setName(name)
    series.setColor(QColor(colour))
    series.setBorderColor(QColor(current().chart_back))
    series.setMarkerSize(size)
    shapes = {
        "rectangle": QScatterSeries.MarkerShape.MarkerShapeRectangle,
        "triangle": QScatterSeries.MarkerShape.MarkerShapeTriangle,
    }
    series.setMarkerShape(shapes[shape])
    return series


class PainChart(ChartBox):
    """Average and highest pain per session (or week) over the pain bands, 0-10."""

    def __init__(
        self, parent: QWidget | None = None, *, wall: Callable[[], datetime] = wall_now
    ) -> None:
        from PySide6.QtCharts import QAreaSeries, QScatterSeries, QValueAxis

        super().__init__(_("Pain after sets"), parent)
        self._wall = wall
        self.x_axis = new_date_axis()
        self.y_axis = QValueAxis()
        self.fit_values(self.y_axis, 10)  # 0, 2, 4 ... 10 where they fit
        self.y_axis.setLabelFormat("%d")
        self.y_axis.setTitleText(_("pain (0-10)"))
        style_axis(self.y_axis)
        self._bands: list[tuple[QLineSeries, QLineSeries, float, float]] = []
        for band in BANDS:
            name, low, high, colour = band.label, band.low, band.high, band.fill
            lower, upper = (
                _line("", colour, 0, Qt.PenStyle.NoPen),
                _line("", colour, 0, Qt.PenStyle.NoPen),
            )
            area = QAreaSeries(upper, lower)
            area.setName(translate(name))
            fill = QColor(colour)
            fill.setAlpha(BAND_ALPHA)
            area.setBrush(QBrush(fill))
            area.setPen(QPen(Qt.PenStyle.NoPen))
            self._add(area)
            self._bands.append((lower, upper, low, high))
        self.average = _line(_("average"), current().chart_average, 3, Qt.PenStyle.SolidLine)
        self.highest = QScatterSeries()
        self.highest.setName(_("highest"))
        self.highest.setColor(QColor(current().chart_highest))
        self.highest.setBorderColor(QColor(current().chart_highest))
        self.highest.setMarkerSize(7)
        # The next morning (the whole hip, not one exercise): where the pain model looks.
        # Named as the PDF's legend names them: a narrow legend cuts names to a few letters,
        # and "next morning: pain" and "next morning: stiffness" were then both "next mor…".
        self.morning = _scatter(_("morning pain"), current().chart_morning, 9, "rectangle")
        self.stiffness = _scatter(_("stiffness"), current().chart_stiffness, 8, "triangle")
        for series in (self.average, self.highest, self.morning, self.stiffness):
            self._add(series)
        self.unit = "session"
        look = current()
        self.key.set_entries(
            [
                *(KeyEntry(SQUARE, b.fill, translate(b.label)) for b in BANDS),
                KeyEntry(LINE, look.chart_average, self.average.name()),
                KeyEntry(DOT, look.chart_highest, self.highest.name()),
                KeyEntry(SQUARE, look.chart_morning, self.morning.name()),
                KeyEntry(TRIANGLE, look.chart_stiffness, self.stiffness.name()),
            ]
        )

    def _add(self, series: QAbstractSeries) -> None:
        self.chart.addSeries(series)
        for axis, side in ((self.x_axis, _BOTTOM), (self.y_axis, _LEFT)):
            if axis not in self.chart.axes():
                self.chart.addAxis(axis, side)
            series.attachAxis(axis)

    def set_points(
        self, points: list[PainPoint], what: str, mornings: Sequence[MorningPoint] = ()
    ) -> None:
        """Show these points (bucketed per week or month when there are many), and the
        next-morning check-ins of the same sessions."""
        self.unit, shown = bucket_pain(points)
        times = [msecs(p.started_at) for p in shown]
        self.average.replace([QPointF(t, p.avg_pain) for t, p in zip(times, shown, strict=True)])
        self.highest.replace([QPointF(t, p.max_pain) for t, p in zip(times, shown, strict=True)])
        self.average.setPointsVisible(len(shown) <= 40)
        _unit, morning = bucket_mornings(list(mornings))
        size = mark_px(max(len(shown), len(morning)))  # one size: no series outshouts another
        # A line's markerSize is a radius, a scatter's a width (Qt 6.11, measured on screen;
        # https://doc.qt.io/qt-6/qxyseries.html#markerSize-prop).
        self.average.setMarkerSize(size * 0.45)
        self.highest.setMarkerSize(size)
        self.morning.setMarkerSize(size)
        self.stiffness.setMarkerSize(size + 1)  # a triangle looks smaller than a square
        at = [msecs(m.at) for m in morning]
        self.morning.replace(
            [QPointF(t, m.pain) for t, m in zip(at, morning, strict=True) if m.pain is not None]
        )
        self.stiffness.replace(
            [
                QPointF(t, m.stiffness)
                for t, m in zip(at, morning, strict=True)
                if m.stiffness is not None
            ]
        )
        self.fit_dates(self.x_axis, sorted([*times, *at]), self._wall)
        if not shown and not what:  # no exercise in the period ("no exercise: no pain ...")
            self.set_title(_("No pain ratings in this period"))
        elif not shown:
            self.set_title(_("{exercise}: no pain ratings in this period").format(exercise=what))
        elif self.unit == "week":
            self.set_title(_("Pain after sets: {exercise}, per week").format(exercise=what))
        elif self.unit == "month":
            self.set_title(_("Pain after sets: {exercise}, per month").format(exercise=what))
        else:
            self.set_title(_("Pain after sets: {exercise}").format(exercise=what))
        self.tell(pain_words(shown))

    def dates_fitted(self, low: float, high: float) -> None:
        """The pain bands span the date axis."""
        for lower, upper, bottom, top in self._bands:
            lower.replace([QPointF(low, bottom), QPointF(high, bottom)])
            upper.replace([QPointF(low, top), QPointF(high, top)])

    def point_count(self) -> int:
        return int(self.average.count())


class DoseChart(ChartBox):
    """The planned dose (hold seconds or reps) at each session, as steps over time."""

    def __init__(
        self, parent: QWidget | None = None, *, wall: Callable[[], datetime] = wall_now
    ) -> None:
        from PySide6.QtCharts import QValueAxis

        super().__init__(_("Planned dose"), parent)
        self._wall = wall
        self.chart.legend().hide()
        self.x_axis = new_date_axis()  # DOSE_TICKS at most: a narrow chart
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%d")
        style_axis(self.y_axis)
        self.dose = _line(_("planned dose"), current().chart_dose, 3, Qt.PenStyle.SolidLine)
        self.dose.setMarkerSize(10)  # shown for a single session only (set_points)
        self.chart.addSeries(self.dose)
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.dose.attachAxis(self.x_axis)
        self.dose.attachAxis(self.y_axis)

    def set_points(self, points: list[DosePoint], what: str) -> None:
        dosed = known_doses(points)
        known = [(msecs(p.started_at), v) for p, v in dosed]
        steps: list[QPointF] = []
        for t, v in known:  # a point where the dose changed, holding the old one until then
            if not steps or steps[-1].y() != v:
                if steps:
                    steps.append(QPointF(t, steps[-1].y()))
                steps.append(QPointF(t, v))
        if known and len(known) > 1:
            steps.append(QPointF(*known[-1]))
        self.dose.replace(steps)
        # One session (the first, or one in the period): a line of one point draws nothing.
        self.dose.setPointsVisible(len(steps) == 1)
        self.fit_dates(self.x_axis, [t for t, _ in known], self._wall, most=DOSE_TICKS)
        top = max((v for _, v in known), default=10.0)
        self.fit_values(self.y_axis, max(5.0, top * 1.2))
        unit = dose_unit(points)
        titles = {_("s"): _("hold (s)"), _("reps"): _("reps")}  # dose_unit's words
        self.y_axis.setTitleText(titles.get(unit, ""))
        if known:
            self.set_title(_("Planned dose: {exercise}").format(exercise=what))
        elif not what:
            self.set_title(_("No dose recorded in this period"))
        else:
            self.set_title(_("{exercise}: no dose recorded").format(exercise=what))
        self.tell(dose_words(dosed, unit))

    def point_count(self) -> int:
        return int(self.dose.count())


class AdherenceChart(ChartBox):
    """Sessions per week as bars, with the schedule's weekly minimum as a line; the weeks the
    period cuts short (its first, this week so far) shaded behind their bars and named under
    the chart, as the PDF report does (report_charts.draw_week_bars)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Sessions per week"), parent)
        self.unit = "week"
        self.bar_values: list[float] = []
        self.cut_bars: list[bool] = []  # per bar: a week the period cuts short, shaded
        self._shade_edges: list[QLineSeries] = []
        self.note = QLabel(self)  # what the shading means, the PDF's words
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setFont(chart_font(KEY_PX))
        look = current()
        self.note.setStyleSheet(
            f"QLabel {{ color: {look.chart_text}; background: {look.chart_back};"
            " padding: 0px 6px 6px 6px; }"
        )
        self.note.hide()
        self._weeks: tuple[QBarCategoryAxis, list[date]] | None = None  # the axis, its bars' days
        self.chart.plotAreaChanged.connect(self._fit_week_labels)
        column = self.layout()  # ChartBox's: the heading, the chart, its key
        assert column is not None
        column.addWidget(self.note)

    def set_weeks(
        self,
        weeks: list[WeekCount],
        schedule: Schedule | None,
        cut: Collection[date] = (),
        note: str = "",
    ) -> None:
        """Show these weeks; those starting on a day in `cut` (cut short by the period), and a
        month or year of them only, are shaded, and `note` (what the shading means) is shown
        under the chart while one is (buckets.week_bars)."""
        from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QValueAxis

        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.unit, buckets, self.cut_bars = week_bars(weeks, cut)
        self.bar_values = [v for _, v in buckets]
        bars = QBarSet(_("sessions per week") if self.unit == "week" else _("average per week"))
        bars.append(self.bar_values)
        bars.setColor(QColor(current().chart_average))
        bars.setBorderColor(QColor(current().chart_average))
        key = [KeyEntry(SQUARE, current().chart_average, bars.label())]
        series = QBarSeries()
        series.append(bars)
        series.setBarWidth(0.7)
        x_axis = QBarCategoryAxis()
        x_axis.append([bucket_label(start, self.unit) for start, _ in buckets])
        self._weeks = (x_axis, [start for start, _ in buckets]) if self.unit == "week" else None
        style_axis(x_axis)
        x_axis.setGridLineVisible(False)
        top = max([*self.bar_values, schedule.max_per_week if schedule else 0, 3])
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%d")
        y_axis.setTitleText(_("sessions"))  # its unit, as the pain and dose charts name theirs
        style_axis(y_axis)
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        self._shade(x_axis, y_axis)  # first: QtCharts draws series in the order added
        # Whole numbers, never 1.875, and no more than fit the chart's height: a tick on
        # each whole number up to 8 cut them all to "..." in a short chart (1024 x 600).
        self._values.clear()  # the last weeks' axis is gone
        self.fit_values(y_axis, top + 1)
        self.chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        if schedule is not None and buckets:
            # A line on a category axis is placed by category index (Qt's line-and-bar example).
            least = _("schedule: at least {n}").format(n=schedule.min_per_week)
            target = _line(least, current().chart_target, 3, Qt.PenStyle.DashLine)
            last = len(buckets) - 0.5
            target.replace(
                [QPointF(-0.5, schedule.min_per_week), QPointF(last, schedule.min_per_week)]
            )
            self.chart.addSeries(target)
            target.attachAxis(x_axis)
            target.attachAxis(y_axis)
            key.append(KeyEntry(DASHED, current().chart_target, least))
        self.key.set_entries(key)
        titles = {
            "week": _("Sessions per week"),
            "month": _("Sessions per week, averaged per month"),
            "year": _("Sessions per week, averaged per year"),
        }
        self.set_title(titles[self.unit])
        self.note.setText(note if any(self.cut_bars) else "")
        self.note.setVisible(bool(self.note.text()))
        self._fit_week_labels()

    def _fit_week_labels(self) -> None:
        """The weeks' labels as they fit the plot's width now (chart_axes.fit_week_labels)."""
        if self._weeks is not None:
            fit_week_labels(*self._weeks, self._plot_size().width())

    def values_fitted(self, end: int) -> None:
        """The shaded columns reach the sessions axis' new end: the plot's whole height."""
        for upper in self._shade_edges[::2]:
            upper.replace([QPointF(p.x(), end) for p in upper.points()])

    def _shade(self, x_axis: QAbstractAxis, y_axis: QAbstractAxis) -> None:
        """A see-through column behind each cut week's bar, the height of the plot (as high
        as values_fitted sets it): even an empty week reads as unfinished, not as none done.
        An area on a category axis is placed by category index, as the schedule's line is."""
        from PySide6.QtCharts import QAreaSeries

        fill = QColor(current().chart_grid)
        fill.setAlpha(SHADE_ALPHA)
        self._shade_edges = []  # the chart's old areas are gone (removeAllSeries)
        for i, cut in enumerate(self.cut_bars):
            if not cut:
                continue
            lower = _line("", current().chart_grid, 0, Qt.PenStyle.NoPen)
            upper = _line("", current().chart_grid, 0, Qt.PenStyle.NoPen)
            lower.replace([QPointF(i - 0.5, 0), QPointF(i + 0.5, 0)])
            upper.replace([QPointF(i - 0.5, 0), QPointF(i + 0.5, 0)])
            self._shade_edges += [upper, lower]  # an area does not own its edges
            area = QAreaSeries(upper, lower)
            area.setBrush(QBrush(fill))
            area.setPen(QPen(Qt.PenStyle.NoPen))
            self.chart.addSeries(area)
            area.attachAxis(x_axis)
            area.attachAxis(y_axis)
