"""Tests for FitLabel: text grows to fill the label, and keeps its size through a style change."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.widgets.fit_label import FitLabel


def make(qtbot: QtBot, **kw: object) -> tuple[QWidget, FitLabel]:
    box = QWidget()
    qtbot.addWidget(box)
    box.setMinimumSize(400, 300)
    label = FitLabel("", box, **kw)  # type: ignore[arg-type]
    QVBoxLayout(box).addWidget(label)
    box.resize(800, 400)
    box.show()
    return box, label


def test_text_fills_the_label_and_follows_its_size(qtbot: QtBot) -> None:
    box, label = make(qtbot)
    label.setText("42")
    big = label.pixel_size()
    assert big > 250
    box.resize(500, 300)
    assert label.pixel_size() < big


def test_a_template_keeps_the_size_steady_while_counting(qtbot: QtBot) -> None:
    _, label = make(qtbot, template="00")
    label.setText("18")
    size = label.pixel_size()
    label.setText("7")
    assert label.pixel_size() == size


def test_tight_fits_the_ink_not_the_line(qtbot: QtBot) -> None:
    box1, loose = make(qtbot)
    box2, tight = make(qtbot, tight=True)
    loose.setText("88")
    tight.setText("88")
    assert tight.pixel_size() > loose.pixel_size() * 1.2
    assert box1 is not box2  # both kept alive to here


def test_a_style_sheet_does_not_shrink_the_text(qtbot: QtBot) -> None:
    _, label = make(qtbot)
    label.setText("RIGHT")
    size = label.pixel_size()
    label.setStyleSheet("background: #66E08A; color: #000000; border-radius: 12px;")
    assert label.pixel_size() == size
