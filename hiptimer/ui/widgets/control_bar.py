"""The row of buttons under the workout: every key has a button too, named in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from hiptimer.ui.keys import KEY_NAMES, Action
from hiptimer.ui.theme import set_px

SPACING = 10
PADDING_X = 8  # narrower than other buttons: eleven of them share a 1024 px row
CHROME = 2 * PADDING_X + 2 * 2 + 6  # padding, the style sheet's border, and some air
MIN_PX = 11

_BUTTONS: tuple[tuple[Action, str, str], ...] = (
    (Action.BACK, "\u25c0 Back", "Repeat the previous set"),
    (Action.LESS, "\u22125 s", "Shorten this hold or rest by 5 seconds"),
    (Action.PAUSE, "Pause", "Pause or resume"),
    (Action.UNCOUNT_REP, "Undo", "Take back the last rep counted"),
    (Action.COUNT_REP, "Count rep", "Count one rep (or click the big count)"),
    (Action.MORE, "+5 s", "Lengthen this hold or rest by 5 seconds"),
    (Action.NEXT, "Next \u25b6", "Finish this step now"),
    (Action.SKIP_EXERCISE, "Skip exercise", "Skip the rest of this exercise"),
    (Action.SHOW_STEPS, "Steps", "Show or hide the exercise's steps and caution"),
    (Action.MUTE, "Mute", "Turn the voice and beeps off or on"),
    (Action.END, "End", "End the session"),
)


_LESS_TIPS = {
    False: "Shorten this hold or rest by 5 seconds",
    True: "One rep fewer to do in this set and the later ones",
}
_MORE_TIPS = {
    False: "Lengthen this hold or rest by 5 seconds",
    True: "One rep more to do in this set and the later ones",
}


class ControlBar(QWidget):
    """Buttons for the workout's commands; it only reports which one was pressed.

    Signals: triggered(Action).
    """

    triggered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(f"QPushButton {{ padding: 6px {PADDING_X}px; }}")
        layout = self._row = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        self._max_px = 18.0
        self._fitted: tuple[object, ...] = ()
        self.buttons: dict[Action, QPushButton] = {}
        for action, label, tip in _BUTTONS:
            button = QPushButton(label, self)
            button.setToolTip(f"{tip} (key: {KEY_NAMES[action]})")
            # Keyboard focus stays with the window: Space must never "click" a button too.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(44)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, a=action: self.triggered.emit(a))
            layout.addWidget(button)
            self.buttons[action] = button

    def show_state(
        self,
        *,
        paused: bool,
        counting: bool,
        reps: bool,
        muted: bool,
        navigable: bool,
        steps: bool | None = None,
    ) -> None:
        """Relabel and enable the buttons for the moment shown; `steps`: whether the steps
        are on screen (None: the exercise has none to show)."""
        b = self.buttons
        b[Action.PAUSE].setText("Resume" if paused else "Pause")
        b[Action.COUNT_REP].setVisible(counting)
        b[Action.UNCOUNT_REP].setVisible(counting)
        # On a reps set + and - change the reps to do (the target), never the count.
        b[Action.LESS].setText("Target \u22121" if reps else "\u22125 s")
        b[Action.MORE].setText("Target +1" if reps else "+5 s")
        for action, tip in ((Action.LESS, _LESS_TIPS), (Action.MORE, _MORE_TIPS)):
            b[action].setToolTip(f"{tip[reps]} (key: {KEY_NAMES[action]})")
        b[Action.SHOW_STEPS].setVisible(steps is not None)
        b[Action.SHOW_STEPS].setText("Hide steps" if steps else "Steps")
        b[Action.MUTE].setText("Unmute" if muted else "Mute")
        for action in (Action.BACK, Action.NEXT, Action.SKIP_EXERCISE, Action.LESS, Action.MORE):
            b[action].setEnabled(navigable)
        b[Action.PAUSE].setEnabled(navigable)
        self._fit()

    def set_font_px(self, px: float) -> None:
        """The buttons' text size: `px`, or less so that every button shown fits the row."""
        self._max_px = px
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = [b for b in self.buttons.values() if not b.isHidden()]
        key = (self.width(), self._max_px, tuple(b.text() for b in shown))
        if key == self._fitted or not shown:
            return
        self._fitted = key
        room = self.width() - SPACING * (len(shown) - 1)
        px = self._max_px
        while px > MIN_PX and sum(_needed(b, px) for b in shown) > room:
            px -= 1
        for i, button in enumerate(self.buttons.values()):
            set_px(button, px)
            # Each gets room in proportion to its words: "End" needs less than "Skip exercise".
            self._row.setStretch(i, _needed(button, px))


def _needed(button: QPushButton, px: float) -> int:
    """The width `button` needs for its words at `px`."""
    font = QFont(button.font())
    font.setPixelSize(max(8, int(px)))
    return QFontMetrics(font).horizontalAdvance(button.text()) + CHROME
