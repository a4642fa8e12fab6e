"""The wheel over a scrolling form scrolls it, and changes only a field that has the focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSlider, QSpinBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.widgets.wheel_guard import guard_wheel
from tests.ui.widgets.wheel import wheel_down


def test_a_field_without_the_focus_passes_the_wheel_to_the_scroll_bar(qtbot: QtBot) -> None:
    body = QWidget()
    column = QVBoxLayout(body)
    boxes = [QSpinBox() for _ in range(30)]
    for box in boxes:
        column.addWidget(box)
    volume = QSlider(Qt.Orientation.Horizontal)  # Settings' speaking rate and volume
    volume.setRange(0, 100)
    volume.setValue(50)
    column.insertWidget(3, volume)
    area = QScrollArea()
    area.setWidget(body)
    area.setWidgetResizable(True)
    guard_wheel(area)
    qtbot.addWidget(area)
    area.resize(200, 150)
    area.show()
    wheel_down(boxes[2])
    assert boxes[2].value() == 0 and area.verticalScrollBar().value() > 0
    wheel_down(volume)
    assert volume.value() == 50
    assert boxes[2].focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel gives no focus
