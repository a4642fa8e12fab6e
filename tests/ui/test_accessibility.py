"""Every page, window and dialog read as a screen reader would: every control named and
described, roles right, every Tab stop named (Orca says "layered pane" at one without a
name), Tab going through them in reading order and round them all, held by none."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.catalog import load_catalog
from hiptimer.ui.a11y import install_reader_filter
from hiptimer.ui.editor.window import EditorWindow
from tests.ui.a11y_checks import (
    accessibility_problems,
    focus_order_problems,
    focus_unnamed,
    unnamed_stops,
)
from tests.ui.keyboard_checks import tab_traps
from tests.ui.tour import STOPS, TOURS


@pytest.fixture(autouse=True)
def button_names(qapp: QApplication) -> Iterator[None]:
    """Buttons described as the app describes them (hiptimer.ui.app installs this filter)."""
    names = install_reader_filter(qapp)
    yield
    qapp.removeEventFilter(names)


@pytest.mark.parametrize("tour", TOURS, ids=[t.__name__ for t in TOURS])
@pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")
def test_every_stop_reads_well_to_a_screen_reader(qtbot: QtBot, tour: object) -> None:
    found: dict[str, list[str]] = {}

    def visit(name: str, window: QWidget) -> None:
        QApplication.processEvents()
        found[name] = focus_unnamed(window)  # as it came, before Tab moves the focus
        found[name] += accessibility_problems(window) + focus_order_problems(window)
        found[name] += unnamed_stops(window) + tab_traps(qtbot, window)

    assert callable(tour)
    tour(qtbot, visit)
    assert set(found) <= set(STOPS)
    problems = {stop: lines for stop, lines in found.items() if lines}
    assert not problems, "\n".join(
        f"{s}: {line}" for s, lines in problems.items() for line in lines
    )


@pytest.mark.parametrize(
    "routine_id", ["hip-strengthening", "fai-mobility-control", "monthly-check"]
)
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_every_exercise_and_the_details_of_the_editor_read_well(
    qtbot: QtBot, routine_id: str
) -> None:
    """The tour's editor shows one hold; here every exercise of routines with a variants
    ladder, paced reps with a tempo and re-tests, and the *Routine details* tab."""
    catalog = load_catalog()
    editor = EditorWindow(catalog.find(routine_id), catalog)
    qtbot.addWidget(editor)
    editor.show()
    found = []
    for row in range(len(editor.data["exercises"])):
        editor.exercises.list.setCurrentRow(row)
        found += [f"exercise {row + 1}: {p}" for p in _problems(editor)]
    editor.tabs.setCurrentIndex(1)
    found += [f"routine details: {p}" for p in _problems(editor)]
    assert not found, "\n".join(found)


def _problems(window: QWidget) -> list[str]:
    QApplication.processEvents()
    return accessibility_problems(window) + focus_order_problems(window) + unnamed_stops(window)
