"""The exercise picker over a large library (2,000 routines): the routines listed at once, in
library order, and each one's exercises as it is opened, or chosen by id."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.model import Routine
from hiptimer.ui.editor import picker as picker_module
from hiptimer.ui.editor.picker import LISTED_AT_ONCE, ExercisePicker
from tests.harness import hold, quick_routine


def library(count: int, monkeypatch: pytest.MonkeyPatch) -> list[Routine]:
    base = quick_routine(hold("hug", name="Knee hug"), hold("bridge", name="Bridge"))
    routines = [replace(base, id=f"r{n}", title=f"Routine {n}") for n in range(count)]
    monkeypatch.setattr(picker_module, "library_routines", lambda _catalog: routines)
    return routines


def branches(picker: ExercisePicker) -> list[QTreeWidgetItem]:
    tree = picker.tree
    found = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [branch for branch in found if branch is not None]


def leaves(picker: ExercisePicker) -> int:
    return sum(branch.childCount() for branch in branches(picker))


def test_a_large_librarys_exercises_are_listed_as_each_routine_is_opened(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    routines = library(LISTED_AT_ONCE + 1, monkeypatch)
    picker = ExercisePicker(None, None)  # type: ignore[arg-type]  # (library_routines above)
    qtbot.addWidget(picker)
    titles = [branch.text(0) for branch in branches(picker)]
    assert titles == [r.title for r in routines] and leaves(picker) == 0
    assert all(picker.tree.isFirstColumnSpanned(n, QModelIndex()) for n in range(len(titles)))
    branch = branches(picker)[5]
    picker.tree.expandItem(branch)  # (Right, or a click on its arrow)
    names = [leaf.text(0) for i in range(branch.childCount()) if (leaf := branch.child(i))]
    assert names == ["Knee hug", "Bridge"]
    assert picker.select("r90", "bridge") and picker.chosen() is not None
    assert (picker.chosen() or {})["id"] == "bridge" and leaves(picker) == 4


def test_a_small_librarys_exercises_are_listed_at_once(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    library(LISTED_AT_ONCE, monkeypatch)
    picker = ExercisePicker(None, None)  # type: ignore[arg-type]
    qtbot.addWidget(picker)
    assert leaves(picker) == 2 * LISTED_AT_ONCE
