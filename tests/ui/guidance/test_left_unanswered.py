"""Dose suggestions left without an answer on the summary, reachable from the library later."""

from __future__ import annotations

import pytest

from hiptimer.core.dosing.actions import DoseAction
from hiptimer.core.history.queries import DoseChange, HistoryQueries
from hiptimer.ui.guidance.recommendations_panel import MorningAdvicePage
from hiptimer.ui.keys import Mode
from hiptimer.ui.library.suggestions_line import SuggestionsLine
from tests.ui.guided import SMALL, Days, K
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("no_timer_left")

HIGH = [1, 7]  # sit to stand above 5: a step back
ONE_LEFT = "1 suggestion from your last session, not answered yet"


def line(days: Days) -> SuggestionsLine:
    assert days.window is not None
    return days.window.library.suggestions


def left_and_back_days_later(days: Days) -> None:
    """The summary's step back left without an answer; HipTimer opened again 3 days later
    (no check-in asked then: it is about the day before)."""
    days.session(HIGH)
    days.key(K.Key_Escape)  # back to the library, the step back not answered
    days.close()
    days.clock.advance(3 * 24 * 3600)
    days.open()
    assert days.mode() is Mode.LIBRARY
    assert days.window is not None and days.window.library.select(SMALL.id)


def review_page(days: Days) -> MorningAdvicePage:
    assert days.window is not None and days.mode() is Mode.CHECKIN
    page = days.window.nav.current
    assert isinstance(page, MorningAdvicePage)
    return page


def test_a_step_back_left_on_the_summary_is_offered_from_the_library_days_later(
    days: Days,
) -> None:
    # Seen: the summary left with Esc, and the step back never came back (the next morning's
    # check-in offers only what it changed).
    left_and_back_days_later(days)
    assert line(days).isVisible() and line(days).label.text() == ONE_LEFT
    assert line(days).button.text() == "Review   [V]"
    assert line(days).button.accessibleName() == f"Review: {ONE_LEFT}"
    days.key(K.Key_V)
    page = review_page(days)
    assert page.heading.text() == "From your last session of Small hip routine:"
    [card] = [c for c in page.panels[0].cards if c.awaiting]
    assert card.rec.action is DoseAction.STEP_BACK and card.rec.exercise_id == "sit-to-stand"
    days.key(K.Key_A)  # the same keys as on the summary
    assert days.routine().exercise("sit-to-stand").reps == 2
    days.key(K.Key_Return)
    assert days.mode() is Mode.LIBRARY and line(days).isHidden()


def test_not_now_in_the_review_answers_it_and_the_line_goes(days: Days) -> None:
    left_and_back_days_later(days)
    line(days).button.click()  # the button, as V
    review_page(days)
    days.key(K.Key_D)
    days.key(K.Key_Escape)
    assert days.mode() is Mode.LIBRARY and line(days).isHidden()
    assert days.routine().exercise("sit-to-stand").reps == 4
    [change] = days.history.dose_changes(SMALL.id)
    assert not change.accepted


def test_the_line_follows_the_chosen_routine(days: Days) -> None:
    left_and_back_days_later(days)
    window = days.window
    assert window is not None and line(days).isVisible()
    window.library.move_selection(1 if window.library.list.currentRow() == 0 else -1)
    assert line(days).isHidden()  # another routine: nothing of its own to answer
    days.key(K.Key_V)  # V does nothing there
    assert days.mode() is Mode.LIBRARY
    assert window.library.select(SMALL.id) and line(days).isVisible()


def test_the_arrow_keys_count_suggestions_again_only_after_the_history_changed(
    days: Days, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each routine the arrow keys passed read its suggestions from the history anew (two
    # queries, 15-18 ms on 400 sessions); the count changes only with the history.
    left_and_back_days_later(days)
    asked: list[str | None] = []
    real = HistoryQueries.dose_changes

    def counting(
        store: HistoryQueries, routine_id: str | None = None, exercise_id: str | None = None
    ) -> list[DoseChange]:
        asked.append(routine_id)
        return real(store, routine_id, exercise_id)

    monkeypatch.setattr(HistoryQueries, "dose_changes", counting)
    window = days.window
    assert window is not None
    for _ in range(3):
        away = 1 if window.library.list.currentRow() == 0 else -1
        window.library.move_selection(away)
        window.library.move_selection(-away)
        assert line(days).label.text() == ONE_LEFT
    assert SMALL.id not in asked  # counted when the library first showed it
    days.session(HIGH)  # a session ends: its own step back, counted anew
    days.key(K.Key_Escape)
    assert days.mode() is Mode.LIBRARY and window.library.select(SMALL.id)
    assert SMALL.id in asked and line(days).label.text() == ONE_LEFT
