"""The library shows each exercise's figure, or a plain line saying why its picture is missing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.core.routines.model import Routine
from hiptimer.ui.library.items import LibraryItem
from hiptimer.ui.library.page import LibraryPage
from tests.harness import hold, reps, routine
from tests.ui.strong_pixels import strong_pixels


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


def test_the_figures_lines_stand_out_in_the_light_look_and_the_dark(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    # The white body drawn on the light look's white list was all but invisible.
    from hiptimer.ui import theme
    from hiptimer.ui.palette import DARK, LIGHT

    r = routine(hold("hamstring-stretch", 60), path=str(tmp_path / "r.json"))
    page = page_for(qtbot, r)
    try:
        for look in (LIGHT, DARK):
            theme.apply(qapp, look.name, 100)  # the page draws its thumbnails again
            image = resource(page, "figure:hamstring-stretch")
            assert isinstance(image, QImage)
            assert strong_pixels(image, look.field) > 200, look.name
    finally:
        theme.use(DARK, 100)
        qapp.setStyleSheet("")
        qapp.setFont(theme.app_font())
