"""Windows sized to their screen's free area and moved onto it, whoever opens them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hiptimer.ui.widgets.screen_fit import FRAME_ALLOWANCE, fit_window, install_screen_fit, room
from tests.ui.fit_checks import misfits

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_a_window_opens_at_its_size_where_there_is_room_and_smaller_where_not(
    qtbot: QtBot,
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    area = window.screen().availableGeometry().size()
    fit_window(window, QSize(300, 200), QSize(100, 100))
    assert window.size() == QSize(300, 200)
    fit_window(window, area * 2, area * 2)
    assert window.size() == area - FRAME_ALLOWANCE == room(window)
    assert window.minimumSize() == room(window)


def shown_past_the_screen(qtbot: QtBot) -> tuple[QDialog, QRect]:
    """A dialog larger than its screen's free area and placed past its corner, shown; that
    area."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    area = dialog.screen().availableGeometry()
    dialog.resize(area.width() + 300, area.height() + 300)
    dialog.move(area.right() - 50, area.bottom() - 50)
    dialog.show()
    return dialog, area


def test_a_dialog_larger_than_the_screen_is_shrunk_and_moved_onto_it(
    qtbot: QtBot, qapp: QApplication
) -> None:
    fit = install_screen_fit(qapp)
    try:
        dialog, area = shown_past_the_screen(qtbot)
        assert area.contains(dialog.frameGeometry())
    finally:
        qapp.removeEventFilter(fit)


def test_a_window_shown_before_the_filter_is_installed_is_moved_onto_the_screen(
    qtbot: QtBot, qapp: QApplication
) -> None:
    # hiptimer.ui.app installs the filter after the first paint: the window is on screen then
    dialog, area = shown_past_the_screen(qtbot)
    assert not area.contains(dialog.frameGeometry())
    fit = install_screen_fit(qapp)
    try:
        assert area.contains(dialog.frameGeometry())
    finally:
        qapp.removeEventFilter(fit)


def window_and_box(qtbot: QtBot) -> tuple[QWidget, QWidget]:
    """A 300 x 200 window, and a 200 x 100 box at its top left."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(300, 200)
    box = QWidget(window)
    box.setGeometry(0, 0, 200, 100)
    return window, box


def test_the_fit_check_finds_a_field_cut_off_by_what_holds_it(qtbot: QtBot) -> None:
    # The window tours (tests/ui/test_screen_fit.py) look at fields as at buttons.
    window, holder = window_and_box(qtbot)
    field = QLineEdit(holder)
    field.setAccessibleName("Hold")
    field.setGeometry(150, 10, 120, 30)  # its right part is past the holder's edge
    window.show()
    assert misfits(window) == ["QLineEdit 'Hold': cut off (50x30 of 120x30 on view)"]
    field.setGeometry(10, 10, 120, 30)
    assert misfits(window) == []


def test_the_fit_check_finds_a_scroll_area_cut_off_by_what_holds_it(qtbot: QtBot) -> None:
    # A field in a scroll area counts as reached by scrolling, so a scroll area cut off by
    # its box passed (the weekly plan's list did): its own viewport must be on view.
    window, holder = window_and_box(qtbot)
    scroller = QScrollArea(holder)
    scroller.setAccessibleName("Routines")
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    for off in (scroller.setHorizontalScrollBarPolicy, scroller.setVerticalScrollBarPolicy):
        off(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the viewport is the whole area
    scroller.setWidget(QLineEdit())
    scroller.setWidgetResizable(True)  # (the field no wider than the area)
    scroller.setGeometry(10, 60, 120, 80)  # its lower half is past the holder's edge
    window.show()
    assert misfits(window) == [
        "QScrollArea 'Routines': its viewport cut off (120x40 of 120x80 on view)"
    ]
    scroller.setGeometry(10, 10, 120, 80)
    assert misfits(window) == []
    scroller.setGeometry(10, 10, 120, 4)  # on view, but squeezed to a sliver
    assert misfits(window)[0].startswith("QScrollArea 'Routines': its viewport is 120x4")


def test_the_fit_check_finds_a_field_cut_off_inside_a_scroll_area(qtbot: QtBot) -> None:
    # Scrolling shows what the viewport hides, not what a box inside the area cuts off.
    window, _box = window_and_box(qtbot)
    scroller = QScrollArea(window)
    scroller.setGeometry(0, 0, 300, 200)
    page = QWidget()
    page.setMinimumSize(280, 400)
    box = QWidget(page)
    box.setGeometry(0, 300, 200, 40)
    field = QLineEdit(box)
    field.setAccessibleName("Note")
    field.setGeometry(10, 20, 120, 30)  # its lower part is past the box's edge
    scroller.setWidget(page)
    window.show()
    assert misfits(window) == ["QLineEdit 'Note': cut off (120x20 of 120x30 on view)"]
    field.setGeometry(10, 5, 120, 30)  # whole in its box, below the viewport: scrolled to
    assert misfits(window) == []


def test_the_fit_check_finds_a_wrapped_label_shorter_than_its_words(qtbot: QtBot) -> None:
    # A label squeezed by its layout is on view and not cut by what holds it, so it passed:
    # a get-ready step at 1366 x 768 at 125 % showed 16 px of its 34.
    window, holder = window_and_box(qtbot)
    label = QLabel("Lift the top leg slowly towards the ceiling, then lower it.", holder)
    label.setWordWrap(True)
    window.show()
    need = label.heightForWidth(120)
    label.setGeometry(10, 10, 120, need - 5)  # its last line is cut
    assert misfits(window) == [
        f"label 'Lift the top leg slowly towards the ceil': its words need {need} px,"
        f" it has {need - 5}"
    ]
    label.setGeometry(10, 10, 120, need)
    assert misfits(window) == []
    label.setWordWrap(False)  # one line, cut at the side: not this check's business
    label.setGeometry(10, 10, 120, 5)
    assert misfits(window) == []


def test_the_fit_check_finds_a_page_wider_than_a_scroll_area_with_no_sideways_bar(
    qtbot: QtBot,
) -> None:
    # With no sideways scroll bar a wider page is cut, not reached: the weekly plan with a
    # long routine title at 1024 x 768 in large print opened scrolled sideways, the names
    # cut at the left, and passed (the check looked only for a sideways bar).
    window, _box = window_and_box(qtbot)
    scroller = QScrollArea(window)
    scroller.setAccessibleName("Plan")
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroller.setWidgetResizable(True)
    page = QWidget()
    page.setMinimumSize(400, 100)
    scroller.setWidget(page)
    scroller.setGeometry(0, 0, 300, 200)
    window.show()
    shown = scroller.viewport().width()
    assert misfits(window) == [
        f"QScrollArea 'Plan': its right edge is cut ({shown} px shown of 400)"
    ]
    page.setMinimumSize(200, 100)
    scroller.setGeometry(0, 0, 290, 200)  # (laid out again)
    assert misfits(window) == []


def test_the_fit_check_finds_a_table_that_scrolls_sideways(qtbot: QtBot) -> None:
    # A table's own sideways bar hid its last columns until scrolled to, and passed (the check
    # looked for a bar on pages and forms only): the summary at 800 x 600 in large print in
    # Spanish showed "Dol" of Pain, and Choice not at all.
    window, _box = window_and_box(qtbot)
    table = QTableWidget(2, 3, window)
    table.setAccessibleName("Sets")
    for column in range(3):
        table.setColumnWidth(column, 150)
    table.setGeometry(0, 0, 300, 200)
    window.show()
    QApplication.processEvents()
    shown = table.viewport().width()
    assert misfits(window) == [f"QTableWidget 'Sets': scrolls sideways ({shown} px shown of 450)"]
    for column in range(3):
        table.setColumnWidth(column, 80)
    QApplication.processEvents()
    assert misfits(window) == []
