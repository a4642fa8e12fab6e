"""For end-to-end tests: the workout page's visible words, written to a file as they change."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget

from hiptimer.ui.session.workout_page import WorkoutPage

log = logging.getLogger(__name__)

# A file to write to: the tests of the real window read what is on screen there, as the
# window title alone cannot carry the steps and the caution.
ENV = "HIPTIMER_SCREEN_TEXT"


def visible_texts(page: QWidget) -> list[str]:
    """The text of every label of `page` that is shown, in the order they were made."""
    window = page.window()
    return [
        label.text()
        for label in page.findChildren(QLabel)
        if label.text() and label.isVisibleTo(window)
    ]


def figure_shown(page: WorkoutPage) -> dict[str, object] | None:
    """What the exercise figure shows (a figure, a picture, a note naming a file), if anything."""
    figure = page.figure
    if not figure.isVisibleTo(page.window()):
        return None
    shown = figure.shown
    return {"kind": shown.kind, "mirrored": shown.mirrored, "note": shown.note}


def install_screen_dump(page: WorkoutPage) -> None:
    """With $HIPTIMER_SCREEN_TEXT set, write the page's title, visible words and figure there
    each time its title changes (every second of a countdown)."""
    target = os.environ.get(ENV)
    if not target:
        return
    path = Path(target)

    def dump(title: str) -> None:
        data = {"title": title, "texts": visible_texts(page), "figure": figure_shown(page)}
        try:
            temp = path.with_name(path.name + ".tmp")
            temp.write_text(json.dumps(data), encoding="utf-8")
            os.replace(temp, path)  # a reader never sees half a file
        except OSError:
            log.exception("Could not write the screen text to %s", path)

    page.title_changed.connect(dump)
