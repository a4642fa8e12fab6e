"""A message box's words in a scroll area where its screen is too short for them, with its
buttons in view below them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

WORDS = "message-words"
# The labels QMessageBox makes for its text and its informative text (qmessagebox.cpp).
LABELS = ("qt_msgbox_label", "qt_msgbox_informativelabel")


def scrolled_words(box: QMessageBox) -> QScrollArea | None:
    """The area `box`'s words scroll in, once `scroll_words` has made it."""
    return box.findChild(QScrollArea, WORDS)


def scroll_words(box: QMessageBox) -> QScrollArea | None:
    """Move `box`'s text and informative text into a scroll area, in their place beside the
    icon, so that the box can be as short as its screen: at 640 x 480 in large print, the
    question before quitting with history unsaved was 564 px tall, its Keep button under the
    screen's edge. Page Up and Page Down scroll the words from the buttons (the area takes no
    focus of its own: a reader reads the labels whole). None where the box has no such labels."""
    words = scrolled_words(box)
    if words is not None:
        return words
    grid = box.layout()
    if not isinstance(grid, QGridLayout):
        return None
    found = [box.findChild(QLabel, name) for name in LABELS]
    labels = [label for label in found if label is not None and grid.indexOf(label) >= 0]
    if not labels:
        return None
    place: tuple[int, int, int, int] = grid.getItemPosition(grid.indexOf(labels[0]))  # type: ignore[assignment]
    row, column = place[0], place[1]
    body = QWidget()
    column_of_words = QVBoxLayout(body)
    column_of_words.setContentsMargins(0, 0, 0, 0)
    column_of_words.setSpacing(max(0, grid.verticalSpacing()))
    for label in labels:
        shown = label.isVisibleTo(box)
        grid.removeWidget(label)
        column_of_words.addWidget(label)
        label.setVisible(shown)  # (a widget given a new parent is hidden)
    column_of_words.addStretch(1)
    words = QScrollArea(box)
    words.setObjectName(WORDS)
    words.setWidget(body)
    words.setWidgetResizable(True)
    words.setFrameShape(QFrame.Shape.NoFrame)
    words.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    words.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    words.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
    grid.addWidget(words, row, column, len(labels), 1)
    words.setVisible(True)
    body.setVisible(True)
    for key, pages in ((QKeySequence.StandardKey.MoveToNextPage, 1),
                       (QKeySequence.StandardKey.MoveToPreviousPage, -1)):  # fmt: skip
        shortcut = QShortcut(key, box)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda pages=pages: _page(words, pages))
    return words


def wrap_to_width(words: QScrollArea) -> None:
    """The scrolled labels as wide as the area, their lines wrapped to it: Qt gives the box's
    informative text a Minimum width policy (updateSize), its one-line width, and the area
    cut it at the right (it scrolls up and down only)."""
    body = words.widget()
    assert body is not None  # (scroll_words gave it one)
    for label in body.findChildren(QLabel):
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        label.setSizePolicy(policy)
        label.setWordWrap(True)


def fit_words(words: QScrollArea) -> int:
    """The words as tall as their lines at the area's width (a scroll area does not ask its
    widget for height-for-width, as DialogBody.fit_body says); that height."""
    body = words.widget()
    assert body is not None
    body.setMinimumHeight(body.heightForWidth(words.viewport().width()))
    return body.minimumHeight()


def _page(words: QScrollArea, pages: int) -> None:
    bar = words.verticalScrollBar()
    bar.setValue(bar.value() + pages * bar.pageStep())
