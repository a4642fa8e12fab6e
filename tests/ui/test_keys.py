"""Tests for the key map: every screen's keys, and the keys each screen ignores."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hiptimer.ui.keys import KEY_NAMES, POINT, Action, Mode, resolve

K = Qt.Key
NONE = Qt.KeyboardModifier.NoModifier


def act(
    key: Qt.Key, mode: Mode, modifiers: Qt.KeyboardModifier = NONE
) -> tuple[Action, int] | None:
    return resolve(key.value, modifiers, mode)


@pytest.mark.parametrize(
    ("key", "action"),
    [
        (K.Key_Space, Action.PAUSE),
        (K.Key_Return, Action.PAUSE),
        (K.Key_P, Action.PAUSE),
        (K.Key_Right, Action.NEXT),
        (K.Key_N, Action.NEXT),
        (K.Key_Left, Action.BACK),
        (K.Key_B, Action.BACK),
        (K.Key_Plus, Action.MORE),
        (K.Key_Equal, Action.MORE),
        (K.Key_Minus, Action.LESS),
        (K.Key_S, Action.SKIP_EXERCISE),
        (K.Key_M, Action.MUTE),
        (K.Key_Escape, Action.END),
        (K.Key_F11, Action.FULL_SCREEN),
    ],
)
def test_workout_keys(key: Qt.Key, action: Action) -> None:
    assert act(key, Mode.WORKOUT) == (action, 0)


def test_space_and_enter_count_reps_in_a_self_paced_set_and_p_pauses() -> None:
    assert act(K.Key_Space, Mode.COUNTING) == (Action.COUNT_REP, 0)
    assert act(K.Key_Enter, Mode.COUNTING) == (Action.COUNT_REP, 0)
    assert act(K.Key_P, Mode.COUNTING) == (Action.PAUSE, 0)


def test_backspace_takes_a_count_back_or_a_rating_and_i_shows_the_steps() -> None:
    assert act(K.Key_Backspace, Mode.COUNTING) == (Action.UNCOUNT_REP, 0)
    # Elsewhere in a session (the pause after a rating, the choice after a high one) it goes
    # back to the rating just given; the engine refuses it when there is none to change.
    assert act(K.Key_Backspace, Mode.WORKOUT) == (Action.CHANGE_RATING, 0)
    assert act(K.Key_Backspace, Mode.CHOICE) == (Action.CHANGE_RATING, 0)
    assert act(K.Key_Left, Mode.CHOICE) == act(K.Key_B, Mode.CHOICE) == (Action.CHANGE_RATING, 0)
    assert act(K.Key_I, Mode.WORKOUT) == (Action.SHOW_STEPS, 0)
    assert act(K.Key_I, Mode.COUNTING) == (Action.SHOW_STEPS, 0)
    for mode in (Mode.PAIN, Mode.CHOICE, Mode.LIBRARY, Mode.SUMMARY):
        assert act(K.Key_I, mode) is None
    for mode in (Mode.PAIN, Mode.LIBRARY, Mode.SUMMARY):
        assert act(K.Key_Backspace, mode) in (None, (Action.LIBRARY, 0))


def test_digits_and_t_rate_pain_and_navigation_is_ignored() -> None:
    assert [act(getattr(K, f"Key_{n}"), Mode.PAIN) for n in range(10)] == [
        (Action.RATE, n) for n in range(10)
    ]
    assert act(K.Key_T, Mode.PAIN) == (Action.RATE, 10)
    assert act(K.Key_K, Mode.PAIN) == (Action.SKIP_RATING, 0)
    assert act(K.Key_Delete, Mode.PAIN) == (Action.SKIP_RATING, 0)
    for key in (K.Key_Right, K.Key_Left, K.Key_N, K.Key_B, K.Key_S, K.Key_Space, K.Key_Return):
        assert act(key, Mode.PAIN) is None
    assert act(K.Key_M, Mode.PAIN) == (Action.MUTE, 0)
    assert act(K.Key_Escape, Mode.PAIN) == (Action.END, 0)


def test_high_pain_choices() -> None:
    assert act(K.Key_S, Mode.CHOICE) == (Action.STOP_EXERCISE, 0)
    assert act(K.Key_L, Mode.CHOICE) == (Action.LOWER_DOSE, 0)
    assert act(K.Key_C, Mode.CHOICE) == (Action.CONTINUE, 0)
    assert act(K.Key_5, Mode.CHOICE) is None
    assert act(K.Key_Right, Mode.CHOICE) is None


def test_library_summary_and_notice_keys() -> None:
    assert act(K.Key_Return, Mode.LIBRARY) == (Action.START, 0)
    assert act(K.Key_Down, Mode.LIBRARY) == (Action.SELECT_NEXT, 0)
    assert act(K.Key_Up, Mode.LIBRARY) == (Action.SELECT_PREVIOUS, 0)
    # Enter goes back to the library: a rep counted once too often must not quit the app.
    assert act(K.Key_Return, Mode.SUMMARY) == (Action.LIBRARY, 0)
    assert act(K.Key_Escape, Mode.SUMMARY) == (Action.LIBRARY, 0)
    assert act(K.Key_Return, Mode.FIRST_RUN) == (Action.ACCEPT, 0)
    assert act(K.Key_Escape, Mode.FIRST_RUN) is None


def test_keys_with_ctrl_or_alt_are_left_to_the_menus() -> None:
    assert act(K.Key_Q, Mode.WORKOUT, Qt.KeyboardModifier.ControlModifier) is None
    assert act(K.Key_N, Mode.WORKOUT, Qt.KeyboardModifier.AltModifier) is None
    assert act(K.Key_Plus, Mode.WORKOUT, Qt.KeyboardModifier.ShiftModifier) == (Action.MORE, 0)
    assert act(K.Key_5, Mode.PAIN, Qt.KeyboardModifier.KeypadModifier) == (Action.RATE, 5)


def test_every_button_action_has_a_key_name() -> None:
    for action in Action:
        if action not in (Action.RATE, Action.SELECT_NEXT, Action.SELECT_PREVIOUS):
            assert action in KEY_NAMES


def test_a_measured_result_is_typed_with_digits_a_point_backspace_and_enter() -> None:
    assert act(K.Key_7, Mode.RESULT) == (Action.TYPE, 7)
    assert act(K.Key_Period, Mode.RESULT) == act(K.Key_Comma, Mode.RESULT) == (Action.TYPE, POINT)
    assert act(K.Key_Backspace, Mode.RESULT) == (Action.ERASE, 0)
    assert act(K.Key_Return, Mode.RESULT) == (Action.ACCEPT, 0)
    assert act(K.Key_K, Mode.RESULT) == (Action.SKIP_RATING, 0)
    assert act(K.Key_Right, Mode.RESULT) is None  # no moving on before the result
    assert act(K.Key_Escape, Mode.RESULT) == (Action.END, 0)


def test_key_names_are_said_in_the_language_in_use(spanish: None) -> None:
    assert KEY_NAMES[Action.SKIP_RATING] == "K o Supr"
    assert KEY_NAMES[Action.START] == "Intro" and KEY_NAMES[Action.MUTE] == "M"
