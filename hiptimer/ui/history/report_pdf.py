"""The clinician's report: one or two A4 pages of adherence, pain and dose, drawn as a PDF."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from hiptimer import __version__
from hiptimer.core.history.export import ReportData, gather_report
from hiptimer.core.history.queries import HistoryQueries
from hiptimer.core.history.review import RoutineSource, day_text, pain_number, routines_by_id
from hiptimer.core.safe_write import replacing_bytes
from hiptimer.i18n import _
from hiptimer.ui.history.report_charts import (
    INK,
    MUTED,
    draw_legend,
    draw_pain_chart,
    draw_week_bars,
    font,
)

MAX_PAGES = 2
DPI = 300
MARGIN_MM = 14
CHART_COLUMNS = 3
CHART_HEIGHT_MM = 34
NOTE_LINES = 2
NOTE_CHARS = 240
MAX_NOTES = 12  # the most recent; a clinician reads these in a minute
MAX_CHANGES = 12
FIELD_WORDS = {"sets": "sets", "reps": "reps", "hold_s": "hold (s)", "rung": "variant"}

_app: QGuiApplication | None = None  # made here when the command line has none


def ensure_gui_app() -> None:
    """Fonts and painting need a QGuiApplication; the command line makes an offscreen one."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["hiptimer", "-platform", "offscreen"])


class _Pages:
    """A cursor running down A4 pages: text, tables and charts, at most MAX_PAGES."""

    def __init__(self, painter: QPainter, writer: QPdfWriter) -> None:
        self.p = painter
        self.writer = writer
        self.mm = DPI / 25.4
        size = writer.pageLayout().fullRectPixels(DPI)
        self.left = MARGIN_MM * self.mm
        self.width = size.width() - 2 * self.left
        self.top = MARGIN_MM * self.mm
        self.bottom = size.height() - MARGIN_MM * self.mm
        self.y = self.top
        self.page = 1

    def room(self, height: float) -> bool:
        """Make room for `height` (on a new page if need be); False when out of pages."""
        if self.y + height <= self.bottom:
            return True
        if self.page >= MAX_PAGES:
            return False
        self.writer.newPage()
        self.page += 1
        self.y = self.top
        return True

    def gap(self, mm: float) -> None:
        self.y += mm * self.mm

    def line(self, text: str, points: float = 9, bold: bool = False, muted: bool = False) -> bool:
        """One line of text (elided to the width); False when it did not fit."""
        f = font(points, bold)
        fm = QFontMetricsF(f, self.writer)
        if not self.room(fm.height()):
            return False
        self.p.setFont(f)
        self.p.setPen(MUTED if muted else INK)
        shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, self.width)
        self.p.drawText(QRectF(self.left, self.y, self.width, fm.height()), 0, shown)
        self.y += fm.height()
        return True

    def paragraph(
        self, text: str, points: float = 9, max_lines: int = 20, muted: bool = False
    ) -> bool:
        fm = QFontMetricsF(font(points), self.writer)
        chars = max(20, int(self.width / fm.averageCharWidth()))
        lines = textwrap.wrap(text, chars) or [""]
        if len(lines) > max_lines:
            lines = [*lines[: max_lines - 1], lines[max_lines - 1] + " \u2026"]
        return all(self.line(line, points, muted=muted) for line in lines)

    def heading(self, text: str) -> bool:
        fm = QFontMetricsF(font(11, bold=True), self.writer)
        if not self.room(fm.height() * 3):  # never a heading alone at the foot of a page
            return False
        self.gap(3)
        return self.line(text, 11, bold=True)

    def table(
        self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
    ) -> int:
        """Columns of these relative widths; returns how many rows fitted."""
        f, bold = font(8), font(8, bold=True)
        fm = QFontMetricsF(f, self.writer)
        row_h = fm.height() * 1.45
        scale = self.width / sum(widths)
        done = 0
        for i, row in enumerate([headers, *rows]):
            if not self.room(row_h * (2 if i == 0 else 1)):
                break
            if i % 2 == 0 or i == 0:
                shade = "#E3E8EC" if i == 0 else "#F3F5F7"
                self.p.fillRect(QRectF(self.left, self.y, self.width, row_h), shade)
            self.p.setFont(bold if i == 0 else f)
            self.p.setPen(INK)
            x = self.left
            for text, w in zip(row, widths, strict=True):
                cell = QRectF(x + 1 * self.mm, self.y, w * scale - 2 * self.mm, row_h)
                shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, cell.width())
                self.p.drawText(cell, Qt.AlignmentFlag.AlignVCenter, shown)
                x += w * scale
            self.y += row_h
            done += 1 if i else 0
        return done


def write_report(
    store: HistoryQueries,
    out_path: str | os.PathLike[str],
    since: date | None = None,
    until: date | None = None,
    routine_id: str | None = None,
    catalog: RoutineSource = None,
    *,
    now: datetime | None = None,
) -> int:
    """Write the report for this period and routine (None: all) as a PDF; returns its pages.

    `now`: when it is made (the period's open end and the date printed); None: the clock's.

    The PDF is drawn in memory and written at the end, so a path that cannot be
    written raises OSError and leaves no half-written file.
    """
    ensure_gui_app()
    data = gather_report(store, routines_by_id(catalog), since, until, routine_id, now)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF()
        )
    )
    writer.setTitle(_("HipTimer exercise report"))
    writer.setCreator(f"HipTimer {__version__}")
    painter = QPainter(writer)
    try:
        pages = _Pages(painter, writer)
        _draw(pages, data)
    finally:
        painter.end()
    buffer.close()
    with replacing_bytes(out_path) as target:  # whole or not at all; a link stays a link
        target.write(bytes(buffer.data().data()))
    return pages.page


def _draw(pages: _Pages, data: ReportData) -> None:
    _header(pages, data)
    _adherence(pages, data)
    _pain_charts(pages, data)
    _exercise_table(pages, data)
    _dose_changes(pages, data)
    _notes(pages, data)


def _header(pages: _Pages, data: ReportData) -> None:
    pages.line(_("HipTimer exercise report"), 17, bold=True)
    period = f"{day_text(data.since)} \u2013 {day_text(data.until)}"
    pages.line(
        _("Routine: {routine}    Period: {period}").format(routine=data.routines, period=period), 10
    )
    schedule = data.schedule.label if data.schedule else _("not set")
    pages.line(
        _(
            "Schedule: {schedule}    Generated {day} by HipTimer {version} from the user's own "
            "exercise log"
        ).format(schedule=schedule, day=day_text(data.generated), version=__version__),
        8,
        muted=True,
    )
    pages.paragraph(
        _(
            "Pain is rated by the user after each set, 0 (none) to 10 (worst); 0-2 is safe,"
            " 3-5 acceptable, over 5 too much (pain-monitoring model, Silbernagel 2007)."
        ),
        8,
        muted=True,
    )


def _adherence(pages: _Pages, data: ReportData) -> None:
    a = data.adherence
    if not pages.heading(_("Adherence")):
        return
    if not a.sessions:
        pages.line(_("No sessions in this period."))
        return
    parts = a.summary()
    pages.paragraph("; ".join(parts) + ".")
    height = 30 * pages.mm
    if pages.line(_("Sessions per week"), 7, muted=True) and pages.room(height):
        rect = QRectF(pages.left, pages.y + 1 * pages.mm, pages.width, height - 1 * pages.mm)
        unit = draw_week_bars(pages.p, rect, a.weeks, data.schedule, pages.mm)
        pages.y += height
        if unit != "week":
            per = _("month") if unit == "month" else _("year")
            pages.line(
                _("Bars: sessions per week, averaged per {unit}.").format(unit=per), 7, muted=True
            )


def _pain_charts(pages: _Pages, data: ReportData) -> None:
    rated = [t for t in data.trends if t.pain]
    if not rated or not pages.heading(_("Pain after sets, per exercise (both sides)")):
        return
    legend = draw_legend(pages.p, pages.left, pages.y, pages.mm)
    pages.y += legend + 1 * pages.mm
    gap = 4 * pages.mm
    width = (pages.width - gap * (CHART_COLUMNS - 1)) / CHART_COLUMNS
    height = CHART_HEIGHT_MM * pages.mm
    for start in range(0, len(rated), CHART_COLUMNS):
        if not pages.room(height):
            return
        for i, trend in enumerate(rated[start : start + CHART_COLUMNS]):
            rect = QRectF(pages.left + i * (width + gap), pages.y, width, height - 2 * pages.mm)
            draw_pain_chart(
                pages.p, rect, trend.exercise.name, trend.pain, data.since, data.until, pages.mm
            )
        pages.y += height


def _exercise_table(pages: _Pages, data: ReportData) -> None:
    if not data.trends or not pages.heading(_("Dose and pain per exercise")):
        return
    pages.paragraph(
        _(
            "Pain: average / highest rating in the first and the last two weeks of the period."
            " A change of 2 points or more is one a patient notices (Farrar 2001)."
        ),
        7.5,
        muted=True,
    )
    rows = [
        (
            t.exercise.name,
            f"{t.first_dose} \u2192 {t.last_dose}" if t.doses else "-",
            f"{pain_number(t.first_avg)} / {pain_number(t.first_max, 0)}",
            f"{pain_number(t.last_avg)} / {pain_number(t.last_max, 0)}",
            t.trend,
        )
        for t in data.trends
    ]
    headers = (
        _("Exercise"),
        _("Dose first \u2192 last"),
        _("Pain first 2 wk"),
        _("Pain last 2 wk"),
        _("Change"),
    )
    shown = pages.table(headers, rows, (30, 20, 14, 14, 22))
    if shown < len(rows):
        pages.line(
            _("\u2026 and {n} more exercises (see the CSV export).").format(n=len(rows) - shown), 8
        )


def _dose_changes(pages: _Pages, data: ReportData) -> None:
    if not data.changes or not pages.heading(_("Dose changes")):
        return
    rows = []
    for change, name in list(reversed(data.changes))[:MAX_CHANGES]:  # newest first
        side = f" ({change.side})" if change.side else ""
        # A rung is stored from 0 (the exercise as written); people count variants from 1.
        shift = 1 if change.field == "rung" else 0
        old, new = (None if v is None else v + shift for v in (change.old_value, change.new_value))
        values = f"{_num(old)} \u2192 {_num(new)}"
        rows.append(
            (
                day_text(change.decided_at),
                f"{name}{side}",
                f"{FIELD_WORDS.get(change.field, change.field)} {values}",
                "accepted" if change.accepted else "declined",
                change.reason,
            )
        )
    shown = pages.table(
        (_("Date"), _("Exercise"), _("Change"), _("Decision"), _("Reason")),
        rows,
        (12, 22, 14, 10, 42),
    )
    if shown < len(data.changes):
        pages.line(
            _("\u2026 and {n} older changes.").format(n=len(data.changes) - shown), 8, muted=True
        )


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _notes(pages: _Pages, data: ReportData) -> None:
    notes = data.notes
    if not notes or not pages.heading(_("The user's session notes, most recent first")):
        return
    fm = QFontMetricsF(font(8.5), pages.writer)
    for count, session in enumerate(notes):
        text = " ".join(session.note.split())
        if len(text) > NOTE_CHARS:
            text = text[:NOTE_CHARS].rsplit(" ", 1)[0] + " \u2026"
        last = count == len(notes) - 1
        if count == MAX_NOTES:
            pages.line(_("\u2026 and {n} older notes.").format(n=len(notes) - count), 8, muted=True)
            return
        if not pages.room(fm.height() * (NOTE_LINES + (0.4 if last else 1.4))):
            pages.line(_("\u2026 and {n} older notes.").format(n=len(notes) - count), 8, muted=True)
            return
        pages.paragraph(f"{day_text(session.started_at)}: {text}", 8.5, max_lines=NOTE_LINES)
        pages.gap(0.8)
