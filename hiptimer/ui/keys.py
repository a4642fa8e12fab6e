"""The keyboard map, the one source of every key: what each key does on each screen, and the
menus' shortcuts. The key filter, the buttons' labels, the menus, the keyboard-shortcuts
window and the README's key table all read it from here.

One key keeps one meaning wherever it works: Space pauses, Enter presses the screen's main
button (start, count a rep, save, resume, back to the library), Esc leaves the screen (a
session only after asking) or the library's search, S skips the rest of an exercise, D
declines an offer, Backspace takes back what was just entered (a rep, a rating, a typed
character). No key quits or ends anything without asking first.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import Enum
from typing import NamedTuple

from PySide6.QtCore import Qt

from hiptimer.i18n import N_, _, language, translate
from hiptimer.ui.key_words import key_word, shortcut_text

K = Qt.Key


class Mode(str, Enum):
    """Which keys apply: one mode per screen, and five while a session runs."""

    FIRST_RUN = "first_run"
    LIBRARY = "library"
    WORKOUT = "workout"  # holds, timed reps, rests
    COUNTING = "counting"  # a self-paced reps set: Enter counts
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
    STEPS_PAGE = "steps_page"  # the next setup steps, where they do not all fit
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
    KEEP_DOSES = "keep_doses"  # the summary: make this session's dose changes the routine's
    FULL_SCREEN = "full_screen"
    LIBRARY = "library"
    DONE = "done"  # quit HipTimer (asks first)
    RESUME_SESSION = "resume_session"
    KEEP_PARTIAL = "keep_partial"
    REVIEW_SUGGESTIONS = "review_suggestions"  # the library: suggestions left unanswered
    FIND = "find"  # the library's search field (Ctrl+F, a menu item's)
    CLEAR_SEARCH = "clear_search"  # the library: every routine listed again


SESSION = frozenset({Mode.WORKOUT, Mode.COUNTING, Mode.PAIN, Mode.CHOICE, Mode.RESULT})
IN_A_SET = frozenset({Mode.WORKOUT, Mode.COUNTING})
EVERYWHERE = frozenset(Mode)

DIGITS = {getattr(K, f"Key_{n}"): n for n in range(10)}
TEN_KEY = K.Key_T  # 10 on the pain scale: one key press, like every other rating
POINT = 10  # the value of Action.TYPE for the decimal point
RATING_KEYS = (*DIGITS, TEN_KEY)


# Binding, Group and Shortcut are NamedTuples, not frozen dataclasses: the map is made before
# the library's first paint, where a dataclass costs ~3 M instructions more (session 24).
class Binding(NamedTuple):
    """Keys that do one thing on some screens, and the words that say what."""

    action: Action
    keys: tuple[Qt.Key, ...]
    modes: frozenset[Mode]
    does: str  # for the keyboard-shortcuts window and the README
    label: str = ""  # how the keys are written when not one by one ("0-9")


class Group(NamedTuple):
    """Bindings shown together under a heading (one screen, or one kind of moment)."""

    title: str
    bindings: tuple[Binding, ...]


def _b(action: Action, keys: tuple[Qt.Key, ...], modes: frozenset[Mode] | Mode, does: str,
       label: str = "") -> Binding:  # fmt: skip
    return Binding(action, keys, modes if isinstance(modes, frozenset) else frozenset({modes}),
                   does, label)  # fmt: skip


ENTER = (K.Key_Return, K.Key_Enter)

GROUPS: tuple[Group, ...] = (
    Group(N_("Choosing a routine"), (
        _b(Action.SELECT_PREVIOUS, (K.Key_Up,), Mode.LIBRARY, N_("the routine above")),
        _b(Action.SELECT_NEXT, (K.Key_Down,), Mode.LIBRARY,
           N_("the routine below (from the search field: into the list)")),
        _b(Action.START, ENTER, Mode.LIBRARY, N_("start the chosen routine")),
        _b(Action.REVIEW_SUGGESTIONS, (K.Key_V,), Mode.LIBRARY,
           N_("review the chosen routine's dose suggestions not answered yet, and the doses its "
              "last session changed, not kept or declined yet")),
        _b(Action.CLEAR_SEARCH, (K.Key_Escape,), Mode.LIBRARY,
           N_("clear the search: every routine listed again, the keys back on the list")),
        _b(Action.ACCEPT, ENTER, Mode.FIRST_RUN, N_("I understand (the notice before the first session)")),
    )),
    Group(N_("During a session"), (
        _b(Action.PAUSE, (K.Key_Space, K.Key_P), IN_A_SET,
           N_("pause or resume (while paused, the arrows and S move and the step they reach "
              "stays paused)")),
        _b(Action.NEXT, (K.Key_Right, K.Key_N), IN_A_SET,
           N_("finish this step now (a hold ended early records the time you held)")),
        _b(Action.BACK, (K.Key_Left, K.Key_B), IN_A_SET, N_("go back and repeat the previous set")),
        _b(Action.MORE, (K.Key_Plus, K.Key_Equal), IN_A_SET,
           N_("5 s more of this rest, or of this hold and its later sets (not a re-test's time); "
              "on a reps set, one rep more to do (this set and the later ones)"), "+"),
        _b(Action.LESS, (K.Key_Minus, K.Key_Underscore), IN_A_SET,
           N_("5 s less, down to 1 s, on the same sets as +; on a reps set, one rep fewer to do"),
           "-"),
        _b(Action.SKIP_EXERCISE, (K.Key_S,), IN_A_SET, N_("skip the rest of this exercise")),
        _b(Action.SHOW_STEPS, (K.Key_I,), IN_A_SET,
           N_("show or hide the exercise's steps and caution during a set")),
        _b(Action.STEPS_PAGE, (K.Key_Down, K.Key_PageDown), IN_A_SET,
           N_("the next of the exercise's steps, where they do not all fit on the screen (after "
              "the last, the first again)")),
        _b(Action.CHANGE_RATING, (K.Key_Backspace,), Mode.WORKOUT,
           N_("in the rest after a pain rating: go back and change it (until the next set; not "
              "after S or L)")),
        _b(Action.MUTE, (K.Key_M,), SESSION, N_("mute or unmute the voice and beeps")),
        _b(Action.END, (K.Key_Escape,), SESSION, N_("end the session (asks first, paused meanwhile)")),
    )),
    Group(N_("Self-paced reps, and a chair stand of the monthly check"), (
        _b(Action.COUNT_REP, ENTER, Mode.COUNTING, N_("count one rep (a click on the big count, too)")),
        _b(Action.UNCOUNT_REP, (K.Key_Backspace,), Mode.COUNTING, N_("take back the last rep counted")),
    )),
    Group(N_("Rating pain after a set"), (
        _b(Action.RATE, RATING_KEYS, Mode.PAIN, N_("how much the set hurt, 0 to 10"), N_("0-9, T (10)")),
        _b(Action.SKIP_RATING, (K.Key_K, K.Key_Delete), Mode.PAIN, N_("go on without a rating")),
    )),
    Group(N_("After a rating above your limit"), (
        _b(Action.STOP_EXERCISE, (K.Key_S,), Mode.CHOICE,
           N_("stop: skip the rest of this exercise for today")),
        _b(Action.LOWER_DOSE, (K.Key_L,), Mode.CHOICE, N_("go on at a lower dose")),
        _b(Action.CONTINUE, (K.Key_C,), Mode.CHOICE, N_("continue as planned")),
        _b(Action.CHANGE_RATING, (K.Key_Backspace, K.Key_Left, K.Key_B), Mode.CHOICE,
           N_("change the rating instead")),
    )),
    Group(N_("A re-test's measured result"), (
        # What the prompt takes (result_prompt: MAX_CHARS, KEPT_DECIMALS): it drops the rest.
        _b(Action.TYPE, (*DIGITS, K.Key_Period, K.Key_Comma), Mode.RESULT,
           N_("type the number measured: a comma is taken as the point; at most 3 decimals"
              " and 7 characters"),
           N_("0-9, point or comma")),
        _b(Action.ERASE, (K.Key_Backspace,), Mode.RESULT, N_("erase the last character")),
        _b(Action.ACCEPT, ENTER, Mode.RESULT, N_("save it")),
        _b(Action.SKIP_RATING, (K.Key_K, K.Key_Delete), Mode.RESULT, N_("go on without one")),
    )),
    Group(N_("Morning check-in and dose suggestions"), (
        _b(Action.RATE, RATING_KEYS, Mode.CHECKIN, N_("rate the pain or stiffness this morning"),
           N_("0-9, T (10)")),
        _b(Action.SELECT_PREVIOUS, (K.Key_Up,), Mode.CHECKIN, N_("the pain scale")),
        _b(Action.SELECT_NEXT, (K.Key_Down,), Mode.CHECKIN, N_("the stiffness scale")),
        _b(Action.ACCEPT, ENTER, Mode.CHECKIN, N_("save the check-in, or go on past the suggestions")),
        _b(Action.SKIP_RATING, (K.Key_K, K.Key_Delete), Mode.CHECKIN, N_("skip today's check-in")),
        _b(Action.ACCEPT_SUGGESTION, (K.Key_A,), frozenset({Mode.CHECKIN, Mode.SUMMARY}),
           N_("accept the first dose suggestion not answered yet (here or on the summary)")),
        _b(Action.NOT_NOW, (K.Key_D,), frozenset({Mode.CHECKIN, Mode.SUMMARY}),
           N_("decline it for now (kept in your history)")),
        _b(Action.LIBRARY, (K.Key_Escape,), Mode.CHECKIN,
           N_("from the suggestions: to the library (on the check-in, K skips it)")),
    )),
    Group(N_("The summary after a session"), (
        _b(Action.LIBRARY, (*ENTER, K.Key_Escape), Mode.SUMMARY, N_("back to the library")),
        # Y answers the button's question; K is "skip" elsewhere, and A and D are the
        # suggestions' on this page.
        _b(Action.KEEP_DOSES, (K.Key_Y,), Mode.SUMMARY,
           N_("keep the doses changed this session for next time (asks first)")),
    )),
    Group(N_("An interrupted session"), (
        _b(Action.RESUME_SESSION, (*ENTER, K.Key_R), Mode.RESUME, N_("resume it at the next set")),
        _b(Action.KEEP_PARTIAL, (K.Key_D,), Mode.RESUME,
           N_("discard it (it stays in your history as partial)")),
    )),
    Group(N_("Anywhere"), (
        _b(Action.FULL_SCREEN, (K.Key_F11,), EVERYWHERE, N_("full screen on or off")),
    )),
)  # fmt: skip
BINDINGS: tuple[Binding, ...] = tuple(b for group in GROUPS for b in group.bindings)


class Shortcut(NamedTuple):
    """A key with Ctrl (or a function key; Esc in a window of its own) that a menu item or a
    window owns, wherever the focus is in it."""

    name: str
    sequences: tuple[str, ...]  # as QKeySequence reads them; the first is the one shown
    does: str
    where: str = N_("Menu shortcuts")
    # Not shown: how some layouts report a shown one ("?" is Shift+/ on a US keyboard).
    twins: tuple[str, ...] = ()


SHORTCUTS: dict[str, Shortcut] = {
    s.name: s
    for s in (
        Shortcut(
            "quit",
            ("Ctrl+Q",),
            N_("quit HipTimer, from any of its windows (asks first; a session pauses meanwhile)"),
        ),
        Shortcut(N_("settings"), ("Ctrl+,",), N_("settings")),
        Shortcut("history", ("Ctrl+H",), N_("history and reports")),
        Shortcut(
            "keys", ("F1", "Ctrl+?"), N_("the keyboard shortcuts window"), twins=("Ctrl+Shift+?",)
        ),
        Shortcut("find", ("Ctrl+F",), N_("find a routine by its title, exercises or file name")),
        Shortcut("edit", ("Ctrl+E",), N_("edit the chosen routine")),
        Shortcut("new", ("Ctrl+N",), N_("write a new routine")),
        Shortcut("import", ("Ctrl+O",), N_("import routine files")),
        Shortcut("export", ("Ctrl+Shift+S",), N_("export the chosen routine")),
        Shortcut("save", ("Ctrl+S",), N_("save the routine"), N_("In the routine editor")),
        Shortcut(N_("undo"), ("Ctrl+Z",), N_("undo"), N_("In the routine editor")),
        Shortcut(N_("redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), N_("redo"), N_("In the routine editor")),
        Shortcut(
            "move_up",
            ("Ctrl+Up",),
            N_("move the exercise up (in the exercise list)"),
            N_("In the routine editor"),
        ),
        Shortcut(
            "move_down",
            ("Ctrl+Down",),
            N_("move the exercise down (in the exercise list)"),
            N_("In the routine editor"),
        ),
        Shortcut(
            "close",
            ("Esc", "Ctrl+W"),  # Esc leaves, as in the history window and every dialog
            N_("close the editor (asks if changes are not saved)"),
            N_("In the routine editor"),
        ),
        Shortcut(
            "close_history",
            ("Esc", "Ctrl+W"),
            N_("close it (a note being written is saved)"),
            N_("In the history window"),
        ),
    )
}


def keys_text(binding: Binding) -> str:
    """The binding's keys as they are written: "Space or P", "0-9, T (10)"."""
    if binding.label:
        return translate(binding.label)
    words = list(dict.fromkeys(w for w in (key_word(k) for k in binding.keys) if w))
    text = words[0]
    for word in words[1:-1]:
        # Translators: keys that do the same, all but the last: "Backspace, Left arrow or B".
        text = _("{first}, {second}").format(first=text, second=word)
    if len(words) > 1:
        # Translators: two keys that do the same, such as "Space or P".
        text = _("{first} or {second}").format(first=text, second=words[-1])
    return text


BY_SHORTCUT = {Action.DONE: "quit", Action.FIND: "find"}  # a menu item's keys, not a screen's


class _KeyNames(Mapping[Action, str]):
    """Each action's keys as a button names them, in the language in use when read."""

    def __init__(self) -> None:
        # The session's screen reads some at each refresh (10 a second): made once a language.
        self._made: dict[tuple[str, Action], str] = {}

    def __getitem__(self, action: Action) -> str:
        key = (language(), action)
        if key not in self._made:
            self._made[key] = self._make(action)
        return self._made[key]

    @staticmethod
    def _make(action: Action) -> str:
        if action in BY_SHORTCUT:
            return shortcut_text(SHORTCUTS[BY_SHORTCUT[action]].sequences[0])
        for binding in BINDINGS:
            if binding.action is action:
                return keys_text(binding)
        raise KeyError(action)

    def __iter__(self) -> Iterator[Action]:
        return iter(dict.fromkeys([*(b.action for b in BINDINGS), *BY_SHORTCUT]))

    def __len__(self) -> int:
        return len(list(iter(self)))


# What each button says of its key, so the keys are learnt from the buttons.
KEY_NAMES: Mapping[Action, str] = _KeyNames()


def binding_for(action: Action, mode: Mode) -> Binding | None:
    """The binding of `action` on the screen of `mode`; None where no key does it there."""
    return next((b for b in BINDINGS if b.action is action and mode in b.modes), None)


def first_key(action: Action, mode: Mode) -> str:
    """The first key of `action` on the screen of `mode`, for a button with little room."""
    binding = binding_for(action, mode)
    if binding is None:
        return KEY_NAMES.get(action, "")
    return translate(binding.label) if binding.label else key_word(binding.keys[0])


# An arrow key as a button with little room shows it: its sign, not its name.
_ARROW_SIGNS = {
    K.Key_Left: "\u2190",
    K.Key_Right: "\u2192",
    K.Key_Up: "\u2191",
    K.Key_Down: "\u2193",
}


def button_key(action: Action, mode: Mode) -> str:
    """The first key of `action` on the screen of `mode` as a button shows it under its
    words: first_key(), with an arrow key as its sign ("\u2192" for "Right arrow")."""
    binding = binding_for(action, mode)
    if binding is not None and not binding.label and binding.keys[0] in _ARROW_SIGNS:
        return _ARROW_SIGNS[binding.keys[0]]
    return first_key(action, mode)


def key_name(action: Action, mode: Mode) -> str:
    """The keys of `action` on the screen of `mode` (ACCEPT is Enter in more than one)."""
    binding = binding_for(action, mode)
    return keys_text(binding) if binding is not None else KEY_NAMES.get(action, "")


_BLOCKED = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_TABLE: dict[tuple[Mode, Qt.Key], Action] = {}
for _binding in BINDINGS:
    for _mode in _binding.modes:
        for _key in _binding.keys:
            if (_mode, _key) in _TABLE:
                raise AssertionError(f"{_key.name} means two things in {_mode.value}")
            _TABLE[(_mode, _key)] = _binding.action


def resolve(key: int, modifiers: Qt.KeyboardModifier, mode: Mode) -> tuple[Action, int] | None:
    """The action of a key press on a screen (and its value: the rating), or None.

    Keys with Ctrl, Alt or Meta are left to the menus.
    """
    if modifiers & _BLOCKED:
        return None
    try:
        qkey = Qt.Key(key)
    except ValueError:
        return None
    action = _TABLE.get((mode, qkey))
    if action is None:
        return None
    if action is Action.RATE:
        return action, 10 if qkey is TEN_KEY else DIGITS[qkey]
    if action is Action.TYPE:
        return action, DIGITS.get(qkey, POINT)
    return action, 0


def bindings_in(mode: Mode) -> list[Binding]:
    """What the keys do on one screen, in the order the shortcuts window lists them."""
    return [b for b in BINDINGS if mode in b.modes]
