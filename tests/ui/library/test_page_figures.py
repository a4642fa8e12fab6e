"""The library shows each exercise's figure, or a plain line saying why its picture is missing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.model import Routine
from hiptimer.ui.library.items import LibraryItem
from hiptimer.ui.library.page import LibraryPage
from tests.harness import hold, reps, routine


def page_for(qtbot: QtBot, r: Routine) -> LibraryPage:
    page = LibraryPage([LibraryItem(r.id, r.title, r)])
    qtbot.addWidget(page)
    page.setMinimumSize(800, 600)
    page.show()
    return page


def resource(page: LibraryPage, name: str) -> object:
    return page.details.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))


def test_each_exercise_with_a_figure_gets_a_small_picture(qtbot: QtBot, tmp_path: Path) -> None:
    r = routine(reps("bridge", 8), hold("my-own-stretch", 30), path=str(tmp_path / "r.json"))
    page = page_for(qtbot, r)
    image = resource(page, "figure:bridge")
    assert isinstance(image, QImage) and not image.isNull()
    assert resource(page, "figure:my-own-stretch") is None
    assert "figure:bridge" in page.details.toHtml()


def test_a_missing_picture_is_named_in_plain_text(qtbot: QtBot, tmp_path: Path) -> None:
    name = "<b>pics</b>/bridge.png"
    r = routine(reps("bridge", 8, image=name), path=str(tmp_path / "r.json"))
    page = page_for(qtbot, r)
    text = page.details.toPlainText()
    assert f"Picture not shown: {name} (file not found)" in text
    assert resource(page, "figure:bridge") is None
