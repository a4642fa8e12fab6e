"""ResizeLayout tells its widget each new size, as a resizeEvent override would, and not when
only what it holds changed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLayout, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.widgets.resize_layout import ResizeLayout


def test_each_new_size_is_told_once(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    heights: list[int] = []
    layout = ResizeLayout(widget, lambda: heights.append(widget.height()))
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # (offscreen: no hints)
    label = QLabel("words", widget)
    layout.addWidget(label)
    widget.resize(300, 200)
    widget.show()
    qtbot.waitExposed(widget)
    assert heights == [200]  # laid out as shown
    widget.resize(300, 320)
    qtbot.waitUntil(lambda: heights == [200, 320])
    label.setText("other")
    layout.invalidate()
    layout.activate()  # laid out again at the same size: nothing to tell
    assert heights == [200, 320]
