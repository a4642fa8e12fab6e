"""Tests of the clinician's PDF report: a real PDF of one or two A4 pages, whatever the history."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize
from PySide6.QtGui import QFontMetricsF, QPainter, QPdfWriter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from hiptimer.core.history.dose_log import KEPT_REASON, DoseEvent
from hiptimer.core.history.export import ReportData
from hiptimer.core.history.queries import StoredSet
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.history.wording import day_text
from hiptimer.core.routines.model import Routine
from hiptimer.core.write_abandon import Abandon, Abandoned
from hiptimer.ui.history import report_sections
from hiptimer.ui.history.report_advice import FIRST_PAGE_SUGGESTIONS
from hiptimer.ui.history.report_charts import INK, font
from hiptimer.ui.history.report_pages import DPI, MAX_PAGES, Pages
from hiptimer.ui.history.report_pdf import write_report
from hiptimer.ui.history.report_sections import (
    FIRST_PAGE_CHANGES,
    _change_row,
    dose_changes,
)
from tests.history_data import (
    HIPS,
    STRETCH,
    Pains,
    Weeks,
    at,
    fill,
    knee_to_wall_checks,
    record,
)
from tests.ui.history.pdf_text import pdf_pages


@pytest.fixture
def store(tmp_path: Path, qapp: QApplication) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


@contextmanager
def a4_pages() -> Iterator[Pages]:
    """The report's page cursor on a PDF in memory, at page 1."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    painter = QPainter(writer)
    try:
        yield Pages(painter, writer)
    finally:
        painter.end()


def page_count(pdf: Path) -> int:
    """Pages as pdfinfo counts them, or by the page objects when poppler is missing."""
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
        found = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
        assert found is not None, info.stdout
        return int(found.group(1))
    return len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))


def pdf_text(pdf: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    return unicodedata.normalize("NFKC", done.stdout)  # "stiﬀ": the font's ligatures undone


def test_a_report_of_a_few_weeks_is_one_page(
    store: HistoryStore, tmp_path: Path, weeks: Weeks
) -> None:
    fill(store, weeks)
    store.record_dose_change(
        "hips", "bridge", "reps", 10, 12, accepted=True, decided_at=store.list_sessions()[2].started_at,
        reason="pain stayed at 2 or below",
    )  # fmt: skip
    store.record_dose_change(
        "hips", "bridge", "rung", 0, 1, accepted=True, decided_at=store.list_sessions()[1].started_at,
        reason="ready for the next step",
    )  # fmt: skip
    out = tmp_path / "report.pdf"
    pages = write_report(store, out, routine_id="hips", catalog=[HIPS, STRETCH])
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert pages == page_count(out) == 1
    text = " ".join(" ".join(pdf_pages(out)).split())  # a cell's lines joined
    for expected in (
        "HipTimer exercise report",
        "Routine: Hips",
        "Schedule: 3-4 times a week",
        "5 sessions in",
        "Bridge",
        "10 reps → 12 reps",
        "Dose changes",
        "the user, accepting HipTimer's suggestion",
        "variant 1 → 2",  # a move up the ladder, counted as people count
        "Much better",
    ):
        assert expected in text, expected
    assert text.index("Much better") < text.index("Sore, took it easy")  # newest note first


def test_the_report_in_spanish_names_dose_changes_with_units(
    store: HistoryStore, tmp_path: Path, weeks: Weeks, spanish: None
) -> None:
    fill(store, weeks)
    day = store.list_sessions()[2].started_at
    store.record_dose_change(
        "hips", "clam", "hold_s", 30, 35, accepted=False, decided_at=day, side="left"
    )
    out = tmp_path / "informe.pdf"
    write_report(store, out, routine_id="hips", catalog=[HIPS, STRETCH])
    text = pdf_text(out)
    for expected in (
        "Cambios de dosis",
        "Clamshell (los",
        "izquierdo)",
        "30 s → 35 s",
        "Rechazada",
    ):
        assert expected in text, expected
    # Declined, it changed no dose: it is HipTimer's advice, with what the user chose.
    assert text.index("Rechazada") < text.index("Cambios de dosis")
    assert re.search(r"5 sesiones en \d semanas", text)
    assert " x " not in text and "reps" not in text and "sessions" not in text


def test_a_step_back_judged_on_one_side_is_listed_for_both_sides(
    store: HistoryStore, tmp_path: Path, weeks: Weeks
) -> None:
    """The audit: a step back of the clamshell (done on each side) read 'Clamshell (right)'
    in the dose changes, but the routine has one dose and the step back lowered both sides;
    the right side's pain only decided it. The row says both, and whose sets were judged."""
    from hiptimer.core.dosing.actions import DoseAction
    from hiptimer.core.dosing.decisions import decline
    from hiptimer.core.dosing.dose_steps import Dose
    from hiptimer.core.dosing.rules import Recommendation
    from hiptimer.core.session.steps import Side

    fill(store, weeks)
    day = store.list_sessions()[2].started_at
    reason = "Pain went above 5 (it reached 7)."
    back = Recommendation(
        "clam", Side.RIGHT, DoseAction.STEP_BACK, Dose(2, hold_s=30), Dose(2, hold_s=25),
        reason, "step_back.pain",
    )  # fmt: skip
    decline(store, "hips", back, day)
    out = tmp_path / "report.pdf"
    write_report(store, out, routine_id="hips", catalog=[HIPS, STRETCH])
    text = " ".join(pdf_text(out).split())
    # Declined: not a dose change but HipTimer's advice, and what the user chose.
    changes = text[text.index("HipTimer's advice") : text.index("Pain over time")]  # its table
    assert "Clamshell (right)" not in changes  # the pain table has a row per side, rightly
    # The table wraps the label in its column: "Clamshell (both ... sides, judged on the ... right)"
    assert "Clamshell (both" in changes and "judged on the" in changes and "right)" in changes


def test_the_report_in_spanish_gives_a_dose_kept_from_a_session_its_reason_in_spanish(
    store: HistoryStore, tmp_path: Path, weeks: Weeks, spanish: None
) -> None:
    """The log keeps the same English words for every kept dose (the CSV's contract); a
    Spanish report read them out in English under 'Motivo'."""
    fill(store, weeks)
    day = store.list_sessions()[2].started_at
    store.record_dose_change(
        "hips", "bridge", "reps", 10, 12, accepted=True, decided_at=day, reason=KEPT_REASON,
        decided_by="session",
    )  # fmt: skip
    out = tmp_path / "informe.pdf"
    write_report(store, out, routine_id="hips", catalog=[HIPS, STRETCH])
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "cambiada durante la sesión y conservada para la próxima vez" in text
    assert "kept for next time" not in text
    assert store.dose_changes()[0].reason == KEPT_REASON  # the log itself stays as it was


def test_the_report_in_spanish_words_schedules_and_re_test_units_in_spanish(
    store: HistoryStore, tmp_path: Path, weeks: Weeks, spanish: None
) -> None:
    free = Routine("free", "Libre", HIPS.exercises)  # no schedule
    record(store, free, weeks.week2, {("bridge", None): [2]})
    sid = store.begin_session("check", "Control", 1, {}, at(weeks.week2 + timedelta(days=1)))
    for n, stands in enumerate((11.0, 13.0)):
        when = at(weeks.week2 + timedelta(days=1 + n))
        store.add_set(sid, StoredSet("sts", "Silla", 1, when, when, result=stands,
                                     result_unit="stands"))  # fmt: skip
    out = tmp_path / "informe.pdf"
    write_report(store, out, catalog=[free])
    text = pdf_text(out)
    for expected in ("Libre: sin definir", "desconocida (no se encontró la rutina)",
                     "11 levantamientos", "13 levantamientos"):  # fmt: skip
        assert expected in text, expected
    for english in ("not set", "not known", "stands"):
        assert english not in text, english


def test_a_re_test_whose_routine_is_gone_is_judged_the_way_its_sessions_recorded(
    store: HistoryStore, tmp_path: Path, weeks: Weeks
) -> None:
    knee_to_wall_checks(store, weeks, (14.0, 12.7))  # lower is better
    out = tmp_path / "report.pdf"
    write_report(store, out, catalog=[])  # the routine file is no longer in the library
    text = " ".join(pdf_text(out).split())
    assert "better (-1.3)" in text
    assert "worse" not in text  # was "worse (-1.3)": higher is better by default


def test_a_corrected_check_in_is_counted_and_listed(
    store: HistoryStore, tmp_path: Path, weeks: Weeks
) -> None:
    ids = fill(store, weeks)
    sid = ids.id("hips", weeks.week2)
    store.record_morning(sid, 6, 4, at(weeks.week2 + timedelta(days=1), 8))
    store.correct_morning(sid, 2, 4, at=at(weeks.week2 + timedelta(days=1), 10), reason="misread")
    out = tmp_path / "report.pdf"
    write_report(store, out, catalog=[HIPS, STRETCH])
    text = pdf_text(out)
    assert "1 next-morning check-in changed after it was given" in text
    assert "next-morning pain 6 \u2192 2, changed in History on" in text
    assert '("misread")' in text


def test_a_long_history_keeps_its_summary_on_the_first_page_and_a_bounded_length(
    store: HistoryStore, tmp_path: Path, weeks: Weeks
) -> None:
    long_note = "My hip felt stiff after sitting for a long time at work, " * 12
    for day in range(120):
        record(
            store, HIPS, weeks.week1 - timedelta(days=day),
            {("bridge", None): [day % 7], ("clam", "right"): [3], ("clam", "left"): [2]},
            note=f"{day}: {long_note}",
        )  # fmt: skip
    for day in range(40):
        store.record_dose_change(
            "hips", "clam", "hold_s", 30, 35, accepted=day % 2 == 0, side="left",
            decided_at=store.list_sessions(limit=1)[0].started_at + timedelta(minutes=day),
            reason="progress",
        )  # fmt: skip
    out = tmp_path / "long.pdf"
    pages = write_report(store, out, catalog=[HIPS])
    assert pages == page_count(out) <= MAX_PAGES
    first, *rest = pdf_pages(out)
    for heading in ("Adherence", "Pain during exercise and the next morning", "Dose changes"):
        assert heading in first, heading
    # 20 accepted, 20 declined: the declined are HipTimer's advice, not dose changes
    assert f"and {20 - FIRST_PAGE_CHANGES} older, listed below." in " ".join(first.split())
    assert f"and {20 - FIRST_PAGE_SUGGESTIONS} older suggestions, listed below." in " ".join(
        first.split()
    )
    later = " ".join(" ".join(rest).split())
    assert "Dose changes and who decided them" in later  # all of them, after the first page
    assert "All of HipTimer's advice in the period" in later
    assert "older notes" in later or "earlier sessions" in later


def test_an_empty_history_still_makes_a_report(store: HistoryStore, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    assert write_report(store, out) == page_count(out) == 1
    assert "No sessions in this period." in pdf_text(out)


def test_a_path_that_cannot_be_written_raises_and_leaves_nothing(
    store: HistoryStore, tmp_path: Path, weeks: Weeks
) -> None:
    fill(store, weeks)
    with pytest.raises(OSError):
        write_report(store, tmp_path / "missing" / "report.pdf")
    assert not (tmp_path / "missing").exists()


def test_a_report_through_a_link_keeps_the_link_and_a_failure_keeps_the_older_report(
    store: HistoryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "shared").mkdir()
    real = tmp_path / "shared" / "report.pdf"
    real.write_bytes(b"an older report")
    link = tmp_path / "report.pdf"
    link.symlink_to(real)

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr("os.fsync", disk_full)  # the last step before the file takes its place
        with pytest.raises(OSError):
            write_report(store, link)
    assert real.read_bytes() == b"an older report"  # not half a PDF
    assert write_report(store, link) == 1
    assert link.is_symlink() and real.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in real.parent.iterdir()) == ["report.pdf"]


def test_the_period_and_every_schedule_are_there_whole(
    store: HistoryStore, tmp_path: Path, weeks: Weeks
) -> None:
    # Issue 15: the period's end date was cut off, and "Schedule: not set" printed for
    # routines that have one; a --since before the first session squeezed the charts.
    fill(store, weeks)
    long = STRETCH.__class__(**{**STRETCH.__dict__, "title": "Stretches " * 12})
    record(store, long, weeks.week2 + timedelta(days=3), {("hamstring", None): [1]})
    out = tmp_path / "report.pdf"
    early = weeks.week1 - timedelta(weeks=30)
    # (the library's long title: the report names a routine as the library does)
    write_report(store, out, since=early, until=weeks.today, catalog=[HIPS, long])
    text = " ".join(pdf_text(out).split())
    first, last = weeks.week1, weeks.today
    assert f"Period: {first.day} {first:%b %Y} – {last.day} {last:%b %Y}" in text
    assert "Schedule: Hips: 3-4 times a week; Stretches Stretches" in text
    assert "Stretches: daily" in text and "not set" not in text


def test_the_morning_after_is_beside_its_session_and_charted(
    store: HistoryStore, tmp_path: Path, weeks: Weeks
) -> None:
    got = fill(store, weeks)
    sid = got.id("hips", weeks.week2)
    when = store.get_session(sid)
    assert when is not None
    store.record_morning(sid, 2, 3, when.started_at + timedelta(hours=22))
    out = tmp_path / "report.pdf"
    write_report(store, out, routine_id="hips", catalog=[HIPS])
    text = " ".join(pdf_text(out).split())
    assert "Next morning (whole hip)" in text and "morning pain" in text
    day = weeks.week2
    assert f"{day.day} {day:%b %Y} 4 of 4 sets done; completed 3 / 2.7 pain 2, stiff 3" in text


def test_a_re_test_chart_has_its_unit_on_its_y_axis_not_among_the_dates(
    store: HistoryStore, tmp_path: Path, weeks: Weeks
) -> None:
    from PySide6.QtPdf import QPdfDocument

    knee_to_wall_checks(store, weeks, (14.0, 12.7))
    out = tmp_path / "report.pdf"
    write_report(store, out, catalog=[])
    doc = QPdfDocument()
    doc.load(str(out))
    try:
        page = next(i for i in range(doc.pageCount()) if "Re-test:" in doc.getAllText(i).text())
        text = doc.getAllText(page).text()
        title = text.index("Re-test:")

        def box(start: int, length: int) -> QRectF:
            return doc.getSelectionAtIndex(page, start, length).boundingRectangle()

        day = re.compile(r"\d{1,2} [A-Z][a-z]{2}").search(text, title)
        assert day is not None, text[title:]
        unit, first_day = box(text.index("cm", title), 2), box(day.start(), len(day.group()))
        # It read '5 Sep   cm   5 Dec 26' under the chart, as if 'cm' were a date.
        assert unit.height() > unit.width(), unit  # turned, along the axis
        assert unit.right() < first_day.left(), (unit, first_day)  # left of the plot
    finally:
        doc.close()


def test_a_heading_goes_to_the_next_page_with_its_table_header_and_first_row(
    qapp: QApplication,
) -> None:
    """The audit's report: "Sessions, most recent first" and the table's header at the foot
    of page 1, and the session's row (two lines tall) alone on page 2, without a header."""
    with a4_pages() as pages:
        writer = pages.writer
        headers, widths = ("Date", "Sets"), (11, 41)
        rows = [("5 Dec 2026", "7 of 11 sets done, 1 partly done, 3 skipped; completed. " * 3)]
        start = pages.table_start(headers, rows, widths)
        heading_h = QFontMetricsF(font(11, bold=True), writer).height()
        assert start > 2 * heading_h  # the row wraps: more than a heading used to keep
        pages.y = pages.bottom - 3 * heading_h - 1  # room for a heading and two lines
        assert pages.heading("Sessions, most recent first", keep_with=start)
        assert pages.page == 2  # the heading went on with its table
        assert pages.table(headers, rows, widths) == 1 and pages.page == 2


def test_a_rating_changed_twice_is_counted_alike_on_the_first_page_and_in_the_sessions_table(
    store: HistoryStore, tmp_path: Path
) -> None:
    """The audit's history: one rating changed 7 -> 3 -> none. The first page said '1 pain
    rating changed' while the session's row said '2 corrections'."""
    sid = store.begin_session("hips", "Hips", 1, {}, at(date(2025, 3, 3), 8), sets_planned=1)
    day = at(date(2025, 3, 3), 8)
    set_id = store.add_set(sid, StoredSet("bridge", "Bridge", 1, day, day, planned_reps=10,
                                          actual_reps=10))  # fmt: skip
    store.rate_set(set_id, 7)
    store.finish_session(sid, "completed", day + timedelta(minutes=5))
    store.correct_pain(set_id, 3, at=day + timedelta(days=1))
    store.correct_pain(set_id, None, at=day + timedelta(days=2))
    out = tmp_path / "report.pdf"
    write_report(store, out, catalog=[HIPS, STRETCH])
    text = " ".join(pdf_text(out).split())
    assert "2 corrections: 1 pain rating changed after it was given (2 changes)." in text
    assert "2 corrections" in text.split("2 corrections:", 1)[1]  # the session's row
    assert text.count("pain 7 → 3") == 1 and text.count("pain 3 → none") == 1


def test_a_chart_of_a_one_day_period_names_its_day_once(
    store: HistoryStore, tmp_path: Path
) -> None:
    day = date(2026, 3, 4)
    record(store, STRETCH, day, {("hamstring", None): [2, 3]})
    out = tmp_path / "report.pdf"
    write_report(store, out, catalog=[STRETCH], now=at(day, 11))
    text = pdf_text(out)
    charts = text[text.index("Pain over time") : text.index("Sessions, most recent first")]
    # Its first and its last day are one: it read '4 Mar ... 4 Mar 26' under the chart.
    assert re.findall(r"\b4 Mar\b", charts) == ["4 Mar"], charts
    assert "4 Mar 26" in charts


def test_the_first_pages_older_changes_note_stays_under_its_table(qapp: QApplication) -> None:
    """Seen under Xvfb on a 60-day demo history: the first page's four dose changes filled it
    to the foot, and "... and 2 older, listed below." stood alone at the top of page 2, above
    the corrections. A row that leaves no room for the note goes to the full list instead."""
    with a4_pages() as pages:
        day = datetime(2026, 11, 17, 10, 0)
        changes = [
            DoseEvent(day, "Hip hiker", None, "reps", 15, 13, "session", "kept " * 12)
            for _ in range(FIRST_PAGE_CHANGES + 2)
        ]
        data = cast(ReportData, SimpleNamespace(changes=changes))
        headers = ("Date", "Exercise", "Change", "Decided by", "Why (as shown then)")
        rows = [_change_row(e) for e in changes[:FIRST_PAGE_CHANGES]]
        heights = pages._row_heights([headers, *rows], (11, 18, 13, 24, 34))
        heading_h = QFontMetricsF(font(11, bold=True), pages.writer).height() + 3 * pages.mm
        pages.y = pages.bottom - heading_h - sum(heights) - 1  # the table fits; the note not
        dose_changes(pages, data, limit=FIRST_PAGE_CHANGES)
        assert pages.page == 1  # the note went on the first page, under its table


def test_a_page_is_begun_only_when_needed_and_never_past_the_last(qapp: QApplication) -> None:
    # room() and new_page() begin a page the one way (_next_page): at the top of a page
    # new_page() keeps it, and neither goes past MAX_PAGES.
    with a4_pages() as pages:
        assert pages.new_page() and pages.page == 1  # nothing on it yet: kept
        pages.gap(1)
        assert pages.new_page() and (pages.page, pages.y) == (2, pages.top)
        tall = pages.bottom - pages.top
        while pages.page < MAX_PAGES:
            assert pages.room(tall) and pages.y == pages.top
            pages.y = pages.bottom  # filled
        assert not pages.room(tall) and pages.page == MAX_PAGES
        pages.gap(1)
        assert not pages.new_page() and pages.page == MAX_PAGES


def test_a_paragraph_never_breaks_at_a_no_break_space(qapp: QApplication) -> None:
    """Spanish writes '0\u00a0%': the report's Adherence read '... hechas enteras (0' and '%);
    ...' on the next line, since Python's split() takes the no-break space for a space."""
    from hiptimer.ui.history.report_pages import wrap

    with a4_pages() as pages:
        fm = QFontMetricsF(font(8.5), pages.writer)
        text = "0 de 5 series previstas hechas enteras (0\u00a0%); 1 hecha en parte"
        for end in range(5, len(text)):
            width = fm.horizontalAdvance(text[:end])
            lines = wrap(text, fm, width)
            assert " ".join(lines).replace("\u00a0", " ") == text.replace("\u00a0", " ")
            assert "0\u00a0%);" in " ".join(lines), lines


@pytest.mark.parametrize(
    ("limit", "stated", "rules"),
    [
        (3, "Pain limit set by the user: 3/10 (HipTimer's default is 5).", "over 3 as too much"),
        (5, "Pain limit: 5/10 (HipTimer's default).", "over 5 as too much"),
        (7, "Pain limit set by the user: 7/10 (HipTimer's default is 5).", "over 5 as too much"),
    ],
)
def test_the_first_page_states_the_pain_limit_in_use(
    store: HistoryStore, tmp_path: Path, weeks: Weeks, limit: int, stated: str, rules: str
) -> None:
    """The audit's report: a user with a limit of 3 (a physiotherapist's advice) got a report
    that spoke only of the model's 0-2 / 3-5 / over 5, while the questions and rules used 3."""
    fill(store, weeks)
    out = tmp_path / "report.pdf"
    write_report(store, out, catalog=[HIPS, STRETCH], pain_limit=limit)
    first = " ".join(pdf_pages(out)[0].split())
    assert stated in first
    assert "asks whether to stop the exercise, go on at a lower dose or continue" in first
    assert f"its dose suggestions count pain {rules}" in first
    assert first.index("Pain limit") < first.index("Adherence")  # read with the header


def test_a_change_of_average_pain_has_the_averages_format(
    store: HistoryStore, tmp_path: Path, weeks: Weeks
) -> None:
    """The audit's report: the first page's Change read 'better (-2)' beside averages of
    '4.0' and '2.0'; the history window gives an average to one decimal too."""
    record(store, STRETCH, weeks.week1 - timedelta(days=14), {("hamstring", None): [4]})
    record(store, STRETCH, weeks.week2, {("hamstring", None): [2]})
    out = tmp_path / "report.pdf"
    write_report(store, out, catalog=[STRETCH])
    first = " ".join(pdf_pages(out)[0].split())
    assert "4.0 / 4 2.0 / 2 better (-2.0)" in first


def test_a_session_marked_not_representative_has_the_mark_on_its_pain_and_a_key(
    store: HistoryStore, tmp_path: Path, weeks: Weeks
) -> None:
    """Marked as History and `history list` mark it: '*' on its average, keyed under the
    sessions table (it was a word under Remarks, away from the figures it is about)."""
    got = fill(store, weeks)
    store.mark_representative(got.id("hips", weeks.week1), False, at=at(weeks.today))
    out = tmp_path / "report.pdf"
    write_report(store, out, routine_id="hips", catalog=[HIPS, STRETCH])
    text = " ".join(" ".join(pdf_pages(out)).split())
    day = weeks.week1
    assert f"{day.day} {day:%b %Y} 4 of 4 sets done; completed 6 / 4.5*" in text
    assert text.count("*") == 2  # its mark, and the key's
    assert (
        "* Marked not representative: left out of the pain charts, the report's pain figures"
        " and the dose suggestions." in text
    )
    assert "not representative" not in text.split("Sessions, most recent first")[1].split("*")[0]


def test_the_not_representative_key_is_printed_as_the_tables_text_not_greyed(
    store: HistoryStore, tmp_path: Path
) -> None:
    """Printed and looked at: the key under the sessions table was grey, read as a footnote
    that mattered less than the '*' it explains. It is the table's text: size and ink."""
    # Fixed weeks, not the real ones: in June 2027 the date cell's box measured 10 pt high
    # beside the key's 8 (a glyph below the line in 'May'?), so the test failed then.
    weeks = Weeks(date(2026, 12, 7))
    got = fill(store, weeks)
    store.mark_representative(got.id("hips", weeks.week1), False, at=at(weeks.today))
    out = tmp_path / "report.pdf"
    write_report(store, out, weeks.week1, weeks.today, "hips", [HIPS, STRETCH])
    day = weeks.week1
    key, cell = printed(out, "* Marked not representative", f"{day.day} {day:%b %Y}")
    assert key.height == cell.height  # the same size of type
    assert key.ink == cell.ink == INK.name()  # (the key was MUTED grey)


@dataclass(frozen=True)
class Printed:
    height: float  # points, as QtPdf bounds the text
    ink: str  # the darkest colour inside it, as printed


def printed(pdf: Path, *texts: str) -> list[Printed]:
    """Each text as printed: the first page that has them all, rendered at 4 px a point."""
    doc = QPdfDocument()
    assert doc.load(str(pdf)) == QPdfDocument.Error.None_
    try:
        for page in range(doc.pageCount()):
            words = doc.getAllText(page).text()
            if all(t in words for t in texts):
                break
        else:
            raise AssertionError(f"no page has all of {texts}")
        size = doc.pagePointSize(page)
        image = doc.render(page, QSize(round(size.width() * 4), round(size.height() * 4)))
        seen = []
        for text in texts:
            box = doc.getSelectionAtIndex(page, words.index(text), len(text)).boundingRectangle()
            pixels = [
                image.pixelColor(x, y)
                for x in range(round(box.left() * 4), round(box.right() * 4))
                for y in range(round(box.top() * 4), round(box.bottom() * 4))
            ]
            opaque = [c for c in pixels if c.alpha() == 255]  # the page is not filled
            darkest = min(opaque, key=lambda c: c.red() + c.green() + c.blue())
            seen.append(Printed(box.height(), darkest.name()))
        return seen
    finally:
        doc.close()


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("en", "Lower trunk rotation, lying (knees dropping side to side)"),
        ("es", "Rotación lateral del tronco (caída de rodillas)"),
    ],
)
def test_a_chart_title_shows_a_long_exercise_name_whole(
    store: HistoryStore, tmp_path: Path, weeks: Weeks, language: str, name: str
) -> None:
    """The audit's report: 'Rotación lateral del tronco (caída de …' over its chart."""
    from hiptimer import i18n
    from hiptimer.core.routines.model import Exercise, Kind

    i18n.use(language)
    trunk = Routine(
        id="back",
        title="Back",
        exercises=(Exercise(id="trunk", name=name, kind=Kind.HOLD, hold_s=30),),
    )
    for day in (weeks.week1, weeks.week2):
        record(store, trunk, day, {("trunk", None): [3, 2]})
    out = tmp_path / "report.pdf"
    write_report(store, out, catalog=[trunk])
    text = " ".join(" ".join(pdf_pages(out)).split())
    heading = i18n._("Pain over time, per exercise (both sides), and the next morning")
    charts = text.split(heading)[1].split(i18n._("Sessions, most recent first"))[0]
    assert name in charts  # on two lines, whole
    assert "\u2026" not in charts


def test_a_word_wider_than_its_line_is_broken_between_its_letters(qapp: QApplication) -> None:
    from hiptimer.ui.history.report_text import wrap

    fm = QFontMetricsF(font(9))
    text = "Ejercicio " + "A" * 100 + "0 de pie"
    lines = wrap(text, fm, 120)
    assert len(lines) > 3 and all(fm.horizontalAdvance(line) <= 120 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # every letter, in order
    assert wrap("Bridge and clamshell", fm, 120) == ["Bridge and", "clamshell"]  # words whole


def test_a_name_of_one_long_word_stays_inside_the_page(
    store: HistoryStore, tmp_path: Path, weeks: Weeks
) -> None:
    """user20: a routine file's exercise named "Ejercicio " and 110 letters in one word ran
    past its chart's title and its column of the pain table, out of the page, where it was
    cut: a word wider than its line is now broken to fit."""
    from hiptimer.core.routines.model import Exercise, Kind

    name = "Ejercicio " + "A" * 110
    long = Routine(
        id="long",
        title="B" * 120,
        exercises=(Exercise(id="e", name=name, kind=Kind.HOLD, hold_s=30),),
    )
    for day in (weeks.week1, weeks.week2):
        record(store, long, day, {("e", None): [3, 2]})
    out = tmp_path / "report.pdf"
    write_report(store, out, catalog=[long])
    doc = QPdfDocument()
    doc.load(str(out))
    try:
        seen = 0
        for page in range(doc.pageCount()):
            right = doc.pagePointSize(page).width() - 28  # within the margin (~14 mm)
            text = doc.getAllText(page).text()
            for run in re.finditer("A+|B+", text):
                box = doc.getSelectionAtIndex(page, run.start(), len(run.group()))
                assert box.boundingRectangle().right() <= right, (page, run.group())
                seen += len(run.group())
    finally:
        doc.close()
    assert seen >= 120 + 2 * 110  # the title once, the name twice (the table, the chart)


def test_the_plots_of_a_row_of_charts_start_alike_under_a_title_on_two_lines(
    store: HistoryStore, tmp_path: Path, weeks: Weeks
) -> None:
    """A wrapped title takes a second line; the other charts of its row keep their plots
    level with its plot, so their dates and bands read across."""
    from PySide6.QtPdf import QPdfDocument

    from hiptimer.core.routines.model import Exercise, Kind

    two = Routine(
        id="back",
        title="Back",
        exercises=(
            Exercise(id="trunk", name="Lower trunk rotation, lying (knees dropping side to side)",
                     kind=Kind.HOLD, hold_s=30),
            Exercise(id="bridge", name="Bridge", kind=Kind.REPS, reps=10),
        ),
    )  # fmt: skip
    for day in (weeks.week1, weeks.week2):
        record(store, two, day, {("trunk", None): [3], ("bridge", None): [2]})
    out = tmp_path / "report.pdf"
    write_report(store, out, catalog=[two])
    doc = QPdfDocument()
    doc.load(str(out))
    try:
        text = doc.getAllText(0).text()
        charts = text.index("Pain over time")
        tops = [
            doc.getSelectionAtIndex(0, charts + m.start(), 2).boundingRectangle().top()
            for m in re.finditer(r"\b10\b", text[charts:])
        ]
    finally:
        doc.close()
    assert len(tops) >= 2
    assert tops[0] == pytest.approx(tops[1], abs=0.5)  # each chart's '10', level


def test_a_report_abandoned_while_drawn_stops_at_its_next_section_or_page(
    store: HistoryStore, tmp_path: Path, weeks: Weeks, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The history window closed mid-export: the rest of the report was drawn for nothing.
    fill(store, weeks)
    abandon, drawn = Abandon(), []
    real_adherence = report_sections.adherence

    def adherence_then_abandoned(*args: object) -> None:
        real_adherence(*args)  # type: ignore[arg-type]
        abandon.abandon()

    monkeypatch.setattr(report_sections, "adherence", adherence_then_abandoned)
    monkeypatch.setattr(report_sections, "pain_table", lambda *a: drawn.append("pain table"))
    out = tmp_path / "out" / "report.pdf"
    out.parent.mkdir()
    with abandon.watching(), pytest.raises(Abandoned):
        write_report(store, out, catalog=[HIPS])
    assert drawn == []
    assert list(out.parent.iterdir()) == []
    with a4_pages() as pages, abandon.watching():
        pages.gap(1)
        with pytest.raises(Abandoned):
            pages.new_page()
        assert pages.page == 1


def test_the_sessions_dates_each_fit_on_one_line_whatever_the_day(
    store: HistoryStore, tmp_path: Path
) -> None:
    """The date column was a fixed 11 %: '31 May 2027' wrapped to '31 May' over '2027' beside
    '4 Jun 2027', so a test of the report failed only in the weeks around such a day."""
    for day in (date(2027, 5, 24), date(2027, 5, 31), date(2027, 6, 4)):
        record(store, HIPS, day, {("bridge", None): [2, 3]})
    out = tmp_path / "report.pdf"
    write_report(store, out, date(2027, 5, 24), date(2027, 6, 7), "hips", [HIPS])
    text = " ".join(pdf_text(out).split())
    for shown in ("4 Jun 2027", "31 May 2027", "24 May 2027"):
        assert f"{shown} 2 of 2 sets done" in text


def test_the_report_says_what_hiptimer_advised_when_and_what_the_user_chose(
    store: HistoryStore, tmp_path: Path, weeks: Weeks
) -> None:
    """Pain above 5 three sessions running: HipTimer warned to see a clinician, and the report
    said nothing of it; a suggestion never answered was missing, a declined one stood among
    the dose changes as if it were one."""
    from hiptimer.core.dosing.actions import DoseAction
    from hiptimer.core.dosing.decisions import decline
    from hiptimer.core.dosing.dose_steps import Dose
    from hiptimer.core.dosing.rules import Recommendation
    from hiptimer.core.session.steps import Side

    days = [weeks.week2 + timedelta(days=n) for n in range(5)]
    bridge: list[Pains] = [[7, 7], [7, 6], [8, 7], [2, 2], [7, 7]]
    ids = [
        record(
            store, HIPS, day, {("bridge", None): p, ("clam", "right"): [1], ("clam", "left"): [1]}
        )
        for day, p in zip(days, bridge, strict=True)
    ]
    back = Recommendation(
        "clam", Side.LEFT, DoseAction.STEP_BACK, Dose(2, hold_s=30), Dose(2, hold_s=25),
        "Pain went above 5.", "step_back.pain", session_id=ids[3],
    )  # fmt: skip
    decline(store, "hips", back, at(days[3], 18))
    out = tmp_path / "report.pdf"
    write_report(store, out, routine_id="hips", catalog=[HIPS, STRETCH])
    first, *_ = pdf_pages(out)
    text = " ".join(first.split())
    section = text[text.index("HipTimer's advice and what the user chose") :]
    for expected in (
        "See a physiotherapist or doctor",  # after the third session above 5
        "A warning: no answer asked.",
        "2 more sessions of this exercise since.",
        "30 s → 25 s",
        f"Declined (Not now) on {day_text(at(days[3]))}.",
        "Not answered yet: HipTimer still offers it.",  # the step back after the last one
    ):
        assert expected in section, expected
    assert "Dose changes" not in text  # no dose changed: none was accepted or kept
