"""A style sheet set again with the same text changes nothing, so Qt is not asked to re-polish."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.session.coaching_panel import CoachingPanel
from hiptimer.ui.theme import restyle
from tests.harness import side_hold


class StyleChanges(QObject):
    """Counts the StyleChange events (what a re-polish sends) that reach a widget."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange:
            self.count += 1
        return False


def test_restyle_polishes_only_when_the_style_sheet_changes(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    child = QLabel("text", parent)
    parent.show()
    restyle(parent, "color: red;")
    changes = StyleChanges(child)
    restyle(parent, "color: red;")
    assert changes.count == 0
    restyle(parent, "color: blue;")
    assert changes.count > 0 and parent.styleSheet() == "color: blue;"


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_the_steps_are_not_restyled_when_only_the_size_changes(qtbot: QtBot) -> None:
    # The session page resizes the panel as the window and the countdown change; each resize
    # set every step's style sheet again, and Qt re-polished every row.
    panel = CoachingPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 400)
    panel.show_exercise(side_hold())
    panel.show()
    panel.highlight(0)
    assert panel.rows and panel.steps[0].styleSheet()  # the step being read is marked
    changes = StyleChanges(panel.steps[0])
    for size in (QSize(620, 400), QSize(600, 420)):
        panel.resize(size)
        panel.resizeEvent(QResizeEvent(size, panel.size()))
    assert changes.count == 0
    panel.highlight(-1)  # the mark goes: restyled
    assert changes.count > 0 and panel.steps[0].styleSheet() == ""
