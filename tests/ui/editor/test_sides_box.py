"""The editor's drop-downs show their choice whole where the form has room for it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.catalog import load_catalog
from hiptimer.ui.editor.fields import ChoiceField
from hiptimer.ui.editor.window import EditorWindow
from hiptimer.ui.widgets.names_box import NamesBox

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_at_1280_px_every_choice_of_a_drop_down_reads_whole(qtbot: QtBot) -> None:
    """user27, a new routine written from scratch under Xvfb at 1280 x 800: Sides read
    "No sides (or…th together)" with 350 px free beside it. The box asked for its longest
    name's width rounded to whole pixels (217), and the name, 217.3 px as drawn, was cut."""
    catalog = load_catalog()
    window = EditorWindow(catalog.find("desk-micro-break"), catalog)
    qtbot.addWidget(window)
    window.resize(1268, 730)
    window.show()
    qtbot.waitExposed(window)
    for key, field in window.exercise_form.fields.items():
        if not isinstance(field, ChoiceField):
            continue
        box = field.combo
        assert isinstance(box, NamesBox)
        for index in range(box.count()):
            box.setCurrentIndex(index)
            QApplication.processEvents()
            assert box.shown_text() == box.itemText(index), key
