"""The flow layout: one row when there is room, more rows when there is not, nothing past the edge."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.widgets.flow_layout import FlowLayout

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def row_of(qtbot: QtBot, count: int) -> tuple[QWidget, list[QPushButton]]:
    box = QWidget()
    qtbot.addWidget(box)
    layout = FlowLayout(box, spacing=10)
    buttons = [QPushButton(f"Button {n}") for n in range(count)]
    for button in buttons:
        button.setFixedSize(100, 30)
        layout.addWidget(button)
    return box, buttons


def test_a_wide_box_holds_one_row(qtbot: QtBot) -> None:
    box, buttons = row_of(qtbot, 4)
    box.resize(500, 200)
    box.show()
    assert {b.y() for b in buttons} == {0}
    assert [b.x() for b in buttons] == [0, 110, 220, 330]


def test_a_narrow_box_starts_new_rows_and_asks_for_their_height(qtbot: QtBot) -> None:
    box, buttons = row_of(qtbot, 4)
    box.resize(250, 200)
    box.show()
    assert [(b.x(), b.y()) for b in buttons] == [(0, 0), (110, 0), (0, 40), (110, 40)]
    layout = box.layout()
    assert layout is not None and layout.heightForWidth(250) == 70
    assert all(b.geometry().right() < 250 for b in buttons)


def test_the_rows_survive_pyside_dropping_the_items_wrappers(qtbot: QtBot) -> None:
    # PySide invalidated the wrappers of C++-made items while the items lived (after a
    # screen-reader walk of the session summary): every layout pass then raised.
    box, buttons = row_of(qtbot, 3)
    layout = box.layout()
    assert layout is not None
    for n in range(layout.count()):
        item = layout.itemAt(n)
        assert item is not None
        shiboken6.invalidate(item)
    box.resize(250, 200)
    box.show()
    assert layout.heightForWidth(250) == 70
    assert [(b.x(), b.y()) for b in buttons] == [(0, 0), (110, 0), (0, 40)]


def test_a_deleted_widget_leaves_the_rows(qtbot: QtBot) -> None:
    box, buttons = row_of(qtbot, 3)
    layout = box.layout()
    assert layout is not None
    box.resize(250, 200)
    box.show()
    shiboken6.delete(buttons[0])
    assert layout.count() == 2
    assert [layout.itemAt(n).widget() for n in range(2)] == buttons[1:]  # type: ignore[union-attr]
    assert layout.heightForWidth(250) == 30
    layout.activate()
    assert [(b.x(), b.y()) for b in buttons[1:]] == [(0, 0), (110, 0)]


def test_words_longer_than_the_row_wrap_in_it_rather_than_run_past_its_edge(
    qtbot: QtBot,
) -> None:
    # The weekly plan's "Horas de silencio: ninguna pausa activa desde las" (651 px in large
    # print) was placed at its one-line width on a 590 px row, its end past the screen.
    from PySide6.QtWidgets import QLabel

    box = QWidget()
    qtbot.addWidget(box)
    layout = FlowLayout(box, spacing=10)
    words = QLabel("Quiet hours: no desk break from eight in the evening " * 2)
    words.setWordWrap(True)
    field = QPushButton("20:00")
    layout.addWidget(words)
    layout.addWidget(field)
    one_line = words.sizeHint().width()
    box.resize(one_line // 2, 300)
    box.show()
    assert words.geometry().right() < box.width()
    assert words.height() >= words.heightForWidth(words.width()) > words.sizeHint().height()
    assert field.y() >= words.geometry().bottom()
    assert layout.heightForWidth(box.width()) >= words.height() + field.height()
