"""The row of buttons under the workout: every key has a button too, which shows the key under
its words ("Pause" over "[Space]"), so that the keys are learnt from the mat. Where one row
would shrink the words well below the text size asked for (large print on a small screen), or
below a size read from the mat, the buttons take two rows, each key beside its words ("Pause
[Space]"): at 1024 x 600 in large print two rows of words over keys left the count 72 px of
the 132 px it had beside one row; with the keys beside the words it keeps 115 px. Where two
rows are too narrow for their words (a 640 px window), three."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from hiptimer.i18n import N_, _, language, translate
from hiptimer.ui.keys import Action, Mode, binding_for, button_key, key_name
from hiptimer.ui.theme import set_exact_px, text_scale

SPACING = 10
PADDING_X = 8  # narrower than other buttons: eleven of them share a 1024 px row
# Narrower still where that keeps one row at a size read from the mat, rather than two: the
# Spanish get-ready's nine buttons needed 1,042 px of 980 at 18 px (150 % on 1024 x 600), and
# their second row took the steps' room (16 px).
TIGHT_PADDING_X = 3
BORDER_AND_AIR = 2 * 2 + 6  # the style sheet's border, and some air
MIN_PX = 11
# Two rows when one would show the words below this share of the size asked for: large print
# (125 %, 150 %) on a 1024 px screen, not 100 % there (about 12 of 18 px).
WRAP_BELOW = 0.6
# In two rows the words grow to at most this share of the size asked for (27 px at 150 %): a
# little over the 100 % size, so the rows leave the count, read from the mat, its room.
TWO_ROWS_MOST = 0.7
# Nor are the words below this size (grown by the text size: 18 px at 150 %) where two rows
# give it and the size asked for is as large: at 1024 x 600 in large print one row of Spanish
# was 11 px, unreadable from the mat, and two rows held to 70 % were 12 px.
READABLE_PX = 12
# And never below this, at any text size or window height: the words are read from the mat 2 m
# away. The size asked for follows the page's height, 12 px at 100 % on 1024 x 600, where the
# eleven buttons were 12 px in one row.
LEAST_PX = 14
# At most this many rows: at 640 x 480 eleven buttons in two rows needed 11 px words and were
# still cut ("Objetivo −1 [-]" 60 px of 32); in three, 14 px and whole.
MOST_ROWS = 3

KEY_BESIDE = "\u2002"  # between the words and a key beside them: an en space, apart but close
DRAWN = "\u25c0\u25b6 "  # the arrows of Back and Next: drawn, not words to be read

_BUTTONS: tuple[tuple[Action, str, str], ...] = (
    (Action.BACK, N_("\u25c0 Back"), N_("Repeat the previous set")),
    (Action.LESS, "\u22125 s", N_("Shorten this hold or rest by 5 seconds")),
    (Action.PAUSE, N_("Pause"), N_("Pause or resume")),
    (Action.UNCOUNT_REP, N_("Undo"), N_("Take back the last rep counted")),
    (Action.COUNT_REP, N_("Count rep"), N_("Count one rep (or click the big count)")),
    (Action.MORE, "+5 s", N_("Lengthen this hold or rest by 5 seconds")),
    (Action.NEXT, N_("Next \u25b6"), N_("Finish this step now")),
    (Action.SKIP_EXERCISE, N_("Skip exercise"), N_("Skip the rest of this exercise")),
    (Action.SHOW_STEPS, N_("Steps"), N_("Show or hide the exercise's steps and caution")),
    (Action.MUTE, N_("Mute"), N_("Turn the voice and beeps off or on")),
    (Action.END, N_("End"), N_("End the session")),
)


_LESS_TIPS = {
    False: N_("Shorten this hold or rest by 5 seconds"),
    True: N_("One rep fewer to do in this set and the later ones"),
}
_MORE_TIPS = {
    False: N_("Lengthen this hold or rest by 5 seconds"),
    True: N_("One rep more to do in this set and the later ones"),
}


# The buttons whose words never change (show_state words the others).
_FIXED_WORDS = (
    Action.BACK,
    Action.UNCOUNT_REP,
    Action.COUNT_REP,
    Action.NEXT,
    Action.SKIP_EXERCISE,
    Action.END,
)

# The screen on which each button's key is looked up: the count's keys are those of counting.
_KEY_MODES = {Action.COUNT_REP: Mode.COUNTING, Action.UNCOUNT_REP: Mode.COUNTING}


def _with_key(tip: str, key: str) -> str:
    return _("{action} (key: {key})").format(action=tip, key=key) if key else tip


# Each relabel names 22 keys, and the buttons are relabelled at each change of step, pause or
# screen: made once a language (they were 30 % of the bar's relabel), as keys.KEY_NAMES does.
_KEYS_MADE: dict[tuple[str, Action, Mode, bool], str] = {}


def _keys_there(action: Action, mode: Mode, *, first: bool) -> str:
    """The keys of `action` on the screen of `mode` (`first`: the one a button shows), or ""
    when none does it there: on the pain choice S stops the exercise, so the greyed "Skip
    exercise" must not show it."""
    mode = _KEY_MODES.get(action, mode)
    made = (language(), action, mode, first)
    if made not in _KEYS_MADE:
        if binding_for(action, mode) is None:
            _KEYS_MADE[made] = ""
        else:
            _KEYS_MADE[made] = button_key(action, mode) if first else key_name(action, mode)
    return _KEYS_MADE[made]


class ControlBar(QWidget):
    """Buttons for the workout's commands; it only reports which one was pressed.

    Signals: triggered(Action).
    """

    triggered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(_padding(6))
        rows = self._column = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(SPACING // 2)
        self._rows = tuple(QHBoxLayout() for _ in range(MOST_ROWS))
        for row in self._rows:
            row.setSpacing(SPACING)
            rows.addLayout(row)
        layout = self._rows[0]
        self._max_px = 18.0
        self._least_height = 44  # a button as easy to hit as a touch target
        self._fitted: tuple[object, ...] = ()
        self._later: list[list[QPushButton]] = []  # the buttons in the later rows, as placed
        self._state: tuple[object, ...] = ()  # what show_state last labelled the buttons for
        self._mode = Mode.WORKOUT  # whose keys the buttons show
        self._enabled = frozenset(Action)  # a greyed button shows no key: it is inert there
        self._words: dict[Action, str] = {}  # each button's words and key, as last labelled
        self._keys: dict[Action, str] = {}
        self._inline = False  # the keys beside the words (two rows), not under them
        self._padding_x = PADDING_X  # or TIGHT_PADDING_X (_fit)
        self._tips = {action: tip for action, _label, tip in _BUTTONS}
        self.buttons: dict[Action, QPushButton] = {}
        for action, label, _tip in _BUTTONS:
            button = QPushButton(self)
            self.buttons[action] = button
            self._label(action, translate(label))
            # Tab focus only: a click leaves the focus where it was, so Space and Enter go on doing
            # what the key map says; a button reached by Tab takes them (see key_filter.py).
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, a=action: self.triggered.emit(a))
            layout.addWidget(button)

    def _label(self, action: Action, words: str) -> None:
        """The button's words, and under them its key as the key map names it (the first of
        its keys: "Space" of "Space or P", an arrow as its sign); a screen reader says the
        words alone, and the keys with the tooltip. Greyed, it names no key: its key does
        nothing there either (I in a rest, where the steps show anyway)."""
        live = action in self._enabled
        key = _keys_there(action, self._mode, first=True) if live else ""
        button = self.buttons[action]
        self._words[action], self._keys[action] = words, key
        # No key: the words alone, centred in a button as high as its neighbours (_place).
        button.setText(self._text(action, inline=self._inline))
        # Its words without the arrow drawn beside them: Orca 43 read "◀ Back push button".
        button.setAccessibleName(words.strip(DRAWN).strip())
        tip = translate(self._tips[action])
        keys = _keys_there(action, self._mode, first=False) if live else ""
        button.setToolTip(_with_key(tip, keys))

    def _text(self, action: Action, *, inline: bool) -> str:
        """The button's words with its key under them, or beside them (`inline`)."""
        words, key = self._words[action], self._keys[action]
        between = KEY_BESIDE if inline else "\n"
        return f"{words}{between}[{key}]" if key else words

    def show_state(
        self,
        *,
        paused: bool,
        counting: bool,
        reps: bool,
        muted: bool,
        enabled: frozenset[Action],
        mode: Mode = Mode.WORKOUT,
        steps: bool | None = None,
    ) -> None:
        """Relabel the buttons for the moment shown, with the keys of the screen of `mode`,
        and grey those not `enabled`; `steps`: whether the steps are on screen (None: the
        exercise has none to show)."""
        # Asked again at each refresh of the screen (every 100 ms): relabel only on a change.
        state = (paused, counting, reps, muted, enabled, mode, steps)
        if state == self._state:
            return
        self._state = state
        b = self.buttons
        self._mode = mode
        self._enabled = enabled
        self._label(Action.PAUSE, _("Resume") if paused else _("Pause"))
        b[Action.COUNT_REP].setVisible(counting)
        b[Action.UNCOUNT_REP].setVisible(counting)
        # On a reps set + and - change the reps to do (the target), never the count.
        self._tips[Action.LESS], self._tips[Action.MORE] = _LESS_TIPS[reps], _MORE_TIPS[reps]
        self._label(Action.LESS, _("Target \u22121") if reps else "\u22125 s")
        self._label(Action.MORE, _("Target +1") if reps else "+5 s")
        b[Action.SHOW_STEPS].setVisible(steps is not None)
        # Greyed where the steps show anyway: its plain name, not the toggle's "Hide steps".
        hide = steps and Action.SHOW_STEPS in enabled
        self._label(Action.SHOW_STEPS, _("Hide steps") if hide else _("Steps"))
        self._label(Action.MUTE, _("Unmute") if muted else _("Mute"))
        for action in _FIXED_WORDS:  # the same words; their keys change with `mode` and greying
            self._label(action, translate(_label_of(action)))
        for action, button in b.items():
            button.setEnabled(action in enabled)
        self._fit()

    def set_font_px(self, px: float, least_height: int = 44) -> None:
        """The buttons' text size: `px` (grown by the text-size setting), or less so that every
        button shown fits its row; each `least_height` high, or as high as its two lines need."""
        self._max_px = max(px * text_scale(), LEAST_PX)
        self._least_height = least_height
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = [a for a, b in self.buttons.items() if not b.isHidden()]
        labels = tuple((self._words[a], self._keys[a]) for a in shown)
        key = (self.width(), self._max_px, self._least_height, labels)
        if key == self._fitted or not shown:
            return
        self._fitted = key
        rows, inline, padding = [shown], False, PADDING_X
        px = self._largest_px(rows, inline=False)
        readable = min(self._max_px, max(READABLE_PX * text_scale(), LEAST_PX))

        def too_small(px: float) -> bool:
            return px < WRAP_BELOW * self._max_px or px < readable

        if too_small(px) and not too_small(
            tight := self._largest_px(rows, inline=False, padding=TIGHT_PADDING_X)
        ):
            px, padding = tight, TIGHT_PADDING_X
        elif too_small(px):
            # Two rows, keys beside the words, where their words are larger; a third only
            # where two cut words or show them under LEAST_PX (at the smallest size a row
            # may not fit: whole words win).
            best = (self._fits(rows, px, inline=False, padding=padding), px)
            most = max(round(TWO_ROWS_MOST * self._max_px), readable)
            for count in range(2, MOST_ROWS + 1):
                if count > 2 and best[0] and best[1] >= LEAST_PX:
                    break
                split = _split(shown, count)
                px_n, pad_n = min(self._largest_px(split, inline=True), most), PADDING_X
                if too_small(px_n):  # the narrow padding in more rows too (800 px wide)
                    tight = min(self._largest_px(split, inline=True, padding=TIGHT_PADDING_X), most)
                    if tight > px_n:
                        px_n, pad_n = tight, TIGHT_PADDING_X
                ranked = (self._fits(split, px_n, inline=True, padding=pad_n), px_n)
                if ranked > best:
                    best, rows, px, inline, padding = ranked, split, px_n, True, pad_n
        self._padding_x = padding
        self._place([[self.buttons[a] for a in row] for row in rows], px, inline=inline)

    def _largest_px(
        self, rows: list[list[Action]], *, inline: bool, padding: int = PADDING_X
    ) -> float:
        """The largest text size, at most the one asked for, at which every row fits with
        `padding` px each side of a button's words."""
        px = self._max_px
        while px > MIN_PX and not self._fits(rows, px, inline=inline, padding=padding):
            px -= 1
        return px

    def _fits(self, rows: list[list[Action]], px: float, *, inline: bool, padding: int) -> bool:
        """Whether every row's words fit its width at `px`, `padding` px each side."""

        def fits(row: list[Action]) -> bool:
            room = self.width() - SPACING * (len(row) - 1)
            texts = ((self.buttons[a], self._text(a, inline=inline)) for a in row)
            return sum(_needed(b, px, text) + 2 * padding for b, text in texts) <= room

        return all(fits(row) for row in rows)

    def _place(self, rows: list[list[QPushButton]], px: float, *, inline: bool) -> None:
        """Put the shown buttons in `rows` (the hidden ones stay at the end of the first), their
        keys beside their words where `inline`."""
        if inline != self._inline:
            self._inline = inline
            for action, button in self.buttons.items():
                button.setText(self._text(action, inline=inline))
        later = rows[1:]
        placed = {b: self._rows[1 + n] for n, row in enumerate(later) for b in row}
        # More rows: less padding above and below the words, which leaves the countdown more.
        sheet = _padding(2 if later else 6, self._padding_x)
        # Three rows closer together: 5 px apart they took the last pixels of a 640 x 480
        # window in large print, and the third was cut by one.
        self._column.setSpacing(2 if len(later) > 1 else SPACING // 2)
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)  # before the fonts: a new style sheet polishes them again
        first = [b for b in self.buttons.values() if b not in placed]
        in_order = first + [b for row in later for b in row]
        if later != self._later:  # taken out and put back only when the rows change
            self._later = later
            for row in self._rows:
                for button in in_order:
                    row.removeWidget(button)
            for button in in_order:
                placed.get(button, self._rows[0]).addWidget(button)
        for button in in_order:
            row = placed.get(button, self._rows[0])
            set_exact_px(button, px)
            # Each gets room in proportion to its words: "End" needs less than "Skip exercise".
            row.setStretch(row.indexOf(button), _needed(button, px, button.text()) + 2 * PADDING_X)
        # Every button as high as one with its key under its words, whether it shows a key or
        # not: never shorter than its lines (a squeezed page must not cut the key off), one row
        # of even height, and the words of a button without a key centred in it.
        # Keys beside the words: one line, as high as the tallest.
        lines = (b.sizeHint().height() if inline else _two_lines_high(b) for b in in_order)
        high = max(self._least_height, *lines)
        for button in in_order:
            button.setMinimumHeight(high)
        # The page above must lay out again: a second row needs its height taken from the rest.
        # https://doc.qt.io/qt-6/qwidget.html#updateGeometry
        self.updateGeometry()


def _split(shown: list[Action], count: int) -> list[list[Action]]:
    """`shown` in `count` rows in order, the first rows one longer where they do not share
    evenly (eleven in three: four, four, three)."""
    size = -(-len(shown) // count)
    return [shown[n : n + size] for n in range(0, len(shown), size)]


def _padding(vertical: int, horizontal: int = PADDING_X) -> str:
    return f"QPushButton {{ padding: {vertical}px {horizontal}px; }}"


def _label_of(action: Action) -> str:
    return next(label for a, label, _tip in _BUTTONS if a is action)


def _two_lines_high(button: QPushButton) -> int:
    """The height `button` needs for its words with a key under them, in its font now."""
    one_line = "\n" not in button.text()
    return button.sizeHint().height() + (button.fontMetrics().lineSpacing() if one_line else 0)


# Widths measured, by font and words: a relabel tries each size down from the largest for
# every button (~20 measures a button), mostly of words measured at the relabel before.
_WIDTHS: dict[tuple[str, str], int] = {}


def _needed(button: QPushButton, px: float, text: str) -> int:
    """The width `button` needs for `text` at `px` (its wider line: the words or the key),
    with its border and air but not its padding."""
    font = QFont(button.font())
    font.setPixelSize(max(8, int(px)))
    measured = (font.key(), text)
    if measured not in _WIDTHS:
        metrics = QFontMetrics(font)
        lines = measured[1].split("\n")
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        _WIDTHS[measured] = widest + BORDER_AND_AIR
    return _WIDTHS[measured]
