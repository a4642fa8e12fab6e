"""Key hints and totals joined by "·" wrap between their items only, never cut at the edges."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.routines.model import Measure, Retest
from hiptimer.core.session.events import EndReason
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.guidance.checkin_page import CheckinPage
from hiptimer.ui.keys import Action
from hiptimer.ui.session.summary_page import SessionResult, SummaryPage
from hiptimer.ui.widgets.item_lines import SEPARATOR, unbroken_items
from tests.harness import hold, quick_routine, short_routine
from tests.ui.drawn import wrapped
from tests.ui.looks import apply_look
from tests.ui.session.page_harness import PageHarness
from tests.ui.session.set_records import record

SIZES = [(640, 600), (800, 600), (1024, 600)]  # at 640 x 480 large print does not fit


def lines_of(label: QLabel) -> list[str]:
    """The lines `label` shows: as its word wrap breaks them, or its one line."""
    room = label.contentsRect().width()
    text = label.text()
    return [line.strip() for line in wrapped(label, room)] if label.wordWrap() else [text]


def reads_between_items(label: QLabel, items: list[str]) -> None:
    """Each line fits the label, none ends with a separator, and each item is on one line."""
    room = label.contentsRect().width()
    lines = lines_of(label)
    metrics = label.fontMetrics()
    assert all(metrics.horizontalAdvance(line) <= room for line in lines), (lines, room)
    assert all(line and not line.endswith(SEPARATOR) for line in lines), lines
    # and the layout gave its lines their height, each down to its baseline at least
    last_baseline = (len(lines) - 1) * metrics.lineSpacing() + metrics.ascent()
    assert last_baseline <= label.contentsRect().height(), (lines, label.height())
    shown = [line.replace("\u00a0", " ") for line in lines]
    assert all(any(item in line for line in shown) for item in items), (shown, items)


def items(text: str) -> list[str]:
    return [item.strip().replace("\u00a0", " ") for item in text.split(SEPARATOR)]


def test_a_separator_goes_with_the_item_after_it() -> None:
    assert (
        unbroken_items("Press 0-9  \u00b7  K to skip")
        == "Press\u00a00-9  \u00b7\u00a0\u00a0K\u00a0to\u00a0skip"
    )
    # A sentence keeps its spaces; only the separator is tied to what follows it.
    assert unbroken_items("reps \u2014 Enter counts \u00b7 Backspace", whole=False) == (
        "reps \u2014 Enter counts \u00b7\u00a0Backspace"
    )
    assert unbroken_items("") == ""


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", [100, 150])
@pytest.mark.parametrize("size", SIZES)
def test_the_result_and_pain_prompts_hints_wrap_between_items(
    qtbot: QtBot,
    qapp: QApplication,
    in_language: None,
    language: str,
    text_size: int,
    size: tuple[int, int],
) -> None:
    """In Spanish at 150 % on 640 x 600 the re-test's hint ("Cifras, y coma o punto para
    decimales  ·  Retroceso borra  ·  Intro guarda") was one line wider than the window, cut
    at both ends. The hints now wrap, between their items; the note after a rating fits."""
    i18n.use(language)
    apply_look(qapp, "dark", text_size)
    reach = hold("reach", hold_s=5, test=Retest(Measure.VALUE, "cm"), name="Sit and reach")
    h = PageHarness(qtbot, quick_routine(reach, hold("b", hold_s=5, name="Bridge")))
    try:
        h.page.setMinimumSize(1, 1)
        h.page.resize(*size)
        h.driver.start()
        h.until(StepKind.MEASURE)
        QApplication.processEvents()
        hint = h.page.result.hint
        reads_between_items(hint, items(hint.text()))
        h.page.perform(Action.TYPE, 3)
        h.page.perform(Action.ACCEPT, 0)
        h.until(StepKind.PAIN)
        QApplication.processEvents()
        hint = h.page.pain.hint
        reads_between_items(hint, items(hint.text()))
        h.page.perform(Action.RATE, 2)
        h.advance(0.5)
        QApplication.processEvents()
        note = h.page.rating_note
        assert note.isVisible()
        reads_between_items(note, items(note.text()))
    finally:
        h.driver.stop()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_check_in_hint_wraps_between_items(
    qtbot: QtBot, qapp: QApplication, in_language: None, language: str
) -> None:
    i18n.use(language)
    apply_look(qapp, "dark", 150)
    page = CheckinPage("Hip strengthening, yesterday evening")
    qtbot.addWidget(page)
    page.setMinimumSize(1, 1)
    page.resize(640, 600)
    page.show()
    QApplication.processEvents()
    reads_between_items(page.hint, items(page.hint.text()))


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize("width", [640, 800, 1024, 1280])
def test_the_summary_totals_wrap_between_items(
    qtbot: QtBot, qapp: QApplication, width: int
) -> None:
    """ "Total time 12:34  ·  1 of 6 sets done" / "in full  ·  ..." broke inside an item, or
    left a separator at a line's end."""
    apply_look(qapp, "dark", 150)
    r = SessionResult(
        short_routine(),
        (
            record(0, pain=2),
            record(1, set_number=2, completed=False, actual_hold_s=20.0, pain=10),
            record(2, set_number=3, skipped=True),
        ),
        EndReason.COMPLETED,
        754.0,
        sets_planned=6,
    )
    page = SummaryPage(r)
    qtbot.addWidget(page)
    page.setMinimumSize(1, 1)
    page.resize(width, 800)
    page.show()
    QApplication.processEvents()
    stats = page.stats
    assert len(lines_of(stats)) > 1  # too long for one line at any of these widths
    reads_between_items(stats, items(stats.accessibleName()))
