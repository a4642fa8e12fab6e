"""A form of fields bound to keys of one data dict, routing validation problems to them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QWidget

from hiptimer.ui.editor.fields import Field
from hiptimer.ui.widgets.wheel_guard import guard_wheel


class BoundForm(QWidget):
    """A form of fields bound to keys of one data dict; routes problems to the fields.

    Signals: edited(str key, object value), passed on from its fields.
    """

    edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, Field] = {}
        self.form = QFormLayout(self)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)
        self.form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def add(self, label: str, field: Field, tip: str = "") -> Field:
        self.fields[field.key] = field
        field.edited.connect(self.edited.emit)
        caption = QLabel(label, self)
        caption.setBuddy(field.inputs[0])
        spoken = label.replace("&", "").rstrip(": ")
        field.descriptions = [tip or widget.toolTip() or spoken for widget in field.inputs]
        for n, widget in enumerate(field.inputs):  # a screen reader says the caption
            widget.setAccessibleName(spoken if n == 0 else f"{spoken} ({n + 1})")
            widget.setAccessibleDescription(field.descriptions[n])
        if tip:
            caption.setToolTip(tip)
            for widget in field.inputs:
                widget.setToolTip(tip)
        self.form.addRow(caption, field.row)
        return field

    def set_row_visible(self, key: str, visible: bool) -> None:
        self.form.setRowVisible(self.fields[key].row, visible)

    def show_data(self, data: dict[str, Any]) -> None:
        for field in self.fields.values():
            field.show_from(data)

    def field_for(self, path: str) -> tuple[Field, str] | None:
        """The field showing a problem at this path (relative to the form), and the rest of it."""
        best: Field | None = None
        for key, field in self.fields.items():
            covers = path == key or path.startswith((key + ".", key + "["))
            if covers and (best is None or len(key) > len(best.key)):
                best = field
        if best is not None:
            return best, path[len(best.key) :]
        for key, field in self.fields.items():  # "schedule" -> its first field
            if key.startswith(path + "."):
                return field, ""
        return None

    def set_problems(self, problems: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Show (path, message) problems beside their fields; returns those no field shows."""
        routed: dict[str, list[tuple[str, str]]] = {key: [] for key in self.fields}
        left = []
        for path, message in problems:
            hit = self.field_for(path)
            if hit is None:
                left.append((path, message))
            else:
                routed[hit[0].key].append((hit[1], message))
        for key, items in routed.items():
            self.fields[key].set_problems(items)
        return left


def scrolled(form: QWidget) -> QScrollArea:
    """A form in a frameless scroll area, for windows shorter than the form."""
    area = QScrollArea()
    area.setWidget(form)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    # Not a Tab stop of its own (Orca said "layered pane" there): Tab goes to the fields,
    # and the area scrolls the one reached into view (QScrollArea.focusNextPrevChild).
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    guard_wheel(area)  # the wheel scrolls the form, never changing a kind or unit it passes
    return area
