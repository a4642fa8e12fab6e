"""The history window names a routine and its exercises as the report does (names25): in
Spanish, sessions done in English read *Micropausa en el escritorio* in the list, the heading,
the sets, the corrections and the re-tests, as on the report's first page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from hiptimer.core.history.export import gather_report
from hiptimer.core.history.review import routines_by_id
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.ui.history.window import TAB_PAIN, TAB_RETESTS, HistoryWindow
from tests.history_names import DONE_AT, ENGLISH, SPANISH, builtins, record_in_english


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        record_in_english(opened)
        yield opened


def texts(model: object, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]  # type: ignore[attr-defined]


def test_the_window_names_what_the_report_names_in_the_language_in_use(
    qtbot: QtBot, store: HistoryStore, spanish: None
) -> None:
    routines = builtins("monthly-check", "desk-micro-break")
    window = HistoryWindow(store, routines, wall=lambda: DONE_AT)
    qtbot.addWidget(window)
    window.show()
    window.apply_preset(None)
    pane = window.sessions_pane
    report = gather_report(store, routines_by_id(routines), now=DONE_AT)
    assert texts(pane.sessions, 1) == ["Control mensual", "Micropausa en el escritorio", "Old one"]
    assert sorted(report.titles.values()) == sorted(texts(pane.sessions, 1))
    shown: list[str] = []
    for row in range(3):
        pane.list_view.selectRow(row)
        heading = QTextDocument()
        heading.setHtml(pane.heading.text())
        shown += [heading.toPlainText(), *texts(pane.sets, 0), pane.trail.text()]
    seen = "\n".join(shown)
    for english, spanish_name in zip(ENGLISH, SPANISH, strict=True):
        assert english not in seen and spanish_name in seen
    assert "Círculos de cadera de pie, serie 1: dolor 6 → 2" in seen  # the corrections' line
    assert "Old one" in seen and "Clamshell" in seen  # gone from the library: as recorded
    # The report's list of corrections names the set as the window's does.
    assert any("Círculos de cadera de pie" in line for line in report.corrections)
    window.tabs.setCurrentIndex(TAB_RETESTS)
    retests = window.show_retests()
    assert retests.test.itemText(0) == SPANISH[3]
    window.tabs.setCurrentIndex(TAB_PAIN)
    pain = window.show_pain()
    assert SPANISH[1] in [pain.exercise.itemText(i) for i in range(pain.exercise.count())]
