"""A re-test's result, one number everywhere: the summary, History, the CSV and the PDF."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.core.routines.model import Measure, Retest
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.events import EndReason, SessionEnded
from hiptimer.core.session.recorder import SessionRecorder
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.history.report_pdf import write_report
from hiptimer.ui.history.window import TAB_PAIN, HistoryWindow
from hiptimer.ui.session.summary_page import SessionResult, SummaryPage
from tests.harness import advance, advance_until, hold, routine
from tests.ui.history.pdf_text import pdf_text

CHECK = routine(
    hold("chair-stand", 30, name="Chair stand", test=Retest(Measure.COUNT, "stands")),
    hold("knee-to-wall", 60, name="Knee to wall", test=Retest(Measure.VALUE, "cm", "lower")),
    id="check",
    title="Check",
)
DONE_COLUMN = 4


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


def run_check(store: HistoryStore) -> SessionResult:
    """The audit's session: 12 stands counted in 30 s; 12.7 cm typed after a 1.4 s set."""
    clock = FakeClock()
    engine = SessionEngine(CHECK, clock=clock, wall=FakeWall(clock))
    engine.subscribe(SessionRecorder(store, engine).handle)
    ended: list[SessionEnded] = []
    engine.subscribe(lambda e: ended.append(e) if isinstance(e, SessionEnded) else None)
    engine.start()
    advance_until(clock, lambda: engine.step.kind is StepKind.WORK, engine.update)
    for _ in range(12):
        advance(clock, 2, engine.update)
        engine.count_rep()
    advance_until(clock, lambda: engine.step.kind is StepKind.PAIN, engine.update)
    engine.rate_pain(1)
    advance_until(clock, lambda: engine.step.kind is StepKind.WORK, engine.update)
    advance(clock, 1.4, engine.update)
    engine.next()  # measured: Right arrow
    assert engine.enter_result(12.7)
    engine.rate_pain(0)
    assert [e.reason for e in ended] == [EndReason.COMPLETED]
    return SessionResult(CHECK, tuple(engine.records), EndReason.COMPLETED, 60.0)


def done_column(summary: SummaryPage) -> list[str]:
    table = summary.table
    return [table.model().index(row, DONE_COLUMN).data() for row in range(table.rowCount())]


def test_the_summary_history_csv_and_pdf_show_the_same_results(
    qtbot: QtBot, store: HistoryStore, tmp_path: Path
) -> None:
    summary = SummaryPage(run_check(store))
    qtbot.addWidget(summary)
    shown = done_column(summary)
    assert shown == ["12 stands", "12.7 cm"]  # was "30 s" and "1.4 s"

    window = HistoryWindow(store, [CHECK])
    qtbot.addWidget(window)
    window.set_filters(None, None, None)
    pane = window.sessions_pane
    pane.list_view.selectRow(0)
    assert [pane.sets.index(row, DONE_COLUMN).data() for row in range(2)] == shown

    out = tmp_path / "check.csv"
    store.export_csv(out)
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["result"], r["result_unit"]) for r in rows] == [("12", "stands"), ("12.7", "cm")]
    assert float(rows[1]["actual_hold_s"]) < 2  # the time the set took stays its own column

    report = tmp_path / "check.pdf"
    write_report(store, report, catalog=[CHECK], now=datetime(2026, 1, 6, tzinfo=timezone.utc))
    text = " ".join(pdf_text(report).split())
    assert "12 stands" in text and "12.7 cm" in text
    assert f"{rows[1]['actual_hold_s']} s" not in text


def test_the_result_and_its_unit_in_spanish(
    qtbot: QtBot, store: HistoryStore, spanish: None
) -> None:
    summary = SummaryPage(run_check(store))
    qtbot.addWidget(summary)
    assert done_column(summary) == ["12 levantamientos", "12,7 cm"]


def test_the_pain_tab_charts_a_re_tests_results_in_place_of_its_time(
    qtbot: QtBot, store: HistoryStore
) -> None:
    run_check(store)
    window = HistoryWindow(store, [CHECK])
    qtbot.addWidget(window)
    window.set_filters(None, None, None)
    window.tabs.setCurrentIndex(TAB_PAIN)
    pane = window.show_pain()
    pane.choose("knee-to-wall")
    # Its planned "dose" is the 60 s allowed to measure: a flat line that says nothing.
    assert not pane.dose_chart.isVisibleTo(pane) and pane.result_chart.isVisibleTo(pane)
    chart = pane.result_chart
    assert [p.y() for p in chart.results.points()] == [12.7]
    assert chart.y_axis.titleText() == "cm"
    assert chart.title() == "Re-test: Knee to wall"
    assert chart.view.accessibleDescription().startswith("First 12.7 cm on ")
    pane.choose("chair-stand")
    assert [p.y() for p in chart.results.points()] == [12.0]
    assert chart.y_axis.titleText() == "stands"


def test_a_report_of_re_tests_alone_does_not_say_there_were_no_sessions(
    store: HistoryStore, tmp_path: Path
) -> None:
    """user22: the report of a period with only the monthly check in it said "Adherence: No
    sessions in this period." above its sessions table listing that session. Re-test sessions
    are not counted in the adherence figures (docs/history.md); the report says so, as the
    window's line does ("1 session: 0 exercise sessions, 1 re-test")."""
    run_check(store)
    report = tmp_path / "check.pdf"
    write_report(store, report, catalog=[CHECK], now=datetime(2026, 1, 6, tzinfo=timezone.utc))
    text = " ".join(pdf_text(report).split())
    assert "No sessions in this period" not in text
    assert "No exercise sessions in this period; 1 re-test session, not counted." in text
