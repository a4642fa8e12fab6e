"""At start-up the library lists its routines and enables Start before it draws the chosen
routine's figures, which follow when asked (docs/performance.md, session 20)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiptimer.ui.library.items import LibraryItem
from hiptimer.ui.library.page import LibraryPage
from hiptimer.ui.palette import DARK
from tests.harness import hold, reps, routine
from tests.ui.looks import apply_look
from tests.ui.strong_pixels import strong_pixels


def figure(page: LibraryPage, exercise_id: str) -> QImage:
    image = page.details.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl(f"figure:{exercise_id}")
    )
    assert isinstance(image, QImage) and not image.isNull()
    return image


def where(page: LibraryPage, words: str) -> QRect:
    """Where `words` are in the details pane, on screen."""
    return page.details.cursorRect(page.details.document().find(words))


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
def test_the_text_and_start_come_first_with_room_for_the_figures(
    qtbot: QtBot, tmp_path: Path
) -> None:
    r = routine(reps("bridge", 8), hold("hamstring-stretch", 60), path=str(tmp_path / "r.json"))
    page = LibraryPage(None)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()  # laid out, as on the window
    page.set_items([LibraryItem(r.id, r.title, r)], pictures_later=True)
    assert page.start_button.isEnabled()
    assert "Bridge" in page.details.toPlainText()
    assert "figure:" not in page.details.toHtml()  # nothing drawn yet
    before = where(page, "Bridge"), where(page, "Hamstring stretch"), page.details.document().size()
    page.draw_pictures()  # (the app: once the list is painted)
    assert strong_pixels(figure(page, "bridge"), DARK.field) > 200
    assert strong_pixels(figure(page, "hamstring-stretch"), DARK.field) > 200
    # The blanks were as large as the figures: the text stays where it was.
    assert (where(page, "Bridge"), where(page, "Hamstring stretch")) == before[:2]
    assert page.details.document().size() == before[2]
    assert before[0].left() > 96


def test_a_routine_chosen_meanwhile_is_drawn_once_as_usual(qtbot: QtBot, tmp_path: Path) -> None:
    first = routine(reps("bridge", 8), path=str(tmp_path / "a.json"), id="a")
    second = routine(hold("hamstring-stretch", 60), path=str(tmp_path / "b.json"), id="b")
    page = LibraryPage(None)
    qtbot.addWidget(page)
    items = [LibraryItem("a", "A", first), LibraryItem("b", "B", second)]
    page.set_items(items, pictures_later=True)
    page.select("b")  # before the idle moment: drawn at once, as any choice is
    assert strong_pixels(figure(page, "hamstring-stretch"), DARK.field) > 200
    page.draw_pictures()  # finds the first routine no longer shown
    assert "figure:hamstring-stretch" in page.details.toHtml()
    assert "figure:bridge" not in page.details.toHtml()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen
@pytest.mark.parametrize("text_size", [100, 200])
def test_the_figures_room_is_kept_without_an_image(
    qtbot: QtBot, qapp: QApplication, text_size: int, tmp_path: Path
) -> None:
    """The blank figures were an <img> of a one-pixel PNG, whose format Qt found by loading
    every image-format plugin at the first paint (10.6 M instructions: docs/performance.md,
    session 27). Their room is kept without one, as large in large print and beside a
    caution's row."""
    apply_look(qapp, "dark", text_size)
    exercises = reps("bridge", 8, caution="Stop if it pinches."), hold("hamstring-stretch", 60)
    r = routine(*exercises, path=str(tmp_path / "r.json"))
    page = LibraryPage(None)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    page.set_items([LibraryItem(r.id, r.title, r)], pictures_later=True)
    assert "<img" not in page.details.toHtml()  # nothing to decode before the list's paint
    words = ("Bridge", "Stop if it pinches.", "Hamstring stretch", "Exercises")
    assert all(not page.details.document().find(w).isNull() for w in words)
    before = [where(page, w) for w in words], page.details.document().size()
    page.draw_pictures()
    assert "<img" in page.details.toHtml()
    assert ([where(page, w) for w in words], page.details.document().size()) == before
