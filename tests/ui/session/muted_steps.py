"""A muted session's get-ready in the main window at a size, and its steps' panel, for the paging tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.model import Exercise
from hiptimer.core.session.steps import StepKind
from hiptimer.core.settings import SettingsStore
from hiptimer.ui.session.coaching_panel import CoachingPanel
from tests.harness import quick_routine
from tests.ui.main_app import App, make_app


def muted_get_ready(
    qtbot: QtBot, exercise: Exercise, size: tuple[int, int]
) -> tuple[App, CoachingPanel]:
    """The app, muted, in the get-ready before `exercise` in a window of `size`, and the panel
    of its steps (close the window and the history after)."""
    SettingsStore().update(muted=True)
    a = make_app(qtbot, quick_routine(exercise))
    a.window.resize(*size)
    a.key(qtbot, Qt.Key.Key_Return)
    a.until(StepKind.GET_READY)
    panel = a.window.findChild(CoachingPanel)
    assert panel is not None
    QApplication.processEvents()
    return a, panel


def whole(label: QLabel) -> bool:
    """Shown, with all its wrapped lines."""
    return label.isVisible() and label.height() >= label.heightForWidth(label.width())
