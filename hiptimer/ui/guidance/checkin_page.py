"""The next-morning check-in: how the hip feels today, pain and stiffness 0-10, on one screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hiptimer.i18n import N_, _, translate
from hiptimer.ui.key_words import key_hint
from hiptimer.ui.keys import Action, Mode, button_key, key_name
from hiptimer.ui.session.pain_prompt import ANCHORS as PAIN_ANCHORS
from hiptimer.ui.theme import set_px
from hiptimer.ui.widgets.item_lines import unbroken_items
from hiptimer.ui.widgets.layout_fit import shrink_to_fit
from hiptimer.ui.widgets.plain import may_cut, plain, show_wrapped
from hiptimer.ui.widgets.score_scale import ScoreScale

QUESTION = N_("How does your hip feel this morning?")
STIFFNESS_ANCHORS = {0: N_("none"), 5: N_("moderate"), 10: N_("as stiff\nas it gets")}
KEY_HINT = N_("Press 0\u20139, or T for 10  \u00b7  \u2191 \u2193 pain or stiffness")
ROWS = ("pain", "stiffness")


class CheckinPage(QWidget):
    """Asks for this morning's pain and stiffness; keys answer the framed scale, then the next.

    Signals: answered(pain, stiffness) with ints (stiffness may be None), skipped().
    """

    answered = Signal(object, object)
    skipped = Signal()

    def __init__(self, about: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.question = QLabel(translate(QUESTION), self)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.question.setWordWrap(True)
        self.about = QLabel(self)
        self.about.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.about.setProperty("role", "muted")
        self.about.setWordWrap(True)
        plain(self.about)  # names the routines
        may_cut(self.about)
        show_wrapped(self.about, about)
        pain, stiffness = _("Pain"), _("Stiffness")
        self.pain_label = QLabel(pain, self)
        self.pain = ScoreScale(pain, PAIN_ANCHORS, self)
        self.stiffness_label = QLabel(stiffness, self)
        self.stiffness = ScoreScale(stiffness, STIFFNESS_ANCHORS, self)
        self._rows = (
            (self.pain_label, self.pain, pain),
            (self.stiffness_label, self.stiffness, stiffness),
        )
        self.pain.chosen.connect(lambda n: self._choose(self.pain, n))
        self.stiffness.chosen.connect(lambda n: self._choose(self.stiffness, n))
        self.hint = QLabel(unbroken_items(translate(KEY_HINT)), self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)  # between its items, rather than cut at both ends
        # The first of its keys in its words, as every button (the pain question's and the
        # re-test's skip: K); all of them in its tooltip, as the key table names them.
        skip_key = button_key(Action.SKIP_RATING, Mode.CHECKIN)
        self.skip_button = QPushButton(_("Skip today") + f"   [{skip_key}]", self)
        self.skip_button.setToolTip(
            _("Skip today's check-in (key: {key})").format(
                key=key_name(Action.SKIP_RATING, Mode.CHECKIN)
            )
        )
        self.skip_button.clicked.connect(self.skipped.emit)
        save_key = key_name(Action.ACCEPT, Mode.CHECKIN)
        self._save = _("Save")  # its key is added while it is enabled (_show_state)
        self.save_button = QPushButton(self._save, self)
        self.save_button.setAccessibleName(self._save)
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        for button in (self.skip_button, self.save_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addSpacing(24)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.addStretch(1)
        layout.addWidget(self.question)
        layout.addWidget(self.about)
        layout.addSpacing(8)
        for label, scale, _name in self._rows:
            layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(scale, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addStretch(1)
        # The question and what it is about are labels Tab never reaches: the first and the
        # last Tab stops (the pain's 0; Skip and Save) are read with them, Save with the
        # scores given so far too (_show_state).
        self._asked = f"{self.question.text()} {about}"
        # The page itself too: as it comes, a screen reader names it by the question, where it
        # said "layered pane" (Orca 43).
        self.setAccessibleName(self.question.text())
        self.setAccessibleDescription(about)
        first = self.pain.buttons[0]
        first.setAccessibleDescription(f"{self._asked} {first.toolTip()}")
        self.skip_button.setAccessibleDescription(f"{self._asked} {self.skip_button.toolTip()}")
        self._save_hint = key_hint(save_key)
        self.active = self.pain
        self._show_state()

    # ------------------------------------------------------------ commands

    def rate(self, value: int) -> None:
        """A key: answer the framed scale; after the pain, the stiffness is next."""
        self._choose(self.active, value)

    def switch_scale(self, step: int) -> None:
        """Up or Down: the other scale answers the keys."""
        self.active = self.stiffness if step > 0 else self.pain
        self._show_state()

    def save(self) -> None:
        """Save when the pain is given (stiffness may be left out)."""
        if self.pain.value is not None:
            self.answered.emit(self.pain.value, self.stiffness.value)

    def _choose(self, scale: ScoreScale, value: int) -> None:
        scale.set_value(value)
        if scale is self.pain and self.stiffness.value is None:
            self.active = self.stiffness
        else:
            self.active = scale
        self._show_state()

    def _show_state(self) -> None:
        saves = self.pain.value is not None
        self.save_button.setEnabled(saves)
        # A button names its key, and a greyed one none, as Enter does nothing then (README).
        key = f"   [{button_key(Action.ACCEPT, Mode.CHECKIN)}]" if saves else ""
        self.save_button.setText(self._save + key)
        given = []
        for label, scale, name in self._rows:
            scale.set_active(scale is self.active)
            shown = f"{name}: {scale.value}/10" if scale.value is not None else name
            label.setText(f"\u25b8 {shown}" if scale is self.active else shown)
            given.append(shown)
        said = f"{self._asked} {', '.join(given)}. {self._save_hint}"
        self.save_button.setAccessibleDescription(said)

    # ------------------------------------------------------------ size

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()  # measured again as shown: the style sheet's paddings are known now

    def _fit(self) -> None:
        # Where the page would not be whole (large print on 1024 x 768), every size shrinks
        # a step at a time, to 60 % at most, as the pain question's do: at 150 % the page
        # needed 744 px of 690, and cut its question top and bottom and drew the scales'
        # words over their buttons (under Xvfb).
        shrink_to_fit(self, self._size_parts)

    def _size_parts(self, h: float) -> None:
        set_px(self.question, h * 0.07, bold=True)
        set_px(self.about, h * 0.032)
        side = int(min(h * 0.12, (self.width() - 80) / 12.4))
        for label, scale, _name in self._rows:
            set_px(label, h * 0.045, bold=True)
            scale.fit(side, h * 0.028)
        set_px(self.hint, h * 0.034, bold=True)
        for button in (self.skip_button, self.save_button):
            set_px(button, h * 0.04, bold=button is self.save_button)
