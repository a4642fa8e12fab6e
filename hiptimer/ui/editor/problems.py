"""The list of everything wrong with the routine being edited, in words, each a link to its field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hiptimer.core.routines.validation import Problem
from hiptimer.i18n import N_, _, n_, translate
from hiptimer.ui.editor.data_ops import exercises, name_of, split_exercise_path

PATH_ROLE = Qt.ItemDataRole.UserRole
MAX_ROWS = 4
FIELD_WORDS = {  # marked with N_, translated where shown
    "title": N_("title"),
    "description": N_("description"),
    "source": N_("source"),
    "cautions": N_("cautions"),
    "schedule": N_("schedule"),
    "rests": N_("default rests"),
    "rests.get_ready_s": N_("get-ready time"),
    "rests.between_sets_s": N_("rest between sets"),
    "rests.between_sides_s": N_("switch-sides pause"),
    "rests.after_exercise_s": N_("rest after an exercise"),
    "exercises": N_("exercises"),
    "name": N_("name"),
    "id": N_("id"),
    "kind": N_("kind"),
    "sets": N_("sets"),
    "hold_s": N_("hold"),
    "reps": N_("reps"),
    "reps_range": N_("rep range"),
    "rep_hold_s": N_("hold each rep"),
    "tempo": N_("tempo"),
    "sides": N_("sides"),
    "rest_between_sets_s": N_("rest between sets"),
    "rest_between_sides_s": N_("switch-sides pause"),
    "rest_after_s": N_("rest after exercise"),
    "setup": N_("setup"),
    "cues": N_("cues"),
    "caution": N_("caution"),
    "image": N_("image"),
    "enabled": N_("on/off"),
    "load": N_("load"),
    "ceiling": N_("at most"),
    "ladder": N_("variants"),
    "rung": N_("variant done now"),
}
_LINE = re.compile(r"(\w+)\[(\d+)\]$")
_IN_LADDER = re.compile(r"ladder\[(\d+)\](.*)")


@dataclass
class RoutedProblems:
    """Problems sorted by where the editor shows them."""

    routine_level: list[tuple[str, str]] = field(default_factory=list)  # (path, message)
    for_exercise: list[tuple[str, str]] = field(default_factory=list)  # (path below it, ...)
    list_level: list[str] = field(default_factory=list)  # about the list of exercises
    bad: set[int] = field(default_factory=set)  # exercises with a problem


def route_problems(problems: list[Problem], current: int) -> RoutedProblems:
    """Sort problems: the routine's, the selected exercise's, the list's; which exercises."""
    routed = RoutedProblems()
    for problem in problems:
        split = split_exercise_path(problem.where)
        if split is not None:
            routed.bad.add(split[0])
            if split[0] == current:
                routed.for_exercise.append((split[1], problem.shown()))
        elif problem.where == "exercises":
            routed.list_level.append(problem.shown())
        else:
            routed.routine_level.append((problem.where, problem.shown()))
    return routed


def field_words(key: str) -> str:
    """'hold_s' -> 'hold', 'cues[1]' -> 'cues, line 2', 'tempo.lift_s' -> 'tempo (lift_s)'."""
    if key in FIELD_WORDS:
        return translate(FIELD_WORDS[key])
    line = _LINE.match(key)
    if line and line.group(1) in FIELD_WORDS:
        field = translate(FIELD_WORDS[line.group(1)])
        return _("{field}, line {n}").format(field=field, n=int(line.group(2)) + 1)
    head, _dot, rest = key.partition(".")
    if head in FIELD_WORDS and rest:
        return _("{field} ({part})").format(field=translate(FIELD_WORDS[head]), part=rest)
    return key or _("routine")


def edit_text(key: str) -> str:
    """The undo step for a change of one field: 'Edit hold'."""
    return _("Edit {field}").format(field=field_words(key))


def describe(problem: Problem, data: dict[str, Any]) -> str:
    """One problem as a line a person reads: 'Bridge: hold: expected a number ...'."""
    split = split_exercise_path(problem.where)
    if split is None:
        field = field_words(problem.where)
        return _("{field}: {problem}").format(
            field=field[:1].upper() + field[1:], problem=problem.shown()
        )
    index, key = split
    items = exercises(data)
    if index < len(items):
        name = name_of(items[index], index)
    else:
        name = _("Exercise {n}").format(n=index + 1)
    what = _("exercise")
    variant = _IN_LADDER.fullmatch(key)
    if variant is not None:  # "Bridge, variant 2 (Single-leg bridge): reps: ..."
        n = int(variant.group(1))
        entry = _entry(items[index], n) if index < len(items) else {}
        own = entry.get("name")
        if isinstance(own, str) and own.strip():
            text = _("{exercise}, variant {n} ({variant})")
            name = text.format(exercise=name, n=n + 2, variant=own.strip())
        else:
            name = _("{exercise}, variant {n}").format(exercise=name, n=n + 2)
        key, what = variant.group(2).removeprefix("."), _("variant")
    field = field_words(key) if key else what
    return _("{exercise}: {field}: {problem}").format(
        exercise=name, field=field, problem=problem.shown()
    )


def tab_titles(
    current: int, name: str, routed: RoutedProblems
) -> tuple[tuple[str, str], tuple[str, str]]:
    """The form's two tabs ('Exercise 2: Bridge', 'Routine details'), marked when they hold
    a problem, and their short forms for a narrow bar ('Exercise 2', 'Routine')."""
    mark = "  \u26a0"
    exercise = _("Exercise {n}: {name}").format(n=current + 1, name=name) if name else ""
    short = _("Exercise {n}").format(n=current + 1) if name else _("Exercise")
    ex_mark = mark if routed.for_exercise else ""
    routine_mark = mark if routed.routine_level else ""
    return (
        ((exercise or _("Exercise")) + ex_mark, _("Routine details") + routine_mark),
        (short + ex_mark, _("Routine") + routine_mark),
    )


def _entry(ex: dict[str, Any], n: int) -> dict[str, Any]:
    ladder = ex.get("ladder")
    if isinstance(ladder, list) and n < len(ladder) and isinstance(ladder[n], dict):
        return ladder[n]
    return {}


class ProblemPanel(QWidget):
    """A one-line status and the list of problems.

    Signals: activated(str where) when the user picks a problem, to go to its field.
    """

    activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel(self)
        self.list = QListWidget(self)
        self.list.setObjectName("problem-list")
        self.list.itemActivated.connect(self._picked)
        self.list.itemClicked.connect(self._picked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.status)
        layout.addWidget(self.list)
        self.show_problems([], {})

    def show_problems(self, problems: list[Problem], data: dict[str, Any]) -> None:
        self.list.clear()
        for problem in problems:
            item = QListWidgetItem(f"\u26a0  {describe(problem, data)}")
            item.setData(PATH_ROLE, problem.where)
            self.list.addItem(item)
        self.list.setVisible(bool(problems))
        if problems:  # as tall as its lines, up to four, then it scrolls
            rows = min(len(problems), MAX_ROWS) * self.list.sizeHintForRow(0)
            self.list.setFixedHeight(rows + 2 * self.list.frameWidth() + 4)
        count = len(problems)
        if count:
            self.status.setText(
                n_(
                    "{n} problem to fix before you can save (click one to go there):",
                    "{n} problems to fix before you can save (click one to go there):",
                    count,
                ).format(n=count)
            )
            self.status.setProperty("role", "error")
        else:
            self.status.setText("\u2713  " + _("No problems: the routine is valid."))
            self.status.setProperty("role", "ok")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _picked(self, item: QListWidgetItem) -> None:
        self.activated.emit(item.data(PATH_ROLE))
