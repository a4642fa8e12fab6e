"""The routine editor at every text size: its short fields show their hint whole, and its
exercise list's wrapped lines keep their indent."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFrame,
    QStyleOptionViewItem,
)
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.catalog import load_catalog
from hiptimer.ui import theme
from hiptimer.ui.editor.dose_fields import LoadField
from hiptimer.ui.editor.hanging_rows import INDENT, LINE_BREAK, hang
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
    window.resize(1024, 740)  # a small laptop's: the list's panel is narrow
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


def test_hang_keeps_a_wrapped_dose_line_indented() -> None:
    text = "3. Clamshell\n     3 x 10 (10-15) reps, 3 s / hold"
    lines = hang(text, 21, len).split(LINE_BREAK)  # one pixel a character
    assert lines == ["3. Clamshell", "     3 x 10 (10-15)", "     reps, 3 s / hold"]
    assert hang(text, 200, len) == text.replace("\n", LINE_BREAK)  # room: as written


def test_a_narrow_list_keeps_each_wrapped_line_indented(editor: EditorWindow) -> None:
    # In a narrow panel the dose "3 x 8 (8-12) reps, tempo 2-0-3-1 each side" wrapped under
    # the exercise's name, its indent lost (Qt's own wrap starts a line at the row's edge).
    catalog = load_catalog()
    editor.load(catalog.find("fai-mobility-control"))
    QApplication.processEvents()
    rows = editor.exercises.list
    delegate = rows.itemDelegate()
    assert isinstance(delegate, QStyledItemDelegate)  # as Qt's own, or its own kind
    wrapped = 0
    for row in range(rows.count()):
        index = rows.model().index(row, 0)
        option = QStyleOptionViewItem()
        rows.initViewItemOption(option)
        option.rect = rows.visualRect(index)
        delegate.initStyleOption(option, index)
        lines = option.text.split(LINE_BREAK)
        wrapped += len(lines) > 2
        assert all(line.startswith(INDENT) for line in lines[1:]), lines
        area = rows.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, rows)
        widest = max(option.fontMetrics.horizontalAdvance(line) for line in lines)
        assert widest <= area.width(), (lines, area.width())  # Qt does not wrap them again
    assert wrapped  # the panel is narrow enough for some rows to wrap
