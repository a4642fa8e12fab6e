"""The progression ladder of the exercise being edited: pick a variant, add, remove, use one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hiptimer.i18n import _
from hiptimer.ui.editor import ladder_ops
from hiptimer.ui.editor.data_ops import Data
from hiptimer.ui.widgets.plain import no_mnemonic


class LadderBar(QWidget):
    """Which variant of the exercise the form below edits, and the ladder's buttons.

    Variant 1 is the exercise as written; each harder variant has its own name and dose, and
    HipTimer suggests it once the one before holds at its ceiling. It reports what the user
    asks for and changes no data.
    Signals: variant_selected(int n), add_requested(int after), remove_requested(int n),
    use_requested(int n), move_requested(int n, int delta).
    """

    variant_selected = Signal(int)
    add_requested = Signal(int)
    remove_requested = Signal(int)
    use_requested = Signal(int)
    move_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ladder-bar")
        self.picker = QComboBox(self)
        self.picker.setObjectName("ladder-variant")
        # Without a name a reader said only the variant chosen ("1. Bridge"), never what the
        # list is for, and nothing as its description.
        self.picker.setAccessibleName(_("Variant to edit"))
        self.picker.setAccessibleDescription(
            _("The fields below edit this variant; the exercise as written is the easiest")
        )
        self.picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.picker.activated.connect(self.variant_selected.emit)
        self.add = QPushButton(_("Add harder"), self)
        self.remove = QPushButton(_("Remove"), self)
        self.use = QPushButton(_("Do this one now"), self)
        # Short words keep the bar inside a 1024 px editor; the tooltips say the rest.
        self.add.setToolTip(
            _("Add a harder variant right after the one shown, starting at its dose")
        )
        self.remove.setToolTip(_("Take the variant shown off the ladder"))
        self.use.setToolTip(_("Make the variant shown the one your sessions do"))
        self.add.clicked.connect(lambda: self.add_requested.emit(self.picker.currentIndex()))
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self.picker.currentIndex()))
        self.use.clicked.connect(lambda: self.use_requested.emit(self.picker.currentIndex()))
        self.easier = QPushButton(_("Easier"), self)
        self.harder = QPushButton(_("Harder"), self)
        self.easier.setToolTip(_("Move the variant shown one place down the ladder"))
        self.harder.setToolTip(_("Move the variant shown one place up the ladder"))
        for button, delta in ((self.easier, -1), (self.harder, 1)):
            button.clicked.connect(
                lambda _=False, d=delta: self.move_requested.emit(self.picker.currentIndex(), d)
            )
        self.note = QLabel(self)
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # names the user typed
        self.error = QLabel(self)
        self.error.setObjectName("error:ladder")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        # The picker on a line of its own: beside three buttons it squeezed long names to
        # a few letters and pushed the form wider than the window.
        self.picker.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.picker.setMinimumContentsLength(16)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.add, self.remove, self.use):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        chosen = QHBoxLayout()  # the moves beside the picker: the row below is full at 1024 px
        chosen.setContentsMargins(0, 0, 0, 0)
        for widget in (self.picker, self.easier, self.harder):
            chosen.addWidget(widget)
        layout.addLayout(chosen)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.error)

    def show_ladder(self, ex: Data, editing: int, problem: str = "") -> None:
        """Show the exercise's variants with `editing` picked; `problem` is about other ones."""
        names = ladder_ops.names(ex)
        now = ladder_ops.current(ex)
        self.picker.blockSignals(True)
        try:
            self.picker.clear()
            for n, name in enumerate(names):
                first = " \u2014 " + _("as written") if n == 0 and len(names) > 1 else ""
                doing = "  " + _("(done now)") if n == now and len(names) > 1 else ""
                self.picker.addItem(no_mnemonic(f"{n + 1}. {name}{first}{doing}"))
            self.picker.setCurrentIndex(editing)
        finally:
            self.picker.blockSignals(False)
        self.picker.setVisible(len(names) > 1)
        self.remove.setVisible(editing > 0)
        self.use.setVisible(len(names) > 1)
        self.use.setEnabled(editing != now)
        for button, delta in ((self.easier, -1), (self.harder, 1)):
            button.setVisible(editing > 0 and len(names) > 2)  # harder variants, two or more
            button.setEnabled(ladder_ops.can_move(ex, editing, delta))
        self.note.setText(_note(names, editing, now))
        self.error.setText(problem)
        self.error.setVisible(bool(problem))


def _note(names: list[str], editing: int, now: int) -> str:
    if len(names) == 1:
        return _(
            "No harder variants yet. Add one (a single-leg bridge after the bridge, an ankle "
            "weight on a leg raise) and HipTimer suggests it once this exercise holds at its "
            "ceiling without pain."
        )
    if editing == 0:
        return _(
            "The exercise as written. Sessions do variant {n}, {name}. Below: this variant's "
            "dose, ceiling and texts."
        ).format(n=now + 1, name=names[now])
    return _(
        "Variant {n}: its own name and dose. Setup, cues, caution, sides and pacing left blank "
        "are the same as variant 1's."
    ).format(n=editing + 1)
