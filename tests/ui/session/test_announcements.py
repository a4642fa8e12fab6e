"""A screen reader hears each step as it starts, the last ten seconds, the pain question and
each counted rep, through Qt's accessibility announcements, and never the seconds one by one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.model import Measure, Retest
from hiptimer.core.session.events import PainChoice
from hiptimer.core.session.steps import StepKind
from hiptimer.core.session.view import SessionView
from hiptimer.ui.keys import POINT, Action
from hiptimer.ui.session.workout_text import WorkoutText, workout_text
from tests.harness import hold, quick_routine, self_paced
from tests.ui.reader_events import announcements_heard
from tests.ui.session.page_harness import PageHarness
from tests.ui.sessions import no_timer_left  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("no_timer_left")


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """What reached Qt's accessibility as announcements: (message, urgent)."""
    return announcements_heard(monkeypatch)


@pytest.fixture
def page(qtbot: QtBot) -> Iterator[PageHarness]:
    made = PageHarness(qtbot, quick_routine(hold("hug", 30, name="Knee hug"), self_paced(n=2)))
    yield made
    made.driver.stop()


def test_a_step_is_announced_as_it_starts_with_its_time_and_then_only_ten_seconds_before_its_end(
    page: PageHarness, heard: list[tuple[str, bool]]
) -> None:
    page.driver.start()
    page.until(StepKind.WORK)
    assert heard[-1] == ("Work, Knee hug, Set 1 of 1, lasts 30 seconds.", False)
    count = len(heard)
    page.advance(19.5)
    assert len(heard) == count  # 20 seconds said nothing
    page.advance(1)
    assert heard[count:] == [("10 seconds left.", False)]
    page.advance(9)
    assert len(heard) == count + 1


def test_the_pain_question_and_the_choice_above_the_limit_are_announced(
    page: PageHarness, heard: list[tuple[str, bool]]
) -> None:
    page.driver.start()
    page.until(StepKind.PAIN)
    assert heard[-1][0].startswith("How much pain did that set cause?")
    page.driver.rate_pain(8)
    assert heard[-1] == (
        "Pain above your limit. S: stop this exercise, L: lower dose, C: continue.",
        True,  # it waits for an answer: said at once
    )


def test_at_the_smallest_dose_the_choice_announced_has_no_lower_dose(
    qtbot: QtBot, heard: list[tuple[str, bool]]
) -> None:
    h = PageHarness(qtbot, quick_routine(hold("hug", 5, name="Knee hug")))
    try:
        h.driver.start()
        h.until(StepKind.PAIN)
        h.driver.rate_pain(8)
        assert heard[-1] == (
            "Pain above your limit, at the smallest dose. S: stop this exercise, C: continue.",
            True,
        )
        assert not h.page.pain.choice_buttons[PainChoice.LOWER].isEnabled()
    finally:
        h.driver.stop()


def test_pause_resume_and_each_counted_rep_are_announced(
    page: PageHarness, heard: list[tuple[str, bool]]
) -> None:
    page.driver.start()
    page.until(StepKind.PAIN)
    page.driver.rate_pain(1)
    page.until(StepKind.WORK)
    assert heard[-1][0] == "Work, Bridge, Set 1 of 1, 2 reps, Enter counts each."
    page.driver.count_rep()
    assert heard[-1][0] == "1 of 2."
    page.driver.pause()
    assert heard[-1][0] == "Paused."
    page.driver.resume()
    assert heard[-1][0] == "Going on."
    assert page.page.announcer.said == [message for message, _urgent in heard]


def test_a_re_tests_count_and_its_typed_result_are_announced(
    qtbot: QtBot, heard: list[tuple[str, bool]]
) -> None:
    chair = hold("chair", hold_s=30, test=Retest(Measure.COUNT, "stands"))
    reach = hold("reach", hold_s=5, test=Retest(Measure.VALUE, "cm"))
    h = PageHarness(qtbot, quick_routine(chair, reach))
    try:
        h.driver.start()
        h.until(StepKind.WORK)
        h.page.perform(Action.COUNT_REP, 0)
        h.page.perform(Action.COUNT_REP, 0)
        assert [message for message, _urgent in heard[-2:]] == ["1 counted.", "2 counted."]
        h.until(StepKind.PAIN)
        h.page.perform(Action.RATE, 1)
        h.until(StepKind.MEASURE)
        for key in (1, 2, POINT, 5):
            h.page.perform(Action.TYPE, key)
        h.page.perform(Action.ERASE, 0)
        said = [message for message, _urgent in heard[-5:]]
        assert said == ["1 cm", "12 cm", "12. cm", "12.5 cm", "12. cm"]
    finally:
        h.driver.stop()


def test_each_look_at_the_clock_works_out_the_words_once_for_the_screen_and_the_reader(
    page: PageHarness, heard: list[tuple[str, bool]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ten times a second the page and the announcer each worked out the same view's words.
    from hiptimer.ui.session import announcements, workout_page

    worked: list[SessionView] = []

    def counted(view: SessionView) -> WorkoutText:
        worked.append(view)
        return workout_text(view)

    monkeypatch.setattr(workout_page, "workout_text", counted)
    monkeypatch.setattr(announcements, "workout_text", counted)
    page.driver.start()
    page.until(StepKind.WORK)
    looks = len(worked)
    page.advance(0.1)
    assert len(worked) == looks + 1
    assert heard[-1] == ("Work, Knee hug, Set 1 of 1, lasts 30 seconds.", False)
    page.advance(20)
    assert heard[-1] == ("10 seconds left.", False)  # the announcer still hears each view
