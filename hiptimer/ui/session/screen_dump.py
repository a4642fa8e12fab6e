"""For end-to-end tests: the workout page's visible words, written to a file as they change."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QLabel, QWidget

from hiptimer.ui.session.workout_page import WorkoutPage

log = logging.getLogger(__name__)

# A file to write to: the tests of the real window read what is on screen there, as the
# window title alone cannot carry the steps and the caution.
ENV = "HIPTIMER_SCREEN_TEXT"
# The event a dump posts itself to look at the page after a repaint: posted, not timed, so
# it comes once the paint is done and no timer is left running.
LOOK = QEvent.Type(QEvent.registerEventType())


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


class ScreenDump(QObject):
    """Writes `page`'s title, visible words and figure to `path` whenever they change.

    Words can change with no new title (M, I, Down, a caption): each change asks the window
    to repaint, so a repaint request (QEvent.UpdateRequest, sent to the top-level window
    however deep the label) has the page looked at once, on the next turn of the event loop,
    however many requests came in that turn; the file is written only when what it says
    changed. A new title is written at once, as before (a test reading the words right after
    the title changed sees the words of that moment).
    """

    def __init__(self, page: WorkoutPage, path: Path) -> None:
        super().__init__(page)  # gone with the page, and Qt then drops it as a filter
        self._page, self._path = page, path
        self._title = ""
        self._written = ""
        self._window: QWidget | None = None
        self.pending = False  # a look is posted for the next turn of the event loop
        self.looks = 0  # looks taken after repaints (a test waits for one)
        page.installEventFilter(self)
        page.title_changed.connect(self._titled)
        self._follow_window()

    def event(self, event: QEvent) -> bool:
        if event.type() != LOOK:
            return super().event(event)
        self.pending = False
        self.looks += 1
        # A page left behind (hidden, not yet deleted) sees the window repaint too: it must
        # not write its empty screen over the shown page's.
        if self._page.isVisible():
            self.write()
        return True

    def _titled(self, title: str) -> None:
        self._title = title
        self.write()

    def _follow_window(self) -> None:
        """Watch the window the page is in now (it is made before it is put in one)."""
        window = self._page.window()
        if window is self._window:
            return
        if self._window is not None:
            self._window.removeEventFilter(self)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind is QEvent.Type.UpdateRequest:
            if not self.pending:
                self.pending = True
                QCoreApplication.postEvent(self, QEvent(LOOK))
        elif watched is self._page and kind in (QEvent.Type.ParentChange, QEvent.Type.Show):
            self._follow_window()
        return False

    def write(self) -> None:
        """Write what the page shows now, if it is not what the file says already."""
        page = self._page
        data = {"title": self._title, "texts": visible_texts(page), "figure": figure_shown(page)}
        text = json.dumps(data)
        if text == self._written:
            return
        try:
            temp = self._path.with_name(self._path.name + ".tmp")
            temp.write_text(text, encoding="utf-8")
            os.replace(temp, self._path)  # a reader never sees half a file
        except OSError:
            log.exception("Could not write the screen text to %s", self._path)
            return
        self._written = text


def install_screen_dump(page: WorkoutPage) -> ScreenDump | None:
    """With $HIPTIMER_SCREEN_TEXT set, write the page's screen there as it changes; else
    nothing is made or watched (the app never pays for it)."""
    target = os.environ.get(ENV)
    if not target:
        return None
    return ScreenDump(page, Path(target))
