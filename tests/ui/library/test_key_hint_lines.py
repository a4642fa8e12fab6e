"""The library's key hint wraps between its items, each with its separator."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer import i18n
from hiptimer.ui.library.items import LibraryItem
from hiptimer.ui.library.page import LibraryPage
from tests.harness import hold, quick_routine
from tests.ui.drawn import wrapped
from tests.ui.looks import apply_look

SEPARATOR = "\u00b7"


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", [100, 150])
@pytest.mark.parametrize("width", [1012, 948, 800, 632])
def test_the_key_hint_never_leaves_its_separator_at_a_line_s_end(
    qtbot: QtBot, qapp: QApplication, in_language: None, language: str, text_size: int, width: int
) -> None:
    """In Spanish at 1024 px the hint read "↑ ↓ elegir  ·" / "F11 pantalla completa": the
    separator hung at the end of the first line. It goes with the item after it."""
    i18n.use(language)
    apply_look(qapp, "dark", text_size)
    r = quick_routine(hold("hug", 30, name="Knee hug"))
    page = LibraryPage([LibraryItem(r.id, r.title, r)])
    qtbot.addWidget(page)
    page.setMinimumSize(1, 1)
    page.resize(width, 600)
    page.show()
    QApplication.processEvents()
    lines = [line.strip() for line in wrapped(page.hint, page.hint.contentsRect().width())]
    assert lines and all(line and not line.endswith(SEPARATOR) for line in lines), lines
