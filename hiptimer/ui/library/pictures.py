"""The library's details pane's exercise figures, drawn as its document's resources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiptimer.ui.library.details import PICTURE_SCHEME, THUMB_H, THUMB_W
from hiptimer.ui.theme import current

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTextBrowser

    from hiptimer.core.routines.model import Routine


def exercise_pictures(details: QTextBrowser, routine: Routine, ratio: float) -> dict[str, str]:
    """Each exercise's figure (or picture) as a resource of `details`' document, or the line
    saying why not; at `ratio` device pixels a pixel.

    A fresh shelf each time, so a figure file you just changed shows when you select again.
    """
    # The figures load with the first routine shown: the routines are read after the
    # window's first paint (issue 19).
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from hiptimer.ui.widgets.figure_art import ArtShelf
    from hiptimer.ui.widgets.figure_paint import colours_for
    from hiptimer.ui.widgets.figure_view import thumbnail

    shelf = ArtShelf(routine_path=routine.path)
    colours = colours_for(current())  # drawn again when the look changes (LibraryPage._new_look)
    pictures: dict[str, str] = {}
    for ex in routine.exercises:  # the left-out ones are listed too
        art = shelf.art_for(ex)
        image = thumbnail(art, THUMB_W, THUMB_H, ratio, colours)
        if image is not None:
            name = f"{PICTURE_SCHEME}{ex.id}"
            details.document().addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(name), image
            )
            pictures[ex.id] = name
        elif art.note:
            pictures[ex.id] = art.note
    return pictures
