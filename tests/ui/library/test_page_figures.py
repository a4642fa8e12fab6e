"""The library shows each exercise's figure, or a plain line saying why its picture is missing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRectF, QUrl
from PySide6.QtGui import QImage, QTextBlock, QTextDocument
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


def block_rect(page: LibraryPage, found: Callable[[QTextBlock], bool]) -> QRectF:
    """Where the details pane lays out the first block `found` picks."""
    doc = page.details.document()
    block = doc.begin()
    while block.isValid() and not found(block):
        block = block.next()
    assert block.isValid()
    return doc.documentLayout().blockBoundingRect(block)


def shows_image(name: str) -> Callable[[QTextBlock], bool]:
    def found(block: QTextBlock) -> bool:
        it = block.begin()
        while not it.atEnd():
            f = it.fragment().charFormat()
            if f.isImageFormat() and f.toImageFormat().name() == name:
                return True
            it += 1
        return False

    return found


def test_each_figure_sits_in_its_own_exercise_band_beside_its_name(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """An exercise without a figure (Marching) sat tight on the next row, whose figure
    (Clamshell's), centred beside a name at the top of its row, looked as if it belonged to
    both. Each exercise now has a line and a gap above it, its name beside its figure."""
    r = routine(
        reps("bridge", 8), reps("marching", 10), reps("clamshell", 10), reps("monster-walk", 10),
        path=str(tmp_path / "r.json"),
    )  # fmt: skip
    page = page_for(qtbot, r)
    figure = block_rect(page, shows_image("figure:clamshell"))
    name = block_rect(page, lambda b: b.text() == "Clamshell")
    above = block_rect(page, lambda b: b.text() == "Marching")
    assert abs(name.center().y() - figure.center().y()) <= 3  # its name, beside it
    assert above.bottom() <= figure.top()  # not beside the exercise above
    html = page.details.toHtml()
    # A divider above every exercise but the first: four rows, three lines.
    assert html.count("border-top") >= 3 * 3  # the picture's cell, the name's and the dose's


def test_a_new_estimate_keeps_the_pictures_drawn_and_a_new_choice_draws_them_again(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each start sets the estimate once the voice is known: only the lengths change, and the
    # pictures drawn for the routine shown are kept (drawing them again cost every start).
    from hiptimer.ui.widgets import figure_view

    drawn: list[object] = []
    draw = figure_view.thumbnail

    def counted(*args: Any) -> QImage | None:
        drawn.append(args[0])
        return draw(*args)

    monkeypatch.setattr(figure_view, "thumbnail", counted)
    r = routine(reps("bridge", 8), path=str(tmp_path / "r.json"))
    other = routine(reps("clam", 8), path=str(tmp_path / "o.json"), id="other")
    page = LibraryPage([LibraryItem(r.id, r.title, r), LibraryItem(other.id, other.title, other)])
    qtbot.addWidget(page)
    assert len(drawn) == 1
    page.set_estimate(lambda _r: 20 * 60)
    assert len(drawn) == 1
    assert "About 20 min" in page.details.toPlainText()
    image = resource(page, "figure:bridge")
    assert isinstance(image, QImage) and not image.isNull()
    assert "figure:bridge" in page.details.toHtml()
    page.list.setCurrentRow(1)  # a figure file changed meanwhile shows: each choice draws
    page.list.setCurrentRow(0)
    assert len(drawn) == 3
