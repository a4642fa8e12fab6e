"""The routine editor at every text size: its short fields show their hint whole, and its
exercise list's wrapped lines keep their indent."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter
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
from hiptimer.ui.editor.dose_fields import LoadField
from hiptimer.ui.editor.hanging_rows import INDENT, LINE_BREAK, hang
from hiptimer.ui.editor.window import EditorWindow
from hiptimer.ui.theme import current
from tests.harness import hold, routine
from tests.ui.looks import apply_look

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(params=[100, 125, 150])
def text_size(request: pytest.FixtureRequest, qapp: QApplication) -> int:
    """The app's look at this text size, as File > Settings sets it (put back as the next test
    starts: tests/ui/looks.py)."""
    apply_look(qapp, "dark", request.param)
    return request.param


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


def test_the_id_field_shows_the_longest_built_in_id_whole(editor: EditorWindow) -> None:
    # At 150 % a fixed 260 px field cut "lateral-trunk-rotation" to "lateral-trunk-rotatior".
    edit = line_edit(editor, "id")
    QApplication.processEvents()
    need = edit.fontMetrics().horizontalAdvance("straight-leg-raise-weighted")
    assert text_room(edit) >= need, (text_room(edit), need)
    assert edit.width() >= 260  # never narrower than it was at 100 %


def line_edit(editor: EditorWindow, key: str) -> QLineEdit:
    found = editor.exercise_form.fields[key].inputs[0]
    assert isinstance(found, QLineEdit)
    return found


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
        assert all(line.startswith(" ") for line in lines[1:]), lines  # the name's hang too
        assert lines[-1].startswith(INDENT), lines  # the dose's
        area = rows.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, rows)
        dose = index.data().split("\n")[-1].split()
        names = next(n for n in range(len(lines) + 1) if " ".join(lines[n:]).split() == dose)
        bold = QFontMetrics(option.font)  # the name's lines are drawn bold, the dose's not
        widest = max(
            (bold if n < names else option.fontMetrics).horizontalAdvance(line)
            for n, line in enumerate(lines)
        )
        assert widest <= area.width(), (lines, area.width())  # Qt does not wrap them again
    assert wrapped  # the panel is narrow enough for some rows to wrap


LONG_NAME = "Side-lying hip abduction with a resistance band just above both knees"


def test_a_long_name_s_second_line_reads_as_the_name_and_the_dose_apart(
    editor: EditorWindow, text_size: int
) -> None:
    # A long name wrapped onto a line at the dose's indent, in the dose's look, and read as a
    # dose ("resistance band just above both knees" over "3 x 1 min each side"): every line
    # of the name is drawn in the name's colour and weight, the dose in the muted colour.
    band = hold("band-abduction", 30, name=LONG_NAME, sets=2)
    editor.load(routine(band, hold("hamstring", 60), id="band"))
    editor.exercises.list.setCurrentRow(1)  # the long one not selected: on the list's colour
    QApplication.processEvents()
    rows = editor.exercises.list
    delegate = rows.itemDelegate()
    assert isinstance(delegate, QStyledItemDelegate)
    index = rows.model().index(0, 0)
    option = QStyleOptionViewItem()
    rows.initViewItemOption(option)
    option.rect = rows.visualRect(index)
    delegate.initStyleOption(option, index)
    lines = option.text.split(LINE_BREAK)
    assert len(lines) >= 3, lines  # the name wraps in the narrow panel
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor(current().field))
    painter = QPainter(image)
    painter.translate(-option.rect.topLeft())
    paint = QStyleOptionViewItem()
    rows.initViewItemOption(paint)
    paint.rect = option.rect
    delegate.paint(painter, paint, index)
    painter.end()
    area = rows.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, rows)
    top = area.top() - option.rect.top()
    line = QFontMetrics(option.font).height()
    band_top = top + (area.height() - line * len(lines)) // 2
    name_ink, dose_ink = QColor(current().ink), QColor(current().muted)

    def inks(n: int) -> set[int]:
        """The colours of line n's pixels."""
        y0 = band_top + n * line
        return {
            image.pixel(x, y)
            for y in range(max(0, y0), min(image.height(), y0 + line))
            for x in range(image.width())
        }

    for n in range(len(lines) - 1):  # the name's lines
        assert name_ink.rgb() in inks(n), (n, lines[n])
    dose = inks(len(lines) - 1)
    assert dose_ink.rgb() in dose, lines[-1]
    if name_ink != dose_ink:  # high contrast draws both white: the weight tells them apart
        assert name_ink.rgb() not in dose, lines[-1]
