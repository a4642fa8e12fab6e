"""The routine editor in large print: its short fields and lists show their words whole."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QStyle, QStyleOptionFrame
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.catalog import load_catalog
from hiptimer.ui import theme
from hiptimer.ui.editor.dose_fields import LoadField
from hiptimer.ui.editor.window import EditorWindow
from hiptimer.ui.palette import DARK

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(params=[100, 125, 150])
def text_size(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[int]:
    """The app's look at this text size, as File > Settings sets it; back to 100 % after."""
    sheet, font = qapp.styleSheet(), qapp.font()
    theme.apply(qapp, "dark", request.param)
    yield request.param
    theme.use(DARK, 100)
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)


@pytest.fixture
def editor(qtbot: QtBot, text_size: int) -> EditorWindow:
    catalog = load_catalog()
    window = EditorWindow(catalog.find("daily-hip-stretches"), catalog)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


def text_room(edit: QLineEdit) -> int:
    """The width a line edit leaves its text: its contents less QLineEdit's 2 px a side."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    inner = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    return inner.width() - 4 - margins.left() - margins.right()


def test_the_load_field_shows_its_none_whole(editor: EditorWindow) -> None:
    # At 150 % a fixed 72 px field cut the placeholder "none" to "no…".
    load = editor.exercise_form.fields["load"]
    assert isinstance(load, LoadField)
    amount = load.amount
    QApplication.processEvents()
    assert amount.placeholderText()
    need = amount.fontMetrics().horizontalAdvance(amount.placeholderText())
    assert text_room(amount) >= need, (text_room(amount), need)
