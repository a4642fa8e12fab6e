"""The app's look for a history test: its style sheet and type size, put back after."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication

from hiptimer.ui import theme
from hiptimer.ui.palette import DARK


@contextmanager
def app_look(text_size: int, look: str = "dark") -> Iterator[None]:
    """The app's look, its style sheet and type size at `text_size` per cent; put back after."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    sheet, font = app.styleSheet(), app.font()
    theme.apply(app, look, text_size)
    try:
        yield
    finally:
        theme.use(DARK, 100)
        app.setStyleSheet(sheet)
        app.setFont(font)
