"""The offer to keep a session's changed doses, left unanswered on its summary (HipTimer killed
there, or the summary left), made again from the library until it is answered."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from hiptimer.ui.editor.keep_doses import KeepDosesDialog
from hiptimer.ui.keys import Mode
from hiptimer.ui.library.suggestions_line import SuggestionsLine
from tests.ui.guided import SMALL, Days, K
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("no_timer_left")

LOW = [0, 1]  # stretch, then sit to stand: nothing for the rules to suggest
DOSES_LEFT = "Doses changed in your last session: keep them for next time?"


def line(days: Days) -> SuggestionsLine:
    assert days.window is not None
    return days.window.library.suggestions


def answering(monkeypatch: pytest.MonkeyPatch, code: QDialog.DialogCode) -> list[str]:
    """Answer the keep-doses question with `code`; returns the changes each one listed."""
    asked: list[str] = []

    def exec_(dialog: KeepDosesDialog) -> int:
        asked.append(dialog.changes.text())
        return code.value

    monkeypatch.setattr(KeepDosesDialog, "exec", exec_)
    return asked


def left_on_the_summary(days: Days) -> None:
    """A session with the stretch held 5 s longer (+) ends on its summary, and HipTimer goes
    without an answer: the data a SIGKILL there leaves (the sets and the session's end are
    written before the summary shows). Opened again an hour later, the routine chosen."""
    days.start()
    days.first_work_step()
    days.key(K.Key_Plus)  # 5 -> 10 s
    days.rate_sets(LOW)
    assert days.window is not None and days.window.summary is not None
    assert days.window.summary.keep_button.isVisible()
    days.close()
    days.clock.advance(3600)
    days.open()
    assert days.mode() is Mode.LIBRARY
    assert days.window is not None and days.window.library.select(SMALL.id)


def test_doses_left_on_the_summary_are_offered_again_from_the_library(
    days: Days, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen: killed on the summary, the offer was gone, and the next session held 5 s again.
    left_on_the_summary(days)
    assert line(days).isVisible() and line(days).label.text() == DOSES_LEFT
    assert line(days).button.accessibleName() == f"Review: {DOSES_LEFT}"
    asked = answering(monkeypatch, QDialog.DialogCode.Accepted)
    days.key(K.Key_V)
    assert asked == ["\u2022  Stretch: hold 5 s \u2192 10 s"]
    assert days.routine().exercise("stretch").hold_s == 10
    assert days.window is not None
    assert days.window.statusBar().currentMessage() == "New doses kept for Small hip routine."
    [session] = days.history.list_sessions()
    kept = [(c.exercise_id, c.old_value, c.new_value, c.decided_by, c.session_id)
            for c in days.history.dose_changes(SMALL.id)]  # fmt: skip
    assert kept == [("stretch", 5.0, 10.0, "session", session.id)]
    assert days.window.library.select(SMALL.id) and line(days).isHidden()
    days.close()
    days.open()
    assert days.window is not None and days.window.library.select(SMALL.id)
    assert line(days).isHidden() and asked == ["\u2022  Stretch: hold 5 s \u2192 10 s"]


def test_not_now_from_the_library_answers_it_for_good(
    days: Days, monkeypatch: pytest.MonkeyPatch
) -> None:
    left_on_the_summary(days)
    asked = answering(monkeypatch, QDialog.DialogCode.Rejected)
    line(days).button.click()  # the button, as V
    assert len(asked) == 1 and line(days).isHidden()
    assert days.routine().exercise("stretch").hold_s == 5
    assert days.history.dose_changes(SMALL.id) == []
    days.close()
    days.open()
    assert days.window is not None and days.window.library.select(SMALL.id)
    assert line(days).isHidden()


@pytest.mark.parametrize("code", [QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected])
def test_an_answer_on_the_summary_is_not_asked_again(
    days: Days, monkeypatch: pytest.MonkeyPatch, code: QDialog.DialogCode
) -> None:
    asked = answering(monkeypatch, code)
    days.start()
    days.first_work_step()
    days.key(K.Key_Plus)
    days.rate_sets(LOW)
    days.key(K.Key_Y)
    assert len(asked) == 1
    days.close()
    days.open()
    assert days.window is not None and days.window.library.select(SMALL.id)
    assert line(days).isHidden()


def test_a_later_session_at_the_routine_s_dose_ends_the_offer(days: Days) -> None:
    # The user went on at the routine's doses: the changes of the session before are history.
    left_on_the_summary(days)
    assert line(days).isVisible()
    days.session(LOW)
    days.key(K.Key_Escape)  # the summary left: nothing changed this time, nothing offered
    assert days.mode() is Mode.LIBRARY and days.window is not None
    assert days.window.library.select(SMALL.id) and line(days).isHidden()
