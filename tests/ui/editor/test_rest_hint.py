"""The editor's rest hints ("s  (blank: the routine's 20 s)") stay on one line beside their
field wherever the row has room for them, at every text size."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.catalog import load_catalog
from hiptimer.ui.editor.exercise_form import REST_FIELDS
from hiptimer.ui.editor.fields import LineField
from hiptimer.ui.editor.window import EditorWindow
from tests.ui.looks import apply_look

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.parametrize("size", [100, 150])
def test_a_rest_hint_is_one_line_where_its_row_has_room(
    qtbot: QtBot, qapp: QApplication, size: int
) -> None:
    # It wrapped to "s  (blank: the" over "routine's 20 s)" at 1280 px, the row's error
    # label (empty) holding the room beside it.
    apply_look(qapp, "dark", size)
    catalog = load_catalog()
    window = EditorWindow(catalog.find("daily-hip-stretches"), catalog)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.exercises.list.setCurrentRow(0)
    for key, _routine_key, _label in REST_FIELDS:
        field = window.exercise_form.fields[key]
        assert isinstance(field, LineField)
        label = field.unit_label
        assert label.isVisible()
        one_line = label.fontMetrics().horizontalAdvance(label.text())
        room = field.row.width() - field.edit.width()
        assert room > one_line + 40, (key, room, one_line)  # there is room beside it ...
        assert label.width() >= one_line, (key, label.width(), one_line, label.text())  # used
