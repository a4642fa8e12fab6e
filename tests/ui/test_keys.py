"""Tests for the key map: every screen's keys, one meaning per key, and the keys ignored."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hiptimer.ui.keys import (
    BINDINGS,
    KEY_NAMES,
    POINT,
    SHORTCUTS,
    Action,
    Binding,
    Mode,
    Shortcut,
    binding_for,
    key_name,
    keys_text,
    resolve,
)

K = Qt.Key
NONE = Qt.KeyboardModifier.NoModifier
A = Action


def act(
    key: Qt.Key, mode: Mode, modifiers: Qt.KeyboardModifier = NONE
) -> tuple[Action, int] | None:
    return resolve(key.value, modifiers, mode)


@pytest.mark.parametrize(
    ("key", "action"),
    [
        (K.Key_Space, A.PAUSE),
        (K.Key_P, A.PAUSE),
        (K.Key_Right, A.NEXT),
        (K.Key_N, A.NEXT),
        (K.Key_Left, A.BACK),
        (K.Key_B, A.BACK),
        (K.Key_Plus, A.MORE),
        (K.Key_Equal, A.MORE),
        (K.Key_Minus, A.LESS),
        (K.Key_S, A.SKIP_EXERCISE),
        (K.Key_I, A.SHOW_STEPS),
        (K.Key_M, A.MUTE),
        (K.Key_Escape, A.END),
        (K.Key_F11, A.FULL_SCREEN),
    ],
)
def test_the_same_keys_work_in_every_set_counted_or_timed(key: Qt.Key, action: Action) -> None:
    assert act(key, Mode.WORKOUT) == (action, 0)
    assert act(key, Mode.COUNTING) == (action, 0)


def test_space_always_pauses_and_enter_counts_a_rep_only_when_reps_are_counted() -> None:
    assert act(K.Key_Space, Mode.COUNTING) == (A.PAUSE, 0)
    assert act(K.Key_Return, Mode.COUNTING) == (A.COUNT_REP, 0)
    assert act(K.Key_Enter, Mode.COUNTING) == (A.COUNT_REP, 0)  # the keypad's
    assert act(K.Key_Return, Mode.WORKOUT) is None  # a timed set has nothing to press
    assert act(K.Key_Backspace, Mode.COUNTING) == (A.UNCOUNT_REP, 0)
    # Elsewhere in a session (the pause after a rating, the choice after a high one) it goes
    # back to the rating just given; the engine refuses it when there is none to change.
    assert act(K.Key_Backspace, Mode.WORKOUT) == (A.CHANGE_RATING, 0)
    assert act(K.Key_Backspace, Mode.CHOICE) == (A.CHANGE_RATING, 0)
    assert act(K.Key_Left, Mode.CHOICE) == act(K.Key_B, Mode.CHOICE) == (A.CHANGE_RATING, 0)
    for mode in (Mode.LIBRARY, Mode.FIRST_RUN, Mode.PAIN, Mode.SUMMARY, Mode.RESUME):
        assert act(K.Key_Space, mode) is None, mode  # Space never starts or accepts anything


def test_digits_and_t_rate_pain_and_navigation_is_ignored() -> None:
    assert [act(getattr(K, f"Key_{n}"), Mode.PAIN) for n in range(10)] == [
        (A.RATE, n) for n in range(10)
    ]
    assert act(K.Key_T, Mode.PAIN) == (A.RATE, 10)
    assert act(K.Key_K, Mode.PAIN) == (A.SKIP_RATING, 0)
    assert act(K.Key_Delete, Mode.PAIN) == (A.SKIP_RATING, 0)
    for key in (K.Key_Right, K.Key_Left, K.Key_N, K.Key_B, K.Key_S, K.Key_Space, K.Key_Return):
        assert act(key, Mode.PAIN) is None
    assert act(K.Key_M, Mode.PAIN) == (A.MUTE, 0)
    assert act(K.Key_Escape, Mode.PAIN) == (A.END, 0)


def test_high_pain_choices() -> None:
    assert act(K.Key_S, Mode.CHOICE) == (A.STOP_EXERCISE, 0)
    assert act(K.Key_L, Mode.CHOICE) == (A.LOWER_DOSE, 0)
    assert act(K.Key_C, Mode.CHOICE) == (A.CONTINUE, 0)
    assert act(K.Key_5, Mode.CHOICE) is None
    assert act(K.Key_Right, Mode.CHOICE) is None


def test_library_summary_resume_and_notice_keys() -> None:
    assert act(K.Key_Return, Mode.LIBRARY) == (A.START, 0)
    assert act(K.Key_Down, Mode.LIBRARY) == (A.SELECT_NEXT, 0)
    assert act(K.Key_Up, Mode.LIBRARY) == (A.SELECT_PREVIOUS, 0)
    # Enter goes back to the library: a rep counted once too often must not quit the app.
    assert act(K.Key_Return, Mode.SUMMARY) == (A.LIBRARY, 0)
    assert act(K.Key_Escape, Mode.SUMMARY) == (A.LIBRARY, 0)
    assert act(K.Key_Backspace, Mode.SUMMARY) is None  # it takes a rep back elsewhere
    assert act(K.Key_N, Mode.SUMMARY) is None  # N is "next" in a set: it never declines
    assert act(K.Key_D, Mode.SUMMARY) == (A.NOT_NOW, 0)
    assert act(K.Key_Return, Mode.FIRST_RUN) == (A.ACCEPT, 0)
    assert act(K.Key_Escape, Mode.FIRST_RUN) is None
    assert act(K.Key_R, Mode.RESUME) == (A.RESUME_SESSION, 0)
    assert act(K.Key_D, Mode.RESUME) == (A.KEEP_PARTIAL, 0)
    assert act(K.Key_P, Mode.RESUME) is None  # P pauses in a set: it never discards


def test_keys_with_ctrl_or_alt_are_left_to_the_menus() -> None:
    assert act(K.Key_Q, Mode.WORKOUT, Qt.KeyboardModifier.ControlModifier) is None
    assert act(K.Key_N, Mode.WORKOUT, Qt.KeyboardModifier.AltModifier) is None
    assert act(K.Key_Plus, Mode.WORKOUT, Qt.KeyboardModifier.ShiftModifier) == (A.MORE, 0)
    assert act(K.Key_5, Mode.PAIN, Qt.KeyboardModifier.KeypadModifier) == (A.RATE, 5)


# What a key may mean, page by page: one family of meanings per key (issue 18: Enter started,
# counted and quit; Space paused and counted; S skipped and stopped; N went on and declined).
MEANINGS = (
    {A.PAUSE},
    {A.START, A.ACCEPT, A.COUNT_REP, A.LIBRARY, A.RESUME_SESSION},  # the screen's main button
    {A.END, A.LIBRARY, A.CLEAR_SEARCH},  # leave the screen (a session after asking), the search
    {A.SKIP_EXERCISE, A.STOP_EXERCISE},  # the rest of this exercise is not done
    {A.NOT_NOW, A.KEEP_PARTIAL},  # no to the offer on screen
    {A.UNCOUNT_REP, A.CHANGE_RATING, A.ERASE},  # take back what was just entered
    {A.BACK, A.CHANGE_RATING},  # go back one step
    {A.RATE, A.TYPE},  # a number
    {A.SKIP_RATING},  # go on without a rating, a check-in or a result
    {A.SELECT_NEXT, A.STEPS_PAGE},  # down: the routine, the scale or the steps below
)


def test_every_key_keeps_one_meaning_on_every_screen() -> None:
    for key in {k for b in BINDINGS for k in b.keys}:
        actions = {found[0] for mode in Mode if (found := act(key, mode)) is not None}
        same = len(actions) == 1 or any(actions <= family for family in MEANINGS)
        assert same, f"{key.name} means {sorted(a.value for a in actions)}"


def test_only_escape_ends_a_session_and_it_asks_first() -> None:
    ends = {(b.keys, m) for b in BINDINGS if b.action is A.END for m in b.modes}
    assert {keys for keys, _ in ends} == {(K.Key_Escape,)}
    assert "asks first" in next(b.does for b in BINDINGS if b.action is A.END)
    assert all(b.action is not A.DONE for b in BINDINGS)  # quitting is Ctrl+Q's, which asks
    assert "asks first" in SHORTCUTS["quit"].does


def test_the_buttons_name_the_keys_the_map_gives() -> None:
    for action in Action:
        if action not in (A.RATE, A.SELECT_NEXT, A.SELECT_PREVIOUS):
            assert action in KEY_NAMES
    assert KEY_NAMES[A.PAUSE] == "Space or P"
    assert KEY_NAMES[A.COUNT_REP] == "Enter"
    assert KEY_NAMES[A.DONE] == "Ctrl+Q"
    assert KEY_NAMES[A.FIND] == "Ctrl+F"
    assert key_name(A.LIBRARY, Mode.SUMMARY) == "Enter or Esc"
    assert key_name(A.LIBRARY, Mode.CHECKIN) == "Esc"
    assert keys_text(next(b for b in BINDINGS if b.action is A.MORE)) == "+"


def test_a_measured_result_is_typed_with_digits_a_point_backspace_and_enter() -> None:
    assert act(K.Key_7, Mode.RESULT) == (A.TYPE, 7)
    assert act(K.Key_Period, Mode.RESULT) == act(K.Key_Comma, Mode.RESULT) == (A.TYPE, POINT)
    assert act(K.Key_Backspace, Mode.RESULT) == (A.ERASE, 0)
    assert act(K.Key_Return, Mode.RESULT) == (A.ACCEPT, 0)
    assert act(K.Key_K, Mode.RESULT) == (A.SKIP_RATING, 0)
    assert act(K.Key_Right, Mode.RESULT) is None  # no moving on before the result
    assert act(K.Key_Escape, Mode.RESULT) == (A.END, 0)


def test_key_names_are_said_in_the_language_in_use(spanish: None) -> None:
    assert KEY_NAMES[A.SKIP_RATING] == "K o Supr"
    assert KEY_NAMES[A.START] == "Intro" and KEY_NAMES[A.MUTE] == "M"


def test_a_binding_and_a_shortcut_are_values_that_cannot_change() -> None:
    """What the key filter and the windows rely on (NamedTuples since session 24, frozen
    dataclasses before): equal and hashed by value, read by name, kept as they are."""
    start = binding_for(Action.START, Mode.LIBRARY)
    assert start is not None and start.modes == frozenset({Mode.LIBRARY})
    twin = Binding(start.action, start.keys, start.modes, start.does, start.label)
    assert twin == start and hash(twin) == hash(start) and {twin: 1}[start] == 1
    assert start._replace(label="Enter") != start
    with pytest.raises(AttributeError):
        start.does = ""  # type: ignore[misc]
    quit_ = SHORTCUTS["quit"]
    assert quit_ == Shortcut("quit", ("Ctrl+Q",), quit_.does) and quit_.twins == ()
    assert quit_.where == "Menu shortcuts"
