"""A form of fields bound to keys of one data dict, routing validation problems to them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QWidget

from hiptimer.ui.editor.fields import Field
from hiptimer.ui.widgets.wheel_guard import guard_wheel


class BoundForm(QWidget):
    """A form of fields bound to keys of one data dict; routes problems to the fields.

    Where it is narrower than a label beside its field needs (the editor at 1024 px in large
    print, beside the exercise list), every label goes above its field, so that nothing
    is cut at the right edge or scrolled sideways to.
    Signals: edited(str key, object value), passed on from its fields.
    """

    edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, Field] = {}
        self._widths_now: tuple[int, int] | None = None  # until the layout is invalidated
        self.form = _FormLayout(self._forget_widths)
        self.setLayout(self.form)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)
        self.form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def _forget_widths(self) -> None:
        self._widths_now = None

    def _widths(self) -> tuple[int, int]:
        """The widths the rows shown need: labels beside their fields, and labels above.

        Kept until the layout is invalidated (a row shown or hidden, a label's text or font
        changed), as QFormLayout keeps its own sizes: Qt asks for the minimum at every layout
        pass, and each measured every label and field again (10 % of the editor tests' CPU).
        """
        if self._widths_now is None:
            self._widths_now = self._measure()
        return self._widths_now

    def _measure(self) -> tuple[int, int]:
        labels = fields = 0
        for widget in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            row, role = cast(tuple[int, QFormLayout.ItemRole], self.form.getWidgetPosition(widget))
            if row < 0 or not self.form.isRowVisible(row):
                continue
            if role is QFormLayout.ItemRole.LabelRole:
                labels = max(labels, widget.sizeHint().width())
            else:
                fields = max(fields, widget.minimumSizeHint().width(), widget.minimumWidth())
        m = self.form.contentsMargins()
        edges = m.left() + m.right()
        beside = labels + self.form.horizontalSpacing() + fields if labels else fields
        return beside + edges, max(labels, fields) + edges

    def minimumSizeHint(self) -> QSize:
        """As narrow as the labels above their fields allow (the layout's own minimum is
        the width of the way they are laid out now, which would keep them beside)."""
        hint = super().minimumSizeHint()
        return QSize(self._widths()[1], hint.height())

    def _fit_rows(self) -> None:
        wrap = self.width() < self._widths()[0]
        policy = QFormLayout.RowWrapPolicy
        wanted = policy.WrapAllRows if wrap else policy.DontWrapRows
        if self.form.rowWrapPolicy() is not wanted:
            self.form.setRowWrapPolicy(wanted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_rows()
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # rows shown or hidden, a new font
            self._fit_rows()
        return super().event(event)

    def add(self, label: str, field: Field, tip: str = "") -> Field:
        self.fields[field.key] = field
        field.edited.connect(self.edited.emit)
        caption = QLabel(label, self)
        caption.setBuddy(field.inputs[0])
        spoken = label.replace("&", "").rstrip(": ")
        field.descriptions = [tip or widget.toolTip() or spoken for widget in field.inputs]
        field.name_inputs(spoken)  # a screen reader says the caption
        for widget, description in zip(field.inputs, field.descriptions, strict=True):
            widget.setAccessibleDescription(description)
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


class _FormLayout(QFormLayout):
    """A QFormLayout that says when it is invalidated: what was measured of it is stale."""

    def __init__(self, invalidated: Callable[[], None]) -> None:
        super().__init__()
        self._invalidated = invalidated

    def invalidate(self) -> None:
        self._invalidated()
        super().invalidate()


class FormArea(QScrollArea):
    """A scroll area as wide at least as its form's narrowest: a splitter or a layout that
    sizes it gives room to the form instead of making it scroll sideways (QScrollArea's own
    smallest size leaves the widget in it out).

    Signals: QScrollArea's.
    """

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        form = self.widget()
        if form is None:
            return hint
        edges = self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(max(hint.width(), form.minimumSizeHint().width() + edges), hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # its rows changed: the room it needs may have too
        return super().eventFilter(watched, event)


def scrolled(form: QWidget) -> QScrollArea:
    """A form in a frameless scroll area, for windows shorter than the form."""
    area = FormArea()
    area.setObjectName(f"{form.objectName()}-area")
    area.setWidget(form)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    # Not a Tab stop of its own (Orca said "layered pane" there): Tab goes to the fields,
    # and the area scrolls the one reached into view (QScrollArea.focusNextPrevChild).
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    guard_wheel(area)  # the wheel scrolls the form, never changing a kind or unit it passes
    return area
