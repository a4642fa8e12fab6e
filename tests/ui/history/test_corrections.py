"""Tests of corrections in the history window: a rating, the note, the mark, and their trail."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QInputDialog, QLabel
from pytestqt.qtbot import QtBot

from hiptimer.core.history.records import Correction, StoredSet
from hiptimer.core.history.resume import plan_resume
from hiptimer.core.history.store import HistoryStore, open_history
from hiptimer.ui.history.corrections import MorningDialog, PainDialog
from hiptimer.ui.history.session_words import trail_text
from hiptimer.ui.history.sets_model import set_rows
from hiptimer.ui.history.window import HistoryWindow
from tests.history_data import HIPS, STRETCH, Weeks, fill

NOW = datetime(2030, 1, 2, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with open_history(tmp_path / "history.sqlite3") as opened:
        yield opened


@pytest.fixture
def window(qtbot: QtBot, store: HistoryStore, weeks: Weeks) -> Iterator[HistoryWindow]:
    fill(store, weeks)
    w = HistoryWindow(store, [HIPS, STRETCH], wall=lambda: NOW)
    qtbot.addWidget(w)
    w.set_filters(None, None, None)
    w.show()
    yield w


def answer_pain(monkeypatch: pytest.MonkeyPatch, rating: int | None, why: str) -> None:
    def run(dialog: PainDialog) -> int:
        dialog.pain.setValue(-1 if rating is None else rating)
        dialog.reason.setText(why)
        return int(PainDialog.DialogCode.Accepted)

    monkeypatch.setattr(PainDialog, "exec", run)


def test_a_rating_changed_in_history_keeps_the_one_given(
    window: HistoryWindow, store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = window.sessions_pane
    pane.list_view.selectRow(5)  # the oldest: bridge rated 5 and 6
    assert not pane.pain_button.isEnabled()
    pane.sets_view.selectRow(1)
    answer_pain(monkeypatch, 1, "typed 6 for 1")
    pane.pain_button.click()
    assert pane.sets.index(1, 5).data() == "1/10 (was 6)"
    session = pane.current()
    assert session is not None and session.max_pain == 5 and session.corrections == 1
    assert "Bridge, set 2: pain 6 \u2192 1, changed in History on" in pane.trail.text()
    assert '("typed 6 for 1")' in pane.trail.text()
    assert window.status.text() == "Rating changed; the one given is kept in the history."
    answer_pain(monkeypatch, None, "")  # and then no rating at all
    pane.sets_view.selectRow(1)
    pane.pain_button.click()
    assert pane.sets.index(1, 5).data() == "none (was 6)"
    assert [(c.old_value, c.new_value) for c in store.corrections(session.id)] == [
        ("6", "1"),
        ("1", None),
    ]


def test_a_rating_removed_in_history_is_not_asked_again_on_resuming(
    qtbot: QtBot, store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An interrupted session's last set, rated: its rating taken back in History is one left
    # out on purpose (as K in a session), not a question the stop cut off.
    sid = store.begin_session("hips", "Hips", 1, {}, NOW, sets_planned=2)
    set_id = store.add_set(sid, StoredSet("bridge", "Bridge", 1, NOW, NOW, planned_reps=10,
                                          actual_reps=10))  # fmt: skip
    store.rate_set(set_id, 4)
    w = HistoryWindow(store, [HIPS, STRETCH], wall=lambda: NOW)
    qtbot.addWidget(w)
    w.set_filters(None, None, None)
    pane = w.sessions_pane
    pane.list_view.selectRow(0)
    pane.sets_view.selectRow(0)
    answer_pain(monkeypatch, None, "")
    pane.pain_button.click()
    assert pane.sets.index(0, 5).data() == "none (was 4)"
    assert store.rating_awaited(sid) is None
    plan = plan_resume(store, {HIPS.id: HIPS}.get)
    assert plan is not None and plan.session.id == sid and plan.to_rate is None


def test_a_rating_left_out_reads_apart_from_a_question_never_answered(
    qtbot: QtBot, store: HistoryStore
) -> None:
    """record26: K on the pain question and a question the stop cut off both read as an empty
    Pain cell; a K reads *no rating*, as the CSV's pain_skipped says it (docs/history.md)."""
    sid = store.begin_session("hips", "Hips", 1, {}, NOW, sets_planned=3)
    for number in (1, 2):
        set_id = store.add_set(sid, StoredSet("bridge", "Bridge", number, NOW, NOW,
                                              planned_reps=10, actual_reps=10))  # fmt: skip
        if number == 1:
            store.skip_rating(set_id)
    w = HistoryWindow(store, [HIPS, STRETCH], wall=lambda: NOW)
    qtbot.addWidget(w)
    w.set_filters(None, None, None)
    pane = w.sessions_pane
    pane.list_view.selectRow(0)
    assert [pane.sets.index(row, 5).data() for row in (0, 1)] == ["no rating", ""]


def test_a_session_marked_not_representative_says_so_and_why(
    window: HistoryWindow, store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = window.sessions_pane
    session = pane.current()
    assert session is not None and not pane.representative.isChecked()
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("had the flu", True))
    pane.representative.click()
    fresh = store.get_session(session.id)
    assert fresh is not None and fresh.not_representative
    assert "not representative" in pane.heading.text()
    assert '("had the flu")' in pane.trail.text()
    assert session.id not in {p.session_id for p in store.pain_series("bridge")}
    pane.representative.click()  # taken back: no question asked
    fresh = store.get_session(session.id)
    assert fresh is not None and not fresh.not_representative
    assert "taken back" in pane.trail.text()


def test_a_changed_note_keeps_the_one_written(
    window: HistoryWindow, store: HistoryStore, weeks: Weeks
) -> None:
    pane = window.sessions_pane
    pane.list_view.selectRow(5)  # noted "Sore, took it easy"
    pane.note.setPlainText("Sore; the bridges hurt")
    pane.save_button.click()
    session = pane.current()
    assert session is not None and session.note == "Sore; the bridges hurt"
    assert 'it was "Sore, took it easy"' in pane.trail.text()
    pane.list_view.selectRow(4)  # no note yet: a first note is no correction
    pane.note.setPlainText("First words")
    pane.save_button.click()
    assert pane.trail.text() == ""


def test_a_check_in_changed_in_history_keeps_the_scores_given(
    window: HistoryWindow, store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = window.sessions_pane
    session = pane.current()
    assert session is not None and not pane.morning_button.isEnabled()  # none given: nothing
    store.record_morning(session.id, 7, 5, NOW)
    window.set_filters(None, None, None)  # read again: the newest is chosen
    assert pane.morning_button.isEnabled()
    asked: list[str] = []
    said: list[str] = []

    def run(dialog: MorningDialog) -> int:
        asked.append(dialog.findChildren(QLabel)[0].text())
        said.extend(label.text() for label in dialog.findChildren(QLabel))
        dialog.pain.setValue(2)
        dialog.reason.setText("read the scale the wrong way")
        return int(MorningDialog.DialogCode.Accepted)

    monkeypatch.setattr(MorningDialog, "exec", run)
    pane.morning_button.click()
    assert asked[0].endswith("Given: pain 7/10, stiffness 5/10")
    assert any("every session of the day before it: each takes the change" in t for t in said)
    assert "next morning: pain 2 (was 7), stiffness 5" in pane.heading.text()
    assert "next-morning pain 7 \u2192 2, changed in History on" in pane.trail.text()
    assert '("read the scale the wrong way")' in pane.trail.text()
    assert window.status.text() == "Check-in changed; the scores given are kept in the history."
    assert [(c.field, c.old_value, c.new_value) for c in store.corrections(session.id)] == [
        ("morning_pain", "7", "2")
    ]


def test_a_correction_of_a_set_named_right_to_left_reads_left_to_right(qtbot: QtBot) -> None:
    """'<Arabic name>, set 1: pain 6 -> 1, changed in History on ...' opens with the name:
    the line was laid out right to left, its English around; now in our direction."""
    name = "\u0645\u0634\u064a"
    done = datetime(2030, 1, 1, 9, 0, tzinfo=timezone.utc)
    stored = StoredSet("march", name, 1, done, done, id=7)
    change = Correction(1, 1, 7, "pain", "6", "1", "", "history", done)
    first, line = trail_text([change], set_rows([stored])).split("\n")
    assert first == "Corrections:" and line.startswith(f"\u200e{name}, set 1: pain 6")
    doc = QTextDocument()
    doc.setPlainText(line)
    assert doc.firstBlock().textDirection() is Qt.LayoutDirection.LeftToRight
    assert trail_text([], set_rows([stored])) == ""
