"""The clinician's report: a first page to read in a minute, then the detail, as a PDF."""

from __future__ import annotations

import dataclasses
import os
from datetime import date, datetime

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

from hiptimer import __version__
from hiptimer.core.dosing.advice_log import advice_in
from hiptimer.core.history.export import ReportData, gather_report
from hiptimer.core.history.queries import HistoryQueries
from hiptimer.core.history.review import RoutineSource, routines_by_id
from hiptimer.core.safe_write import replacing_bytes
from hiptimer.core.settings import DEFAULT_PAIN_LIMIT
from hiptimer.core.write_abandon import stop_if_abandoned
from hiptimer.i18n import _
from hiptimer.ui.history import report_advice, report_corrections, report_header
from hiptimer.ui.history import report_sections as sections
from hiptimer.ui.history.report_pages import DPI, Pages

_app: QGuiApplication | None = None  # made here when the command line has none


def ensure_gui_app() -> None:
    """Fonts and painting need a QGuiApplication; the command line makes an offscreen one."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["hiptimer", "-platform", "offscreen"])


def write_report(
    store: HistoryQueries,
    out_path: str | os.PathLike[str],
    since: date | None = None,
    until: date | None = None,
    routine_id: str | None = None,
    catalog: RoutineSource = None,
    *,
    now: datetime | None = None,
    pain_limit: int = DEFAULT_PAIN_LIMIT,
) -> int:
    """Write the report for this period and routine (None: all) as a PDF; returns its pages.

    `now`: when it is made (the period's open end and the date printed); None: the clock's.
    `pain_limit`: the user's (Settings), which the first page states.

    The PDF is drawn in memory and written at the end, so a path that cannot be
    written raises OSError and leaves no half-written file.
    """
    ensure_gui_app()
    routines = routines_by_id(catalog)
    data = gather_report(store, routines, since, until, routine_id, now, pain_limit)
    ids = [routine_id] if routine_id else sorted({s.routine_id for s in data.sessions})
    started = {s.id: s.started_at for s in data.sessions}
    known = [routines[rid] for rid in ids if rid in routines]  # one gone: no rules to judge by
    found = advice_in(store, known, data.since, data.until, started, pain_limit)
    data = dataclasses.replace(data, advice=found)
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
        pages = Pages(painter, writer)
        _draw(pages, data)
    finally:
        painter.end()
    buffer.close()
    with replacing_bytes(out_path) as target:  # whole or not at all; a link stays a link
        target.write(bytes(buffer.data().data()))
    return pages.page


def _draw(pages: Pages, data: ReportData) -> None:
    """The first page answers what a physiotherapist asks first: the period, how often, how
    much of it, the pain during and the next morning, what HipTimer advised and what the user
    chose, what changed and who decided, what was
    corrected, how the re-tests went. The detail follows: charts, each session, each correction, the notes."""
    # Between sections (and at each new page, Pages._next_page), the window's export stops
    # once the window has closed (write_abandon.stop_if_abandoned raises Abandoned).
    report_header.header(pages, data)
    sections.adherence(pages, data)
    stop_if_abandoned()
    sections.pain_table(pages, data)
    report_advice.advice(pages, data)
    sections.retests(pages, data)
    sections.dose_changes(pages, data, limit=sections.FIRST_PAGE_CHANGES)
    report_corrections.corrections_summary(pages, data)
    if pages.bottom - pages.y < (pages.bottom - pages.top) / 3:
        pages.new_page()  # the detail starts on a page of its own rather than at the foot
    stop_if_abandoned()
    sections.pain_charts(pages, data)
    stop_if_abandoned()
    sections.sessions(pages, data)
    stop_if_abandoned()
    if len(data.changes) > sections.FIRST_PAGE_CHANGES:
        sections.dose_changes(pages, data)
    if len(data.advice) > len(report_advice.first_page(data)):
        report_advice.advice(pages, data, whole=True)
    report_corrections.corrections(pages, data)
    sections.notes(pages, data)
