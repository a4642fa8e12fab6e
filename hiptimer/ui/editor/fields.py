"""Inputs bound to one key of routine data, each with its error text beside it."""

from __future__ import annotations

import math
import re
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hiptimer.i18n import DECIMAL_MARKS, N_, _, language, translate
from hiptimer.ui.a11y import announce
from hiptimer.ui.editor.data_ops import MISSING, get_path
from hiptimer.ui.editor.number_edit import NumberEdit, ShortTextEdit
from hiptimer.ui.widgets.line_first_label import LineFirstLabel
from hiptimer.ui.widgets.names_box import NamesBox
from hiptimer.ui.widgets.plain import fit_names

NUMBER_WIDTH = 72
ERROR_WIDTH = 320
_INT = re.compile(r"[+-]?\d+")
# A problem below a field's own key, named for people: "reps_range[0]" -> "lowest".
_PART_NAMES = {
    "[0]": N_("lowest"),
    "[1]": N_("highest"),
    ".lift_s": N_("lift"),
    ".hold_s": N_("hold"),
    ".lower_s": N_("lower"),
    ".pause_s": N_("pause at the bottom"),
    ".min_per_week": N_("fewest"),
    ".max_per_week": N_("most"),
}


def parse_number(text: str) -> Any:
    """What the user typed as JSON would read it: 3 -> int, 2.5 -> float, blank -> MISSING.

    Anything else stays text, so that the loader's validator names the mistake.
    """
    text = text.strip()
    if not text:
        return MISSING
    mark = DECIMAL_MARKS.get(language(), ".")
    if mark != "." and text.count(mark) == 1 and "." not in text:
        text = text.replace(mark, ".")  # "2,5" where the language writes decimals so
    if _INT.fullmatch(text):
        return int(text)
    try:
        value = float(text)
    except ValueError:
        return text
    return value if math.isfinite(value) else text


def show_number(value: Any) -> str:
    """A number as the language writes it ("2,5" in Spanish); parse_number reads it back."""
    if value is MISSING or value is None:
        return ""
    if isinstance(value, float) and not isinstance(value, bool):
        return str(value).replace(".", DECIMAL_MARKS.get(language(), "."))
    return str(value)


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Flag a widget for the style sheet's red border."""
    if bool(widget.property("invalid")) != invalid:
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def _describe(widget: QWidget, plain: str, problem: str) -> None:
    """A field's problem first in what a screen reader says of it, then what it is for
    (`plain`): the red words beside it were only seen."""
    said = f"{problem}. {plain or widget.toolTip()}".strip() if problem else plain
    if widget.accessibleDescription() != said:
        widget.setAccessibleDescription(said)


def _same(shown: Any, value: Any) -> bool:
    if shown is MISSING or value is MISSING:
        return shown is value
    return bool(shown == value)


class Field(QObject):
    """One input bound to a key of the data (a dotted path), with an error label beside it.

    Signals: edited(str key, object value) when the user changes the input (MISSING = blank).
    """

    edited = Signal(str, object)

    def __init__(self, key: str, inputs: list[QWidget], parent: QWidget) -> None:
        super().__init__(parent)
        self.key = key
        self.inputs = inputs
        self.error = QLabel(parent)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # may quote what was typed
        self.error.setObjectName(f"error:{key}")
        self.row = QWidget(parent)
        self._error_always = False
        # What each input is for, as a screen reader says it when there is no problem; the
        # form that shows the field gives them (BoundForm.add).
        self.descriptions = [""] * len(inputs)
        self.part_words = [""] * len(inputs)  # each input's own words after the caption, if any
        self.spoken = ""

    def name_inputs(self, spoken: str) -> None:
        """Name each input for a screen reader by the caption, and by the words beside it
        where the field has more than one ("Tempo, lift"; it was "Tempo (2)")."""
        self.spoken = spoken
        for widget, part in zip(self.inputs, self.part_words, strict=True):
            named = _("{field}, {part}").format(field=spoken, part=part) if part else spoken
            widget.setAccessibleName(named)

    def value(self) -> Any:
        raise NotImplementedError

    def _write(self, value: Any) -> None:
        raise NotImplementedError

    def show_value(self, value: Any) -> None:
        """Show a value from the data; an input that already reads the same is left alone."""
        if _same(self.value(), value):
            return
        for widget in self.inputs:
            widget.blockSignals(True)
        try:
            self._write(value)
        finally:
            for widget in self.inputs:
                widget.blockSignals(False)

    def show_from(self, data: dict[str, Any]) -> None:
        self.show_value(get_path(data, self.key))

    def set_problems(self, problems: list[tuple[str, str]]) -> None:
        """Problems as (path below this field's key, message); none clears the error."""
        lines = [
            _("{part}: {problem}").format(part=_part_name(rest), problem=msg) if rest else msg
            for rest, msg in problems
        ]
        problem = "\n".join(lines)
        appeared = bool(problem) and not self.error.text()
        self.error.setText(problem)
        self.error.setVisible(bool(lines) or self._error_always)
        for widget, plain in zip(self.inputs, self.descriptions, strict=True):
            set_invalid(widget, bool(lines))
            _describe(widget, plain, problem)
            if appeared and widget.hasFocus():
                # Typed into being: said once as it appears (a reader reads a description only
                # as the focus comes), not again at each key while it stays.
                announce(widget, problem)

    @property
    def problem_text(self) -> str:
        return self.error.text()

    def focus(self) -> None:
        """The cursor in the field's first input, scrolled into view: only Tab scrolls a
        QScrollArea to its focus, so New left the new exercise's name out of sight."""
        for widget in self.inputs:
            if widget.isEnabled() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                area = _area_of(widget)
                if area is not None:
                    area.ensureWidgetVisible(widget)
                return

    def _emit(self, *_: object) -> None:
        self.edited.emit(self.key, self.value())

    def _beside(self, *widgets: QWidget, unit: str = "", expand: bool = False) -> None:
        """Lay out the inputs, a unit and the error label in one row.

        A wide input (`expand`) takes the row and its error squeezes in only when there
        is one; narrow inputs keep their size and the error label takes the rest.
        """
        layout = QHBoxLayout(self.row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in widgets:
            layout.addWidget(widget, 1 if expand else 0)
        self.unit_label = LineFirstLabel(unit, self.row)
        self.unit_label.setProperty("role", "unit")
        # One line where the row has room; "s  (vacío: los 15 s de la rutina)" is 363 px.
        self.unit_label.setWordWrap(True)
        self.unit_label.setVisible(bool(unit))
        layout.addWidget(self.unit_label)
        layout.addSpacing(8)
        self._error_always = not expand
        if expand:
            self.error.setMinimumWidth(ERROR_WIDTH // 2)
            self.error.setMaximumWidth(ERROR_WIDTH)
        layout.addWidget(self.error, 0 if expand else 1)
        self.error.setVisible(self._error_always)


def _part_name(rest: str) -> str:
    name = _PART_NAMES.get(rest)
    return translate(name) if name else rest.lstrip(".")


class LineField(Field):
    """A one-line text or number input.

    `number`: blank means MISSING and digits become numbers; text keeps "" for a blank
    (so "must not be empty" shows) unless `optional`, where blank removes the key.
    Signals: edited(str key, object value), as every Field.
    """

    def __init__(
        self,
        key: str,
        parent: QWidget,
        *,
        number: bool = False,
        optional: bool = False,
        unit: str = "",
        placeholder: str = "",
        width: int | None = None,
    ) -> None:
        """`width`: the least width of a short text input, which grows with the text size;
        without one it takes the row."""
        # A number grows with the text size, as the dose fields beside it (number_edit).
        short = number and width is None
        if short:
            self.edit: QLineEdit = NumberEdit(parent, NUMBER_WIDTH)
        elif width is not None:
            self.edit = ShortTextEdit(parent, width)  # at least `width`, more in large print
        else:
            self.edit = QLineEdit(parent)
        super().__init__(key, [self.edit], parent)
        self.number = number
        self.optional = optional
        self.edit.setObjectName(key)
        self.edit.setPlaceholderText(placeholder)
        expand = not number and width is None
        if number:
            self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.textEdited.connect(self._emit)
        self._beside(self.edit, unit=unit, expand=expand)

    def value(self) -> Any:
        text = self.edit.text()
        if self.number:
            return parse_number(text)
        return MISSING if self.optional and not text else text

    def _write(self, value: Any) -> None:
        if self.number:
            self.edit.setText(show_number(value))
        else:
            self.edit.setText(value if isinstance(value, str) else "")
        self.edit.setCursorPosition(0)  # show the start of a long text, not its end


class TextBlockField(Field):
    """A multi-line input: one item per line (`lines`), or one text; blank removes the key.

    Signals: edited(str key, object value), as every Field.
    """

    def __init__(
        self, key: str, parent: QWidget, *, lines: bool, height: int = 76, placeholder: str = ""
    ) -> None:
        self.edit = QPlainTextEdit(parent)
        super().__init__(key, [self.edit], parent)
        self.lines = lines
        self.edit.setObjectName(key)
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setFixedHeight(height)
        self.edit.textChanged.connect(self._emit)
        # Without this the form hands the row spare height and the box floats in it.
        self.row.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self.row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.error.setVisible(False)

    def value(self) -> Any:
        text = self.edit.toPlainText()
        if not self.lines:
            return text if text.strip() else MISSING
        items = [line.rstrip() for line in text.splitlines() if line.strip()]
        return items or MISSING

    def _write(self, value: Any) -> None:
        if isinstance(value, list):
            self.edit.setPlainText("\n".join(str(v) for v in value))
        else:
            self.edit.setPlainText(value if isinstance(value, str) else "")


class ChoiceField(Field):
    """A drop-down of (value, label) pairs; `default` is shown when the key is absent.

    Signals: edited(str key, object value), as every Field.
    """

    def __init__(
        self, key: str, parent: QWidget, choices: list[tuple[str, str]], *, default: str
    ) -> None:
        # As wide as its longest choice where the form has room, cut in its middle where it
        # has not: 430 px for Spanish's sides in large print kept the form 507 px wide, and
        # the exercise list beside it 220 px on an 800 px screen.
        self.combo = NamesBox(parent)
        super().__init__(key, [self.combo], parent)
        self.default = default
        self.combo.setObjectName(key)
        for value, label in choices:
            self.combo.addItem(label, value)
        # 12 characters at the least, not 14: the form beside the list fits a 640 px window
        # in English large print (631 px at its least, of 628).
        fit_names(self.combo, 12)
        self.combo.activated.connect(self._emit)
        self._beside(self.combo)

    def value(self) -> Any:
        return self.combo.currentData()

    def _write(self, value: Any) -> None:
        index = self.combo.findData(self.default if value is MISSING else value)
        self.combo.setCurrentIndex(max(0, index))


class PairField(Field):
    """Two numbers: a list like reps_range, or an object's two keys (`names`); both blank = MISSING.

    Signals: edited(str key, object value), as every Field.
    """

    def __init__(
        self,
        key: str,
        parent: QWidget,
        *,
        between: str,
        unit: str = "",
        names: tuple[str, str] | None = None,
    ) -> None:
        self.low = NumberEdit(parent, NUMBER_WIDTH)
        self.high = NumberEdit(parent, NUMBER_WIDTH)
        super().__init__(key, [self.low, self.high], parent)
        self.names = names
        for edit, name in zip((self.low, self.high), names or ("low", "high"), strict=True):
            edit.setObjectName(f"{key}.{name}")
            edit.textEdited.connect(self._emit)
        self.part_words[1] = between  # "Rep range, to"
        words = QLabel(between, self.row)
        words.setWordWrap(True)  # as the unit's: the form as narrow as its fields allow
        self._beside(self.low, words, self.high, unit=unit)

    def value(self) -> Any:
        low, high = parse_number(self.low.text()), parse_number(self.high.text())
        if low is MISSING and high is MISSING:
            return MISSING
        if self.names is not None:
            pairs = zip(self.names, (low, high), strict=True)
            return {name: v for name, v in pairs if v is not MISSING}
        return [None if low is MISSING else low, None if high is MISSING else high]

    def _write(self, value: Any) -> None:
        if self.names is not None:
            got = value if isinstance(value, dict) else {}
            pair = [got.get(self.names[0]), got.get(self.names[1])]
        else:
            pair = value if isinstance(value, list) and len(value) == 2 else [None, None]
        self.low.setText(show_number(pair[0]))
        self.high.setText(show_number(pair[1]))


def _area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent
