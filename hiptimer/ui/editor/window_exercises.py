"""The editor's commands on its list of exercises: move, reorder, include or leave out, add
(blank or from another routine), duplicate and delete, each one undoable edit."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from hiptimer.core.routines.catalog import Catalog
from hiptimer.i18n import _
from hiptimer.ui.editor import data_ops as ops
from hiptimer.ui.editor.exercise_form import ExerciseForm
from hiptimer.ui.editor.exercise_list import ExercisesPanel
from hiptimer.ui.editor.picker import pick_exercise
from hiptimer.ui.editor.window_ladder import LadderEditor


class ListEditor(LadderEditor, Protocol):
    """What the list commands use of the editor window (hiptimer.ui.editor.window): what the
    ladder commands use, its catalog, its exercise form, and itself as the picker's parent."""

    @property
    def catalog(self) -> Catalog: ...
    @property
    def exercise_form(self) -> ExerciseForm: ...
    def window(self) -> QWidget: ...


def connect_panel(window: ListEditor, panel: ExercisesPanel) -> None:
    """The list's drags and checkboxes and the panel's buttons run these commands on the
    window."""
    panel.list.move_requested.connect(lambda delta: move_current(window, delta))
    panel.list.order_changed.connect(lambda order: reordered(window, order))
    panel.list.enabled_changed.connect(lambda row, on: enabled_changed(window, row, on))
    panel.add_from.clicked.connect(lambda: add_from_routine(window))
    panel.add_new.clicked.connect(lambda: add_blank(window))
    panel.duplicate.clicked.connect(lambda: duplicate_current(window))
    panel.delete.clicked.connect(lambda: delete_current(window))
    panel.up.clicked.connect(lambda: move_current(window, -1))
    panel.down.clicked.connect(lambda: move_current(window, 1))


def move_current(window: ListEditor, delta: int) -> None:
    data, index = ops.move(window.data, window.current, delta)
    if index != window.current:
        window.edit(data, _("Move exercise"), current=index)


def reordered(window: ListEditor, order: list[int]) -> None:
    current = order.index(window.current) if window.current in order else window.current
    window.edit(ops.reorder(window.data, order), _("Reorder exercises"), current=current)


def enabled_changed(window: ListEditor, row: int, enabled: bool) -> None:
    text = _("Include exercise") if enabled else _("Leave out exercise")
    window.edit(ops.set_enabled(window.data, row, enabled), text, current=row)


def add_exercise(window: ListEditor, ex: dict[str, Any], text: str | None = None) -> None:
    """Insert an exercise after the selected one (its id renamed if already used)."""
    data, index = ops.insert(window.data, window.current + 1, ex)
    window.edit(data, _("Add exercise") if text is None else text, current=index)


def add_from_routine(window: ListEditor) -> None:
    chosen = pick_exercise(window.catalog, window.window())
    if chosen is not None:
        name = chosen.get("name")
        add_exercise(window, chosen, _("Add {exercise}").format(exercise=name) if name else None)


def add_blank(window: ListEditor) -> None:
    used = ops.all_ids(ops.exercises(window.data))
    add_exercise(window, ops.blank_exercise(used), _("New exercise"))
    window.exercise_form.fields["name"].focus()


def duplicate_current(window: ListEditor) -> None:
    if window.current >= 0:
        data, index = ops.duplicate(window.data, window.current)
        window.edit(data, _("Duplicate exercise"), current=index)


def delete_current(window: ListEditor) -> None:
    if window.current >= 0:
        data, index = ops.delete(window.data, window.current)
        window.edit(data, _("Delete exercise"), current=index)
