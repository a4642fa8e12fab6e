"""A screen of a given size for one test (what every window's fitting reads), in a language and
text size: the netbooks and remote windows HipTimer's users have, in Spanish large print."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

from hiptimer import i18n
from hiptimer.ui.widgets import dialog_body, screen_fit
from tests.ui.fit_checks import content_misfits
from tests.ui.looks import apply_look


def on_screen(
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    qapp: QApplication,
    screen: QRect,
    language: str = "es",
    text_size: int = 150,
) -> None:
    """Windows fit `screen` from now on, in `language` at `text_size` per cent."""
    i18n.use(language)
    request.addfinalizer(lambda: i18n.use("en"))
    apply_look(qapp, "dark", text_size)
    monkeypatch.setattr(screen_fit, "free_area", lambda _widget: screen)
    monkeypatch.setattr(dialog_body, "free_area", lambda _widget: screen)


def cut_or_squeezed(window: QWidget, screen: QRect) -> list[str]:
    """What in `window` is cut off, squeezed or past `screen` (tests/ui/fit_checks.py), and
    the window itself larger than the screen's room."""
    QApplication.processEvents()
    room = screen_fit.room(window)
    too_big = window.width() > room.width() or window.height() > room.height()
    big = [f"the window {window.width()} x {window.height()} in {room.width()} x {room.height()}"]
    return (big if too_big else []) + content_misfits(window, screen)
