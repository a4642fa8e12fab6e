"""Words and their answer: beside the words, in lines no taller than it, or under them; placed
as QStyle.visualRect does, in either direction."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hiptimer.ui.widgets.beside_or_under import BesideOrUnder, visual_rect

HINT = (
    "\u2191\u00a0\u2193\u00a0choose  \u00b7\u00a0\u00a0F11\u00a0full\u00a0screen"  # the library's
)
WIDEST = "F11\u00a0full\u00a0screen"


class Row(QWidget):
    """The words and their answer, laid out at a width."""

    def __init__(self, width: int, *, wrapped_beside: bool) -> None:
        super().__init__()
        self.words = QLabel(HINT, self)
        self.words.setWordWrap(True)
        self.answer = QPushButton("Start   [Enter]", self)
        self.answer.setMinimumHeight(3 * self.words.fontMetrics().height())  # two lines' room
        BesideOrUnder(self.words, self.answer, self, spacing=8, wrapped_beside=wrapped_beside)
        self.resize(width, 200)
        self.show()

    @property
    def beside(self) -> bool:
        return self.answer.y() == self.words.y() and self.words.geometry().right() < self.answer.x()

    @property
    def under(self) -> bool:
        return self.words.geometry().bottom() < self.answer.y()


def widths() -> tuple[int, int]:
    """The widest item's width and the answer's."""
    return QLabel(HINT).fontMetrics().horizontalAdvance(WIDEST), QPushButton(
        "Start   [Enter]"
    ).sizeHint().width()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_words_in_lines_no_taller_than_the_answer_go_beside_it(qtbot: QtBot) -> None:
    widest, answer = widths()
    width = answer + 3 * widest // 2  # room for the widest item beside it, not for the line
    row = Row(width, wrapped_beside=True)
    qtbot.addWidget(row)
    assert row.beside and row.words.width() >= widest  # no item cut
    one_line = Row(width, wrapped_beside=False)
    qtbot.addWidget(one_line)
    assert one_line.under  # the one-line rule


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_an_item_wider_than_the_room_beside_sends_the_answer_under(qtbot: QtBot) -> None:
    """Qt's height for a width passes over a word wider than the width: "F11 pantalla com"."""
    widest, answer = widths()
    row = Row(answer + widest, wrapped_beside=True)
    qtbot.addWidget(row)
    assert row.under and row.words.width() >= widest


rects = st.builds(
    QRect,
    st.integers(-500, 500),
    st.integers(-500, 500),
    st.integers(0, 2000),
    st.integers(0, 2000),
)


@given(st.sampled_from(list(Qt.LayoutDirection)), rects, rects)
def test_as_qt_places_it(direction: Qt.LayoutDirection, bound: QRect, logical: QRect) -> None:
    from PySide6.QtWidgets import QStyle  # (the class the app no longer makes: its enums)

    assert visual_rect(direction, bound, logical) == QStyle.visualRect(direction, bound, logical)
