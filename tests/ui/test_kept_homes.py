"""A tour going on from a kept copy of its data home shows what the tour that made it showed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hiptimer import paths
from tests.ui.kept_homes import SHARED, kept_copy
from tests.ui.tour import guidance_tour, resume_tour
from tests.ui.tour_stops import Visit


def _words(window: QWidget) -> list[str]:
    """Every shown label's and button's words, in the order the window holds them."""
    shown = [w for w in window.findChildren(QWidget) if w.isVisible()]
    return [w.text() for w in shown if isinstance(w, (QLabel, QAbstractButton))]


@pytest.mark.parametrize(
    ("tour", "copy"), [(resume_tour, "cut-off"), (guidance_tour, "two-good-days")]
)
@pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")
def test_a_tour_on_a_kept_copy_shows_what_it_showed_making_it(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tour: Callable[[QtBot, Visit], None],
    copy: str,
) -> None:
    monkeypatch.setenv(SHARED, str(tmp_path / "shared"))
    seen: list[tuple[str, list[str]]] = []

    def visit(name: str, window: QWidget) -> None:
        QApplication.processEvents()
        seen.append((name, _words(window)))

    tour(qtbot, visit)  # makes the data home, and keeps a copy
    made, seen[:] = list(seen), []
    assert kept_copy(copy) is not None
    monkeypatch.setenv(paths.ENV_HOME, str(tmp_path / "another-home"))
    tour(qtbot, visit)  # goes on from the copy
    assert seen == made
