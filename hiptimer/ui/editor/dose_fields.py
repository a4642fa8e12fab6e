"""Format-2 dose inputs for the exercise form: an added load and the ceiling of suggestions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from hiptimer.i18n import _
from hiptimer.ui.editor.data_ops import MISSING
from hiptimer.ui.editor.fields import NUMBER_WIDTH, Field, parse_number, show_number
from hiptimer.ui.editor.number_edit import NumberEdit
from hiptimer.ui.widgets.flow_layout import FlowLayout, FlowRow, together

UNITS = (("kg", "kg"), ("lb", "lb"))


def _number_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = NumberEdit(parent, NUMBER_WIDTH)  # wide enough for "none" in large print
    edit.setObjectName(name)
    return edit


class _AmountAndUnit(FlowRow):
    """The load's amount and its unit, at least as wide as the two side by side (their
    sizes asked when measured: the text size is applied after the field is made)."""

    def minimumSizeHint(self) -> QSize:
        amount, unit = (self.findChild(QLineEdit), self.findChild(QComboBox))
        least = super().minimumSizeHint()
        if amount is None or unit is None:
            return least
        return least.expandedTo(QSize(amount.sizeHint().width() + 6 + unit.sizeHint().width(), 0))


class LoadField(Field):
    """An optional added weight: an amount and its unit; a blank amount removes the load.

    Signals: edited(str key, object value), as every Field.
    """

    def __init__(self, key: str, parent: QWidget) -> None:
        self.amount = _number_edit(parent, f"{key}.amount")
        self.unit = QComboBox(parent)
        self.unit.setObjectName(f"{key}.unit")
        for value, label in UNITS:
            self.unit.addItem(label, value)
        super().__init__(key, [self.amount, self.unit], parent)
        self.part_words[1] = _("unit")  # "Load, unit"
        # Qt's AT-SPI bridge names a combo box by its current text on Linux ("kg combo box")
        # and gives its label by the label relation, which a buddy makes: a word beside it.
        self.unit_words = QLabel(_("unit"), parent)
        self.unit_words.setBuddy(self.unit)
        self.amount.setPlaceholderText(_("none"))
        self.amount.textEdited.connect(self._emit)
        self.unit.activated.connect(self._emit)
        # The unit and its word go under the amount where the form is narrow: in one row they
        # held the editor 675 px wide at 640 x 480 in large print. Never narrower than the
        # amount and the unit side by side, as before the word: that least puts the editor's
        # captions above their fields at 1024 x 740 in large print, where the id shows whole.
        parts = FlowLayout(spacing=6)
        parts.addWidget(self.amount)
        parts.addWidget(together(self.row, self.unit_words, self.unit))
        self._beside(_AmountAndUnit(parts, self.row), unit=_("(an ankle weight)"))

    def name_inputs(self, spoken: str) -> None:
        """As every field's, and the unit's word beside it said as "Load, unit" by a reader."""
        super().name_inputs(spoken)
        self.unit_words.setAccessibleName(self.unit.accessibleName())

    def value(self) -> Any:
        amount = parse_number(self.amount.text())
        if amount is MISSING:
            return MISSING
        return {"amount": amount, "unit": self.unit.currentData()}

    def _write(self, value: Any) -> None:
        got = value if isinstance(value, dict) else {}
        self.amount.setText(show_number(got.get("amount", MISSING)))
        self.unit.setCurrentIndex(max(0, self.unit.findData(got.get("unit", "kg"))))


class CeilingField(Field):
    """The most the suggestions may reach: sets, and reps or a hold by the exercise's kind.

    Blank parts are the dose as written (shown as placeholders); both blank removes it.
    Signals: edited(str key, object value), as every Field.
    """

    def __init__(self, key: str, parent: QWidget) -> None:
        self.sets = _number_edit(parent, f"{key}.sets")
        self.amount = _number_edit(parent, f"{key}.amount")
        self.amount_label = QLabel(_("reps"), parent)
        super().__init__(key, [self.sets, self.amount], parent)
        self.part_words = [_("sets"), _("reps")]  # "At most, sets", then its reps or hold
        self.amount_key = "reps"
        for edit in (self.sets, self.amount):
            edit.textEdited.connect(self._emit)
        # Blank parts show the dose as written, greyed: the tooltip says so.
        sets_of = QLabel(_("sets of"), parent)
        # The sets and the amount each with its words, the amount under the sets where the
        # form is narrow: in one row they held the form 450 px wide at 640 x 480 in Spanish
        # large print ("series de", "s mantenidos"), scrolled sideways in 353.
        parts = FlowLayout(spacing=6)
        for edit, words in ((self.sets, sets_of), (self.amount, self.amount_label)):
            words.setWordWrap(True)  # the form as narrow as its fields allow
            parts.addWidget(together(self.row, edit, words))
        self._beside(FlowRow(parts, self.row))

    def set_kind(self, kind: object, sets: object, amount: object) -> None:
        """Reps or a hold, with the dose as written as the placeholders."""
        self.amount_key = "hold_s" if kind == "hold" else "reps"
        self.amount_label.setText(_("s hold") if kind == "hold" else _("reps"))
        self.part_words[1] = _("seconds held") if kind == "hold" else _("reps")
        if self.spoken:
            self.name_inputs(self.spoken)
        self.amount.setObjectName(f"{self.key}.{self.amount_key}")
        self.sets.setPlaceholderText(show_number(sets if sets is not None else MISSING))
        self.amount.setPlaceholderText(show_number(amount if amount is not None else MISSING))

    def value(self) -> Any:
        parts = {"sets": parse_number(self.sets.text())}
        parts[self.amount_key] = parse_number(self.amount.text())
        found = {k: v for k, v in parts.items() if v is not MISSING}
        return found or MISSING

    def _write(self, value: Any) -> None:
        got = value if isinstance(value, dict) else {}
        self.sets.setText(show_number(got.get("sets", MISSING)))
        amount = got.get("hold_s", got.get("reps", MISSING))
        self.amount.setText(show_number(amount))
