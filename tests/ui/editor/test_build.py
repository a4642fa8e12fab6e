"""The editor window's build: each part made once in the parent it stays in, Tab's order kept."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.catalog import load_catalog
from hiptimer.ui.editor.exercise_form import ExerciseForm
from hiptimer.ui.editor.window import EditorWindow
from tests.ui.editor.editing import BUILTIN_ID
from tests.ui.looks import apply_look


class StyleChanges(QObject):
    """Counts, by widget class, the style changes Qt sends as a widget's tree is reparented."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: Counter[str] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange:
            self.seen[type(watched).__name__] += 1
        return False


def test_the_form_is_styled_twice_not_four_times_as_the_window_is_built(qtbot: QtBot) -> None:
    """A part added to another parent has its whole tree's style worked out again (Qt's
    setParent): under the app's style sheet the forms, moved through their scroll area, the
    tabs, the splitter and into the window, were a quarter of the window's build
    (docs/performance.md, session 20). Now once in the scroll area, once as it joins the tabs."""
    catalog = load_catalog()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_look(app, "dark", 100)  # the app's style sheet, as the app runs
    changes = StyleChanges()
    app.installEventFilter(changes)
    try:
        window = EditorWindow(catalog.find(BUILTIN_ID), catalog)
    finally:
        app.removeEventFilter(changes)
    qtbot.addWidget(window)
    assert changes.seen[ExerciseForm.__name__] <= 2, changes.seen


def tab_stops(window: QWidget) -> list[str]:
    """The widgets Tab reaches, in order, by class and name."""
    stops, widget = [], window.nextInFocusChain()
    while widget is not window:
        assert widget is not None  # the chain is a ring through the window
        if widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value:
            text = widget.text() if isinstance(widget, QAbstractButton) else ""
            stops.append(f"{type(widget).__name__} {widget.objectName()} {text}")
        widget = widget.nextInFocusChain()
    return stops


def test_tab_goes_from_the_problems_to_the_exercises_forms_and_buttons(qtbot: QtBot) -> None:
    catalog = load_catalog()
    window = EditorWindow(catalog.find(BUILTIN_ID), catalog)
    qtbot.addWidget(window)
    stops = tab_stops(window)
    order = [
        next(i for i, stop in enumerate(stops) if stop.startswith(prefix))
        for prefix in ("QListWidget problem-list", "ExerciseList", "QTabBar", "QPushButton  Reset")
    ]
    assert order == sorted(order), stops
    assert stops[-1] == "QPushButton  Save", stops
