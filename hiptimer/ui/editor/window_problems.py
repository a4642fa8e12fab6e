"""The editor's problems beside their fields: routed to the routine's and the exercise's forms,
the ladder, the list and the tab titles; and a problem's field selected and focused."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QTabWidget

from hiptimer.core.routines.validation import Problem
from hiptimer.ui.editor import data_ops as ops
from hiptimer.ui.editor import ladder_ops, window_ladder
from hiptimer.ui.editor.exercise_form import ExerciseForm
from hiptimer.ui.editor.exercise_list import ExercisesPanel
from hiptimer.ui.editor.problems import route_problems, tab_titles
from hiptimer.ui.editor.routine_form import RoutineForm
from hiptimer.ui.widgets.fitted_tabs import FittedTabTitles
from hiptimer.ui.widgets.plain import no_mnemonic


class ProblemsEditor(Protocol):
    """What placing and finding problems uses of the editor window (hiptimer.ui.editor.window)."""

    routine_form: RoutineForm
    exercise_form: ExerciseForm
    exercises: ExercisesPanel
    tabs: QTabWidget
    tab_titles: FittedTabTitles

    @property
    def data(self) -> dict[str, Any]: ...
    @property
    def variant(self) -> int: ...
    def _selected(self, row: int) -> None: ...
    def _variant_selected(self, n: int) -> None: ...


def place_problems(
    window: ProblemsEditor, problems: list[Problem], current: int, ex: dict[str, Any] | None
) -> set[int]:
    """Show each problem beside its field (the exercise shown is `ex`, row `current`); the
    rows of the exercises with problems."""
    routed = route_problems(problems, current)
    window.routine_form.set_problems(routed.routine_level)
    names = ladder_ops.names(ex) if ex is not None else []
    for_variant, elsewhere = window_ladder.route(routed.for_exercise, window.variant, names)
    window.exercise_form.set_problems(for_variant)
    if ex is not None:
        window.exercise_form.ladder.show_ladder(ex, window.variant, elsewhere)
    name = ops.name_of(ops.exercises(window.data)[current], current) if current >= 0 else ""
    window.tab_titles.set_titles(*tab_titles(current, no_mnemonic(name), routed))
    window.exercises.set_problem("\n".join(routed.list_level))
    return routed.bad


def go_to_problem(window: ProblemsEditor, where: str) -> None:
    """Select the exercise a problem is in and put the cursor in its field."""
    split = ops.split_exercise_path(where)
    if split is not None:
        window._selected(split[0])
        variant, key = window_ladder.variant_of(split[1])
        window._variant_selected(variant)
        hit = window.exercise_form.field_for(key) if key else None
    else:
        window.tabs.setCurrentIndex(1)
        hit = window.routine_form.field_for(where)
    if hit is not None:
        hit[0].focus()
