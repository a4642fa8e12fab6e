"""The editor's look, shared by Settings and the Weekly plan: a ticked box shows a tick."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.editor.style import editor_style_sheet, tick_image
from hiptimer.ui.palette import PALETTES


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_every_theme_has_its_tick(name: str) -> None:
    assert Path(tick_image(PALETTES[name])).is_file()


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_a_ticked_box_differs_from_an_empty_one_inside_its_frame(qtbot: QtBot, name: str) -> None:
    # In high contrast a ticked box was black in a yellow frame and an empty one black in a
    # white frame: nothing but the frame's colour told them apart (seen under Xvfb).
    page = QWidget()
    page.setStyleSheet(editor_style_sheet(PALETTES[name]))
    qtbot.addWidget(page)
    boxes = [QCheckBox("Monday", page), QCheckBox("Tuesday", page)]
    boxes[1].move(0, 60)
    boxes[1].setChecked(True)
    page.resize(200, 120)
    page.show()
    qtbot.waitExposed(page)
    insides = []
    for box in boxes:
        option = QStyleOptionButton()
        box.initStyleOption(option)
        mark = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
        image = box.grab().toImage()
        inside = mark.adjusted(4, 4, -4, -4)  # within the frame
        insides.append(
            {image.pixelColor(QPoint(x, y)).name() for x in range(inside.left(), inside.right())
             for y in range(inside.top(), inside.bottom())}
        )  # fmt: skip
    assert insides[0] != insides[1] and len(insides[1]) > 1  # a mark on a fill, not a fill
