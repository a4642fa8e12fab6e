"""The app's look for a history test: its style sheet and type size (put back as the next test
starts: tests/ui/looks.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication

from tests.ui.looks import apply_look


@contextmanager
def app_look(text_size: int, look: str = "dark") -> Iterator[None]:
    """The app's look, its style sheet and type size at `text_size` per cent (put back as the
    next test starts: tests/ui/looks.py)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_look(app, look, text_size)
    yield
