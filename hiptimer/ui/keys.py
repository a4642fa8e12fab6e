"""The keyboard map: which key does what on each screen, so no one needs the mouse."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt

from hiptimer.i18n import N_, translate

K = Qt.Key


class Mode(str, Enum):
    """Which keys apply: one mode per screen, and three while a set is in progress."""

    FIRST_RUN = "first_run"
    LIBRARY = "library"
    WORKOUT = "workout"  # holds, timed reps, rests
    COUNTING = "counting"  # a self-paced reps set: Space and Enter count
    PAIN = "pain"  # rating a set 0-10
    CHOICE = "choice"  # the rating was above the limit: stop, lower or continue
    RESULT = "result"  # a re-test's measured result, typed in
    CHECKIN = "checkin"  # the morning check-in, and the dose suggestions after it
    SUMMARY = "summary"
    RESUME = "resume"  # an interrupted session: resume it or discard it (kept as partial)


class Action(str, Enum):
    ACCEPT = "accept"
    START = "start"
    SELECT_PREVIOUS = "select_previous"
    SELECT_NEXT = "select_next"
    PAUSE = "pause"
    COUNT_REP = "count_rep"
    UNCOUNT_REP = "uncount_rep"  # take back the last self-paced count
    SHOW_STEPS = "show_steps"  # the exercise's setup steps and caution, during a set too
    NEXT = "next"
    BACK = "back"
    MORE = "more"
    LESS = "less"
    SKIP_EXERCISE = "skip_exercise"
    MUTE = "mute"
    END = "end"
    RATE = "rate"  # with the rating as the value
    SKIP_RATING = "skip_rating"
    CHANGE_RATING = "change_rating"  # back to the rating just given, to change or remove it
    TYPE = "type"  # a digit of a typed result (the value; POINT for the decimal point)
    ERASE = "erase"  # the last character of a typed result
    STOP_EXERCISE = "stop_exercise"
    LOWER_DOSE = "lower_dose"
    CONTINUE = "continue"
    ACCEPT_SUGGESTION = "accept_suggestion"  # the first dose suggestion not yet answered
    NOT_NOW = "not_now"
    FULL_SCREEN = "full_screen"
    LIBRARY = "library"
    DONE = "done"
    RESUME_SESSION = "resume_session"
    KEEP_PARTIAL = "keep_partial"


ENTER = (K.Key_Return, K.Key_Enter)
TEN_KEY = K.Key_T  # 10 on the pain scale: one key press, like every other rating
POINT = 10  # the value of Action.TYPE for the decimal point
DIGITS = {getattr(K, f"Key_{n}"): n for n in range(10)}

_SESSION_KEYS: dict[Qt.Key, Action] = {
    K.Key_M: Action.MUTE,
    K.Key_Escape: Action.END,
}
_STEP_KEYS: dict[Qt.Key, Action] = {
    K.Key_Right: Action.NEXT,
    K.Key_N: Action.NEXT,
    K.Key_Left: Action.BACK,
    K.Key_B: Action.BACK,
    K.Key_Plus: Action.MORE,
    K.Key_Equal: Action.MORE,  # "+" without Shift on most layouts
    K.Key_Minus: Action.LESS,
    K.Key_Underscore: Action.LESS,
    K.Key_S: Action.SKIP_EXERCISE,
    K.Key_P: Action.PAUSE,
}
_SUGGESTION_KEYS: dict[Qt.Key, Action] = {
    K.Key_A: Action.ACCEPT_SUGGESTION,
    K.Key_N: Action.NOT_NOW,
}
_CHECKIN_KEYS: dict[Qt.Key, Action] = {
    **_SUGGESTION_KEYS,
    K.Key_K: Action.SKIP_RATING,
    K.Key_Delete: Action.SKIP_RATING,
    K.Key_Up: Action.SELECT_PREVIOUS,
    K.Key_Down: Action.SELECT_NEXT,
    K.Key_Escape: Action.LIBRARY,
}
_CHOICE_KEYS: dict[Qt.Key, Action] = {
    K.Key_S: Action.STOP_EXERCISE,
    K.Key_L: Action.LOWER_DOSE,
    K.Key_C: Action.CONTINUE,
    K.Key_Backspace: Action.CHANGE_RATING,  # the rating that brought this up was a slip
    K.Key_Left: Action.CHANGE_RATING,
    K.Key_B: Action.CHANGE_RATING,
}


class _KeyNames(dict[Action, str]):
    """Each name (marked with N_) is looked up in the language in use: "Intro" in Spanish."""

    def __getitem__(self, action: Action) -> str:
        return translate(super().__getitem__(action))


# What each button's tooltip says, so the keys are learnt from the buttons.
KEY_NAMES: dict[Action, str] = _KeyNames({
    Action.PAUSE: N_("Space, Enter or P"),
    Action.COUNT_REP: N_("Space or Enter"),
    Action.UNCOUNT_REP: N_("Backspace"),
    Action.SHOW_STEPS: "I",
    Action.NEXT: N_("Right arrow or N"),
    Action.BACK: N_("Left arrow or B"),
    Action.MORE: "+",
    Action.LESS: "-",
    Action.SKIP_EXERCISE: "S",
    Action.MUTE: "M",
    Action.END: "Esc",
    Action.SKIP_RATING: N_("K or Delete"),
    Action.CHANGE_RATING: N_("Backspace"),
    Action.ERASE: N_("Backspace"),
    Action.TYPE: N_("0-9 or ."),
    Action.STOP_EXERCISE: "S",
    Action.LOWER_DOSE: "L",
    Action.CONTINUE: "C",
    Action.ACCEPT_SUGGESTION: "A",
    Action.NOT_NOW: "N",
    Action.START: N_("Enter"),
    Action.ACCEPT: N_("Enter"),
    Action.FULL_SCREEN: "F11",
    Action.LIBRARY: N_("Enter"),
    Action.DONE: "Ctrl+Q",
    Action.RESUME_SESSION: N_("Enter or R"),
    Action.KEEP_PARTIAL: N_("D or P"),
})  # fmt: skip


def resolve(key: int, modifiers: Qt.KeyboardModifier, mode: Mode) -> tuple[Action, int] | None:
    """The action of a key press on a screen (and its value: the rating), or None.

    Keys with Ctrl, Alt or Meta are left to the menus.
    """
    blocked = (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.MetaModifier
    )
    if modifiers & blocked:
        return None
    qkey = Qt.Key(key)
    if qkey is K.Key_F11:
        return Action.FULL_SCREEN, 0
    action = _resolve_in(qkey, mode)
    if action is None:
        return None
    if action is Action.RATE:
        return action, 10 if qkey is TEN_KEY else DIGITS[qkey]
    if action is Action.TYPE:
        return action, DIGITS.get(qkey, POINT)
    return action, 0


def _resolve_in(key: Qt.Key, mode: Mode) -> Action | None:
    if mode is Mode.FIRST_RUN:
        return Action.ACCEPT if key in ENTER or key is K.Key_Space else None
    if mode is Mode.CHECKIN:
        if key in DIGITS or key is TEN_KEY:
            return Action.RATE
        return Action.ACCEPT if key in ENTER else _CHECKIN_KEYS.get(key)
    if mode is Mode.LIBRARY:
        if key in ENTER or key is K.Key_Space:
            return Action.START
        return {K.Key_Up: Action.SELECT_PREVIOUS, K.Key_Down: Action.SELECT_NEXT}.get(key)
    if mode is Mode.RESUME:
        if key in ENTER or key is K.Key_R:
            return Action.RESUME_SESSION
        return Action.KEEP_PARTIAL if key in (K.Key_D, K.Key_P) else None
    if mode is Mode.SUMMARY:
        # Enter is also the count-a-rep key: a press too many must never quit the app.
        if key in ENTER or key in (K.Key_Escape, K.Key_Backspace):
            return Action.LIBRARY
        return _SUGGESTION_KEYS.get(key)
    if key in _SESSION_KEYS:
        return _SESSION_KEYS[key]
    if mode is Mode.PAIN:
        if key in DIGITS or key is TEN_KEY:
            return Action.RATE
        return Action.SKIP_RATING if key in (K.Key_K, K.Key_Delete) else None
    if mode is Mode.CHOICE:
        return _CHOICE_KEYS.get(key)
    if mode is Mode.RESULT:
        if key in DIGITS or key in (K.Key_Period, K.Key_Comma):
            return Action.TYPE
        if key in ENTER:
            return Action.ACCEPT
        if key is K.Key_Backspace:
            return Action.ERASE
        return Action.SKIP_RATING if key in (K.Key_K, K.Key_Delete) else None
    if key is K.Key_Space or key in ENTER:
        return Action.COUNT_REP if mode is Mode.COUNTING else Action.PAUSE
    if key is K.Key_Backspace:
        # Counting: a press too many. Otherwise (a pause): the rating just given was a slip.
        return Action.UNCOUNT_REP if mode is Mode.COUNTING else Action.CHANGE_RATING
    if key is K.Key_I:
        return Action.SHOW_STEPS
    return _STEP_KEYS.get(key)
