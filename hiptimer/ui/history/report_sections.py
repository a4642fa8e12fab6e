"""The report's sections, in the order a physiotherapist reads them: the first page first."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from hiptimer.core.history.dose_log import ACCEPTED, KEPT, DoseEvent
from hiptimer.core.history.export import ReportData
from hiptimer.core.history.queries import SessionSummary
from hiptimer.core.history.result_text import result_number, result_text, to_tenth, unit_text
from hiptimer.core.history.retests import RetestSeries
from hiptimer.core.history.review import ExerciseTrend
from hiptimer.core.history.wording import (
    NOT_REPRESENTATIVE_KEY,
    average_pain,
    change_text,
    changed_for,
    completion_text,
    day_text,
    pain_number,
    with_side,
)
from hiptimer.i18n import N_, _, n_, translate
from hiptimer.ui.history.report_charts import (
    draw_legend,
    draw_morning_chart,
    draw_pain_chart,
    draw_retest_chart,
    draw_titles,
    draw_week_bars,
)
from hiptimer.ui.history.report_pages import TABLE_PT, Pages
from hiptimer.ui.widgets.plain import in_our_direction

CHART_COLUMNS = 3
CHART_HEIGHT_MM = 34
NOTE_LINES = 2
NOTE_CHARS = 240
MAX_NOTES = 12  # the most recent; a clinician reads these in a minute
FIRST_PAGE_CHANGES = 4  # the most recent dose changes on the first page; all of them later
DECIDED_WORDS = {
    ACCEPTED: N_("the user, accepting HipTimer's suggestion"),
    KEPT: N_("the user, keeping a change made during a session"),
}
ROUTINE_CHANGED = N_("the routine was changed (editor or routine file), not by a suggestion")


# ---------------------------------------------------------------- the first page


def adherence(pages: Pages, data: ReportData) -> None:
    a = data.adherence
    if not pages.heading(_("Adherence")):
        return
    if not a.sessions and not a.left_out():
        pages.line(a.sentence())
        return
    pages.paragraph(a.sentence(), 8.5)
    if not a.sessions:
        return
    height = 22 * pages.mm
    if pages.line(_("Sessions per week"), 7, muted=True) and pages.room(height):
        rect = QRectF(pages.left, pages.y + 1 * pages.mm, pages.width, height - 1 * pages.mm)
        cut = [w.week_start for w in a.cut_weeks]
        shown = draw_week_bars(pages.p, rect, a.weeks, data.schedule, pages.mm, cut)
        unit = shown.unit
        pages.y += height
        if any(shown.cut):
            pages.paragraph(a.cut_note(), 7, muted=True)
        if unit != "week":
            per = _("month") if unit == "month" else _("year")
            pages.line(
                _("Bars: sessions per week, averaged per {unit}.").format(unit=per), 7, muted=True
            )


def _window(avg: float | None, top: int | None) -> str:
    return f"{pain_number(avg)} / {pain_number(top, 0)}"


def pain_table(pages: Pages, data: ReportData) -> None:
    """Pain during each exercise (each side) and the next morning: first against last weeks."""
    rows = [
        (
            with_side(t.exercise.name, t.side),
            f"{t.first_dose} \u2192 {t.last_dose}" if t.doses else "-",
            _window(t.first_avg, t.first_max),
            _window(t.last_avg, t.last_max),
            t.trend,
        )
        for t in data.side_trends
    ]
    names = (_("Next morning: pain (whole hip)"), _("Next morning: stiffness"))
    for name, t in zip(names, data.morning_trends, strict=False):
        if t.pain:
            rows.append(
                (
                    name,
                    "",
                    _window(t.first_avg, t.first_max),
                    _window(t.last_avg, t.last_max),
                    t.trend,
                )
            )
    if not rows or not pages.heading(_("Pain during exercise and the next morning")):
        return
    pages.paragraph(
        _(
            "Average / highest rating in the two weeks from an exercise's first session in the"
            " period and in the two weeks up to its last session, which can be weeks before the"
            " period ends (sessions marked not representative left out). A change of 2 points"
            " or more is one a patient notices (Farrar 2001)."
        ),
        7.5,
        muted=True,
    )
    headers = (
        _("Exercise"),
        _("Dose first \u2192 last"),
        _("First 2 weeks, avg / max"),
        _("Last 2 weeks, avg / max"),
        _("Change"),
    )
    shown = pages.table(headers, rows, (34, 22, 14, 14, 18))
    if shown < len(rows):
        more = len(rows) - shown
        pages.line(
            n_(
                "\u2026 and {n} more exercise (see the CSV export).",
                "\u2026 and {n} more exercises (see the CSV export).",
                more,
            ).format(n=more),
            8,
        )


def _change_row(e: DoseEvent) -> tuple[str, ...]:
    who = translate(DECIDED_WORDS.get(e.decided_by, ROUTINE_CHANGED))
    return (
        day_text(e.when),
        changed_for(e.exercise, e.side),  # one dose for both sides
        change_text(e.field, e.old, e.new),  # 'variant 1 -> 2' for a move on the ladder
        who,
        e.reason,
    )


def dose_changes(pages: Pages, data: ReportData, limit: int | None = None) -> None:
    """The dose changes, newest first, and who decided each; `limit`: the most recent few."""
    if not data.changes:
        return
    title = _("Dose changes and who decided them")
    events = list(reversed(data.changes))
    rows = [_change_row(e) for e in (events if limit is None else events[:limit])]
    headers = (_("Date"), _("Exercise"), _("Change"), _("Decided by"), _("Why (as shown then)"))
    widths = (11, 18, 13, 24, 34)
    start = pages.table_start(headers, rows, widths)
    if not pages.heading(title if limit is None else _("Dose changes, most recent first"), start):
        return
    if limit is not None and len(events) > len(rows):
        # The note on the older ones stays under the table: alone atop the next page it read
        # as a stray line. A row that leaves it no room is in the full list below anyway.
        rows = rows[: pages.rows_fitting(headers, rows, widths, below=pages.line_height(8))]
    shown = pages.table(headers, rows, widths)
    left = len(events) - shown
    if left and limit is not None and shown == len(rows):
        # Translators: {n} older dose changes; in English both forms are the same.
        below = n_(
            "\u2026 and {n} older, listed below.", "\u2026 and {n} older, listed below.", left
        )
        pages.line(below.format(n=left), 8, muted=True)
    elif left:
        older = n_("\u2026 and {n} older change.", "\u2026 and {n} older changes.", left)
        pages.line(older.format(n=left), 8, muted=True)


def _retest_change(r: RetestSeries) -> str:
    if len(r.points) < 2:
        return "-"
    change = to_tenth(r.change)
    signed = ("+" if change > 0 else "") + result_number(change)
    if r.improved is None:
        return _("no change")
    if r.improved:
        return _("better ({change})").format(change=signed)
    return _("worse ({change})").format(change=signed)


def retests(pages: Pages, data: ReportData) -> None:
    """Each functional re-test (and side): first result, latest, and which way it went."""
    if not data.retests or not pages.heading(_("Functional re-tests")):
        return
    pages.paragraph(
        _(
            "Timed tests the user ran with HipTimer (the voice and the timer as in a session)."
            " No norms are shown: none of HipTimer's sources gives reference values for them,"
            " so each result is compared with the same person's earlier ones."
        ),
        7.5,
        muted=True,
    )
    rows = [
        (
            with_side(r.name, r.side),
            str(len(r.points)),
            f"{result_text(r.first, r.unit)} ({day_text(r.points[0][0])})",
            f"{result_text(r.latest, r.unit)} ({day_text(r.points[-1][0])})",
            _retest_change(r),
        )
        for r in data.retests
    ]
    headers = (_("Test"), _("Times done"), _("First"), _("Latest"), _("Change"))
    pages.table(headers, rows, (30, 10, 22, 22, 16))


# ---------------------------------------------------------------- the pages after


def pain_charts(pages: Pages, data: ReportData) -> None:
    """The next morning first (it decides, in the pain-monitoring model), then each exercise."""
    rated = [t for t in data.trends if t.pain]
    if not (rated or data.mornings or data.retests):
        return
    if not pages.heading(_("Pain over time, per exercise (both sides), and the next morning")):
        return
    legend = draw_legend(pages.p, pages.left, pages.y, pages.mm, mornings=bool(data.mornings))
    pages.y += legend + 1 * pages.mm
    gap = 4 * pages.mm
    width = (pages.width - gap * (CHART_COLUMNS - 1)) / CHART_COLUMNS
    height = CHART_HEIGHT_MM * pages.mm
    cells: list[ExerciseTrend | RetestSeries | None] = [None] if data.mornings else []
    cells += [*rated, *data.retests]  # the re-tests beside the pain they go with
    for start in range(0, len(cells), CHART_COLUMNS):
        if not pages.room(height):
            return
        row = cells[start : start + CHART_COLUMNS]
        rects = [
            QRectF(pages.left + i * (width + gap), pages.y, width, height - 2 * pages.mm)
            for i in range(len(row))
        ]
        # A long name wraps (never cut); the row's plots start under its tallest title alike.
        room = draw_titles(pages.p, rects, [_chart_title(cell) for cell in row])
        since, until, mm = data.since, data.until, pages.mm
        for cell, rect in zip(row, rects, strict=True):
            rect.adjust(0, room, 0, 0)
            if cell is None:
                draw_morning_chart(pages.p, rect, data.mornings, since, until, mm)
            elif isinstance(cell, RetestSeries):
                unit = unit_text(cell.unit)
                draw_retest_chart(pages.p, rect, cell.points, unit, since, until, mm)
            else:
                draw_pain_chart(pages.p, rect, cell.pain, since, until, mm)
        pages.y += height


def _chart_title(cell: ExerciseTrend | RetestSeries | None) -> str:
    if cell is None:
        return _("Next morning (whole hip)")
    if isinstance(cell, RetestSeries):
        return _("Re-test: {name}").format(name=with_side(cell.name, cell.side))
    return cell.exercise.name


def _morning(s: SessionSummary) -> str:
    """'pain 2, stiff 3' at the check-in the morning after, or '-'."""
    if s.morning_pain is None and s.morning_stiffness is None:
        return "-"
    return _("pain {pain}, stiff {stiffness}").format(
        pain=pain_number(s.morning_pain, 0), stiffness=pain_number(s.morning_stiffness, 0)
    )


def _remarks(s: SessionSummary) -> str:
    said = []  # not representative: the mark on its pain (average_pain), keyed under the table
    if s.corrections:
        said.append(n_("{n} correction", "{n} corrections", s.corrections).format(n=s.corrections))
    return ", ".join(said)


def session_rows(data: ReportData) -> list[tuple[str, ...]]:
    """The sessions table's rows, newest first: day, sets, pain max / avg, morning, remarks."""
    # Then each says its routine, named as the first page names it: in Spanish it read
    # "Micropausa en el escritorio" there and "Desk micro-break: 2 de 4 ..." here (user25).
    several = len({s.routine_id for s in data.sessions}) > 1
    return [
        (
            day_text(s.started_at),
            # Our direction: a number after a title in Arabic took the title's (W2).
            in_our_direction(
                f"{data.titles.get(s.routine_id, s.routine_title)}: {completion_text(s)}"
            )
            if several
            else completion_text(s),
            f"{pain_number(s.max_pain, 0)} / {average_pain(s)}",
            _morning(s),
            _remarks(s),
        )
        for s in data.sessions
    ]


def sessions(pages: Pages, data: ReportData) -> None:
    """Each session, newest first: its sets by outcome, its pain, the morning after."""
    if not data.sessions:
        return
    rows = session_rows(data)
    headers = (_("Date"), _("Sets"), _("Pain max / avg"), _("Next morning"), _("Remarks"))
    widths = pages.fitted((11, 41, 14, 14, 20), rows, column=0, giver=1)  # dates on one line
    start = pages.table_start(headers, rows, widths)
    if not pages.heading(_("Sessions, most recent first"), keep_with=start):
        return
    shown = pages.table(headers, rows, widths)
    if shown < len(rows):
        pages.line(
            n_(
                "\u2026 and {n} earlier session (see the CSV export).",
                "\u2026 and {n} earlier sessions (see the CSV export).",
                len(rows) - shown,
            ).format(n=len(rows) - shown),
            8,
        )
    if any(s.not_representative for s in data.sessions):
        # The key to the '*' in the table's pain: in ink, as the table's text (grey, it read
        # as a footnote that mattered less than the figures it explains).
        pages.paragraph(translate(NOT_REPRESENTATIVE_KEY), TABLE_PT, max_lines=2)


def notes(pages: Pages, data: ReportData) -> None:
    found = data.notes
    if not found or not pages.heading(_("The user's session notes, most recent first")):
        return
    for count, session in enumerate(found):
        text = " ".join(session.note.split())
        if len(text) > NOTE_CHARS:
            text = text[:NOTE_CHARS].rsplit(" ", 1)[0] + " \u2026"
        if count == MAX_NOTES or not pages.paragraph(
            f"{day_text(session.started_at)}: {text}", 8.5, NOTE_LINES
        ):
            left = len(found) - count
            older = n_("\u2026 and {n} older note.", "\u2026 and {n} older notes.", left)
            pages.line(older.format(n=left), 8, muted=True)
            return
        pages.gap(0.8)
