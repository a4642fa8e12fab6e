"""Tests for the word-wrapped label that keeps the height of its lines."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.widgets.wrapped_label import WrappedLabel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LONG = " ".join(["Stretches for the hips, each side, held a minute"] * 4)


def test_a_label_given_fewer_lines_gives_their_room_back(qtbot: QtBot) -> None:
    # History's heading kept four lines' room once it said two: QLabel measures its lines no
    # shorter than its minimum height, which the label had set for the four.
    box = QWidget()
    qtbot.addWidget(box)
    label = WrappedLabel(LONG)
    QVBoxLayout(box).addWidget(label)
    box.resize(300, 400)
    box.show()
    QApplication.processEvents()
    line = label.fontMetrics().lineSpacing()
    tall = label.minimumHeight()
    assert tall >= 4 * line
    label.setText("Bridge")
    assert label.minimumHeight() < 2 * line
    label.setText(LONG)
    assert label.minimumHeight() == tall
