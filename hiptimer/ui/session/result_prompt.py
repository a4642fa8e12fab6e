"""A re-test's measured result, typed in: digits, a decimal point, Backspace, Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from hiptimer.core.history.csv_fields import KEPT_DECIMALS
from hiptimer.core.session.events import SetRecord
from hiptimer.i18n import DECIMAL_MARKS, _, language
from hiptimer.ui.a11y import announce
from hiptimer.ui.key_words import key_hint
from hiptimer.ui.keys import KEY_NAMES, POINT, Action, Mode, button_key, key_name
from hiptimer.ui.session.pain_prompt import set_label, spoken
from hiptimer.ui.theme import set_exact_px, set_px
from hiptimer.ui.widgets.item_lines import unbroken_items
from hiptimer.ui.widgets.plain import ElidedLabel, in_our_direction, plain

MAX_CHARS = 7  # "99999.9": more than any range or distance a test measures


class ResultPrompt(QWidget):
    """A panel inside the workout screen: the number typed so far and its unit.

    Keys reach it through the main window (Mode.RESULT); the buttons do the same.
    Signals: entered(object) with the number, or None when skipped.
    """

    entered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.question = QLabel(_("Type in the result"), self)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.about = ElidedLabel("", self)  # the test's name, in one line
        self.about.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.about.setProperty("role", "muted")
        self.number = QLabel("", self)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        plain(self.number)  # the unit comes from the routine file
        # Never wider than the screen: a long unit shrinks the line instead (_fit_number).
        self.number.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._number_px = 60.0  # its largest size, set with the panel's height
        hint = _("Digits, and . for a decimal  \u00b7  Backspace deletes  \u00b7  Enter saves")
        self.hint = QLabel(unbroken_items(hint), self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Between its items: in Spanish at 150 % on 640 x 480 it was cut at both ends.
        self.hint.setWordWrap(True)
        # Made in the order they are seen, No result then Save: Tab follows it.
        # Its key in its words, as "Change the rating   [Backspace]" on the pain question:
        # the hint line names the other keys, and K was written nowhere on this screen.
        skip = _("No result")
        skip_key = button_key(Action.SKIP_RATING, Mode.RESULT)
        self.skip_button = QPushButton(f"{skip}   [{skip_key}]", self)
        self.skip_button.setAccessibleName(skip)
        self._save = _("Save")  # its key is added while it is enabled (_show)
        self.save_button = QPushButton(self._save, self)
        self.save_button.setAccessibleName(self._save)
        self.skip_button.setToolTip(
            _("Go on without a result (key: {key})").format(key=KEY_NAMES[Action.SKIP_RATING])
        )
        self.save_button.setToolTip(
            _("Save the result (key: {key})").format(key=key_name(Action.ACCEPT, Mode.RESULT))
        )
        for button in (self.save_button, self.skip_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.save_button.clicked.connect(self.accept)
        self.skip_button.clicked.connect(lambda: self.entered.emit(None))
        self._unit = ""
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.skip_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.question)
        layout.addWidget(self.about)
        layout.addWidget(self.number)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        layout.addStretch(1)

    def ask(self, record: SetRecord | None) -> None:
        """A new question, for the set just done: nothing typed yet."""
        self._unit = record.result_unit if record is not None else ""
        self.about.setText(in_our_direction(set_label(record)))
        self.text = ""
        self._show()
        # Named and described as the pain question's panel is, for the same reason
        # (focus_question): a screen reader says both as the focus arrives.
        self.setAccessibleName(self.question.text())
        about = f"{self.about.text()}." if self.about.text() else ""
        self.setAccessibleDescription(f"{about} {spoken(self.hint.text())}".strip())

    def focus_question(self) -> None:
        """Take the keyboard focus, named by the question, as the pain question does
        (PainPrompt.focus_question): Orca 43 does not hear the announcement of it
        (a11y.announce), only what takes the focus. The panel is no Tab stop and no button,
        so digits, Backspace and Enter still reach the key map, and Tab goes on to its
        buttons."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def type(self, value: int) -> None:
        """A digit (0-9), or POINT for the decimal point (once); no digit past the decimals
        the history's export keeps, so what is typed is what every record gives."""
        if len(self.text) >= MAX_CHARS:
            return
        if (
            value != POINT
            and "." in self.text
            and len(self.text.partition(".")[2]) >= KEPT_DECIMALS
        ):
            return
        if value == POINT:
            if "." not in self.text:
                self.text = (self.text or "0") + "."
        else:
            self.text += str(value)
        self._show()
        self._say()

    def erase(self) -> None:
        self.text = self.text[:-1]
        self._show()
        self._say()

    def _say(self) -> None:
        """Keys reach this panel through the window, so no field echoes them: a screen
        reader is told the number as it now reads."""
        announce(self, self.number.text())

    def value(self) -> float | None:
        try:
            return float(self.text) if self.text.strip(".") else None
        except ValueError:
            return None

    def accept(self) -> None:
        """Enter: the number typed, if there is one."""
        value = self.value()
        if value is not None:
            self.entered.emit(value)

    def _show(self) -> None:
        shown = self.text.replace(".", DECIMAL_MARKS.get(language(), "."))
        self.number.setText(f"{shown or '_'} {self._unit}".strip())
        saves = self.value() is not None
        self.save_button.setEnabled(saves)
        # A button names its key, and a greyed one none, as Enter does nothing then (README).
        key = f"   [{button_key(Action.ACCEPT, Mode.RESULT)}]" if saves else ""
        self.save_button.setText(self._save + key)
        self._describe()
        self._fit_number()

    def _describe(self) -> None:
        """Tab reaches the buttons only: each is read with the question, the test and the
        number typed so far, all of which were only seen."""
        asked = f"{self.question.text()}: {self.about.text()}." if self.about.text() else ""
        self.skip_button.setAccessibleDescription(f"{asked} {self.skip_button.toolTip()}".strip())
        key = key_hint(key_name(Action.ACCEPT, Mode.RESULT))  # the key map's
        self.save_button.setAccessibleDescription(f"{asked} {self.number.text()}. {key}".strip())

    def _fit_number(self) -> None:
        """The number and its unit at their largest size that fits the panel's width: a unit
        of 20 characters ("degrees of rotation") must not push the digits typed off screen."""
        set_px(self.number, self._number_px, bold=True)
        room = self.width() - 2 * self.number.margin() - 16
        wide = self.number.fontMetrics().horizontalAdvance(self.number.text())
        if wide > room > 0:
            set_exact_px(self.number, self.number.font().pixelSize() * room / wide, bold=True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        h = max(300, self.height())
        set_px(self.question, h * 0.085, bold=True)
        set_px(self.about, h * 0.055)
        self._number_px = h * 0.2
        self._fit_number()
        set_px(self.hint, h * 0.045)
        for button in (self.save_button, self.skip_button):
            set_px(button, h * 0.05)
