"""The list of everything wrong with the routine being edited, in words, each a link to its field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hiptimer.core.routines.validation import Problem
from hiptimer.ui.editor.data_ops import exercises, name_of, split_exercise_path

PATH_ROLE = Qt.ItemDataRole.UserRole
MAX_ROWS = 4
FIELD_WORDS = {
    "title": "title",
    "description": "description",
    "source": "source",
    "cautions": "cautions",
    "schedule": "schedule",
    "rests": "default rests",
    "rests.get_ready_s": "get-ready time",
    "rests.between_sets_s": "rest between sets",
    "rests.between_sides_s": "switch-sides pause",
    "rests.after_exercise_s": "rest after an exercise",
    "exercises": "exercises",
    "name": "name",
    "id": "id",
    "kind": "kind",
    "sets": "sets",
    "hold_s": "hold",
    "reps": "reps",
    "reps_range": "rep range",
    "rep_hold_s": "hold each rep",
    "tempo": "tempo",
    "sides": "sides",
    "rest_between_sets_s": "rest between sets",
    "rest_between_sides_s": "switch-sides pause",
    "rest_after_s": "rest after exercise",
    "setup": "setup",
    "cues": "cues",
    "caution": "caution",
    "image": "image",
    "enabled": "on/off",
    "load": "load",
    "ceiling": "at most",
    "ladder": "variants",
    "rung": "variant done now",
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
                routed.for_exercise.append((split[1], problem.message))
        elif problem.where == "exercises":
            routed.list_level.append(problem.message)
        else:
            routed.routine_level.append((problem.where, problem.message))
    return routed


def field_words(key: str) -> str:
    """'hold_s' -> 'hold', 'cues[1]' -> 'cues, line 2', 'tempo.lift_s' -> 'tempo (lift_s)'."""
    if key in FIELD_WORDS:
        return FIELD_WORDS[key]
    line = _LINE.match(key)
    if line and line.group(1) in FIELD_WORDS:
        return f"{FIELD_WORDS[line.group(1)]}, line {int(line.group(2)) + 1}"
    head, _, rest = key.partition(".")
    if head in FIELD_WORDS and rest:
        return f"{FIELD_WORDS[head]} ({rest})"
    return key or "routine"


def describe(problem: Problem, data: dict[str, Any]) -> str:
    """One problem as a line a person reads: 'Bridge: hold: expected a number ...'."""
    split = split_exercise_path(problem.where)
    if split is None:
        return f"{field_words(problem.where).capitalize()}: {problem.message}"
    index, key = split
    items = exercises(data)
    name = name_of(items[index], index) if index < len(items) else f"Exercise {index + 1}"
    variant = _IN_LADDER.fullmatch(key)
    if variant is not None:  # "Bridge, variant 2 (Single-leg bridge): reps: ..."
        n = int(variant.group(1))
        entry = _entry(items[index], n) if index < len(items) else {}
        own = entry.get("name")
        named = f" ({own.strip()})" if isinstance(own, str) and own.strip() else ""
        name = f"{name}, variant {n + 2}{named}"
        key = variant.group(2).removeprefix(".")
        return f"{name}: {field_words(key) if key else 'variant'}: {problem.message}"
    return f"{name}: {field_words(key) if key else 'exercise'}: {problem.message}"


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
            noun = "problem" if count == 1 else "problems"
            self.status.setText(
                f"{count} {noun} to fix before you can save (click one to go there):"
            )
            self.status.setProperty("role", "error")
        else:
            self.status.setText("\u2713  No problems: the routine is valid.")
            self.status.setProperty("role", "ok")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _picked(self, item: QListWidgetItem) -> None:
        self.activated.emit(item.data(PATH_ROLE))
