"""A dialog to pick an exercise from any routine in the library, built-ins included."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiptimer.core.routines.catalog import Catalog
from hiptimer.core.routines.model import Routine, dose_text
from hiptimer.core.routines.writer import exercise_to_data
from hiptimer.i18n import _
from hiptimer.ui.widgets.screen_fit import fit_window

EXERCISE_ROLE = Qt.ItemDataRole.UserRole
# Past this many routines each one's exercises are listed as it is opened: 2,000 routines'
# 14,000 exercises made the picker take 1.1 s of CPU to appear, the editor frozen meanwhile.
LISTED_AT_ONCE = 100


def library_routines(catalog: Catalog) -> list[Routine]:
    """Every usable routine in library order, plus the originals of built-ins the user edited."""
    shown = [e.routine for e in catalog.entries() if e.routine is not None]
    originals = [
        catalog.original(r.id) for r in shown if not r.builtin and catalog.has_original(r.id)
    ]
    return shown + originals


class ExercisePicker(QDialog):
    """Routines as branches, their exercises as leaves; double-click or OK to add one.

    Signals: only QDialog's (accepted, rejected).
    """

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add an exercise from a routine"))
        fit_window(self, QSize(760, 560), QSize(420, 320))
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(_("Exercises of every routine"))
        self.tree.setObjectName("exercise-picker")
        self.tree.setHeaderLabels([_("Exercise"), _("Dose")])
        self.tree.setColumnWidth(0, 340)
        self._routines = library_routines(catalog)
        self._unlisted: set[int] = set()  # branches whose exercises are listed when opened
        later = len(self._routines) > LISTED_AT_ONCE
        for n, routine in enumerate(self._routines):
            label = (
                _("{routine} (built-in)").format(routine=routine.title)
                if routine.builtin
                else routine.title
            )
            branch = QTreeWidgetItem(self.tree, [label, ""])
            branch.setFlags(branch.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            font = branch.font(0)
            font.setBold(True)
            branch.setFont(0, font)
            branch.setData(0, EXERCISE_ROLE, (routine.id, None))
            if later:
                branch.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
                self._unlisted.add(n)
            else:
                self._list_exercises(n)
        # Spanned once all are there: each span lays out the rows added since (2,008 routines
        # spanned as they were added: 1.6 s under cProfile, most of the picker's opening).
        for n in range(len(self._routines)):
            self.tree.setFirstColumnSpanned(n, QModelIndex(), True)
        self.tree.itemExpanded.connect(
            lambda branch: self._list_exercises(self.tree.indexOfTopLevelItem(branch))
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Add exercise"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self._double_clicked(item))
        self.tree.currentItemChanged.connect(lambda *_: self._update_ok())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Choose an exercise to copy into this routine:"), self))
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self._update_ok()

    def _list_exercises(self, n: int) -> None:
        """The exercises of the nth routine under its branch (once)."""
        branch, routine = self.tree.topLevelItem(n), self._routines[n]
        assert branch is not None
        self._unlisted.discard(n)
        if branch.childCount():
            return
        for ex in routine.exercises:
            leaf = QTreeWidgetItem(branch, [ex.name, dose_text(ex)])
            leaf.setData(0, EXERCISE_ROLE, (routine.id, exercise_to_data(ex)))

    def select(self, routine_id: str, exercise_id: str) -> bool:
        """Select an exercise by ids (for keyboard users' tests and callers); False if absent."""
        for i in range(self.tree.topLevelItemCount()):
            branch = self.tree.topLevelItem(i)
            assert branch is not None
            if i in self._unlisted and self._routines[i].id == routine_id:
                self._list_exercises(i)
            for j in range(branch.childCount()):
                leaf = branch.child(j)
                assert leaf is not None
                rid, data = leaf.data(0, EXERCISE_ROLE)
                if rid == routine_id and data["id"] == exercise_id:
                    self.tree.setCurrentItem(leaf)
                    return True
        return False

    def chosen(self) -> dict[str, Any] | None:
        """The selected exercise's data, or None when a routine (or nothing) is selected."""
        item = self.tree.currentItem()
        if item is None:
            return None
        data = item.data(0, EXERCISE_ROLE)
        return dict(data[1]) if data and data[1] is not None else None

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.chosen() is not None
        )

    def _double_clicked(self, item: QTreeWidgetItem) -> None:
        if item.parent() is not None:
            self.accept()


def pick_exercise(catalog: Catalog, parent: QWidget | None = None) -> dict[str, Any] | None:
    """Ask for an exercise to add; its data, or None when cancelled."""
    dialog = ExercisePicker(catalog, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()
    finally:
        dialog.deleteLater()
