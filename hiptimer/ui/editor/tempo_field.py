"""The tempo input: a checkbox and the seconds of each part of a rep."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from hiptimer.i18n import N_, _, translate
from hiptimer.ui.editor.data_ops import MISSING
from hiptimer.ui.editor.fields import NUMBER_WIDTH, Field, parse_number, show_number


class TempoField(Field):
    """An optional tempo: a checkbox and seconds to lift, hold, lower and pause at the bottom.

    Signals: edited(str key, object value), as every Field.
    """

    PARTS = (  # labels marked with N_, translated where shown
        ("lift_s", N_("lift")),
        ("hold_s", N_("hold at top")),
        ("lower_s", N_("lower")),
        ("pause_s", N_("hold low")),
    )
    DEFAULT: ClassVar[dict[str, int]] = {"lift_s": 2, "hold_s": 0, "lower_s": 2, "pause_s": 0}

    def __init__(self, key: str, parent: QWidget) -> None:
        self.check = QCheckBox(_("Paced:"), parent)
        self.parts = {name: QLineEdit(parent) for name, _ in self.PARTS}
        super().__init__(key, [self.check, *self.parts.values()], parent)
        self.part_words[1:] = [translate(label) for _name, label in self.PARTS]  # "Tempo, lift"
        self.check.setObjectName(key)
        self.check.toggled.connect(self._toggled)
        # The box, then two rows of two (the top, then the bottom of a rep): in one row
        # they made the form wider than the editor at 1024 px.
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.check, 0, 0, 1, 6)
        for i, (name, label) in enumerate(self.PARTS, start=2):
            edit = self.parts[name]
            edit.setObjectName(f"{key}.{name}")
            edit.setFixedWidth(NUMBER_WIDTH - 16)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.textEdited.connect(self._emit)
            unit = QLabel(_("s"), self.row)
            unit.setContentsMargins(0, 0, 10, 0)
            row, col = divmod(i, 2)
            caption = QLabel(translate(label), self.row)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for j, widget in enumerate((caption, edit, unit)):
                grid.addWidget(widget, row, 3 * col + j)
        layout = QHBoxLayout(self.row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addWidget(self.error, 1)
        self._error_always = True

    def _toggled(self, on: bool) -> None:
        for name, _label in self.PARTS:
            self.parts[name].setEnabled(on)
            edit = self.parts[name]
            if on and not edit.text():  # start from what the greyed seconds say, if any
                edit.setText(edit.placeholderText() or str(self.DEFAULT[name]))
        self._emit()

    def value(self) -> Any:
        if not self.check.isChecked():
            return MISSING
        values = {name: parse_number(self.parts[name].text()) for name, _ in self.PARTS}
        return {k: v for k, v in values.items() if v is not MISSING}

    def _write(self, value: Any) -> None:
        on = isinstance(value, dict)
        self.check.setChecked(on)
        for name, _label in self.PARTS:
            self.parts[name].setEnabled(on)
            self.parts[name].setText(show_number(value.get(name, MISSING)) if on else "")
