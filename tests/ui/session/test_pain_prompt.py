"""Tests for the pain question: the 0-10 panel, its keys, and the choices above the limit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.clock import FakeClock, FakeWall
from hiptimer.core.routines.model import Exercise
from hiptimer.core.session.engine import SessionEngine
from hiptimer.core.session.events import PainChoice, SetRecord
from hiptimer.core.session.steps import Side, StepKind
from hiptimer.core.settings import SettingsStore
from hiptimer.ui import theme
from hiptimer.ui.keys import Mode
from hiptimer.ui.main_window import MainWindow
from hiptimer.ui.palette import DARK, HIGH_CONTRAST, LIGHT, Palette
from hiptimer.ui.session.pain_prompt import ANCHORS, PainPrompt
from hiptimer.ui.session.workout_page import WorkoutPage
from hiptimer.ui.widgets.item_lines import plain_spaces
from tests.harness import hold, quick_routine
from tests.ui.sessions import (
    advance_until,
    fake_services,
    library_of,
    no_timer_left,  # noqa: F401 (a fixture)
    until_change,
)

pytestmark = pytest.mark.usefixtures("no_timer_left")

K = Qt.Key


@pytest.fixture
def prompt(qtbot: QtBot) -> PainPrompt:
    widget = PainPrompt(pain_limit=5)
    qtbot.addWidget(widget)
    widget.setMinimumSize(640, 480)
    widget.resize(1200, 600)
    widget.show()
    return widget


def test_the_scale_has_eleven_buttons_and_anchors_in_words(prompt: PainPrompt) -> None:
    prompt.ask_rating(None)
    assert [b.text() for b in prompt.scale_buttons] == [str(n) for n in range(11)]
    assert ANCHORS[0] == "none" and "safe" in ANCHORS[2]
    assert "acceptable" in ANCHORS[5] and "worst" in ANCHORS[10]
    assert "T for 10" in plain_spaces(prompt.hint.text())  # its items wrap whole
    assert prompt.scale_buttons[10].toolTip().endswith("(key: T)")
    assert not prompt.asking_choice


def test_clicks_report_ratings_skips_and_choices(prompt: PainPrompt, qtbot: QtBot) -> None:
    with qtbot.waitSignal(prompt.rated) as rated:
        prompt.scale_buttons[7].click()
    assert rated.args == [7]
    with qtbot.waitSignal(prompt.skipped):
        prompt.skip_button.click()
    prompt.ask_choice(None)
    assert prompt.asking_choice
    with qtbot.waitSignal(prompt.chosen) as chosen:
        prompt.choice_buttons[PainChoice.LOWER].click()
    assert chosen.args == [PainChoice.LOWER]
    keys = [b.text().rsplit("[", 1)[1] for b in prompt.choice_buttons.values()]
    assert keys == ["S]", "L]", "C]"]


def test_at_the_smallest_dose_the_lower_choice_says_so_and_is_off(prompt: PainPrompt) -> None:
    prompt.ask_choice(None, can_lower=False)
    lower = prompt.choice_buttons[PainChoice.LOWER]
    assert not lower.isEnabled()
    assert lower.text() == "Already the smallest dose"
    prompt.ask_choice(None)
    assert lower.isEnabled() and lower.text() == "Continue at a lower dose   [L]"


def test_each_choice_is_read_with_the_question_it_answers(prompt: PainPrompt) -> None:
    # Orca read "Stop this exercise for today push button" at the first Tab: the heading
    # above the choices (the pain, the limit, "What now?") could only be seen.
    clam = SetRecord(
        0, "clam", "Clamshell", None, 1, 30.0, 30.0, None, None, True, False, AT, AT, pain=7
    )
    prompt.ask_choice(clam)
    for button in prompt.choice_buttons.values():
        iface = QAccessible.queryAccessibleInterface(button)
        assert iface is not None
        said = iface.text(QAccessible.Text.Description)
        key = button.text().rsplit("[", 1)[1].rstrip("]")
        assert said == f"Pain 7 out of 10 is above your limit of 5. What now? Key: {key}"
        # Not the name again: Orca 43 said "Continue push button. Pain 7 out of 10 is above
        # your limit of 5. What now? Continue (key: C)".
        assert iface.text(QAccessible.Text.Name) not in said


AT = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)


def test_on_a_retest_the_lower_choice_says_the_test_keeps_its_time(prompt: PainPrompt) -> None:
    stand = SetRecord(
        0, "stand", "Chair stand", None, 1, 30.0, 30.0, None, None, True, False,
        AT, AT, pain=7, result=12.0, result_unit="stands",
    )  # fmt: skip
    prompt.ask_choice(stand, can_lower=False)
    lower = prompt.choice_buttons[PainChoice.LOWER]
    assert not lower.isEnabled() and lower.text() == "A re-test keeps its time"


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize("look", [DARK, LIGHT, HIGH_CONTRAST], ids=lambda p: p.name)
def test_tab_on_a_choice_changes_its_edge_to_a_colour_told_apart(
    qtbot: QtBot, look: Palette
) -> None:
    # In the dark theme the focus ring (#FFD54F) on "Continue at a lower dose", whose own
    # edge is amber (#FFB74D), looked the same from the mat (Xvfb, keyboard only).
    theme.use(look)
    try:
        widget = PainPrompt(pain_limit=5)
        qtbot.addWidget(widget)
        widget.resize(1200, 600)
        widget.show()
        widget.ask_choice(None)
        for button in widget.choice_buttons.values():
            edge = button.grab().toImage().pixelColor(1, button.height() // 2)
            button.setFocus(Qt.FocusReason.TabFocusReason)
            qtbot.waitUntil(button.hasFocus)
            ring = button.grab().toImage().pixelColor(1, button.height() // 2)
            apart = sum(
                abs(a - b)
                for a, b in (
                    (edge.red(), ring.red()),
                    (edge.green(), ring.green()),
                    (edge.blue(), ring.blue()),
                )
            )
            assert apart >= 120, (look.name, button.text(), edge.name(), ring.name())
    finally:
        theme.use(DARK)


def test_the_buttons_scale_with_the_window(prompt: PainPrompt) -> None:
    prompt.resize(1200, 700)
    big = prompt.scale_buttons[0].width()
    prompt.resize(800, 500)
    assert prompt.scale_buttons[0].width() < big
    assert big >= 80  # a target for a finger, and a number read from the mat


def test_a_long_name_gives_way_to_the_set_and_side(prompt: PainPrompt) -> None:
    # At 800 x 600 in large print in Spanish the line under the question read "Side-lying hip
    # abduction with a resistance band just above both knees, serie 1, lado derec…": the
    # name, the page's heading too, is now what is cut; a screen reader hears the line whole.
    name = "Side-lying hip abduction with a resistance band just above both knees"
    band = SetRecord(0, "band", name, Side.RIGHT, 1, 30.0, 30.0, None, None, True, False, AT, AT)
    prompt.ask_rating(band)
    prompt.resize(700, 500)
    shown = prompt.about.shown_text()
    assert shown.endswith("\u2026, set 1, right side"), shown
    assert shown.startswith("Side-lying")
    assert f"{name}, set 1, right side." in prompt.panel.accessibleDescription()


# ---------------------------------------------------------------- by keyboard


@pytest.fixture
def session(qtbot: QtBot) -> Iterator[tuple[MainWindow, FakeClock]]:
    window, clock = at_first_rating(qtbot, hold("a", hold_s=10, sets=3), hold("b", hold_s=10))
    yield window, clock
    if window.session is not None:
        window.session.driver.stop()


def at_first_rating(qtbot: QtBot, *exercises: Exercise) -> tuple[MainWindow, FakeClock]:
    """A window on a routine of these exercises, its session started and asking the first
    rating."""
    clock = FakeClock()
    store = SettingsStore()
    store.update(first_run_done=True, setup_mode="never")
    r = quick_routine(*exercises)
    window = MainWindow(
        store, fake_services(), clock=clock, wall=FakeWall(clock), library=library_of(r)
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClick(window, K.Key_Return)
    until_change(window, clock, lambda: window.nav.key_mode() is Mode.PAIN, marks=True)
    return window, clock


def workout(window: MainWindow) -> WorkoutPage:
    assert window.session is not None
    return window.session.page


def engine(window: MainWindow) -> SessionEngine:
    assert window.session is not None
    return window.session.driver.engine


def test_one_digit_rates_the_set(session: tuple[MainWindow, FakeClock], qtbot: QtBot) -> None:
    window, _ = session
    qtbot.keyClick(window, K.Key_3)
    assert engine(window).records[0].pain == 3
    assert engine(window).step.kind is StepKind.REST


def test_t_rates_ten_and_the_choices_follow(
    session: tuple[MainWindow, FakeClock], qtbot: QtBot
) -> None:
    window, _ = session
    qtbot.keyClick(window, K.Key_T)
    assert engine(window).records[0].pain == 10
    assert window.nav.key_mode() is Mode.CHOICE
    qtbot.keyClick(window, K.Key_4)  # a digit now does nothing: choose first
    assert engine(window).records[0].pain == 10
    qtbot.keyClick(window, K.Key_S)
    assert engine(window).records[0].pain_choice is PainChoice.STOP
    exercise = engine(window).view().exercise
    assert exercise is not None and exercise.id == "b"


@pytest.mark.parametrize(
    "key", [K.Key_Right, K.Key_Left, K.Key_N, K.Key_B, K.Key_S, K.Key_Space, K.Key_Plus]
)
def test_navigation_keys_do_not_dismiss_the_prompt(
    session: tuple[MainWindow, FakeClock], qtbot: QtBot, key: Qt.Key
) -> None:
    window, _ = session
    qtbot.keyClick(window, key)
    assert window.nav.key_mode() is Mode.PAIN
    assert engine(window).records[0].pain is None


@pytest.mark.parametrize("key", [K.Key_K, K.Key_Delete])
def test_k_or_delete_skips_the_rating(
    session: tuple[MainWindow, FakeClock], qtbot: QtBot, key: Qt.Key
) -> None:
    window, _ = session
    qtbot.keyClick(window, key)
    assert engine(window).step.kind is StepKind.REST
    assert engine(window).records[0].pain is None


def test_lower_and_continue_keys(session: tuple[MainWindow, FakeClock], qtbot: QtBot) -> None:
    window, clock = session
    qtbot.keyClick(window, K.Key_8)
    qtbot.keyClick(window, K.Key_L)
    assert engine(window).dose("a").hold_s == 7
    advance_until(window, clock, lambda: window.nav.key_mode() is Mode.PAIN)
    qtbot.keyClick(window, K.Key_9)
    qtbot.keyClick(window, K.Key_C)
    assert engine(window).records[1].pain_choice is PainChoice.CONTINUE
    assert engine(window).step.kind is StepKind.REST


def test_the_prompt_is_a_panel_in_the_window_not_a_dialog(
    session: tuple[MainWindow, FakeClock], qtbot: QtBot
) -> None:
    window, _ = session
    page = workout(window)
    assert page.pain.isVisible()
    assert window.isVisible()  # the panel is in the window: no modal dialog
    assert window.findChildren(PainPrompt) == [page.pain]


def test_l_on_a_5_s_hold_changes_nothing_and_the_choice_stays(qtbot: QtBot) -> None:
    window, _ = at_first_rating(qtbot, hold("a", hold_s=5, sets=2))
    qtbot.keyClick(window, K.Key_7)
    prompt = window.findChild(PainPrompt)
    assert prompt is not None and not prompt.choice_buttons[PainChoice.LOWER].isEnabled()
    qtbot.keyClick(window, K.Key_L)
    assert window.nav.key_mode() is Mode.CHOICE and engine(window).adjustments == {}
    qtbot.keyClick(window, K.Key_C)
    assert engine(window).records[0].pain_choice is PainChoice.CONTINUE
    if window.session is not None:
        window.session.driver.stop()


def test_the_question_takes_the_focus_as_it_comes_and_gives_it_back(
    session: tuple[MainWindow, FakeClock], qtbot: QtBot
) -> None:
    # Orca 43 said nothing as the question came (it does not hear the announcement): a
    # reader says what takes the focus, so the panel takes it, named by its question.
    window, _ = session
    page = workout(window)
    assert window.focusWidget() is page.pain.panel
    iface = QAccessible.queryAccessibleInterface(page.pain.panel)
    assert iface is not None
    assert iface.text(QAccessible.Text.Name) == "How much pain did that set cause?"
    said = iface.text(QAccessible.Text.Description)
    assert said.startswith("A, set 1. Your limit is 5: above it you choose what to do next.")
    assert said.endswith("K to skip") and "\u00b7" not in said
    qtbot.keyClick(window, K.Key_8)  # above the limit: the choice comes, and the focus
    iface = QAccessible.queryAccessibleInterface(window.focusWidget())
    assert iface is not None
    assert iface.text(QAccessible.Text.Name) == (
        "Pain 8 out of 10 is above your limit of 5. What now?"
    )
    qtbot.keyClick(window, K.Key_Tab)  # Tab goes on to the choices
    assert window.focusWidget() is page.pain.choice_buttons[PainChoice.STOP]
    qtbot.keyClick(window, K.Key_C)
    # Home, not on to a button next in the Tab order that Space or Enter would press.
    assert window.focusWidget() is page


def test_the_question_is_fitted_once_as_it_comes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At its size in the window, each time it is asked: not first at the size a hidden
    panel has (100 x 30 before it was ever shown) and again as the page shows it."""
    fitted: list[tuple[int, int]] = []
    fit = PainPrompt._fit

    def counted(prompt: PainPrompt) -> None:
        fitted.append((prompt.width(), prompt.height()))
        fit(prompt)

    monkeypatch.setattr(PainPrompt, "_fit", counted)
    window, clock = at_first_rating(qtbot, hold("a", hold_s=10, sets=2))
    prompt = workout(window).pain
    shown = (prompt.width(), prompt.height())
    assert fitted == [shown]
    fonts = [label.font().pixelSize() for label in (prompt.question, prompt.hint)]
    fit(prompt)  # fitted again where it is: nothing changes, so nothing was left undone
    assert [label.font().pixelSize() for label in (prompt.question, prompt.hint)] == fonts
    fitted.clear()
    qtbot.keyClick(window, K.Key_3)
    advance_until(window, clock, lambda: window.nav.key_mode() is Mode.PAIN)
    assert fitted == [shown]  # the second set's, on a panel that kept its size while hidden


def _said(widget: QWidget | None) -> tuple[str, str]:
    assert widget is not None
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.text(QAccessible.Text.Name), iface.text(QAccessible.Text.Description)


def test_the_scale_is_read_with_what_its_numbers_mean_and_answered_by_keys_from_it(
    session: tuple[MainWindow, FakeClock], qtbot: QtBot
) -> None:
    # A reader heard "0 push button. Pain 0 out of 10 (key: 0)" and "10 ... (key: T)": what
    # the scale means (0 none, 10 worst imaginable) was only drawn under its buttons.
    window, _ = session
    page = workout(window)
    question, about = _said(page.pain.panel)
    assert question == "How much pain did that set cause?"
    assert "0 is no pain, 10 the worst imaginable." in about
    heard = []
    for _n in range(11):
        qtbot.keyClick(window.focusWidget(), K.Key_Tab)
        heard.append(_said(window.focusWidget()))
    assert [name for name, _about in heard] == [str(n) for n in range(11)]
    assert heard[0][1] == "Pain 0 out of 10: none (key: 0)"
    assert heard[2][1] == "Pain 2 out of 10: mild \u2014 safe (key: 2)"
    assert heard[3][1] == "Pain 3 out of 10 (key: 3)"
    assert heard[5][1] == "Pain 5 out of 10: upper limit of acceptable (key: 5)"
    assert heard[10][1] == "Pain 10 out of 10: worst imaginable (key: T)"
    for _n in range(7):
        qtbot.keyClick(window.focusWidget(), K.Key_Backtab)
    assert _said(window.focusWidget())[0] == "3"
    qtbot.keyClick(window.focusWidget(), K.Key_Space)  # Space presses the one Tab is on
    assert engine(window).records[0].pain == 3
