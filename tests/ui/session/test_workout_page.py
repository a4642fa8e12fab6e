"""Tests for the workout screen: what it shows in each phase, and its buttons."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette, QTextDocument, QTextLayout
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.model import Exercise, Rests, Routine, Tempo
from hiptimer.core.session.dose_adjust import DosesInForce, with_reps
from hiptimer.core.session.steps import StepKind
from hiptimer.ui.keys import POINT, Action, Mode
from hiptimer.ui.session.workout_page import WorkoutPage
from hiptimer.ui.theme import Phase, style_for
from hiptimer.ui.widgets.control_bar import DRAWN
from tests.harness import (
    advance_until,
    hold,
    paced,
    quick_routine,
    reps,
    routine,
    self_paced,
    side_hold,
)
from tests.ui.drawn import drawn_x
from tests.ui.session.page_harness import PageHarness
from tests.ui.sessions import (
    DriverOnFakeClock,
    no_timer_left,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.usefixtures("no_timer_left")


MakePage = Callable[[Routine], PageHarness]


@pytest.fixture
def make(qtbot: QtBot) -> Iterator[MakePage]:
    made: list[PageHarness] = []

    def factory(r: Routine) -> PageHarness:
        h = PageHarness(qtbot, r)
        made.append(h)
        return h

    yield factory
    for h in made:
        h.driver.stop()


def background(page: WorkoutPage) -> str:
    return page.palette().color(QPalette.ColorRole.Window).name().upper()


def test_a_hold_shows_phase_side_set_and_a_huge_countdown(make: MakePage) -> None:
    h = make(quick_routine(side_hold(hold_s=30, sets=2)))
    h.driver.start()
    assert h.text.phase is Phase.GET_READY
    assert h.page.banner.text() == "GET READY"
    # Which side to set up for, first (a narrow screen cuts the line's end).
    assert h.text.next_line.startswith("Up next, right side first: Clamshell hold \u2014 2 x")
    assert background(h.page) == style_for(Phase.GET_READY).background
    h.until(StepKind.WORK)
    h.advance(0.5)
    assert h.page.banner.text() == "WORK"
    assert background(h.page) == style_for(Phase.WORK).background
    assert (h.text.big, h.text.side, h.text.set_line) == ("30", "RIGHT", "Set 1 of 2")
    assert h.page.big.text() == "30"
    # Huge: the digits take a good part of the screen's height.
    assert h.page.big.pixel_size() > 0.25 * h.page.height()
    assert h.titles[-1] == "0:30 Clamshell hold \u2014 HipTimer"
    assert h.text.next_line == "Next: left side"


def test_a_lead_in_names_a_side_only_for_an_exercise_done_on_each_side(make: MakePage) -> None:
    h = make(quick_routine(hold("stretch", hold_s=5), side_hold(hold_s=5)))
    h.driver.start()
    assert h.text.next_line == "Up next: Stretch \u2014 1 x 5 s"
    h.until(StepKind.PAIN)
    h.driver.rate_pain(0)
    h.until(StepKind.REST)  # the rest after the first exercise leads into the clamshell
    assert h.text.next_line == "Up next, right side first: Clamshell hold \u2014 1 x 5 s each side"


def test_switch_sides_names_the_new_side(make: MakePage) -> None:
    h = make(quick_routine(side_hold(hold_s=5)))
    h.driver.start()
    h.until(StepKind.PAIN)
    h.driver.rate_pain(0)
    assert h.text.phase is Phase.SWITCH_SIDES
    assert h.page.banner.text() == "SWITCH SIDES"
    assert h.text.side == "LEFT"


def test_self_paced_reps_show_a_huge_count(make: MakePage) -> None:
    h = make(quick_routine(self_paced(n=12)))
    h.driver.start()
    h.until(StepKind.WORK)
    assert h.page.key_mode() is Mode.COUNTING
    for _ in range(7):
        h.page.perform(Action.COUNT_REP, 0)
    assert h.page.big.text() == "7 / 12"
    assert h.text.rep_line == ""  # the huge count says it
    assert h.titles[-1] == "7/12 Bridge \u2014 HipTimer"
    assert h.page.controls.buttons[Action.COUNT_REP].isVisibleTo(h.page)
    assert (
        h.page.controls.buttons[Action.MORE].accessibleName() == "Target +1"
    )  # the reps to do, not the count


def test_paced_reps_show_the_rep_and_the_tempo_phase(make: MakePage) -> None:
    h = make(quick_routine(paced(n=2)))
    h.driver.start()
    h.until(StepKind.WORK)
    h.advance(0.5)
    assert (h.page.big.text(), h.page.tempo.text()) == ("1 / 2", "LIFT")
    assert h.text.rep_line == "6 s left in this set"
    h.advance(1)
    assert h.page.tempo.text() == "HOLD"
    h.advance(1)
    assert h.page.tempo.text() == "LOWER"
    h.advance(1)
    assert (h.page.big.text(), h.page.tempo.text()) == ("2 / 2", "LIFT")
    assert h.text.rep_line == "3 s left in this set"
    assert h.page.key_mode() is Mode.WORKOUT


def test_rest_between_sets_says_which_set_is_next(make: MakePage) -> None:
    h = make(quick_routine(hold(hold_s=5, sets=2)))
    h.driver.start()
    h.until(StepKind.PAIN)
    h.driver.rate_pain(1)
    assert h.page.banner.text() == "REST"
    assert h.text.set_line == "Set 2 of 2 next"
    assert background(h.page) == style_for(Phase.REST).background


def test_pause_shows_in_words_and_colour_and_relabels_the_button(make: MakePage) -> None:
    h = make(quick_routine(hold(hold_s=10)))
    h.driver.start()
    pause = h.page.controls.buttons[Action.PAUSE]
    pause.click()
    assert h.page.banner.text() == "PAUSED"
    assert background(h.page) == style_for(Phase.PAUSED).background
    assert pause.text() == "Resume\n[Space]"
    assert h.titles[-1].startswith("Paused ")
    pause.click()
    assert h.page.banner.text() == "GET READY"


def test_buttons_run_commands_and_report_the_rest(make: MakePage, qtbot: QtBot) -> None:
    h = make(quick_routine(hold(hold_s=10)))
    h.driver.start()
    h.until(StepKind.WORK)
    h.page.controls.buttons[Action.MORE].click()
    assert h.driver.view().duration_s == 15
    h.page.controls.buttons[Action.LESS].click()
    assert h.driver.view().duration_s == 10
    with qtbot.waitSignal(h.page.action_requested) as blocker:
        h.page.controls.buttons[Action.MUTE].click()
    assert blocker.args == [Action.MUTE]
    tips = [b.toolTip() for b in h.page.controls.buttons.values() if b.isEnabled()]
    assert all("(key: " in tip for tip in tips)  # a greyed one's key does nothing
    h.page.controls.buttons[Action.NEXT].click()
    assert h.driver.view().awaiting_pain
    assert not h.page.controls.buttons[Action.NEXT].isEnabled()


def test_the_pain_prompt_replaces_the_timer_in_the_page(make: MakePage) -> None:
    h = make(quick_routine(hold(hold_s=5)))
    h.driver.start()
    h.until(StepKind.PAIN)
    assert h.page.pain.isVisible() and not h.page.big.isVisible()
    assert h.page.key_mode() is Mode.PAIN
    assert h.titles[-1] == "Rate pain: Stretch \u2014 HipTimer"
    h.page.pain.scale_buttons[6].click()
    assert h.page.key_mode() is Mode.CHOICE
    assert h.page.pain.asking_choice
    h.page.pain.choice_buttons[next(iter(h.page.pain.choice_buttons))].click()
    assert h.driver.view().ended


def test_captions_show_quoted(make: MakePage) -> None:
    h = make(quick_routine(hold()))
    h.page.show_caption("Breathe out.")
    assert h.page.caption.text() == "\u201cBreathe out.\u201d"
    assert h.page.caption.alignment() & Qt.AlignmentFlag.AlignHCenter


def laid_out(text: str) -> Qt.LayoutDirection:
    """The direction Qt lays a label's (first) paragraph out in: from its first letter."""
    doc = QTextDocument()
    doc.setPlainText(text)
    return doc.firstBlock().textDirection()


MARCH = "\u0645\u0634\u064a \u0641\u064a \u0627\u0644\u0645\u0643\u0627\u0646"  # Arabic


def test_our_sentence_around_a_right_to_left_name_reads_left_to_right(make: MakePage) -> None:
    """An exercise named in Arabic at the start of the caption turned the whole English
    sentence right to left ("”.Three reps each side ... .مشي“"); the pain question's line
    too. A caption that is all Arabic (a setup step as written) keeps its own direction."""
    h = make(quick_routine(hold(name=MARCH, hold_s=5)))
    h.page.show_caption(f"{MARCH}. Three reps each side, alternating.")
    assert laid_out(h.page.caption.text()) is Qt.LayoutDirection.LeftToRight
    h.page.show_caption(f"{MARCH}.")
    assert laid_out(h.page.caption.text()) is Qt.LayoutDirection.RightToLeft
    h.driver.start()
    h.until(StepKind.PAIN)
    about = h.page.pain.about.text()
    assert about.endswith(", set 1") and laid_out(about) is Qt.LayoutDirection.LeftToRight


def boxes(text: str, font: QFont, *, italic: bool) -> int:
    """How many letters of `text` Qt draws as a box (no glyph) in `font`, italic or not."""
    font = QFont(font)
    font.setItalic(italic)
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return sum(list(run.glyphIndexes()).count(0) for run in layout.glyphRuns())


def test_a_caption_naming_an_exercise_in_arabic_draws_its_letters(make: MakePage) -> None:
    """The outside tester: the italic caption drew "Get ready: <Arabic name>." with boxes for
    the name, as DejaVu Sans Oblique (Qt's italic fallback here) has no Arabic. It goes
    upright where italic draws fewer letters; English stays italic."""
    h = make(quick_routine(hold(name=MARCH, hold_s=5)))
    h.page.show_caption(f"Get ready: {MARCH}. Right side first.")
    caption = h.page.caption
    upright = boxes(caption.text(), caption.font(), italic=False)
    assert boxes(caption.text(), caption.font(), italic=caption.font().italic()) <= upright
    h.page.resize(1200, 740)  # a resize sets the caption's size again, and its slant
    assert boxes(caption.text(), caption.font(), italic=caption.font().italic()) <= upright
    h.page.show_caption("Breathe out.")
    assert caption.font().italic()


def test_up_next_keeps_the_dose_after_a_right_to_left_name(make: MakePage) -> None:
    """'Up next: <name> — 1 x 5 s' was drawn 'Up next: 1 — <name> x 5 s': the number took the
    name's direction."""
    h = make(quick_routine(hold(hold_s=5), hold("march", hold_s=5, name=MARCH)))
    h.driver.start()
    h.until(StepKind.PAIN)
    h.driver.rate_pain(1)
    shown = h.page.next_line.text()
    assert MARCH in shown and shown.endswith("1 x 5 s")
    assert drawn_x(shown, MARCH) < drawn_x(shown, "\u2014") < drawn_x(shown, "1 x")


# ---------------------------------------------------------------- coaching you can see (issue 14)


def coached_hold(hold_s: float = 10, sets: int = 2) -> Exercise:
    return hold(
        "flexor",
        hold_s,
        sets,
        name="Hip flexor stretch",
        setup=("Kneel on a <b>cushion</b>.", "Tuck your pelvis under."),
        caution="Stop if the front of the hip pinches.",
    )


def test_the_get_ready_shows_every_step_and_the_caution_beside_the_countdown(
    make: MakePage,
) -> None:
    h = make(quick_routine(coached_hold()))
    h.driver.start()
    panel = h.page.coaching
    assert panel.isVisible() and h.page.big.isVisible()
    assert panel.texts() == [
        "1.  Kneel on a <b>cushion</b>.",  # plain text: a routine's words are never markup
        "2.  Tuck your pelvis under.",
        "\u26a0 Caution: Stop if the front of the hip pinches.",
    ]
    assert all(label.textFormat() is Qt.TextFormat.PlainText for label in panel.steps)
    assert all(label.isVisible() for label in [*panel.steps, panel.caution])
    assert panel.spoken == -1  # muted or not yet read: nothing singled out
    steps = h.page.controls.buttons[Action.SHOW_STEPS]  # greyed: they show here anyway
    assert not steps.isEnabled() and steps.accessibleName() == "Steps"


def test_the_line_being_read_is_highlighted(make: MakePage) -> None:
    h = make(quick_routine(coached_hold()))
    h.driver.start()
    h.page.show_speaking_line(1)
    steps = h.page.coaching.steps
    assert h.page.coaching.spoken == 1
    assert steps[1].font().bold() and not steps[0].font().bold()
    rows = h.page.coaching.rows
    assert "transparent" not in rows[1].styleSheet() and "transparent" in rows[0].styleSheet()
    h.page.show_speaking_line(-1)
    assert not steps[1].font().bold()


def test_the_steps_leave_for_the_set_and_come_back_for_the_rest(make: MakePage) -> None:
    h = make(quick_routine(coached_hold()))
    h.driver.start()
    h.until(StepKind.WORK)
    assert not h.page.coaching.isVisible()
    assert h.page.controls.buttons[Action.SHOW_STEPS].accessibleName() == "Steps"
    h.until(StepKind.PAIN)
    h.driver.rate_pain(0)
    assert h.driver.view().step.kind is StepKind.REST
    assert h.page.coaching.isVisible()


def test_i_shows_the_steps_during_a_set_and_hides_them_again(make: MakePage) -> None:
    h = make(quick_routine(coached_hold()))
    h.driver.start()
    h.until(StepKind.WORK)
    assert h.page.perform(Action.SHOW_STEPS, 0)
    assert h.page.coaching.isVisible() and h.page.big.isVisible()
    h.advance(1)
    assert h.page.coaching.isVisible()  # it stays while the set runs
    h.page.controls.buttons[Action.SHOW_STEPS].click()
    assert not h.page.coaching.isVisible()


def test_without_a_pause_before_it_an_exercise_shows_its_steps_in_its_first_set(
    make: MakePage,
) -> None:
    """docs/routine-format.md: a 0 s get-ready or rest moves what it would have said (the
    steps, the caution) to the first set. The audit, muted: "get_ready_s": 0 and the
    caution never reached the screen, which must carry every routine on its own."""
    rests = Rests(get_ready_s=0, between_sets_s=2, between_sides_s=1, after_exercise_s=0)
    second = hold("bridge", 5, name="Bridge", setup=("Lie down.",), caution="Ribs down.")
    h = make(routine(coached_hold(sets=2), second, rests=rests))
    h.driver.start()
    assert h.driver.view().step.kind is StepKind.WORK  # no get-ready at all
    assert h.page.coaching.isVisible()
    assert "\u26a0 Caution: Stop if the front of the hip pinches." in h.page.coaching.texts()
    assert h.page.controls.buttons[Action.SHOW_STEPS].accessibleName() == "Hide steps"
    h.page.perform(Action.SHOW_STEPS, 0)  # I hides them, as it would have shown them
    assert not h.page.coaching.isVisible()
    h.page.perform(Action.NEXT, 0)
    h.page.perform(Action.RATE, 0)
    h.until(StepKind.WORK)  # set 2, after its rest: the steps were in the rest
    assert not h.page.coaching.isVisible()
    h.page.perform(Action.NEXT, 0)
    h.page.perform(Action.RATE, 0)  # straight into the bridge: its steps come with it
    ex = h.driver.view().exercise
    assert ex is not None and ex.id == "bridge" and h.driver.view().step.kind is StepKind.WORK
    assert h.page.coaching.isVisible() and "\u26a0 Caution: Ribs down." in h.page.coaching.texts()


def test_an_exercise_without_steps_or_caution_gives_the_countdown_the_room(
    make: MakePage,
) -> None:
    h = make(quick_routine(hold(hold_s=10)))
    h.driver.start()
    assert not h.page.coaching.isVisible()
    assert not h.page.controls.buttons[Action.SHOW_STEPS].isVisible()


def test_a_rep_hold_counts_its_seconds_on_screen(make: MakePage) -> None:
    h = make(quick_routine(reps("bridge", n=2, tempo=Tempo(2, 3, 2))))
    h.driver.start()
    h.until(StepKind.WORK)
    h.advance(2.2)
    assert h.page.tempo.text() == "HOLD 1 / 3"
    h.advance(1)
    assert h.page.tempo.text() == "HOLD 2 / 3"
    h.advance(1)
    assert h.page.tempo.text() == "HOLD 3 / 3"
    h.advance(1)
    assert h.page.tempo.text() == "LOWER"


def test_a_pause_at_the_bottom_counts_its_seconds_on_screen_too(make: MakePage) -> None:
    h = make(quick_routine(reps("hiker", n=2, tempo=Tempo(2, 0, 2, pause_s=3))))
    h.driver.start()
    h.until(StepKind.WORK)
    h.advance(2.2)
    assert h.page.tempo.text() == "LOWER"
    h.advance(2)
    assert h.page.tempo.text() == "HOLD LOW 1 / 3"
    h.advance(1)
    assert h.page.tempo.text() == "HOLD LOW 2 / 3"
    h.advance(2)
    assert h.page.tempo.text() == "LIFT"  # the next rep


def test_a_click_on_the_count_counts_and_backspace_takes_one_back(
    make: MakePage, qtbot: QtBot
) -> None:
    h = make(quick_routine(self_paced(n=5)))
    h.driver.start()
    h.until(StepKind.WORK)
    qtbot.mouseClick(h.page.big, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(h.page.big, Qt.MouseButton.LeftButton)
    assert h.page.big.text() == "2 / 5"
    assert h.page.perform(Action.UNCOUNT_REP, 0)
    assert h.page.big.text() == "1 / 5"
    undo = h.page.controls.buttons[Action.UNCOUNT_REP]
    assert undo.isVisibleTo(h.page)
    undo.click()
    assert h.page.big.text() == "0 / 5"
    assert h.driver.view().duration_s is None  # the target is untouched
    assert h.driver.engine.dose("bridge").reps == 5


def test_a_click_on_a_countdown_does_nothing(make: MakePage, qtbot: QtBot) -> None:
    h = make(quick_routine(hold(hold_s=10)))
    h.driver.start()
    h.until(StepKind.WORK)
    qtbot.mouseClick(h.page.big, Qt.MouseButton.LeftButton)
    assert not h.driver.view().paused and h.driver.view().step.kind is StepKind.WORK


def test_long_steps_shrink_to_fit_beside_the_countdown(make: MakePage) -> None:
    long_steps = tuple(
        "Stand sideways on a step with one foot hanging off the edge, knee straight, "
        "holding a rail or a wall for balance while you keep your trunk upright."
        for _ in range(4)
    )
    h = make(quick_routine(hold("hiker", 10, setup=long_steps, caution="Stop if it pinches. " * 5)))
    h.driver.start()
    panel = h.page.coaching
    short = make(quick_routine(coached_hold()))
    short.driver.start()
    assert panel.font_px < short.page.coaching.font_px
    assert panel.font_px >= 14
    bottom = panel.caution.geometry().bottom()
    assert bottom <= panel.height()  # nothing cut off at the bottom


def test_a_slip_of_a_rating_is_changed_from_the_choice_or_the_pause_after(
    make: MakePage, qtbot: QtBot
) -> None:
    h = make(quick_routine(hold("a", hold_s=5, sets=2)))
    h.driver.start()
    h.until(StepKind.PAIN)
    h.page.perform(Action.RATE, 7)  # above the limit of 5: the choice
    assert h.page.key_mode() is Mode.CHOICE and h.page.pain.change_button.isVisible()
    qtbot.mouseClick(h.page.pain.change_button, Qt.MouseButton.LeftButton)
    assert h.page.key_mode() is Mode.PAIN
    assert h.page.pain.question.text().startswith("Change the rating of 7")
    assert h.page.pain.skip_button.text() == "No rating"
    h.page.perform(Action.RATE, 1)
    assert h.driver.engine.step.kind is StepKind.REST
    assert h.page.rating_note.isVisible()
    assert h.page.rating_note.text() == "Rated 1/10  \u00b7  Backspace: change"
    assert h.page.perform(Action.CHANGE_RATING, 0) and h.page.key_mode() is Mode.PAIN
    h.page.perform(Action.SKIP_RATING, 0)  # K: no rating after all
    assert h.driver.engine.records[0].pain is None and not h.page.rating_note.isVisible()
    h.until(StepKind.PAIN)  # the next set's question is the usual one
    assert h.page.pain.question.text() == "How much pain did that set cause?"


def test_a_long_unit_never_pushes_the_typed_result_off_the_screen(make: MakePage) -> None:
    from hiptimer.core.routines.model import Measure, Retest

    # docs/routine-format.md: a unit is up to 20 characters, and text never widens the window.
    reach = hold("reach", hold_s=5, test=Retest(Measure.VALUE, "W" * 20))
    h = make(quick_routine(reach))
    h.driver.start()
    h.until(StepKind.MEASURE)
    for key in (1, 2, 3, 4, POINT, 5):
        h.page.perform(Action.TYPE, key)
    number = h.page.result.number
    assert number.text() == "1234.5 " + "W" * 20
    assert number.fontMetrics().horizontalAdvance(number.text()) <= number.width()
    assert h.page.width() == 1280
    short = make(quick_routine(hold("reach", hold_s=5, test=Retest(Measure.VALUE, "cm"))))
    short.driver.start()
    short.until(StepKind.MEASURE)
    big = short.page.result.number.font().pixelSize()
    assert number.font().pixelSize() < big  # shrunk to fit; a short unit keeps the full size


def test_a_re_test_counts_with_space_and_a_measured_result_is_typed_in(make: MakePage) -> None:
    from hiptimer.core.routines.model import Measure, Retest

    chair = hold("chair", hold_s=30, test=Retest(Measure.COUNT, "stands"))
    reach = hold("reach", hold_s=5, test=Retest(Measure.VALUE, "cm"))
    h = make(quick_routine(chair, reach))
    h.driver.start()
    h.until(StepKind.WORK)
    assert h.page.key_mode() is Mode.COUNTING  # Space counts, the clock ends the set
    for _ in range(3):
        h.page.perform(Action.COUNT_REP, 0)
    assert h.text.big == "3" and h.text.big_caption.startswith("counted")  # the count is big
    assert (h.text.big_time, h.text.big_time_caption) == ("30", "time left")  # beside it
    h.until(StepKind.PAIN)
    assert h.driver.engine.records[0].result == 3.0
    h.page.perform(Action.RATE, 1)
    h.until(StepKind.MEASURE)
    assert h.page.key_mode() is Mode.RESULT and h.page.result.isVisible()
    for key in (1, 2, POINT, 5, POINT, 7):  # a second point is ignored
        h.page.perform(Action.TYPE, key)
    h.page.perform(Action.ERASE, 0)
    assert h.page.result.number.text() == "12.5 cm"
    h.page.perform(Action.ACCEPT, 0)
    assert h.driver.engine.records[-1].result == 12.5
    assert h.page.key_mode() is Mode.PAIN


# ---------------------------------------------------------------- buttons that would do nothing


def test_plus_minus_and_steps_are_greyed_where_they_change_nothing(make: MakePage) -> None:
    from hiptimer.core.routines.model import Measure, Retest

    chair = hold("chair", hold_s=30, test=Retest(Measure.COUNT, "stands"), setup=("Sit.",))
    h = make(quick_routine(chair, coached_hold(hold_s=10)))
    b = h.page.controls.buttons
    h.driver.start()
    assert not b[Action.SHOW_STEPS].isEnabled()  # the get-ready shows them anyway
    h.page.perform(Action.SHOW_STEPS, 0)  # and I does nothing there either
    h.until(StepKind.WORK)  # the chair stand: its time is part of the test
    assert not h.page.coaching.isVisible()  # I in the get-ready did not carry into the set
    assert not b[Action.MORE].isEnabled() and not b[Action.LESS].isEnabled()
    assert b[Action.SHOW_STEPS].isEnabled() and b[Action.NEXT].isEnabled()
    h.until(StepKind.PAIN)
    assert not any(b[a].isEnabled() for a in (Action.MORE, Action.LESS, Action.SHOW_STEPS))
    h.page.perform(Action.RATE, 0)
    assert b[Action.MORE].isEnabled() and b[Action.LESS].isEnabled()  # the rest before flexor
    h.until(StepKind.WORK)
    for _ in range(2):
        h.page.perform(Action.LESS, 0)
    assert h.driver.engine.dose("flexor").hold_s == 1
    assert not b[Action.LESS].isEnabled() and b[Action.MORE].isEnabled()  # at the floor


def test_every_session_button_shows_the_key_that_does_the_same(make: MakePage) -> None:
    from hiptimer.ui.a11y import name_and_keys
    from hiptimer.ui.keys import bindings_in, key_word

    bridge = reps("bridge", 3, setup=("Lie on your back.",))  # self-paced, with steps
    h = make(quick_routine(bridge))
    h.driver.start()
    h.until(StepKind.WORK)  # a self-paced set: all eleven buttons
    h.page.perform(Action.COUNT_REP, 0)  # a rep counted: Undo has one to take back
    shown = {a: b for a, b in h.page.controls.buttons.items() if b.isVisibleTo(h.page)}
    assert len(shown) == 11
    arrows = {"\u2190": "Left arrow", "\u2192": "Right arrow"}
    for action, button in shown.items():
        words, key = name_and_keys(button.text())
        assert words.strip(DRAWN).strip() == button.accessibleName() != ""  # ◀ Back: "Back"
        # The key shown is one that the key map binds to the button's action on this screen.
        keys = [k for b in bindings_in(Mode.COUNTING) if b.action is action for k in b.keys]
        assert arrows.get(key, key) == key_word(keys[0]), action
    assert shown[Action.PAUSE].text() == "Pause\n[Space]"
    assert shown[Action.COUNT_REP].text() == "Count rep\n[Enter]"
    assert shown[Action.NEXT].text() == "Next \u25b6\n[\u2192]"


def test_a_chair_stands_time_left_is_as_huge_as_its_count(make: MakePage) -> None:
    from hiptimer.core.routines.model import Measure, Retest

    h = make(quick_routine(hold("chair", hold_s=30, test=Retest(Measure.COUNT, "stands"))))
    h.driver.start()
    h.until(StepKind.WORK)
    h.advance(3.5)
    h.page.perform(Action.COUNT_REP, 0)
    assert (h.page.big.text(), h.page.big_time.text()) == ("1", "27")
    assert h.page.big_time.isVisible() and h.page.big_time_caption.text() == "time left"
    # Read from the mat: the seconds are as large as the count, and huge.
    assert h.page.big_time.pixel_size() >= 0.9 * h.page.big.pixel_size()
    assert h.page.big_time.pixel_size() > 0.2 * h.page.height()
    h.until(StepKind.PAIN)
    h.page.perform(Action.RATE, 0)
    assert not h.page.big_time.isVisible()  # the session is over: one number again


def test_a_self_paced_set_never_says_no_time_left(make: MakePage) -> None:
    h = make(quick_routine(self_paced(n=3, sets=2)))
    h.driver.start()
    h.until(StepKind.WORK)
    # The rest and set 2 follow; this set lasts as long as it takes.
    assert h.page.time_left.text() == "0:11 left after this set"
    for _ in range(3):
        h.page.perform(Action.COUNT_REP, 0)
    h.page.perform(Action.RATE, 0)
    h.until(StepKind.WORK)  # the last set: nothing timed after it
    assert h.page.time_left.text() == "at your own pace"
    assert "0:00" not in h.page.time_left.text()


def test_the_other_side_is_named_as_what_comes_next(make: MakePage) -> None:
    h = make(quick_routine(side_hold(hold_s=5), hold("b", hold_s=5)))
    h.driver.start()
    h.until(StepKind.WORK)
    assert h.text.side == "RIGHT" and h.text.next_line == "Next: left side"
    h.until(StepKind.PAIN)
    assert h.page.next_line.text() == "Next: left side"
    h.page.perform(Action.RATE, 0)
    assert h.text.phase is Phase.SWITCH_SIDES and h.text.next_line == "Next: left side"
    h.until(StepKind.WORK)
    assert h.text.side == "LEFT" and h.text.next_line == "Next exercise: B"


def test_a_lower_dose_and_plus_minus_leave_a_note_of_the_new_dose(make: MakePage) -> None:
    h = make(quick_routine(hold("a", hold_s=9, sets=3), hold("b", hold_s=5)))
    h.driver.start()
    h.until(StepKind.PAIN)
    h.page.perform(Action.RATE, 7)  # above the limit: stop, lower or continue
    h.page.perform(Action.LOWER_DOSE, 0)
    assert h.driver.engine.step.kind is StepKind.REST
    assert h.page.dose_note.isVisible() and h.page.dose_note.text() == "Hold now 6 s (was 9 s)"
    h.until(StepKind.WORK)  # it stays for the exercise's later sets
    assert h.page.dose_note.text() == "Hold now 6 s (was 9 s)"
    h.page.perform(Action.MORE, 0)  # against the dose a began the session with, as the
    assert h.page.dose_note.text() == "Hold now 11 s (was 9 s)"  # summary nets it
    h.page.perform(Action.LESS, 0)  # 11 -> 6 s: still 3 s short of where it began
    assert h.page.dose_note.text() == "Hold now 6 s (was 9 s)"
    h.page.perform(Action.NEXT, 0)
    h.page.perform(Action.RATE, 0)
    h.page.perform(Action.SKIP_EXERCISE, 0)  # on to b: a's note is over
    ex = h.driver.view().exercise
    assert ex is not None and ex.id == "b"
    assert not h.page.dose_note.isVisible()


def test_the_rating_note_and_the_dose_note_stand_apart_on_their_line(make: MakePage) -> None:
    # Seen under Xvfb: "Rated 3/10 · Backspace: change Hold now 1 s (was 6 s)" read as one
    # sentence, 6 px apart, as if Backspace changed the hold.
    h = make(quick_routine(hold("a", hold_s=9, sets=2)))
    h.driver.start()
    h.until(StepKind.WORK)
    h.page.perform(Action.MORE, 0)
    h.page.perform(Action.NEXT, 0)
    h.page.perform(Action.RATE, 1)
    rated, dose = h.page.rating_note, h.page.dose_note
    assert rated.isVisible() and dose.isVisible()
    layout = h.page.layout()
    assert layout is not None
    layout.activate()
    gap = dose.geometry().left() - rated.geometry().right()
    assert gap >= 2 * rated.font().pixelSize(), gap


def test_a_resumed_session_notes_the_dose_it_goes_on_at(qtbot: QtBot) -> None:
    """README: a dose changed during the session is noted on screen until that exercise is
    over; docs/history.md: a resumed session goes on at that dose. The audit: + on a bridge,
    SIGKILL, R: the second set ran at 4 reps but the note had gone with the killed window."""
    bridge = reps("bridge", 3, sets=2)
    r = quick_routine(bridge, hold("b", hold_s=5))
    carried = DosesInForce({"bridge": with_reps(bridge, 4)}, {"bridge": ("reps 3 -> 4",)})
    h = DriverOnFakeClock(r, done_sets=[("bridge", 1, None)], in_force=carried)
    page = WorkoutPage(h.driver, muted=False)
    qtbot.addWidget(page)
    page.setMinimumSize(640, 480)
    page.resize(1280, 760)
    page.show()
    try:
        h.driver.start()
        assert page.dose_note.isVisible() and page.dose_note.text() == "Reps now 4 (was 3)"
        h.until(StepKind.WORK)
        assert page.dose_note.text() == "Reps now 4 (was 3)"
        page.perform(Action.MORE, 0)  # against the dose the session began with, as before
        assert page.dose_note.text() == "Reps now 5 (was 3)"
        page.perform(Action.LESS, 0)
        page.perform(Action.LESS, 0)  # back to where it began: nothing to note
        assert page.dose_note.text() == "" and not page.dose_note.isVisible()
        page.perform(Action.SKIP_EXERCISE, 0)  # on to b: the bridge's note is over
        assert not page.dose_note.isVisible()
    finally:
        h.driver.stop()


def test_muted_shows_sound_off_on_the_workout_screen(make: MakePage, qtbot: QtBot) -> None:
    h = make(quick_routine(hold(hold_s=10)))
    assert not h.page.sound_off.isVisible()
    h.page.set_muted(True)
    assert h.page.sound_off.isVisible() and h.page.sound_off.text() == "Sound off"
    assert h.page.sound_off.font().pixelSize() >= h.page.time_left.font().pixelSize()
    h.page.set_muted(False)
    assert not h.page.sound_off.isVisible()


def test_a_greyed_steps_button_reads_its_plain_name(make: MakePage) -> None:
    h = make(quick_routine(coached_hold(hold_s=10, sets=2)))
    steps = h.page.controls.buttons[Action.SHOW_STEPS]
    h.driver.start()
    # The get-ready and the rests show the steps anyway: greyed, it is "Steps", not its toggle.
    assert h.page.coaching.isVisible() and not steps.isEnabled()
    assert steps.accessibleName() == "Steps" == steps.text()  # and no key: I does nothing
    h.until(StepKind.WORK)
    h.page.perform(Action.SHOW_STEPS, 0)
    assert steps.isEnabled() and steps.accessibleName() == "Hide steps"  # I shows them in a set
    h.until(StepKind.PAIN)
    h.page.perform(Action.RATE, 0)
    assert h.driver.view().step.kind is StepKind.REST
    assert not steps.isEnabled() and steps.accessibleName() == "Steps"


def shown_keys(page: WorkoutPage) -> dict[Action, str]:
    """Each button on screen and the key it shows under its words ("" for none)."""
    from hiptimer.ui.a11y import name_and_keys

    buttons = page.controls.buttons.items()
    return {a: name_and_keys(b.text())[1] for a, b in buttons if b.isVisibleTo(page)}


def performs(key: str, action: Action, mode: Mode) -> bool:
    """Whether the key a button shows does that button's action on the screen of `mode`."""
    from hiptimer.ui.keys import BINDINGS, key_word, resolve

    signs = {"\u2190": Qt.Key.Key_Left, "\u2192": Qt.Key.Key_Right}
    named = {key_word(k): k for b in BINDINGS for k in b.keys if key_word(k)}
    qkey = signs.get(key) or named.get(key)
    found = resolve(qkey, Qt.KeyboardModifier.NoModifier, mode) if qkey else None
    return found is not None and found[0] is action


def test_no_button_shows_a_key_that_does_something_else_on_that_screen(make: MakePage) -> None:
    from hiptimer.core.routines.model import Measure, Retest

    bridge = reps("bridge", 3, setup=("Lie on your back.",))  # self-paced: Enter counts
    reach = hold("reach", hold_s=5, test=Retest(Measure.VALUE, "cm"), setup=("Stand.",))
    h = make(quick_routine(coached_hold(hold_s=5, sets=2), bridge, reach))
    h.driver.start()
    seen: dict[Mode, dict[Action, str]] = {}

    def look() -> None:
        mode = h.page.key_mode()
        keys = seen[mode] = shown_keys(h.page)
        for action, key in keys.items():
            assert key == "" or performs(key, action, mode), (mode, action, key)

    look()  # the get-ready
    h.until(StepKind.WORK)
    look()
    h.until(StepKind.PAIN)
    look()
    h.page.perform(Action.RATE, 7)  # above the limit: S stops the exercise here
    assert h.page.key_mode() is Mode.CHOICE
    look()
    assert seen[Mode.CHOICE][Action.SKIP_EXERCISE] == ""  # greyed, and S is "Stop" here
    h.page.perform(Action.STOP_EXERCISE, 0)
    h.until(StepKind.WORK)  # the bridge, counted
    look()
    for _ in range(3):
        h.page.perform(Action.COUNT_REP, 0)
    h.page.perform(Action.RATE, 0)
    h.until(StepKind.MEASURE)
    look()
    assert set(seen) == {Mode.WORKOUT, Mode.COUNTING, Mode.PAIN, Mode.CHOICE, Mode.RESULT}
    # The keys that work everywhere in a session still show, and so do a set's.
    assert seen[Mode.RESULT][Action.END] == "Esc" and seen[Mode.PAIN][Action.MUTE] == "M"
    assert seen[Mode.COUNTING][Action.COUNT_REP] == "Enter"
    assert seen[Mode.WORKOUT][Action.SKIP_EXERCISE] == "S"


def test_the_next_line_names_the_set_that_truly_comes_next(make: MakePage) -> None:
    # Each side, three sets: right, switch, left, rest; three times over; then b.
    h = make(quick_routine(side_hold(hold_s=5, sets=3), hold("a", hold_s=5, sets=2)))
    h.driver.start()
    seen: list[tuple[int, str, str]] = []
    while not h.driver.view().ended and len(seen) < 40:
        step = h.driver.view().step
        if step.kind is not StepKind.GET_READY:
            seen.append((step.set_number, step.kind.value, h.page.next_line.text()))
        if step.kind is StepKind.PAIN:
            h.page.perform(Action.RATE, 0)
        else:
            h.page.perform(Action.NEXT, 0)
    left_1 = seen.index((1, "work", "Next: set 2, right side"))  # not "Next exercise: A"
    assert seen[left_1 - 2 : left_1 + 3] == [
        (1, "pain", "Next: left side"),
        (1, "switch_sides", "Next: left side"),
        (1, "work", "Next: set 2, right side"),
        (1, "pain", "Next: set 2, right side"),
        (1, "rest", "Next: set 2, right side"),
    ]
    assert (3, "work", "Next exercise: A") in seen  # the last left side: then the next exercise
    assert (1, "work", "Next: set 2") in seen  # a's first set: its second, not "Last exercise"
    assert seen[-2:] == [(2, "work", "Last exercise"), (2, "pain", "Last exercise")]


def test_the_side_pill_stays_whole_on_screen_beside_the_set(make: MakePage, spanish: None) -> None:
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QWidget

    from hiptimer.core.routines.model import SideMode

    # hold-es-1024x768.png: "DERECHA" ran off the screen's edge, over an empty rep line.
    stretch = hold("hamstring-stretch", 60, 3, name="Isquiotibiales", sides=SideMode.EACH)
    h = make(quick_routine(stretch))
    h.page.resize(1024, 708)  # a 1024 x 768 screen less the menu bar
    h.driver.start()
    h.until(StepKind.WORK)
    assert h.page.figure.isVisible() and h.page.side.text() == "DERECHA"

    def box(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(h.page, QPoint(0, 0)), widget.size())

    side, set_line = box(h.page.side), box(h.page.set_line)
    assert h.page.contentsRect().contains(side)  # whole, inside the page's margins
    assert box(h.page.big).left() <= set_line.left() and set_line.right() < side.left()
    if h.page.rep_line.isVisible():
        assert not box(h.page.rep_line).intersects(side)


def test_a_greyed_button_shows_no_key_in_any_phase(make: MakePage) -> None:
    """Its key does nothing there either: "Steps" in the get-ready and the rests reads "Steps"
    alone, never "Steps [I]"; the same for every button greyed on the pain question."""
    h = make(quick_routine(coached_hold(hold_s=10, sets=2)))
    b = h.page.controls.buttons
    h.driver.start()
    seen = set()

    def look() -> None:
        for action, button in b.items():
            if not button.isVisibleTo(h.page):
                continue
            if button.isEnabled():
                assert "\n[" in button.text(), action  # a live button keeps its key
            else:
                seen.add(action)
                assert button.text().strip(DRAWN).strip() == button.accessibleName(), action
                assert "(key:" not in button.toolTip(), action

    look()  # the get-ready
    assert b[Action.SHOW_STEPS].text() == "Steps"
    h.until(StepKind.WORK)
    look()
    assert b[Action.SHOW_STEPS].text() == "Steps\n[I]"  # live in a set
    h.until(StepKind.PAIN)
    look()
    h.page.perform(Action.RATE, 7)  # the choice above the limit
    look()
    h.page.perform(Action.CONTINUE, 0)
    assert h.driver.view().step.kind is StepKind.REST
    look()
    assert b[Action.SHOW_STEPS].text() == "Steps"
    assert {Action.SHOW_STEPS, Action.PAUSE, Action.NEXT} <= seen


def test_undo_is_greyed_until_a_rep_is_counted(make: MakePage) -> None:
    """At a count of 0 there is nothing to take back: Undo is greyed (no key under it) and
    Backspace does nothing; the first rep counted makes it live, taking it back greys it again."""
    from hiptimer.core.routines.model import SideMode

    h = make(quick_routine(self_paced(n=3), reps("march", 2, sides=SideMode.ALTERNATING)))
    undo = h.page.controls.buttons[Action.UNCOUNT_REP]
    h.driver.start()
    h.until(StepKind.WORK)
    assert undo.isVisibleTo(h.page) and not undo.isEnabled()
    assert undo.text() == "Undo"  # greyed: no key shown
    assert h.page.perform(Action.UNCOUNT_REP, 0)  # the page's key, doing nothing
    assert h.page.big.text() == "0 / 3" and h.driver.view().step.kind is StepKind.WORK
    h.page.perform(Action.COUNT_REP, 0)
    assert undo.isEnabled() and undo.text() == "Undo\n[Backspace]"
    h.page.perform(Action.UNCOUNT_REP, 0)
    assert not undo.isEnabled() and h.page.big.text() == "0 / 3"
    for _ in range(3):
        h.page.perform(Action.COUNT_REP, 0)
    h.page.perform(Action.RATE, 0)
    h.until(StepKind.WORK)  # marching, each press one leg: one press is worth taking back
    assert not undo.isEnabled()
    h.page.perform(Action.COUNT_REP, 0)
    assert undo.isEnabled()


def test_on_a_reps_exercise_the_greyed_adjust_buttons_still_name_reps(make: MakePage) -> None:
    """The pain question and the choice after it grey + and -; on a reps exercise they still
    read "Target -1" / "Target +1" (as in its sets), to the eye and to a screen reader, never
    the "-5 s" / "+5 s" of a hold; the rest after it lengthens the pause, "+5 s" again."""
    h = make(quick_routine(self_paced(n=2, sets=2)))
    b = h.page.controls.buttons
    h.driver.start()
    h.until(StepKind.WORK)
    for _ in range(2):
        h.page.perform(Action.COUNT_REP, 0)
    assert h.driver.view().step.kind is StepKind.PAIN
    for mode in (Mode.PAIN, Mode.CHOICE):
        assert h.page.key_mode() is mode
        assert not b[Action.LESS].isEnabled() and not b[Action.MORE].isEnabled()
        assert b[Action.LESS].text() == b[Action.LESS].accessibleName() == "Target \u22121"
        assert b[Action.MORE].text() == b[Action.MORE].accessibleName() == "Target +1"
        assert "rep" in b[Action.MORE].toolTip()
        if mode is Mode.PAIN:
            h.page.perform(Action.RATE, 7)  # above the limit: the choice
    h.page.perform(Action.CONTINUE, 0)
    assert h.driver.view().step.kind is StepKind.REST
    assert b[Action.MORE].accessibleName() == "+5 s"  # the rest's own seconds


def test_back_is_greyed_in_the_first_get_ready_and_its_key_does_nothing(
    make: MakePage,
) -> None:
    """Nothing comes before the first get-ready: Back (Left arrow, B) restarted it, dropping
    a +5 s added; it is greyed there, as Undo is at a count of 0, and reads as such later on."""
    h = make(quick_routine(hold(hold_s=10)))
    h.driver.start()
    back = h.page.controls.buttons[Action.BACK]
    assert h.page.perform(Action.MORE, 0)
    remaining = h.driver.view().remaining_s
    assert not back.isEnabled()
    h.page.perform(Action.BACK, 0)
    assert h.driver.view().remaining_s == remaining
    h.until(StepKind.WORK)
    assert back.isEnabled()


def test_the_huge_count_keeps_its_size_from_ten_to_nine(make: MakePage) -> None:
    # Its width followed the digits shown: beside the steps of a 12 s get-ready the count
    # jumped from 185 to 367 px at 9, for the last nine seconds.
    r = quick_routine(side_hold(hold_s=12))
    h = make(dataclasses.replace(r, rests=dataclasses.replace(r.rests, get_ready_s=12)))
    h.page.resize(640, 760)
    h.driver.start()
    advance_until(h.clock, lambda: h.page.big.text() == "10", h.driver.poll)
    at_ten = h.page.big.pixel_size()
    advance_until(h.clock, lambda: h.page.big.text() == "9", h.driver.poll)
    assert h.page.big.pixel_size() == at_ten


def test_a_holds_last_minute_is_counted_as_large_as_it_fits(make: MakePage) -> None:
    h = make(quick_routine(hold("stretch", hold_s=65)))
    h.page.resize(640, 760)
    h.driver.start()
    h.until(StepKind.WORK)
    advance_until(h.clock, lambda: h.page.big.text() == "1:00", h.driver.poll)
    in_minutes = h.page.big.pixel_size()
    advance_until(h.clock, lambda: h.page.big.text() == "59", h.driver.poll)
    assert h.page.big.pixel_size() > in_minutes  # "59" sized for two digits, not "0:00"


@pytest.mark.usefixtures("spanish")
def test_up_next_in_spanish_shows_its_dose_whole_at_1280_px(make: MakePage) -> None:
    """'A continuación: Rotación lateral del tronco (caída de rodillas) — 1 x 5 (5-10)
    repeticiones por lado, al…' lost its last word at 1280 x 800: the line now gets a little
    smaller before it cuts, as the steps beside the countdown do."""
    from hiptimer.core.routines.catalog import load_catalog

    h = make(load_catalog().find("spinal-stenosis-basics"))
    h.driver.start()
    line = h.page.next_line
    assert line.text().endswith("repeticiones por lado, alternando")
    assert line.shown_text() == line.text()
    assert line.drawn_px() >= 0.8 * line.font().pixelSize()
