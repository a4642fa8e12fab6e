"""A re-test's result prompt: the number as the language writes it, and as a screen reader
gives it (Tab reaches its two buttons only)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.core.session.events import SetRecord
from hiptimer.ui.keys import POINT
from hiptimer.ui.session.result_prompt import ResultPrompt

AT = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)


def described(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.text(QAccessible.Text.Description)


def test_the_buttons_are_read_with_the_question_the_test_and_the_number(qtbot: QtBot) -> None:
    # "Type in the result", the test's name and the number typed were labels Tab never
    # reaches, and Orca 43 hears no announcement of the number.
    prompt = ResultPrompt()
    qtbot.addWidget(prompt)
    stand = SetRecord(
        0, "stand", "Chair stand", None, 1, 30.0, 30.0, None, None, True, False,
        AT, AT, pain=2, result_unit="stands",
    )  # fmt: skip
    prompt.ask(stand)
    asked = "Type in the result: Chair stand, set 1."
    assert described(prompt.skip_button) == f"{asked} Go on without a result (key: K or Delete)"
    prompt.type(1)
    prompt.type(2)
    assert described(prompt.save_button) == f"{asked} 12 stands. Key: Enter"


def test_no_result_shows_its_key_as_the_pain_questions_buttons_do(qtbot: QtBot) -> None:
    # The README's K (go on without a result) was on no label of this screen: the hint
    # names digits, Backspace and Enter, and the pain question says "K to skip".
    prompt = ResultPrompt()
    qtbot.addWidget(prompt)
    prompt.ask(None)
    assert prompt.skip_button.text() == "No result   [K]"
    assert prompt.skip_button.accessibleName() == "No result"  # a reader says no bracket


def test_save_names_its_key_as_every_button_does(qtbot: QtBot) -> None:
    """The outside tester: "A button names the first of its keys, its tooltip all of them"
    (README), and the re-test's Save read "Save" beside "No result   [K]", with no tooltip;
    greyed, before a digit is typed, it shows none, as Enter does nothing then."""
    prompt = ResultPrompt()
    qtbot.addWidget(prompt)
    prompt.ask(None)
    assert not prompt.save_button.isEnabled() and prompt.save_button.text() == "Save"  # greyed
    prompt.type(1)
    assert prompt.save_button.text() == "Save   [Enter]"
    assert prompt.save_button.accessibleName() == "Save"
    assert prompt.save_button.toolTip() == "Save the result (key: Enter)"


def _typed(qtbot: QtBot, *keys: int) -> ResultPrompt:
    prompt = ResultPrompt()
    qtbot.addWidget(prompt)
    prompt.ask(None)
    for key in keys:
        prompt.type(key)
    return prompt


def test_the_typed_number_shows_the_decimal_comma_in_spanish(qtbot: QtBot, spanish: None) -> None:
    prompt = _typed(qtbot, 2, POINT, 5)
    assert prompt.number.text() == "2,5" and prompt.value() == 2.5


def test_the_typed_number_shows_the_decimal_mark_of_any_language(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/translating.md: a new language sets its mark in DECIMAL_MARKS, and every number
    on screen follows it (the typed result once knew only Spanish)."""
    monkeypatch.setitem(i18n.DECIMAL_MARKS, i18n.language(), "\u00b7")
    prompt = _typed(qtbot, 2, POINT, 5)
    assert prompt.number.text() == "2\u00b75" and prompt.value() == 2.5


def test_the_result_question_takes_the_focus_as_it_comes_and_gives_it_back(qtbot: QtBot) -> None:
    # As the pain question does (test_pain_prompt): Orca 43 hears no announcement, only what
    # takes the focus, and the result prompt came without a word, the focus left on the page.
    from PySide6.QtCore import Qt

    from hiptimer.core.clock import FakeClock, FakeWall
    from hiptimer.core.routines.model import Measure, Retest
    from hiptimer.core.settings import SettingsStore
    from hiptimer.ui.keys import Mode
    from hiptimer.ui.main_window import MainWindow
    from hiptimer.ui.session.workout_page import WorkoutPage
    from tests.harness import hold, quick_routine
    from tests.ui.sessions import advance_until, fake_services, library_of

    clock = FakeClock()
    store = SettingsStore()
    store.update(first_run_done=True, setup_mode="never")
    reach = hold("reach", hold_s=5, sets=1, test=Retest(Measure.VALUE, "cm"))
    window = MainWindow(
        store, fake_services(), clock=clock, wall=FakeWall(clock),
        library=library_of(quick_routine(reach)),
    )  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClick(window, Qt.Key.Key_Return)
    advance_until(window, clock, lambda: window.nav.key_mode() is Mode.RESULT)
    page = window.findChild(WorkoutPage)
    assert page is not None and window.focusWidget() is page.result
    iface = QAccessible.queryAccessibleInterface(page.result)
    assert iface is not None
    assert iface.text(QAccessible.Text.Name) == "Type in the result"
    assert iface.text(QAccessible.Text.Description) == (
        "Reach, set 1. Digits, and . for a decimal; Backspace deletes; Enter saves"
    )
    for key in (Qt.Key.Key_1, Qt.Key.Key_2):  # the keys still reach the key map
        qtbot.keyClick(window, key)
    assert page.result.number.text() == "12 cm"
    qtbot.keyClick(window, Qt.Key.Key_Tab)  # Tab goes on to its buttons, as they are seen
    assert window.focusWidget() is page.result.skip_button
    qtbot.keyClick(window, Qt.Key.Key_Tab)
    assert window.focusWidget() is page.result.save_button
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert window.nav.key_mode() is Mode.PAIN  # saved; the pain question has the focus now
    assert window.focusWidget() is page.pain.panel
    assert window.session is not None
    assert window.session.driver.engine.records[-1].result == 12.0
    window.session.driver.stop()


def test_a_result_takes_no_more_decimals_than_the_record_keeps(qtbot: QtBot) -> None:
    """record26: 1.2345 typed was stored so and exported as 1.235 (the CSV keeps three
    decimals, docs/history.md): a fourth decimal is not taken, as an eighth character is not,
    so what is typed, stored and exported agree."""
    prompt = _typed(qtbot, 1, POINT, 2, 3, 4, 5)
    assert prompt.number.text() == "1.234" and prompt.value() == 1.234
    prompt.erase()
    prompt.type(9)
    assert prompt.value() == 1.239
    assert _typed(qtbot, 1, 2, 3, 4, 5, POINT, 6).value() == 12345.6  # whole digits as before
