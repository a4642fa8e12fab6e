"""The routine's exercises in order: reorder by drag or Ctrl+Up/Down, a checkbox to leave one out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QKeyCombination, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDropEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiptimer.i18n import _, p_
from hiptimer.ui.editor.data_ops import name_of, summary
from hiptimer.ui.editor.hanging_rows import INDENT, HangingRows
from hiptimer.ui.editor.style import error_colour, muted_colour
from hiptimer.ui.key_words import shortcut_text
from hiptimer.ui.keys import SHORTCUTS
from hiptimer.ui.widgets.flow_layout import FlowLayout, FlowRow
from hiptimer.ui.widgets.plain import in_our_direction

INDEX_ROLE = Qt.ItemDataRole.UserRole


class ExerciseList(QListWidget):
    """One checkable row per exercise; it reports what the user did and changes no data.

    Signals: order_changed(list) with the old indices in their new order after a drag,
    move_requested(int delta) for Ctrl+Up/Down, enabled_changed(int row, bool),
    selected(int row) (-1 for none).
    """

    order_changed = Signal(object)
    move_requested = Signal(int)
    enabled_changed = Signal(int, bool)
    selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exercise-list")
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setItemDelegate(HangingRows(self))  # a wrapped dose line keeps its indent
        self.setResizeMode(QListWidget.ResizeMode.Adjust)  # rows wrapped again as it resizes
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemChanged.connect(self._item_changed)
        self.currentRowChanged.connect(self.selected.emit)

    def minimumSizeHint(self) -> QSize:
        """Three rows high at least (the first row's height, two lines until there is one):
        fewer hide the exercises around the one being moved."""
        hint = super().minimumSizeHint()
        row = self.sizeHintForRow(0) if self.count() else 2 * self.fontMetrics().lineSpacing()
        edges = max(2 * self.frameWidth(), self.height() - self.viewport().height())
        return QSize(hint.width(), max(hint.height(), 3 * row + edges))

    def show_exercises(self, items: list[dict[str, Any]], bad: set[int], current: int) -> None:
        """Show the exercises (updating rows in place), mark those with problems, select one."""
        self.blockSignals(True)
        try:
            while self.count() > len(items):
                self.takeItem(self.count() - 1)
            for row, ex in enumerate(items):
                item = self.item(row)
                if item is None:
                    item = QListWidgetItem()
                    flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
                    item.setFlags(flags & ~Qt.ItemFlag.ItemIsDropEnabled)
                    self.addItem(item)
                self._fill(item, row, ex, row in bad)
            self.setCurrentRow(current)
        finally:
            self.blockSignals(False)

    def _fill(self, item: QListWidgetItem, row: int, ex: dict[str, Any], bad: bool) -> None:
        enabled = ex.get("enabled", True) is not False
        dose = summary(ex)
        text = f"{row + 1}. {name_of(ex, row)}"
        if not enabled:
            text += "  " + _("(left out)")
        if bad:
            text += "   \u26a0 " + _("needs fixing")
        elif dose:
            text += f"\n{INDENT}{dose}"
        item.setText(in_our_direction(text, one_paragraph=True))  # a name right to left
        item.setData(INDEX_ROLE, row)
        item.setCheckState(Qt.CheckState.Checked if enabled else Qt.CheckState.Unchecked)
        item.setToolTip(_("Tick to include it in sessions; untick to keep it for later."))
        colour = error_colour() if bad else (muted_colour() if not enabled else "")
        item.setForeground(QBrush(QColor(colour)) if colour else QBrush())

    def _item_changed(self, item: QListWidgetItem) -> None:
        self.enabled_changed.emit(self.row(item), item.checkState() == Qt.CheckState.Checked)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        pressed = QKeySequence(QKeyCombination(mods, Qt.Key(event.key()))).toString()
        for name, delta in (("move_up", -1), ("move_down", 1)):
            if pressed in SHORTCUTS[name].sequences:
                self.move_requested.emit(delta)
                event.accept()
                return
        super().keyPressEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        super().dropEvent(event)
        order = [self.item(row).data(INDEX_ROLE) for row in range(self.count())]
        if order != list(range(self.count())):
            self.order_changed.emit(order)


class ExercisesPanel(QGroupBox):
    """The "Exercises" box: the list and its buttons.

    Signals: none of its own; the window connects the list's and the buttons' signals.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Exercises"), parent)
        self.list = ExerciseList(self)
        self.problem = QLabel(self)
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # names exercises
        self.problem.setVisible(False)
        # Short words (the full ones are what a screen reader says), in two rows: what adds
        # an exercise, then what acts on the selected one. Two columns of the full words
        # made the panel 520 px wide at 150 % and left the form too little room at 1024 px.
        self.add_new = self._button(
            p_("exercise list", "New"), _("New exercise"),
            _("Add a blank exercise after the selected one"),
        )  # fmt: skip
        self.add_from = self._button(
            _("From a routine\u2026"), _("Add from a routine\u2026"),
            _("Copy an exercise from a routine"),
        )  # fmt: skip
        self.duplicate = self._button(_("Duplicate"), "", _("Copy the selected exercise"))
        self.delete = self._button(_("Delete"), "", _("Remove the selected exercise"))
        self.up, self.down = (
            self._button(arrow, name, _("{action} (key: {key})").format(action=name, key=key))
            for arrow, name, key in (
                ("\u2191", _("Move up"), shortcut_text(SHORTCUTS["move_up"].sequences[0])),
                ("\u2193", _("Move down"), shortcut_text(SHORTCUTS["move_down"].sequences[0])),
            )
        )
        hint = QLabel(_("Drag to reorder, or Ctrl+Up / Ctrl+Down."), self)
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)  # a longer language must not widen the panel
        layout = QVBoxLayout(self)
        # No sides of its own (the box's padding is room enough): with the scroll bar the panel
        # takes on a short screen, they made the editor wider than an 800 x 600 screen.
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.problem)
        layout.addWidget(hint)
        for buttons in (
            (self.add_new, self.add_from),
            (self.duplicate, self.delete, self.up, self.down),
        ):
            flow = FlowLayout(spacing=6)  # as many to a row as the width holds: more rows narrower
            for button in buttons:
                flow.addWidget(button)
            layout.addWidget(FlowRow(flow, self))

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        """A button showing `text`, named `name` for a screen reader (its text if blank)."""
        button = QPushButton(text, self)
        button.setToolTip(tip)
        if name:
            button.setAccessibleName(name)
        return button

    def set_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def update_buttons(self, row: int, count: int) -> None:
        has = 0 <= row < count
        able = {
            self.duplicate: has,
            self.delete: has,
            self.up: has and row > 0,
            self.down: has and row < count - 1,
        }
        self._keep_focus_near(able, has)
        for button, on in able.items():
            button.setEnabled(on)

    def _keep_focus_near(self, able: dict[QPushButton, bool], has: bool) -> None:
        """Before a focused button is greyed, its focus goes to the button that undoes it or
        the list: Qt handed it on to the next in the Tab order, the editor's tab bar at the
        top, so that "Move down" pressed to the bottom or "Delete" of the last exercise left
        a keyboard user (and a screen reader) far from the list."""
        focused = next((b for b, on in able.items() if b.hasFocus() and not on), None)
        if focused is None:
            return
        other = {self.up: self.down, self.down: self.up}.get(focused)
        if other is not None and able[other]:
            target: QWidget = other
        else:
            target = self.list if has else self.add_new
        target.setFocus(Qt.FocusReason.TabFocusReason)
