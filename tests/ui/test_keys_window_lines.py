"""The keyboard-shortcuts window (F1) shows whole lines: none cut at its text's bottom edge."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.ui.key_help import KeysWindow
from tests.ui.looks import apply_look

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")


def blocks(view: QTextBrowser) -> list[QTextBlock]:
    found, block = [], view.document().begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def cut_lines(view: QTextBrowser) -> list[str]:
    """The lines the view's bottom edge runs through, as the document lays them out."""
    layout = view.document().documentLayout()
    bottom = view.verticalScrollBar().value() + view.viewport().height()
    cut = []
    for block in blocks(view):
        top = layout.blockBoundingRect(block).top()
        lines = block.layout()
        for i in range(lines.lineCount()):
            line = lines.lineAt(i)
            if top + line.y() < bottom - 0.5 and top + line.y() + line.height() > bottom + 0.5:
                cut.append(block.text()[line.textStart() : line.textStart() + line.textLength()])
    return cut


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", [100, 150])
@pytest.mark.parametrize("size", [(820, 720), (600, 500), (420, 300)])
def test_the_keys_window_never_cuts_a_line_at_its_bottom_edge(
    qtbot: QtBot,
    qapp: QApplication,
    in_language: None,
    language: str,
    text_size: int,
    size: tuple[int, int],
) -> None:
    """Opened, the window's text ended with a line cut through its letters: whole lines
    only, as it opens, as it is resized and wherever it is scrolled to."""
    i18n.use(language)
    apply_look(qapp, "dark", text_size)
    window = KeysWindow()
    qtbot.addWidget(window)
    window.show()
    for width, height in (size, (size[0] - 37, size[1] - 53)):
        window.resize(width, height)
        QApplication.processEvents()
        bar = window.view.verticalScrollBar()
        for value in (0, bar.pageStep() // 3, bar.pageStep(), bar.maximum() // 2, bar.maximum()):
            bar.setValue(value)
            QApplication.processEvents()
            assert cut_lines(window.view) == [], (width, height, value)


def test_the_keys_window_has_nothing_to_scroll_to_sideways(
    qtbot: QtBot, qapp: QApplication
) -> None:
    """At 628 x 436 (a 640 x 480 screen) a sideways bar stood under the last line, 590 px shown
    of 604: its range was the text's width before the vertical bar came up and took 14 px."""
    apply_look(qapp, "dark", 100)
    window = KeysWindow()
    qtbot.addWidget(window)
    window.show()
    for width in (628, 627, 700):
        window.resize(width, 436)
        QApplication.processEvents()
        view = window.view
        assert view.document().size().width() <= view.viewport().width()  # wrapped to it
        assert view.horizontalScrollBar().maximum() == 0
        assert not view.horizontalScrollBar().isVisible()
