"""Pain-guided dosing end to end: sessions, morning check-ins, suggestions accepted and used."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.dosing.dose_steps import Dose
from hiptimer.core.dosing.rules import Recommendation
from hiptimer.core.routines.model import Exercise, Kind, Routine, SideMode
from hiptimer.core.session.steps import Side
from hiptimer.ui.editor.keep_doses import KeepDosesDialog
from hiptimer.ui.guidance.recommendations_panel import MorningAdvicePage, RecommendationsPanel
from hiptimer.ui.keys import Mode
from hiptimer.ui.session.summary_page import SummaryPage
from tests.ui.guided import SIT, SMALL, Days, K, later, until_local
from tests.ui.sessions import advance_until, no_timer_left  # noqa: F401 (a fixture)


def said(label: QLabel) -> str:
    """What a card's label says, its no-break spaces (which keep a dose on one line) as spaces."""
    return label.text().replace("\u00a0", " ")


pytestmark = pytest.mark.usefixtures("no_timer_left")

LOW = [0, 1]  # stretch, then sit to stand
HIGH = [1, 7]  # sit to stand above 5


def summary_of(days: Days) -> SummaryPage:
    assert days.window is not None and isinstance(days.window.summary, SummaryPage)
    return days.window.summary


def test_three_good_days_then_more_accepted_and_used(days: Days) -> None:
    # Day 1: nothing to judge until tomorrow morning: a note, no buttons, nothing said.
    days.session(LOW)
    panel = days.panel()
    assert summary_of(days).isAncestorOf(panel)
    assert panel.cards == [] and panel.note.isVisible()
    assert "Stretch, Sit to stand: We'll know tomorrow morning" in panel.note.text()
    assert not [t for t in days.speech.texts if t.startswith("Suggestion")]

    # Days 2 and 3: the check-in first; no suggestion yet (the first morning has nothing
    # to compare with, then one good session is not two), so straight to the library.
    for _ in range(2):
        days.next_morning()
        days.check_in(0, 1)
        assert days.mode() is Mode.LIBRARY
        days.session(LOW)
    assert [s.morning_pain for s in days.history.list_sessions()] == [None, 0, 0]

    # Day 4: two good sessions with good mornings: more is offered, and said.
    days.next_morning()
    days.check_in(0, 0)
    assert days.mode() is Mode.CHECKIN
    assert days.window is not None
    advice = days.window.nav.current
    assert isinstance(advice, MorningAdvicePage)
    panel = days.panel()
    assert [(c.rec.exercise_id, c.rec.action) for c in panel.cards] == [
        ("stretch", DoseAction.PROGRESS),
        ("sit-to-stand", DoseAction.PROGRESS),
    ]
    assert said(panel.cards[1].dose) == "1 x 4 reps \u2192 1 x 6 reps"
    assert "ready for 6 reps" in said(panel.cards[1].reason)
    assert "Suggestion: sit to stand, ready for six reps." in days.speech.texts
    assert "Suggestion: stretch, ready for holds of ten seconds." in days.speech.texts

    # A (the first open card) accepts the stretch; the sit to stand by its button.
    days.key(K.Key_A)
    assert said(panel.cards[0].outcome) == "Saved: next time 1 x 10 s."
    panel.cards[1].accept_button.click()
    routine = days.routine()
    assert (routine.exercise("stretch").hold_s, routine.exercise("sit-to-stand").reps) == (10, 6)
    assert routine.revision == SMALL.revision + 2
    changes = days.history.dose_changes(SMALL.id)
    assert [(c.exercise_id, c.field, c.old_value, c.new_value, c.accepted) for c in changes] == [
        ("stretch", "hold_s", 5, 10, True),
        ("sit-to-stand", "reps", 4, 6, True),
    ]
    assert all("no worse the next morning" in c.reason for c in changes)

    # Enter: the library, reloaded; the next session uses the new doses.
    days.key(K.Key_Return)
    assert days.mode() is Mode.LIBRARY
    days.start()
    assert days.engine.routine.exercise("sit-to-stand").reps == 6
    days.first_work_step()
    assert days.engine.step.set_number == 1
    assert days.engine.view().remaining_s == pytest.approx(10, abs=0.2)
    days.rate_sets(LOW)
    reps = [p.planned_reps for p in days.history.exercise_dose_series("sit-to-stand")]
    holds = [p.planned_hold_s for p in days.history.exercise_dose_series("stretch")]
    assert (reps, holds) == ([4, 4, 4, 6], [5, 5, 5, 10])
    # The summary now waits for a session at the new dose before judging it.
    assert days.panel().note.isVisible() and days.panel().cards == []


def test_the_dose_chart_steps_up_with_an_accepted_change(days: Days) -> None:
    from hiptimer.core.dosing.decisions import accept
    from hiptimer.ui.history.charts import DoseChart

    days.session(LOW)
    rec = Recommendation(
        SIT.id, None, DoseAction.PROGRESS, Dose(1, reps=4), Dose(1, reps=6), "", "progress.reps"
    )
    accept(days.history, days.routine(), rec, days.wall())
    days.next_morning()
    days.key(K.Key_K)  # no check-in today
    days.session(LOW)
    chart = DoseChart()
    chart.set_points(days.history.exercise_dose_series(SIT.id), "Sit to stand")
    assert [p.y() for p in chart.dose.points()] == [4, 4, 6, 6]  # a step on the second day
    chart.deleteLater()


def test_a_painful_session_offers_a_step_back_and_a_yes_saves_it(days: Days) -> None:
    days.session(HIGH)
    panel = days.panel()
    [card] = panel.cards
    assert card.rec.action is DoseAction.STEP_BACK and card.rec.proposed == Dose(1, reps=2)
    assert card.heading.text() == "Step back \u2014 Sit to stand"
    assert "Pain went above 5 (it reached 7)" in said(card.reason)
    assert "Suggestion: sit to stand, back to two reps." in days.speech.texts
    # The stretch (pain 1) only waits for the morning.
    assert panel.note.text().startswith("Stretch: We'll know tomorrow morning")
    days.key(K.Key_A)
    assert days.routine().exercise("sit-to-stand").reps == 2
    assert said(card.outcome) == "Saved: next time 1 x 2 reps." and not card.awaiting
    keep = summary_of(days).keep_button
    assert not keep.isEnabled()
    # It says what happened, not the question it asked ("Keep these doses for next time? [Y]").
    assert keep.text() == keep.accessibleName() == "Suggested dose saved"
    assert keep.toolTip() == keep.accessibleDescription()
    assert keep.toolTip().startswith("You accepted a suggested dose: the next session starts")
    [change] = days.history.dose_changes(SMALL.id)
    assert (change.accepted, change.new_value, change.session_id) == (True, 2, card.rec.session_id)
    days.key(K.Key_A)  # nothing left to answer
    assert len(days.history.dose_changes(SMALL.id)) == 1


def test_not_now_records_a_declined_change_and_keeps_the_dose(days: Days) -> None:
    days.session(HIGH)
    card = days.panel().cards[0]
    card.later_button.click()
    assert said(card.outcome) == "Not now: the dose stays as it is."
    assert days.routine().exercise("sit-to-stand").reps == 4
    [change] = days.history.dose_changes(SMALL.id)
    assert (change.field, change.old_value, change.new_value, change.accepted) == (
        "reps",
        4,
        2,
        False,
    )
    assert change.reason.startswith("Pain went above 5")


def test_a_declined_suggestion_is_not_offered_again_for_the_same_session(days: Days) -> None:
    # The audit: "Not now" on the summary's step back, and the next morning's suggestions
    # (more for the stretch) offered the same step back again, for the same session.
    days.session(LOW)
    for _ in range(2):
        days.next_morning()
        days.check_in(0, 1)
        days.session(LOW if _ == 0 else [0, 7])
    [back] = days.panel().cards
    assert back.rec.action is DoseAction.STEP_BACK
    days.key(K.Key_D)  # not now
    painful = back.rec.session_id
    days.next_morning()
    days.check_in(0, 0)
    assert days.mode() is Mode.CHECKIN  # more for the stretch: a new suggestion, offered
    cards = {c.rec.exercise_id: c for c in days.panel().cards}
    assert cards["stretch"].awaiting and cards["stretch"].rec.action is DoseAction.PROGRESS
    sit = cards["sit-to-stand"]
    assert sit.rec.session_id == painful and not sit.awaiting  # answered already
    assert sit.outcome.isVisible() and said(sit.outcome).startswith("Not now (on ")
    assert not any(b.isVisible() for b in sit.buttons)
    days.key(K.Key_D)  # answers the stretch, the one card waiting
    assert not cards["stretch"].awaiting
    declined = [c for c in days.history.dose_changes(SMALL.id) if not c.accepted]
    assert [c.exercise_id for c in declined] == ["sit-to-stand", "stretch"]  # once each
    # A new painful session is new evidence: its step back is offered again.
    days.key(K.Key_Return)
    days.session([0, 7])
    [again] = days.panel().cards
    assert again.rec.action is DoseAction.STEP_BACK and again.awaiting
    assert again.rec.session_id != painful


def test_three_painful_sessions_ask_to_see_a_clinician(days: Days) -> None:
    days.session(HIGH)
    days.key(K.Key_D)  # not now (decline)
    for _ in range(2):
        days.next_morning()
        assert days.mode() is Mode.CHECKIN
        days.key(K.Key_K)  # skip the check-in
        assert days.mode() is Mode.LIBRARY
        days.session(HIGH)
    [card] = days.panel().cards
    assert card.rec.action is DoseAction.SEE_CLINICIAN
    assert card.heading.text() == "See a physiotherapist or doctor \u2014 Sit to stand"
    assert "above 5 in each of your last 3 sessions" in said(card.reason)
    assert "#6B1A14" in card.styleSheet()  # the red card
    assert card.accept_button.isVisible()  # a lower dose until then, if the user wants it
    assert (
        "Please have your hip checked by a physiotherapist or doctor before more sit to stand."
        in days.speech.texts
    )


def test_no_history_means_no_suggestions(qtbot: QtBot) -> None:
    made = Days(qtbot)
    made.open()
    assert made.window is not None
    made.window.services.history = None
    made.session(LOW)
    assert made.window.findChildren(RecommendationsPanel) == []
    made.done()


def test_keeping_the_session_s_lower_dose_answers_the_step_back_for_it(
    days: Days, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Sit to stand hurt (7): the user went lower in the session (4 -> 3 reps) and keeps it.
    days.session_lowered([LOW[0], HIGH[1]])
    [card] = days.panel().cards
    assert card.rec.action is DoseAction.STEP_BACK and card.awaiting
    monkeypatch.setattr(KeepDosesDialog, "exec", lambda _dialog: QDialog.DialogCode.Accepted.value)
    summary_of(days).keep_button.click()
    assert days.routine().exercise("sit-to-stand").reps == 3
    # The suggestion was made for 4 reps: it is answered by the dose kept, not offered
    # again (an Accept would have failed with a message about a changed routine).
    assert not card.awaiting and not card.accept_button.isVisible()
    assert (
        said(card.outcome)
        == "Not taken: you kept this session's dose instead, so next time 1 x 3 reps."
    )
    days.key(K.Key_A)
    assert days.routine().exercise("sit-to-stand").reps == 3
    assert [c.decided_by for c in days.history.dose_changes(SMALL.id)] == ["session"]


def test_keeping_the_session_s_dose_answers_a_keep_the_same_dose_card_for_it(
    days: Days, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The stretch went 5 -> 10 s with + and hurt 4: its card says "Keep the same dose, 1 x 5 s".
    # Kept, the summary said "Doses kept for next time" above a card still saying 1 x 5 s.
    days.start()
    days.first_work_step()
    days.key(K.Key_Plus)
    days.rate_sets([4, 0])
    [card] = days.panel().cards
    assert card.rec.action is DoseAction.STAY and not card.awaiting
    assert said(card.dose) == "1 x 5 s"
    monkeypatch.setattr(KeepDosesDialog, "exec", lambda _dialog: QDialog.DialogCode.Accepted.value)
    days.key(K.Key_Y)
    assert days.routine().exercise("stretch").hold_s == 10
    assert card.outcome.isVisible()
    assert said(card.outcome) == "You kept this session's dose, so next time 1 x 10 s."


def test_a_check_in_with_nothing_new_to_suggest_says_it_was_saved(days: Days) -> None:
    # The summary said HipTimer "asks how your hip feels then, and suggests what to do next";
    # the check-in then went to the library without a word when there was nothing new.
    days.session(LOW)
    days.next_morning()
    days.check_in(0, 1)
    assert days.mode() is Mode.LIBRARY and days.window is not None
    assert days.window.statusBar().currentMessage() == (
        "Morning check-in saved. Nothing new to suggest this morning."
    )
    days.window.statusBar().clearMessage()
    days.session(LOW)
    days.next_morning()
    days.key(K.Key_K)  # skipped: nothing saved, nothing said
    assert days.mode() is Mode.LIBRARY
    assert days.window.statusBar().currentMessage() == ""


def test_left_running_overnight_the_check_in_comes_when_the_window_is_back(days: Days) -> None:
    # Kept in the tray (or left open while the laptop slept): no new start the next day.
    days.session(LOW)
    days.key(K.Key_Return)
    window = days.window
    assert window is not None and days.mode() is Mode.LIBRARY
    window.hide()  # closed to the tray
    later(days, hours=24)
    window.show()  # the tray's Show HipTimer, a reminder's click
    assert days.mode() is Mode.CHECKIN
    days.check_in(2, 3)
    assert days.mode() is Mode.LIBRARY
    assert [s.morning_pain for s in days.history.list_sessions()] == [2]
    window.hide()
    window.show()  # asked once a day
    assert days.mode() is Mode.LIBRARY


def test_a_summary_left_up_overnight_leads_to_the_check_in(days: Days) -> None:
    days.session(LOW)
    later(days, hours=24)
    days.key(K.Key_Return)  # back to the library from last night's summary
    assert days.mode() is Mode.CHECKIN


def test_a_session_ending_at_midnight_is_asked_about_in_the_morning(days: Days) -> None:
    # The audit: the routine done from 23:55, Enter at 00:00 on its summary, and at once
    # "How does your hip feel this morning?" about a set done a minute before.
    until_local(days, time(23, 55))
    days.session(LOW)
    until_local(days, time(0, 5))
    days.key(K.Key_Return)  # back to the library, past midnight: still the evening
    assert days.mode() is Mode.LIBRARY
    until_local(days, time(7, 30))
    assert days.window is not None
    days.window.hide()
    days.window.show()  # the window back in the morning
    assert days.mode() is Mode.CHECKIN


def test_a_session_after_midnight_says_the_check_in_comes_later_this_morning(
    days: Days,
) -> None:
    # The audit: done at 01:30, the summary said "tomorrow morning", but the check-in day
    # starts at 04:00 (checkin_day), so it is asked that same morning.
    until_local(days, time(1, 25))
    days.session(LOW)
    assert time(1, 25) <= days.wall().astimezone().time() < time(4)
    assert "Stretch, Sit to stand: We'll know later this morning" in days.panel().note.text()
    days.key(K.Key_Return)
    assert days.mode() is Mode.LIBRARY  # not yet: still the night
    until_local(days, time(7, 30))
    assert days.window is not None
    days.window.hide()
    days.window.show()  # the window back that same morning
    assert days.mode() is Mode.CHECKIN  # as the note said
    # From 04:00 the check-in is the next day's: "tomorrow morning", as before.
    days.check_in(0, 0)
    assert days.mode() is Mode.LIBRARY  # nothing to suggest yet after a first morning
    days.session(LOW)
    assert "We'll know tomorrow morning" in days.panel().note.text()


def test_the_summary_s_morning_note_is_as_tall_as_its_words(days: Days, qtbot: QtBot) -> None:
    # Seen under Xvfb at 1280 x 800: the note's two lines were cut at the top and the bottom,
    # laid out for the type it had before the summary sized it.
    from PySide6.QtWidgets import QApplication

    assert days.window is not None
    days.window.resize(1280, 800)
    days.session(LOW)
    QApplication.processEvents()
    note = days.panel().note
    assert note.fontMetrics().height() > 16  # the summary's type, not the default
    assert note.height() >= note.heightForWidth(note.width())


def test_a_pain_limit_of_3_makes_a_4_a_step_back_too(days: Days) -> None:
    days.settings.update(pain_limit=3)  # the physiotherapist's advice
    days.session([0, 4])  # 4 is above the limit: the session asked, the user carried on
    [card] = days.panel().cards
    assert card.rec.action is DoseAction.STEP_BACK
    assert said(card.reason).startswith("Pain went above 3 (it reached 4)")


def test_a_dose_kept_of_an_exercise_done_on_each_side_says_each_side(days: Days) -> None:
    # The card's own dose read '2 x 6 s each side' (as the library and hiptimer show write
    # it); the note of the dose kept read '2 x 6 s', as if in all.
    window = days.window
    assert window is not None
    sided = Exercise("clam", "Clamshell", Kind.HOLD, sets=2, hold_s=8, sides=SideMode.EACH)
    routine = Routine("sided", "Sided", (sided,))
    step_back = Recommendation(
        "clam", Side.RIGHT, DoseAction.STEP_BACK, Dose(2, hold_s=8), Dose(2, hold_s=6), "", ""
    )
    panel = RecommendationsPanel(routine, [step_back])
    guidance = window.guidance
    assert guidance is not None
    guidance._summary_panel = panel
    guidance.doses_kept(routine.replace_exercise(sided.with_dose(hold_s=6)))
    [card] = panel.cards
    assert said(card.dose) == "2 x 8 s \u2192 2 x 6 s each side"
    assert (
        said(card.outcome)
        == "Not taken: you kept this session's dose instead, so next time 2 x 6 s each side."
    )
    panel.deleteLater()
